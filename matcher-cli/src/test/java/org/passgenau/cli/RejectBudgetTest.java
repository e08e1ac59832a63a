package org.passgenau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --max-rejects}: an input file with more rejected lines than allowed, or with no record
 * accepted, stops the run with exit code 3; the reject file is written, the results are not, and
 * the message names the file, the count and the limit.
 */
class RejectBudgetTest {

  private static final Path DATA = Path.of(System.getProperty("passgenau.data", "../data"));
  private static final String BAD = "{\"id\":\"P-BAD\",\"birth_year\":\"soon\"}";

  @TempDir Path dir;
  private Path opportunities;
  /** Nine good profiles and one rejected line: 10 lines. */
  private Path profiles;
  private Path qrels;
  private Path out;
  private Path rejects;

  @BeforeEach
  void files() throws IOException {
    opportunities = Files.copy(DATA.resolve("opportunities.jsonl"),
        dir.resolve("opportunities.jsonl"));
    List<String> lines = new ArrayList<>(
        Files.readAllLines(DATA.resolve("profiles.jsonl")).subList(0, 9));
    lines.add(4, BAD);
    profiles = Files.write(dir.resolve("profiles.jsonl"), lines, StandardCharsets.UTF_8);
    qrels = Files.writeString(dir.resolve("qrels.txt"), "P-001 0 V-0001 1\nP-002 0 V-0002 1\n");
    out = Files.writeString(dir.resolve("out.jsonl"), "yesterday's results\n");
    rejects = dir.resolve("rejects.jsonl");
  }

