package org.passgenau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code passgenau assign}: proposals within the open positions, on the sample data. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class AssignCommandTest {

  private static final Path DATA = Path.of(System.getProperty("passgenau.data", "../data"));
  private static final String OPPORTUNITIES = DATA.resolve("opportunities.jsonl").toString();
  private static final String PROFILES = DATA.resolve("profiles.jsonl").toString();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private CliRun assign(String method, Path summary, String... extra) {
    List<String> args = new ArrayList<>(List.of("assign", "--opportunities", OPPORTUNITIES,
        "--profiles", PROFILES, "--as-of", "2026-11-23", "--method", method,
        "--summary", summary.toString()));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  private static List<JsonNode> lines(String out) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : out.split("\n")) {
      nodes.add(JSON.readTree(line));
    }
    return nodes;
  }

  private static Map<String, Integer> places() throws IOException {
    Map<String, Integer> places = new HashMap<>();
    for (String line : Files.readAllLines(DATA.resolve("opportunities.jsonl"))) {
      JsonNode o = JSON.readTree(line);
      places.put(o.get("id").asText(),
          o.has("open_positions") ? o.get("open_positions").asInt() : 1);
    }
    return places;
  }

  @Test
  void noOpportunityIsProposedToMorePeopleThanItHasPlacesAndEachProposalIsExplainedAsMatchDoes()
      throws IOException {
    Path summaryFile = dir.resolve("summary.json");
    CliRun run = assign("optimal", summaryFile);
    CliRun matches = CliRun.of("match", "--opportunities", OPPORTUNITIES, "--profiles", PROFILES,
        "--as-of", "2026-11-23", "--top", "50");
    assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();

    Map<String, JsonNode> matchByPair = new HashMap<>();
    for (JsonNode result : lines(matches.out())) {
      for (JsonNode m : result.get("matches")) {
        matchByPair.put(result.get("profile_id").asText() + " " + m.get("opportunity_id").asText(),
            m);
      }
    }
    Map<String, Integer> taken = new HashMap<>();
    int assigned = 0;
    List<JsonNode> proposals = lines(run.out());
    for (JsonNode p : proposals) {
      if (p.get("opportunity_id").isNull()) {
        assertThat(p.get("unassigned_because").asText()).isNotEmpty();
        continue;
      }
      assigned++;
      String opportunity = p.get("opportunity_id").asText();
      taken.merge(opportunity, 1, Integer::sum);
      JsonNode m = matchByPair.get(p.get("profile_id").asText() + " " + opportunity);
      assertThat(m).as("the proposal is among the person's own 50 best").isNotNull();
      assertThat(p.get("score")).isEqualTo(m.get("score"));
      assertThat(p.get("rank_in_own_list")).isEqualTo(m.get("rank"));
      assertThat(p.get("explanation")).isEqualTo(m.get("explanation"));
    }
    Map<String, Integer> places = places();
    taken.forEach((opportunity, n) ->
        assertThat(n).as("people proposed %s", opportunity)
            .isLessThanOrEqualTo(places.get(opportunity)));
    assertThat(proposals).as("one line per person").hasSize(168);

    JsonNode summary = JSON.readTree(summaryFile.toFile());
    assertThat(summary.get("assigned").asInt()).isEqualTo(assigned);
    assertThat(summary.get("profiles").asInt()).isEqualTo(168);
    assertThat(summary.get("placed_beyond_first_choice_run").asLong())
        .isEqualTo(assigned - summary.get("everyone_first_choice").get("placed").asLong());
    assertThat(summary.get("by_group").get("gender")).as("placement by audit group").isNotEmpty();
  }

  @Test
  void theOptimalAssignmentScoresAtLeastAsMuchAsTheStableOne() throws IOException {
    Path optimal = dir.resolve("optimal.json");
    Path stable = dir.resolve("stable.json");
    assertThat(assign("optimal", optimal).exitCode()).isZero();
    assertThat(assign("stable", stable).exitCode()).isZero();

    assertThat(JSON.readTree(optimal.toFile()).get("total_score").asDouble())
        .isGreaterThanOrEqualTo(JSON.readTree(stable.toFile()).get("total_score").asDouble());
  }

  @Test
  void theSameInputGivesTheSameProposalsWhateverTheThreads() {
    CliRun one = assign("optimal", dir.resolve("a.json"), "--threads", "1");
    CliRun three = assign("optimal", dir.resolve("b.json"), "--threads", "3");

    assertThat(three.out()).isNotEmpty().isEqualTo(one.out());
  }

  @Test
  void anUnknownMethodIsAUsageError() {
    CliRun run = assign("fastest", dir.resolve("s.json"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("fastest").contains("optimal or stable");
  }
}
