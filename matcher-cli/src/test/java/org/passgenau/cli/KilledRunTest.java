package org.passgenau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL, which no handler sees: a kept index reopens at its last commit,
 * whatever the killed run had read, and a result file keeps its previous content.
 */
class KilledRunTest {

  private static final Path DATA =
      Path.of(System.getProperty("passgenau.data", "../data")).toAbsolutePath().normalize();

  @TempDir Path dir;

  private List<String> matchFromIndex(Path index) {
    return List.of("match", "--index", index.toString(),
        "--profiles", DATA.resolve("profiles.jsonl").toString(), "--as-of", "2026-11-23",
        "--top", "5", "--threads", "1");
  }

  /** The sample opportunities again under new ids: more than a pipe holds, so writes block. */
  private static byte[] moreOpportunities() throws IOException {
    StringBuilder lines = new StringBuilder();
    List<String> sample = Files.readAllLines(DATA.resolve("opportunities.jsonl"));
    for (int copy = 1; copy <= 4; copy++) {
      for (String line : sample) {
        lines.append(line.replaceFirst("\"id\":\"", "\"id\":\"K" + copy + "-")).append('\n');
      }
    }
    return lines.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aKeptIndexKilledWhileAddingOpportunitiesReopensAtItsLastCommit() throws Exception {
    Path index = dir.resolve("index");
    CliRun first = ForkedCli.run(dir, "-Xmx512m", List.of("match", "--index", index.toString(),
        "--opportunities", DATA.resolve("opportunities.jsonl").toString(),
        "--profiles", DATA.resolve("profiles.jsonl").toString(), "--as-of", "2026-11-23",
        "--top", "5", "--threads", "1"));
    assertThat(first.exitCode()).as(first.err()).isZero();

    // A second run adds opportunities read from standard input, and is killed while reading
    // them: all but the pipe's last 64 KiB have been read when the write returns.
    Process adding = new ProcessBuilder(ForkedCli.command("-Xmx512m", List.of("match",
            "--index", index.toString(), "--opportunities", "-",
            "--profiles", DATA.resolve("profiles.jsonl").toString(), "--as-of", "2026-11-23")))
        .directory(dir.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    OutputStream stdin = adding.getOutputStream();
    stdin.write(moreOpportunities());
    stdin.flush();
    assertThat(adding.isAlive()).as("still reading opportunities when killed").isTrue();
    adding.destroyForcibly(); // SIGKILL: nothing runs after it, no shutdown hook, no commit
    assertThat(adding.waitFor(60, TimeUnit.SECONDS)).as("killed").isTrue();
    try {
      stdin.close();
    } catch (IOException pipeAlreadyClosed) {
      // the reader is gone
    }

    CliRun reopened = ForkedCli.run(dir, "-Xmx512m", matchFromIndex(index));

    assertThat(reopened.exitCode()).as(reopened.err()).isZero();
    assertThat(reopened.err()).as("the kept index holds what the first run committed")
        .contains("against 440 opportunities");
    assertThat(reopened.out()).as("the rankings of the first run, byte for byte")
        .isEqualTo(first.out());
  }

  @Test
  void aRunKilledWhileWritingResultsLeavesThePreviousResultFile() throws Exception {
    Path out = Files.writeString(dir.resolve("matches.jsonl"), "yesterday's results\n");
    byte[] profiles = Files.readAllBytes(DATA.resolve("profiles.jsonl"));

    // Profiles come from standard input and each result is written as it comes: the run is
    // killed with results written and more profiles to come.
    Process matching = new ProcessBuilder(ForkedCli.command("-Xmx512m", List.of("match",
            "--opportunities", DATA.resolve("opportunities.jsonl").toString(),
            "--profiles", "-", "--out", out.toString(), "--as-of", "2026-11-23")))
        .directory(dir.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    OutputStream stdin = matching.getOutputStream();
    for (int copy = 0; copy < 3; copy++) { // more than a pipe holds: each write waits for reading
      stdin.write(new String(profiles, StandardCharsets.UTF_8)
          .replace("\"id\":\"", "\"id\":\"K" + copy + "-").getBytes(StandardCharsets.UTF_8));
      stdin.flush();
    }
    assertThat(matching.isAlive()).as("still matching when killed").isTrue();
    matching.destroyForcibly();
    assertThat(matching.waitFor(60, TimeUnit.SECONDS)).as("killed").isTrue();
    try {
      stdin.close();
    } catch (IOException pipeAlreadyClosed) {
      // the reader is gone
    }

    assertThat(Files.readString(out)).as("the previous results, whole")
        .isEqualTo("yesterday's results\n");
    try (var files = Files.list(dir)) {
      assertThat(files.map(file -> file.getFileName().toString()))
          .as("at most the killed run's temporary file beside it, never a partial target")
          .allMatch(name -> name.equals("matches.jsonl")
              || name.startsWith(".matches.jsonl.") && name.endsWith(".tmp"));
    }
  }
}
