package org.passgenau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ids are written into run files, reports and CSV: one that holds a line break, whitespace or an
 * unpaired surrogate is rejected when read, and the run goes on with the rest.
 */
class HostileIdsTest {

  private static final Path DATA = Path.of(System.getProperty("passgenau.data", "../data"));

  @TempDir Path dir;

  @Test
  void idsThatCouldBreakALineOrTheWriterAreRejectedAndTheRestIsMatched() throws IOException {
    Path profiles = dir.resolve("profiles.jsonl");
    Files.writeString(profiles,
        "{\"id\":\"P-\\ud800\"}\n"
            + "{\"id\":\"P-1\\nP-2 Q0 V-0001 1 9.9 fake\"}\n"
            + "{\"id\":\"P 3\"}\n"
            + "{\"id\":\"P-4\"}\n",
        StandardCharsets.UTF_8);
    Path rejects = dir.resolve("rejects.jsonl");
    Path out = dir.resolve("run.txt");

    CliRun run = CliRun.of("match", "--opportunities",
        DATA.resolve("opportunities.jsonl").toString(), "--profiles", profiles.toString(),
        "--as-of", "2026-11-23", "--format", "trec", "--top", "2",
        "--rejects", rejects.toString(), "--out", out.toString());

    assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
    List<String> rejected = Files.readAllLines(rejects, StandardCharsets.UTF_8);
    assertThat(rejected).hasSize(3)
        .allSatisfy(line -> assertThat(line).contains("\"field\":\"id\"")
            .contains("must be printable, without whitespace"));
    assertThat(rejected.get(0)).as("the unpaired surrogate, written as text")
        .contains("\"id\":\"P-\\\\uD800\"");
    assertThat(Files.readAllLines(out, StandardCharsets.UTF_8))
        .as("run lines, each of six fields, all of the one good profile")
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line.split(" ")).hasSize(6).startsWith("P-4"));
  }
}