  private CliRun match(String... extra) {
    List<String> args = new ArrayList<>(List.of("match", "--opportunities",
        opportunities.toString(), "--profiles", profiles.toString(), "--as-of", "2026-11-23",
        "--top", "3", "--out", out.toString(), "--rejects", rejects.toString()));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  private void assertStoppedByTheBudget(CliRun run) throws IOException {
    assertThat(run.exitCode()).as("stderr: %s", run.err()).isEqualTo(RejectBudget.EXIT_CODE);
    assertThat(Files.readString(out)).as("the results kept from before")
        .isEqualTo("yesterday's results\n");
    assertThat(Files.readAllLines(rejects)).as("the rejects, written all the same")
        .singleElement().asString().contains("\"line\":5").contains("birth_year");
  }

  @Test
  void moreRejectedLinesThanAllowedStopMatchAndKeepThePreviousResults() throws IOException {
    CliRun run = match("--max-rejects", "0");

    assertStoppedByTheBudget(run);
    assertThat(run.err()).contains("profiles " + profiles
        + ": 1 of 10 lines rejected, more than --max-rejects 0 allows (0)");
  }

  @Test
  void rejectsWithinTheCountAreFine() throws IOException {
    CliRun run = match("--max-rejects", "1");

    assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
    assertThat(Files.readAllLines(out)).hasSize(9);
  }

  @Test
  void aPercentageIsOfTheFilesLines() throws IOException {
    CliRun over = match("--max-rejects", "9.9%");

    assertStoppedByTheBudget(over);
    assertThat(over.err()).contains("1 of 10 lines rejected, more than --max-rejects 9.9%"
        + " allows (0)");

    CliRun within = match("--max-rejects", "10%");

    assertThat(within.exitCode()).as("stderr: %s", within.err()).isZero();
    assertThat(Files.readAllLines(out)).hasSize(9);
  }

  @Test
  void anOpportunityFileBeyondTheBudgetStopsMatchBeforeRanking() throws IOException {
    Files.writeString(opportunities, "{\"id\":\"V-BAD\"}\n", StandardOpenOption.APPEND);

    CliRun run = match("--max-rejects", "0");

    assertThat(run.exitCode()).as("stderr: %s", run.err()).isEqualTo(RejectBudget.EXIT_CODE);
    assertThat(run.err()).contains("opportunities " + opportunities + ": 1 of 441 lines"
        + " rejected").doesNotContain("profiles " + profiles).contains("matched 0 profiles");
    assertThat(Files.readString(out)).isEqualTo("yesterday's results\n");
  }

  @Test
  void aKeptIndexDoesNotTakeTheAcceptedPartOfAnOpportunityFileBeyondTheBudget()
      throws IOException {
    Path index = dir.resolve("index");
    assertThat(match("--index", index.toString()).exitCode()).isZero();
    Path more = Files.writeString(dir.resolve("more.jsonl"),
        Files.readAllLines(opportunities).get(0).replace("\"id\":\"", "\"id\":\"NEW-") + "\n"
            + "{\"id\":\"V-BAD\"}\n");

    CliRun over = CliRun.of("match", "--index", index.toString(), "--opportunities",
        more.toString(), "--profiles", profiles.toString(), "--as-of", "2026-11-23",
        "--max-rejects", "0");
    CliRun after = CliRun.of("match", "--index", index.toString(), "--profiles",
        profiles.toString(), "--as-of", "2026-11-23");

    assertThat(over.exitCode()).as("stderr: %s", over.err()).isEqualTo(RejectBudget.EXIT_CODE);
    assertThat(after.err()).as("the index as the first run committed it")
        .contains("against 440 opportunities");
  }

  @Test
  void withoutTheOptionAFileWithNoRecordAcceptedStopsTheRun() throws IOException {
    Files.writeString(profiles, BAD + "\n" + BAD.replace("P-BAD", "P-BAD2") + "\n");

    CliRun run = match();

    assertThat(run.exitCode()).as("stderr: %s", run.err()).isEqualTo(RejectBudget.EXIT_CODE);
    assertThat(run.err()).contains("profiles " + profiles + ": no record accepted, all 2 lines"
        + " rejected");
    assertThat(Files.readString(out)).isEqualTo("yesterday's results\n");
    assertThat(Files.readAllLines(rejects)).hasSize(2);
  }

  @Test
  void anEmptyFileStopsTheRunToo() throws IOException {
    Files.writeString(profiles, "\n");

    CliRun run = match();

    assertThat(run.exitCode()).as("stderr: %s", run.err()).isEqualTo(RejectBudget.EXIT_CODE);
    assertThat(run.err()).contains("profiles " + profiles + ": empty, no record to read");
  }

  @Test
  void withoutTheOptionRejectedLinesAreReportedAndTheRunGoesOn() throws IOException {
    CliRun run = match();

    assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
    assertThat(Files.readAllLines(out)).hasSize(9);
  }

  /** Every other command that reads profiles and opportunities, with the options it needs. */
  private List<String> command(String name) {
    String[] common = {"--opportunities", opportunities.toString(), "--profiles",
        profiles.toString(), "--as-of", "2026-11-23", "--rejects", rejects.toString(),
        "--max-rejects", "0"};
    List<String> args = new ArrayList<>(List.of(name));
    args.addAll(List.of(common));
    switch (name) {
      case "candidates", "assign", "gaps" -> args.addAll(List.of("--out", out.toString()));
      case "features" -> args.addAll(List.of("--depth", "3", "--out", out.toString()));
      case "evaluate" -> args.addAll(List.of("--rules", DATA.resolve("rules/default.json")
          .toString(), "--qrels", qrels.toString(), "--out", out.toString()));
      case "compare" -> args.addAll(List.of("--rules", DATA.resolve("rules/default.json")
          .toString(), "--rules", DATA.resolve("rules/short-commute.json").toString(),
          "--qrels", qrels.toString(), "--out", dir.resolve("reports").toString()));
      case "audit" -> args.addAll(List.of("--out", dir.resolve("reports").toString()));
      default -> throw new IllegalArgumentException(name);
    }
    return args;
  }

  @ParameterizedTest
  @ValueSource(strings = {"candidates", "assign", "gaps", "features", "evaluate", "compare",
      "audit"})
  void everyCommandThatReadsRecordsKeepsToTheBudget(String name) throws IOException {
    CliRun run = CliRun.of(command(name).toArray(String[]::new));

    assertStoppedByTheBudget(run);
    assertThat(run.err()).contains("profiles " + profiles + ": 1 of 10 lines rejected")
        .contains("exit code 3");
    assertThat(dir.resolve("reports")).as("no report folder").doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "1.5", "101%", "-2%", "ten", "%"})
  void aLimitThatIsNeitherACountNorAPercentageIsAUsageError(String limit) {
    CliRun run = match("--max-rejects", limit);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--max-rejects").contains("'" + limit + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"match", "candidates", "assign", "gaps", "features", "evaluate",
      "compare", "audit"})
  void helpNamesTheOptionAndTheExitCode(String name) {
    CliRun run = CliRun.of(name, "--help");

    assertThat(run.out()).contains("--max-rejects=N|P%").contains("Exit codes:")
        .contains("3   An input file with too many rejected lines");
  }
}
