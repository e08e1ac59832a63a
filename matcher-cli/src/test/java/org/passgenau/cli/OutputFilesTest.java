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
}
