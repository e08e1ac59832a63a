package org.passgenau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output that would overwrite an input or another output, or that cannot be written, is a
 * usage error found before any file is read, and nothing is touched.
 */
class OutputFilesTest {

  private static final Path DATA = Path.of(System.getProperty("passgenau.data", "../data"));

  @TempDir Path dir;

  private Path copyOfProfiles() throws IOException {
    Path profiles = dir.resolve("profiles.jsonl");
    Files.copy(DATA.resolve("profiles.jsonl"), profiles);
    return profiles;
  }

  private static CliRun match(Path profiles, String... extra) {
    String[] args = new String[6 + extra.length];
    args[0] = "match";
    args[1] = "--opportunities";
    args[2] = DATA.resolve("opportunities.jsonl").toString();
    args[3] = "--profiles";
    args[4] = profiles.toString();
    args[5] = "--as-of=2026-11-23";
    System.arraycopy(extra, 0, args, 6, extra.length);
    return CliRun.of(args);
  }

  @Test
  void anOutputThatIsAnInputIsRefusedAndTheInputIsKept() throws IOException {
    Path profiles = copyOfProfiles();
    String before = Files.readString(profiles, StandardCharsets.UTF_8);

    CliRun run = match(profiles, "--out", dir.resolve("./profiles.jsonl").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("'--out'").contains("is also given to --profiles");
    assertThat(Files.readString(profiles, StandardCharsets.UTF_8)).isEqualTo(before);
  }

  @Test
  void theResultsAndTheRejectsCannotBeOneFile() throws IOException {
    Path same = dir.resolve("out.jsonl");

    CliRun run = match(copyOfProfiles(), "--out", same.toString(), "--rejects", same.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("is also given to --out");
    assertThat(same).doesNotExist();
  }

  @Test
  void anOutputInAMissingFolderIsRefusedBeforeAnyWork() throws IOException {
    CliRun run = match(copyOfProfiles(), "--out", dir.resolve("no/such/out.jsonl").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("cannot be written").contains("does not exist")
        .doesNotContain("opportunities data");
  }

  @Test
  void assignRefusesASummaryThatWouldOverwriteItsProposals() throws IOException {
    Path same = dir.resolve("assignment.jsonl");

    CliRun run = CliRun.of("assign", "--opportunities",
        DATA.resolve("opportunities.jsonl").toString(), "--profiles", copyOfProfiles().toString(),
        "--out", same.toString(), "--summary", same.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("'--summary'").contains("is also given to --out");
  }

  private static final String OPPORTUNITIES = DATA.resolve("opportunities.jsonl").toString();
  private static final String DEFAULT_RULES = DATA.resolve("rules/default.json").toString();
  private static final String SHORT_COMMUTE = DATA.resolve("rules/short-commute.json").toString();

  private Path qrels() throws IOException {
    return Files.writeString(dir.resolve("qrels.txt"), "P-001 0 V-0001 1\n");
  }

  @Test
  void featuresRefusesAnOutThatIsAnInput() throws IOException {
    Path profiles = copyOfProfiles();
    String before = Files.readString(profiles, StandardCharsets.UTF_8);

    CliRun run = CliRun.of("features", "--opportunities", OPPORTUNITIES,
        "--profiles", profiles.toString(), "--out", profiles.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("'--out'").contains("is also given to --profiles");
    assertThat(Files.readString(profiles, StandardCharsets.UTF_8)).isEqualTo(before);
  }

  @Test
  void featuresRefusesFeatureNamesThatWouldOverwriteTheFeatures() throws IOException {
    Path same = dir.resolve("features.csv");

    CliRun run = CliRun.of("features", "--opportunities", OPPORTUNITIES,
        "--profiles", copyOfProfiles().toString(), "--out", same.toString(),
        "--feature-names", same.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("'--feature-names'").contains("is also given to --out");
    assertThat(same).doesNotExist();
  }

  @Test
  void evaluateRefusesACsvThatIsTheQrelsAndARunOutInAMissingFolder() throws IOException {
    Path qrels = qrels();

    CliRun overwrite = CliRun.of("evaluate", "--rules", DEFAULT_RULES,
        "--opportunities", OPPORTUNITIES, "--profiles", copyOfProfiles().toString(),
        "--qrels", qrels.toString(), "--csv", qrels.toString());
    CliRun missing = CliRun.of("evaluate", "--rules", DEFAULT_RULES,
        "--opportunities", OPPORTUNITIES, "--profiles", dir.resolve("profiles.jsonl").toString(),
        "--qrels", qrels.toString(), "--run-out", dir.resolve("no/run.txt").toString());

    assertThat(overwrite.exitCode()).isEqualTo(2);
    assertThat(overwrite.err()).contains("'--csv'").contains("is also given to --qrels");
    assertThat(Files.readString(qrels)).isEqualTo("P-001 0 V-0001 1\n");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("'--run-out'").contains("does not exist")
        .doesNotContain("ranked");
  }

  @Test
  void evaluateRefusesAnOutThatIsTheRunFile() throws IOException {
    Path run = Files.writeString(dir.resolve("run.txt"), "P-001 Q0 V-0001 1 0.5 default\n");

    CliRun result = CliRun.of("evaluate", "--run", run.toString(), "--qrels",
        qrels().toString(), "--out", run.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("'--out'").contains("is also given to --run");
  }

  @Test
  void compareRefusesAReportFolderThatIsAFileOrWouldOverwriteAnInput() throws IOException {
    Path file = Files.writeString(dir.resolve("report"), "not a folder");
    Path reports = Files.createDirectories(dir.resolve("reports"));
    Path qrelsInReports = Files.writeString(reports.resolve("compare.csv"), "P-001 0 V-0001 1\n");

    CliRun intoFile = CliRun.of("compare", "--rules", DEFAULT_RULES, "--rules", SHORT_COMMUTE,
        "--opportunities", OPPORTUNITIES, "--profiles", copyOfProfiles().toString(),
        "--qrels", qrels().toString(), "--out", file.toString());
    CliRun overInput = CliRun.of("compare", "--rules", DEFAULT_RULES, "--rules", SHORT_COMMUTE,
        "--opportunities", OPPORTUNITIES, "--profiles", dir.resolve("profiles.jsonl").toString(),
        "--qrels", qrelsInReports.toString(), "--out", reports.toString());

    assertThat(intoFile.exitCode()).isEqualTo(2);
    assertThat(intoFile.err()).contains("'--out'").contains("is a file, not a directory");
    assertThat(overInput.exitCode()).isEqualTo(2);
    assertThat(overInput.err()).contains("'--out'").contains("compare.csv")
        .contains("is also given to --qrels");
    assertThat(Files.readString(qrelsInReports)).isEqualTo("P-001 0 V-0001 1\n");
  }

  @Test
  void compareRefusesRejectsThatAreTheReportFolder() throws IOException {
    Path reports = dir.resolve("reports");

    CliRun run = CliRun.of("compare", "--rules", DEFAULT_RULES, "--rules", SHORT_COMMUTE,
        "--opportunities", OPPORTUNITIES, "--profiles", copyOfProfiles().toString(),
        "--qrels", qrels().toString(), "--out", reports.toString(),
        "--rejects", reports.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("'--rejects'").contains("is also given to --out");
    assertThat(reports).doesNotExist();
  }

  @Test
  void auditRefusesRejectsThatAreAnInput() throws IOException {
    Path opportunities = dir.resolve("opportunities.jsonl");
    Files.copy(Path.of(OPPORTUNITIES), opportunities);
    long size = Files.size(opportunities);

    CliRun run = CliRun.of("audit", "--opportunities", opportunities.toString(),
        "--profiles", copyOfProfiles().toString(), "--rejects", opportunities.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("'--rejects'").contains("is also given to --opportunities");
    assertThat(Files.size(opportunities)).isEqualTo(size);
  }
}
