package org.passgenau.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.passgenau.eval.Evaluation;
import org.passgenau.eval.Metric;
import org.passgenau.eval.Qrels;
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
   * evaluate --rules evaluates the engine's order, which is the order of the run file's rank
   * column. evaluate --run reads the same file as trec_eval does, ignoring the rank column and
   * ordering equal scores by opportunity id descending, where the engine ranked by its unrounded
   * score. So both agree exactly on every profile whose order trec_eval keeps, and the others
   * differ only in the order of opportunities with equal scores in the file.
   */
  @Test
  void agreesWithEvaluateRunOnItsRunFileExceptForTheOrderOfEqualScores() throws IOException {
    CliRun byRun = evaluate("--run", runOut.toString(), "--qrels", QRELS);
    assertThat(byRun.exitCode()).isZero();
    JsonNode byRunJson = JSON.readTree(byRun.out());

    List<String> lines = Files.readAllLines(runOut);
    Map<String, List<String>> inRankOrder = new LinkedHashMap<>();
    for (String line : lines) {
      String[] fields = line.split(" ");
      inRankOrder.computeIfAbsent(fields[0], p -> new ArrayList<>()).add(fields[2]);
    }
    Qrels qrels = Qrels.read(Path.of(QRELS));
    Evaluation rankOrder = Evaluation.of(inRankOrder, qrels, 10);
    TrecRun asTrecEvalReads = TrecRun.read(runOut);

    int reordered = 0;
    for (String profile : rankOrder.profiles()) {
      JsonNode ranked = byRulesJson.get("per_query").get(profile);
      JsonNode read = byRunJson.get("per_query").get(profile);
      for (Metric metric : Metric.values()) {
        assertThat(ranked.get(metric.key()).asDouble()).as("%s %s: the rank column's order",
            profile, metric.key()).isEqualTo(rankOrder.perProfile().get(profile).get(metric));
      }
      if (asTrecEvalReads.ranking(profile).equals(inRankOrder.get(profile))) {
        assertThat(read).as("%s, whose ties trec_eval keeps in order", profile).isEqualTo(ranked);
      } else {
        reordered++;
        assertThat(scoresOf(lines, profile, asTrecEvalReads.ranking(profile)))
            .as("%s: trec_eval's order swaps only opportunities of equal score", profile)
            .isEqualTo(scoresOf(lines, profile, inRankOrder.get(profile)));
      }
    }
    assertThat(reordered).as("profiles with equal scores in their ranking").isPositive();
    assertThat(byRules.err()).contains("trec_eval would order equal scores of " + reordered
        + " evaluated profiles otherwise");
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
