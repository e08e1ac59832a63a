package org.passgenau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code passgenau gaps}: what would open doors, per person and for the cohort. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class GapsCommandTest {

  private static final Path DATA = Path.of(System.getProperty("passgenau.data", "../data"));
  private static final ObjectMapper JSON = new ObjectMapper();

  private static CliRun gaps(String... extra) {
    List<String> args = new ArrayList<>(List.of("gaps",
        "--opportunities", DATA.resolve("opportunities.jsonl").toString(),
        "--profiles", DATA.resolve("profiles.jsonl").toString(), "--as-of", "2026-11-23"));
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

  @Test
  void theCohortSumsWhatEachPersonsLineSays() throws IOException {
    CliRun people = gaps();
    CliRun cohort = gaps("--cohort");
    assertThat(people.exitCode()).as("stderr: %s", people.err()).isZero();
    assertThat(cohort.exitCode()).as("stderr: %s", cohort.err()).isZero();

    Map<String, Integer> helped = new HashMap<>();
    Map<String, Long> opened = new HashMap<>();
    Map<String, Set<String>> distinctBest = new HashMap<>();
    List<JsonNode> perPerson = lines(people.out());
    assertThat(perPerson).as("one line per person").hasSize(168);
    for (JsonNode person : perPerson) {
      for (JsonNode gap : person.get("gaps")) {
        String change = gap.get("change").asText();
        int n = gap.get("newly_admitted").asInt();
        helped.merge(change, n > 0 ? 1 : 0, Integer::sum);
        opened.merge(change, (long) n, Long::sum);
        if (n > 0) {
          distinctBest.computeIfAbsent(change, c -> new HashSet<>())
              .add(gap.get("best").get("opportunity_id").asText());
        }
      }
    }
    List<JsonNode> rows = lines(cohort.out());
    assertThat(rows).extracting(r -> r.get("change").asText())
        .containsExactlyInAnyOrderElementsOf(helped.keySet());
    for (JsonNode row : rows) {
      String change = row.get("change").asText();
      assertThat(row.get("people_helped").asInt()).as("people %s helps", change)
          .isEqualTo(helped.get(change));
      assertThat(row.get("opportunities_opened").asLong()).as("opened by %s", change)
          .isEqualTo(opened.get(change));
      assertThat(row.get("distinct_opportunities").asInt())
          .as("distinct opportunities %s opens, at least the distinct best ones", change)
          .isGreaterThanOrEqualTo(distinctBest.getOrDefault(change, Set.of()).size())
          .isLessThanOrEqualTo((int) Math.min(440, opened.get(change)));
    }
  }

  @Test
  void theChangesAreExplainedInDutchWhenAsked() throws IOException {
    CliRun run = gaps("--lang", "nl");

    JsonNode first = lines(run.out()).get(0);
    assertThat(first.get("gaps")).isNotEmpty();
    assertThat(first.get("gaps").get(0).get("explanation").asText())
        .as("a Dutch sentence").contains("zou");
  }

  @Test
  void theSameInputGivesTheSameGapsWhateverTheThreads() {
    CliRun one = gaps("--threads", "1", "--cohort");
    CliRun three = gaps("--threads", "3", "--cohort");

    assertThat(three.out()).isNotEmpty().isEqualTo(one.out());
  }
}
