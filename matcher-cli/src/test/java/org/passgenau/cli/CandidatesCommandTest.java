package org.passgenau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code passgenau candidates}: the employer service's view of the sample data. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class CandidatesCommandTest {

  private static final Path DATA = Path.of(System.getProperty("passgenau.data", "../data"));
  private static final String OPPORTUNITIES = DATA.resolve("opportunities.jsonl").toString();
  private static final String PROFILES = DATA.resolve("profiles.jsonl").toString();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static CliRun candidates(String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("candidates",
        "--opportunities", OPPORTUNITIES, "--profiles", PROFILES, "--as-of", "2026-11-23"));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void eachCandidateHasTheScoreAndExplanationItsOwnMatchGives() throws IOException {
    CliRun reverse = candidates("--top", "10000", "--ids", "V-0001,V-0002,V-0003");
    CliRun forward = CliRun.of("match", "--opportunities", OPPORTUNITIES, "--profiles", PROFILES,
        "--as-of", "2026-11-23", "--top", "10000");
    assertThat(reverse.exitCode()).as("stderr: %s", reverse.err()).isZero();

    Map<String, JsonNode> matchByPair = new HashMap<>();
    for (String line : forward.out().split("\n")) {
      JsonNode result = JSON.readTree(line);
      for (JsonNode m : result.get("matches")) {
        String pair = result.get("profile_id").asText() + " " + m.get("opportunity_id").asText();
        matchByPair.put(pair, m);
      }
    }
    String[] lines = reverse.out().split("\n");
    assertThat(lines).hasSize(3);
    int pairs = 0;
    for (String line : lines) {
      JsonNode result = JSON.readTree(line);
      String opportunity = result.get("opportunity_id").asText();
      for (JsonNode c : result.get("candidates")) {
        JsonNode m = matchByPair.get(c.get("profile_id").asText() + " " + opportunity);
        assertThat(m).as("match of %s admits %s", c.get("profile_id"), opportunity).isNotNull();
        assertThat(c.get("score")).isEqualTo(m.get("score"));
        assertThat(c.get("explanation")).isEqualTo(m.get("explanation"));
        pairs++;
      }
      long admitted =
          matchByPair.keySet().stream().filter(k -> k.endsWith(" " + opportunity)).count();
      assertThat(result.get("candidates").size()).as("people admitted to %s", opportunity)
          .isEqualTo(admitted);
    }
    assertThat(pairs).as("pairs compared").isPositive();
  }

  @Test
  void everyOpportunityGetsOneLineInFileOrderWhateverTheThreads() throws IOException {
    CliRun one = candidates("--top", "5", "--threads", "1");
    CliRun three = candidates("--top", "5", "--threads", "3");

    assertThat(one.exitCode()).as("stderr: %s", one.err()).isZero();
    assertThat(three.out()).isEqualTo(one.out());
    String[] lines = one.out().split("\n");
    List<String> fileIds = Files.readAllLines(DATA.resolve("opportunities.jsonl")).stream()
        .filter(l -> !l.isBlank())
        .map(l -> {
          try {
            return JSON.readTree(l).get("id").asText();
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }).distinct().toList();
    List<String> written = new java.util.ArrayList<>();
    for (String line : lines) {
      JsonNode result = JSON.readTree(line);
      assertThat(result.has("excluded")).as("exclusions of %s", line).isTrue();
      written.add(result.get("opportunity_id").asText());
    }
    assertThat(written).as("one line per opportunity, in file order").isEqualTo(fileIds);
  }

  @Test
  void anIdThatNamesNoOpportunityIsAUsageErrorNamingIt() {
    CliRun run = candidates("--ids", "V-0001,NO-SUCH-POST");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("NO-SUCH-POST").doesNotContain("V-0001,");
    assertThat(run.out()).isEmpty();
  }
}
