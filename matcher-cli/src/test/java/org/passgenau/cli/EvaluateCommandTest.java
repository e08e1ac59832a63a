package org.passgenau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code passgenau evaluate} on a small run: P-1 has its relevant opportunity first, P-2 second,
 * P-3 is judged but not ranked, P-4 ranked but not judged.
 */
class EvaluateCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Path run;
  private Path qrels;

  @BeforeEach
  void writeFiles() throws IOException {
    run = Files.writeString(dir.resolve("run.txt"), String.join("\n",
        "P-1 Q0 V-1 1 0.9 default",
        "P-1 Q0 V-2 2 0.8 default",
        "P-2 Q0 V-1 1 0.9 default",
        "P-2 Q0 V-2 2 0.8 default",
        "P-4 Q0 V-1 1 0.9 default", ""));
    qrels = Files.writeString(dir.resolve("qrels.txt"), String.join("\n",
        "P-1 0 V-1 2",
        "P-2 0 V-2 1",
        "P-3 0 V-1 1", ""));
  }

  private CliRun evaluate(String... extra) {
    List<String> args = new ArrayList<>(List.of("evaluate",
        "--run", run.toString(), "--qrels", qrels.toString()));
    args.addAll(Arrays.asList(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void writesTheEvaluationAsJsonToStdout() throws IOException {
    CliRun result = evaluate();

    assertThat(result.exitCode()).as("exit code").isZero();
    JsonNode json = JSON.readTree(result.out());
    assertThat(json.get("k").asInt()).as("default k").isEqualTo(10);
    assertThat(json.get("mean").get("mrr").asDouble()).as("(1 + 1/2) / 2").isEqualTo(0.75);
    assertThat(json.get("per_query").has("P-3")).as("unranked left out").isFalse();
  }

  @Test
  void kIsTheCutoffOfTheMeasuresAtK() throws IOException {
    JsonNode json = JSON.readTree(evaluate("--k", "1").out());

    assertThat(json.get("k").asInt()).isEqualTo(1);
    assertThat(json.get("mean").get("p@k").asDouble()).as("(1 + 0) / 2").isEqualTo(0.5);
  }

  @Test
  void completeScoresJudgedProfilesWithoutRankingZero() throws IOException {
    JsonNode json = JSON.readTree(evaluate("--complete").out());

    assertThat(json.get("per_query").get("P-3").get("map").asDouble()).isZero();
    assertThat(json.get("mean").get("mrr").asDouble()).as("(1 + 1/2 + 0) / 3").isEqualTo(0.5);
  }

  @Test
  void writesJsonAndCsvToFiles() throws IOException {
    Path out = dir.resolve("eval.json");
    Path csv = dir.resolve("eval.csv");

    CliRun result = evaluate("--out", out.toString(), "--csv", csv.toString());

    assertThat(result.exitCode()).as("exit code").isZero();
    assertThat(result.out()).as("nothing on stdout").isEmpty();
    assertThat(JSON.readTree(out.toFile()).get("profiles").asInt()).isEqualTo(2);
    assertThat(Files.readAllLines(csv)).hasSize(4).first()
        .isEqualTo("profile_id,k,p@k,recall@k,mrr,map,ndcg@k");
  }

  @Test
  void summarisesOnStderrWhatWasEvaluatedAndLeftOut() {
    CliRun result = evaluate();

    assertThat(result.err())
        .contains("run " + run + ": 5 lines, 3 profiles, rule set default")
        .contains("evaluated 2 profiles at k=10; left out 1 ranked without judgments;"
            + " left out 1 judged without a ranking")
        .contains("mrr 0.7500");
  }

  @Test
  void malformedRunLineFailsNamingFileLineFieldAndValue() throws IOException {
    Files.writeString(run, "P-1 Q0 V-1 1 0.9 default\nP-1 Q0 V-2 2 abc default\n");

    CliRun result = evaluate();

    assertThat(result.exitCode()).as("exit code").isEqualTo(1);
    assertThat(result.err()).contains(run + " line 2: score \"abc\" is not a number");
    assertThat(result.out()).as("no results").isEmpty();
  }

  @Test
  void malformedQrelsLineFailsNamingFileLineFieldAndValue() throws IOException {
    Files.writeString(qrels, "P-1 0 V-1 high\n");

    CliRun result = evaluate();

    assertThat(result.exitCode()).as("exit code").isEqualTo(1);
    assertThat(result.err()).contains(qrels + " line 1: grade \"high\" is not a whole number");
  }

  @Test
  void runWithoutAnyJudgedProfileFails() throws IOException {
    Files.writeString(qrels, "P-9 0 V-1 1\n");

    CliRun result = evaluate();

    assertThat(result.exitCode()).as("exit code").isEqualTo(1);
    assertThat(result.err()).contains("no profile of " + run + " has judgments in " + qrels);
  }

  @Test
  void missingRunFileFailsNamingThePath() {
    String missing = dir.resolve("nowhere.txt").toString();

    CliRun result = CliRun.of("evaluate", "--run", missing, "--qrels", qrels.toString());

    assertThat(result.exitCode()).as("exit code").isEqualTo(1);
    assertThat(result.err()).contains("file not found").contains(missing);
  }

  @Test
  void missingQrelsOptionIsAUsageError() {
    CliRun result = CliRun.of("evaluate", "--run", run.toString());

    assertThat(result.exitCode()).as("exit code").isEqualTo(2);
    assertThat(result.err()).contains("--qrels");
  }

  @Test
  void kOfZeroIsAUsageError() {
    CliRun result = evaluate("--k", "0");

    assertThat(result.exitCode()).as("exit code").isEqualTo(2);
    assertThat(result.err()).contains("--k").contains("was 0");
  }

  @Test
  void helpListsTheEvaluateCommand() {
    CliRun result = CliRun.of("--help");

    assertThat(result.exitCode()).as("exit code").isZero();
    assertThat(result.out()).contains("evaluate");
  }

  @Test
  void evaluateHelpShowsEveryOption() {
    CliRun result = CliRun.of("evaluate", "--help");

    assertThat(result.exitCode()).as("exit code").isZero();
    assertThat(result.out()).contains("--run", "--qrels", "--k", "--out", "--csv", "--complete");
  }
}
