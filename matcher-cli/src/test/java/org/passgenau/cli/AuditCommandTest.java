package org.passgenau.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
 * {@code passgenau audit} on the command-line fixtures: P-201 is a Syrian woman, P-202 and P-203
 * have no audit fields, P-204 cannot be read.
 */
class AuditCommandTest {

  @TempDir Path dir;
  private Path opportunities;
  private Path profiles;
  private Path out;

  @BeforeEach
  void copyFixtures() {
    opportunities = CliRun.fixture(dir, "opportunities.jsonl");
    profiles = CliRun.fixture(dir, "profiles.jsonl");
    out = dir.resolve("audit");
  }

  /** An audit of the fixtures on a fixed day, with extra arguments. */
  private CliRun audit(String... extra) {
    List<String> args = new ArrayList<>(List.of("audit",
        "--opportunities", opportunities.toString(), "--profiles", profiles.toString(),
        "--as-of", "2026-06-01"));
    args.addAll(Arrays.asList(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void anAuditWritesTwoCsvTablesAndAnHtmlReportIntoTheOutputDirectory() throws IOException {
    CliRun run = audit("--out", out.toString());

    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
    assertThat(Files.list(out).map(p -> p.getFileName().toString()).sorted().toList())
        .as("files written").containsExactly("audit.html", "exclusions.csv", "groups.csv");
    assertThat(run.out()).as("stdout").isEmpty();
  }

  @Test
  void theGroupTableHasOneRowForEveryoneAndOnePerAuditGroup() throws IOException {
    audit("--out", out.toString(), "--top", "3");

    List<String> rows = Files.readAllLines(out.resolve("groups.csv"));
    assertThat(rows.get(0)).as("header")
        .startsWith("attribute,group,profiles,profile_share,profiles_with_match,match_rate,");
    assertThat(rows.subList(1, rows.size()))
        .extracting(row -> String.join(",", Arrays.asList(row.split(",")).subList(0, 3)))
        .as("attribute, group and profiles of each row")
        .containsExactly("(all),(all),3", "gender,f,1", "gender,(unknown),2",
            "nationality,SY,1", "nationality,(unknown),2");
  }

  @Test
  void theExclusionTableNamesFiltersPerGroup() throws IOException {
    audit("--out", out.toString());

    List<String> rows = Files.readAllLines(out.resolve("exclusions.csv"));
    assertThat(rows.get(0)).as("header").isEqualTo(
        "attribute,group,filter,excluded,mean_per_profile,share_of_exclusions,ratio_to_all");
    assertThat(rows).as("rows for the women").anyMatch(r -> r.startsWith("gender,f,"));
  }

  @Test
  void theHtmlReportIsSelfContained() throws IOException {
    audit("--out", out.toString());

    String page = Files.readString(out.resolve("audit.html"));
    assertThat(page).as("audit.html")
        .contains("data:image/png;base64,")
        .doesNotContainPattern("(?i)(src|href)\\s*=\\s*\"?(https?:)?//")
        .doesNotContainPattern("(?i)<(script|link|iframe)");
  }

  @Test
  void twoAuditsOfTheSameInputAndDayWriteByteIdenticalFiles() throws IOException {
    Path again = dir.resolve("again");

    audit("--out", out.toString());
    audit("--out", again.toString());

    for (String file : List.of("groups.csv", "exclusions.csv", "audit.html")) {
      assertThat(Files.readAllBytes(again.resolve(file))).as("%s of the second run", file)
          .isEqualTo(Files.readAllBytes(out.resolve(file)));
    }
  }

  @Test
  void withoutAnOutputDirectoryTextTablesGoToStdout() {
    CliRun run = audit();

    assertThat(run.exitCode()).as("exit code").isZero();
    assertThat(run.out()).as("stdout")
        .contains("Fairness audit: rule set default, top 10")
        .containsSubsequence("\ngender\n", "\nf *", "\nnationality\n", "\nSY *");
  }

  @Test
  void theSummaryOnStderrCountsInputsAndRejects() {
    CliRun run = audit("--out", out.toString());

    assertThat(run.err()).as("stderr")
        .contains("profiles " + profiles + ": 4 read, 3 accepted, 1 rejected")
        .contains("audited 3 profiles against")
        .contains("wrote " + out.resolve("audit.html"))
        .contains("first 3 of 3 rejects");
  }

  @Test
  void rejectedLinesGoToTheRejectsFile() throws IOException {
    Path rejects = dir.resolve("rejects.jsonl");

    CliRun run = audit("--rejects", rejects.toString());

    assertThat(run.exitCode()).as("exit code").isZero();
    assertThat(Files.readAllLines(rejects)).as("reject lines").hasSize(3);
  }

  @Test
  void aLongAuditReportsProgressOnStderr() throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= Progress.LONG_RUN + 200; i++) {
      lines.append("{\"id\":\"P-").append(i).append("\",\"location\":{\"lat\":51.3,\"lon\":6.5,")
          .append("\"country\":\"DE\"},\"audit\":{\"gender\":\"").append(i % 2 == 0 ? "f" : "m")
          .append("\"}}\n");
    }
    Files.writeString(profiles, lines);

    CliRun run = audit("--top", "2");

    assertThat(run.err()).as("stderr").contains("matched 1000/1200 profiles");
  }

  @Test
  void anUnknownAttentionModelIsAUsageError() {
    CliRun run = audit("--attention", "dcg");

    assertThat(run.exitCode()).as("exit code").isEqualTo(2);
    assertThat(run.err()).as("message").contains("--attention").contains("'dcg'");
  }

  @Test
  void geometricAttentionIsNamedInTheReport() {
    CliRun run = audit("--attention", "geometric:0.8");

    assertThat(run.exitCode()).as("exit code").isZero();
    assertThat(run.out()).as("stdout").contains("attention 0.8^(r-1)");
  }

  @Test
  void anOutputPathThatIsAFileIsAUsageError() throws IOException {
    Path file = Files.writeString(dir.resolve("taken.txt"), "x");

    CliRun run = audit("--out", file.toString());

    assertThat(run.exitCode()).as("exit code").isEqualTo(2);
    assertThat(run.err()).as("message").contains("--out").contains("not a directory");
  }

  @Test
  void anInvalidRuleFileIsAUsageError() throws IOException {
    Path rules = Files.writeString(dir.resolve("bad.json"), "{\"scorers\":{\"distance\":1.7}}");

    CliRun run = audit("--rules", rules.toString());

    assertThat(run.exitCode()).as("exit code").isEqualTo(2);
    assertThat(run.err()).as("message").contains("scorers.distance");
  }

  @Test
  void aMissingProfileFileIsAFailure() {
    profiles = dir.resolve("missing.jsonl");

    CliRun run = audit();

    assertThat(run.exitCode()).as("exit code").isEqualTo(1);
    assertThat(run.err()).as("message").contains("missing.jsonl");
  }

  @Test
  void aProfileFileWithNothingReadableStopsTheRunAsBeyondTheRejectBudget() throws IOException {
    Files.writeString(profiles, "{\"id\":\"P-9\",\"birth_year\":\"soon\"}\n");

    CliRun run = audit();

    assertThat(run.exitCode()).as("exit code").isEqualTo(RejectBudget.EXIT_CODE);
    assertThat(run.err()).as("message").contains(profiles + ": no record accepted");
  }
}
