package org.passgenau.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passgenau.eval.Metric;
import org.passgenau.eval.MissingRankings;
import org.passgenau.eval.TrecEvalBinary;
import org.passgenau.eval.TrecRun;

/**
 * {@code passgenau evaluate --rules}: ranks every profile by a rule file and evaluates the rankings
 * in one step, on the shipped sample data and its qrels.
 */
class EvaluateRulesCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DATA = Path.of(System.getProperty("passgenau.data", "../data"));
  private static final String OPPORTUNITIES = DATA.resolve("opportunities.jsonl").toString();
  private static final String PROFILES = DATA.resolve("profiles.jsonl").toString();
  private static final String QRELS = DATA.resolve("eval/qrels.txt").toString();
  private static final String TAXONOMY = DATA.resolve("taxonomy/occupations.tsv").toString();
  private static final String DEFAULT_RULES = DATA.resolve("rules/default.json").toString();
  /** trec_eval prints %6.4f: a value agrees when it rounds to the printed one. */
  private static final double FOUR_DECIMALS = 0.00005 + 1e-9;

  @TempDir static Path dir;
  private static Path runOut;
  private static CliRun byRules;
  private static JsonNode byRulesJson;

  /** One run of evaluate --rules on the sample data, writing the run it evaluated. */
  @BeforeAll
  static void evaluateTheDefaultRules() throws IOException {
    runOut = dir.resolve("run.txt");
    byRules = CliRun.of("evaluate", "--rules", DEFAULT_RULES, "--opportunities", OPPORTUNITIES,
        "--profiles", PROFILES, "--qrels", QRELS, "--taxonomy", TAXONOMY,
        "--as-of", "2026-11-23", "--run-out", runOut.toString());
    byRulesJson = JSON.readTree(byRules.out());
  }

  private static CliRun evaluate(String... args) {
    List<String> all = new ArrayList<>(List.of("evaluate"));
    all.addAll(Arrays.asList(args));
    return CliRun.of(all.toArray(String[]::new));
  }

  @Test
  void ranksAndEvaluatesInOneStep() {
    assertThat(byRules.exitCode()).as("exit code; stderr: %s", byRules.err()).isZero();
    assertThat(byRulesJson.get("rule_set").asText()).isEqualTo("default");
    assertThat(byRulesJson.get("as_of").asText()).isEqualTo("2026-11-23");
    assertThat(byRulesJson.get("depth").asInt()).as("max(k, 100)").isEqualTo(100);
    assertThat(byRulesJson.get("k").asInt()).isEqualTo(10);
    assertThat(byRulesJson.get("profiles").asInt()).as("every sample profile is judged")
        .isEqualTo(168);
    assertThat(byRules.err())
        .contains("profiles " + PROFILES + ": 168 read, 168 accepted, 0 rejected")
        .contains("rule set default 1 from " + DEFAULT_RULES)
        .contains("ranked 168 profiles by default against 440 opportunities to depth 100")
        .contains("evaluated 168 profiles at k=10");
  }

  @Test
  void runFileWrittenIsWhatMatchWritesForTheSameInput() throws IOException {
    Path matched = dir.resolve("match.txt");
    CliRun match = CliRun.of("match", "--rules", DEFAULT_RULES, "--opportunities", OPPORTUNITIES,
        "--profiles", PROFILES, "--taxonomy", TAXONOMY, "--as-of", "2026-11-23",
        "--top", "100", "--format", "trec", "--out", matched.toString());

    assertThat(match.exitCode()).isZero();
    assertThat(Files.readString(runOut)).isEqualTo(Files.readString(matched));
  }

  /**
   * One ranking, one set of numbers: evaluate --rules, evaluate --run on the run file it wrote (which
   * is match's), and trec_eval on that file read equal scores alike, by id descending.
   */
  @Test
  void evaluateRunOnItsRunFileGivesExactlyTheSameNumbers() throws IOException {
    CliRun byRun = evaluate("--run", runOut.toString(), "--qrels", QRELS);
    assertThat(byRun.exitCode()).isZero();
    JsonNode byRunJson = JSON.readTree(byRun.out());

    assertThat(byRunJson.get("profiles")).isEqualTo(byRulesJson.get("profiles"));
    assertThat(byRunJson.get("mean")).isEqualTo(byRulesJson.get("mean"));
    assertThat(byRunJson.get("per_query")).isEqualTo(byRulesJson.get("per_query"));
  }

  @Test
  void trecEvalOnTheRunFileGivesTheSameNumbers() {
    assumeTrue(TrecEvalBinary.unavailable().isEmpty(),
        () -> TrecEvalBinary.unavailable().orElseThrow());

    assertAgreesWithTrecEval(byRulesJson, Path.of(QRELS), runOut);
  }

  /**
   * match lists equal written scores by id, the evaluation reads them by id descending: on the
   * sample data the two orders differ for many profiles, only ever among equal scores, and the
   * summary says for how many.
   */
  @Test
  void theEvaluatedOrderDiffersFromMatchsOnlyAmongEqualScores() throws IOException {
    List<String> lines = Files.readAllLines(runOut);
    Map<String, List<String>> inRankOrder = new LinkedHashMap<>();
    for (String line : lines) {
      String[] fields = line.split(" ");
      inRankOrder.computeIfAbsent(fields[0], p -> new ArrayList<>()).add(fields[2]);
    }
    TrecRun asTrecEvalReads = TrecRun.read(runOut);

    int reordered = 0;
    for (String profile : inRankOrder.keySet()) {
      if (!asTrecEvalReads.ranking(profile).equals(inRankOrder.get(profile))) {
        reordered++;
        assertThat(scoresOf(lines, profile, asTrecEvalReads.ranking(profile)))
            .as("%s: trec_eval's order swaps only opportunities of equal score", profile)
            .isEqualTo(scoresOf(lines, profile, inRankOrder.get(profile)));
      }
    }
    assertThat(reordered).as("profiles with equal scores in their ranking").isPositive();
    assertThat(byRules.err()).contains("evaluated as trec_eval reads the run: equal scores by id"
        + " descending, which is not match's order for " + reordered + " evaluated profiles");
  }

  /**
   * Three copies of one opportunity under the ids T-1, T-10 and T-9: equal scores, which match
   * lists T-1, T-10, T-9 and trec_eval reads T-9, T-10, T-1. With T-10 judged relevant and T-1
   * less so, the order decides every measure; all three evaluations read trec_eval's.
   */
  @Test
  void deliberatelyEqualScoresAreEvaluatedAlikeThreeWays() throws IOException {
    String top = Files.readAllLines(runOut).get(0).split(" ")[2];
    String profile = Files.readAllLines(runOut).get(0).split(" ")[0];
    String opportunity = Files.readAllLines(Path.of(OPPORTUNITIES)).stream()
        .filter(line -> line.startsWith("{\"id\":\"" + top + "\","))
        .findFirst().orElseThrow();
    StringBuilder copies = new StringBuilder();
    for (String id : List.of("T-1", "T-10", "T-9")) {
      copies.append(opportunity.replace("{\"id\":\"" + top + "\",", "{\"id\":\"" + id + "\","))
          .append('\n');
    }
    Path opportunities = Files.writeString(dir.resolve("ties.jsonl"), copies);
    Path profiles = Files.writeString(dir.resolve("ties-profiles.jsonl"),
        Files.readAllLines(Path.of(PROFILES)).stream()
            .filter(line -> line.startsWith("{\"id\":\"" + profile + "\","))
            .findFirst().orElseThrow() + "\n");
    Path qrels = Files.writeString(dir.resolve("ties.qrels"),
        profile + " 0 T-10 2\n" + profile + " 0 T-1 1\n");
    Path run = dir.resolve("ties.run");

    CliRun byRulesTied = evaluate("--rules", DEFAULT_RULES, "--opportunities",
        opportunities.toString(), "--profiles", profiles.toString(), "--qrels", qrels.toString(),
        "--taxonomy", TAXONOMY, "--as-of", "2026-11-23", "--run-out", run.toString());
    CliRun byRunTied = evaluate("--run", run.toString(), "--qrels", qrels.toString());

    assertThat(byRulesTied.exitCode()).as("stderr: %s", byRulesTied.err()).isZero();
    List<String> lines = Files.readAllLines(run);
    assertThat(lines).extracting(line -> line.split(" ")[2]).as("match's order")
        .containsExactly("T-1", "T-10", "T-9");
    assertThat(lines).extracting(line -> line.split(" ")[4]).as("one written score")
        .containsOnly(lines.get(0).split(" ")[4]);
    JsonNode tied = JSON.readTree(byRulesTied.out());
    assertThat(tied.get("per_query").get(profile).get("mrr").asDouble())
        .as("T-10 at rank 2 in trec_eval's order T-9, T-10, T-1").isEqualTo(0.5);
    assertThat(JSON.readTree(byRunTied.out()).get("per_query"))
        .isEqualTo(tied.get("per_query"));
    if (TrecEvalBinary.unavailable().isEmpty()) {
      assertAgreesWithTrecEval(tied, qrels, run);
    }
  }

  /** Every value of an evaluate JSON agrees with trec_eval's on the files to four decimals. */
  private static void assertAgreesWithTrecEval(JsonNode evaluated, Path qrels, Path run) {
    int k = evaluated.get("k").asInt();
    Map<String, Map<String, Double>> trecEval =
        TrecEvalBinary.evaluate(qrels, run, k, MissingRankings.SKIP);
    assertThat(trecEval.get("all").get("num_q")).isEqualTo(evaluated.get("profiles").asDouble());
    List<String> profiles = new ArrayList<>();
    evaluated.get("per_query").fieldNames().forEachRemaining(profiles::add);
    assertThat(profiles).containsExactlyInAnyOrderElementsOf(
        trecEval.keySet().stream().filter(q -> !q.equals("all")).toList());
    for (Metric metric : Metric.values()) {
      String name = metric.trecEvalName(k);
      for (String profile : profiles) {
        assertThat(evaluated.get("per_query").get(profile).get(metric.key()).asDouble())
            .as("%s of %s", name, profile)
            .isCloseTo(trecEval.get(profile).get(name), within(FOUR_DECIMALS));
      }
      assertThat(evaluated.get("mean").get(metric.key()).asDouble()).as("mean %s", name)
          .isCloseTo(trecEval.get("all").get(name), within(FOUR_DECIMALS));
    }
  }

  /** The scores the run file gives the opportunities of one profile, in the order given. */
  private static List<String> scoresOf(List<String> lines, String profile, List<String> ids) {
    Map<String, String> scores = new LinkedHashMap<>();
    lines.stream().map(line -> line.split(" ")).filter(f -> f[0].equals(profile))
        .forEach(f -> scores.put(f[2], f[4]));
    return ids.stream().map(scores::get).toList();
  }

  @Test
  void runAndRulesTogetherIsAUsageError() {
    CliRun run = evaluate("--run", runOut.toString(), "--rules", DEFAULT_RULES, "--qrels", QRELS);

    assertThat(run.exitCode()).as("exit code").isEqualTo(2);
    assertThat(run.err()).contains("--run=FILE, --rules=FILE are mutually exclusive");
  }

  @Test
  void neitherRunNorRulesIsAUsageError() {
    CliRun run = evaluate("--qrels", QRELS);

    assertThat(run.exitCode()).as("exit code").isEqualTo(2);
    assertThat(run.err()).contains("(--run=FILE | --rules=FILE)");
  }

  @Test
  void rulesWithoutProfilesIsAUsageError() {
    CliRun run = evaluate("--rules", DEFAULT_RULES, "--opportunities", OPPORTUNITIES,
        "--qrels", QRELS);

    assertThat(run.exitCode()).as("exit code").isEqualTo(2);
    assertThat(run.err()).contains("Missing required option for --rules: '--profiles=FILE'");
  }

  @Test
  void rankingOptionWithRunIsAUsageError() {
    CliRun run = evaluate("--run", runOut.toString(), "--qrels", QRELS, "--as-of", "2026-11-23");

    assertThat(run.exitCode()).as("exit code").isEqualTo(2);
    assertThat(run.err()).contains("'--as-of' goes with --rules");
  }

  @Test
  void depthBelowKIsAUsageError() {
    CliRun run = evaluate("--rules", DEFAULT_RULES, "--opportunities", OPPORTUNITIES,
        "--profiles", PROFILES, "--qrels", QRELS, "--k", "20", "--depth", "10");

    assertThat(run.exitCode()).as("exit code").isEqualTo(2);
    assertThat(run.err()).contains("--depth").contains("was 10");
  }

  @Test
  void invalidRuleFileIsAUsageErrorNamingFieldAndValue() throws IOException {
    Path rules = Files.writeString(dir.resolve("bad.json"),
        "{\"name\":\"bad\",\"version\":\"1\",\"scorers\":{\"distance\":1.7}}");

    CliRun run = evaluate("--rules", rules.toString(), "--opportunities", OPPORTUNITIES,
        "--profiles", PROFILES, "--qrels", QRELS);

    assertThat(run.exitCode()).as("exit code").isEqualTo(2);
    assertThat(run.err()).contains("scorers.distance").contains("1.7");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void missingRuleFileFailsNamingThePath() {
    String missing = dir.resolve("nowhere.json").toString();

    CliRun run = evaluate("--rules", missing, "--opportunities", OPPORTUNITIES,
        "--profiles", PROFILES, "--qrels", QRELS);

    assertThat(run.exitCode()).as("exit code").isEqualTo(1);
    assertThat(run.err()).contains(missing);
  }

  @Test
  void profilesWithoutAnyJudgmentFail() throws IOException {
    Path qrels = Files.writeString(dir.resolve("other.qrels"), "P-999 0 V-1 1\n");

    CliRun run = evaluate("--rules", DEFAULT_RULES, "--opportunities", OPPORTUNITIES,
        "--profiles", PROFILES, "--qrels", qrels.toString(), "--as-of", "2026-11-23");

    assertThat(run.exitCode()).as("exit code").isEqualTo(1);
    assertThat(run.err()).contains("no profile of " + PROFILES + " has judgments in " + qrels);
  }

  @Test
  void helpShowsBothWaysToCallIt() {
    CliRun run = evaluate("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("passgenau evaluate --run FILE --qrels FILE",
        "passgenau evaluate --rules FILE --opportunities FILE --profiles FILE",
        "--run-out", "--depth");
  }
}
