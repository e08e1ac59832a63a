package org.passgenau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command's output files are replaced only when the run succeeds: one that fails after it began
 * writing keeps the previous file and leaves no temporary file behind.
 */
class AtomicOutputCommandTest {

  private static final Path DATA = Path.of(System.getProperty("passgenau.data", "../data"));

  @TempDir Path dir;

  private List<String> folder() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  /**
   * Standard input that hands over two profiles, waits until results for them have reached the
   * temporary output file, and then breaks as a lost pipe or disk would.
   */
  private final class BreakingInput extends InputStream {
    private final byte[] profiles;
    private boolean handedOver;
    boolean outputHadBegun;

    BreakingInput() throws IOException {
      List<String> lines = Files.readAllLines(DATA.resolve("profiles.jsonl"));
      profiles = (lines.get(1) + "\n" + lines.get(2) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int read() throws IOException {
      throw new UnsupportedOperationException("read in blocks");
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (!handedOver) {
        handedOver = true;
        System.arraycopy(profiles, 0, b, off, profiles.length);
        return profiles.length;
      }
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (!outputHadBegun && System.nanoTime() < deadline) {
        outputHadBegun = temporaryOutputHasContent();
        Thread.onSpinWait();
      }
      throw new IOException("Input/output error");
    }

    private boolean temporaryOutputHasContent() throws IOException {
      try (Stream<Path> files = Files.list(dir)) {
        return files.anyMatch(f -> f.getFileName().toString().startsWith(".out.jsonl.")
            && f.toFile().length() > 0);
      }
    }
  }

  @Test
  void aMatchRunThatFailsAfterWritingBeganKeepsTheExistingOutFile() throws IOException {
    Path out = Files.writeString(dir.resolve("out.jsonl"), "yesterday's results\n");
    BreakingInput stdin = new BreakingInput();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code = Main.run(new String[] {"match",
        "--opportunities", DATA.resolve("opportunities.jsonl").toString(), "--profiles", "-",
        "--as-of", "2026-11-23", "--out", out.toString()},
        stdin, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(stdin.outputHadBegun).as("results were being written when the input broke")
        .isTrue();
    assertThat(code).as("stderr: %s", err).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Input/output error");
    assertThat(Files.readString(out)).isEqualTo("yesterday's results\n");
    assertThat(folder()).containsExactly("out.jsonl");
  }

  @Test
  void aSuccessfulRunReplacesTheExistingOutFile() throws IOException {
    Path out = Files.writeString(dir.resolve("out.jsonl"), "yesterday's results\n");

    CliRun run = CliRun.of("match", "--opportunities",
        DATA.resolve("opportunities.jsonl").toString(), "--profiles",
        DATA.resolve("profiles.jsonl").toString(), "--as-of", "2026-11-23", "--top", "1",
        "--out", out.toString());

    assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
    assertThat(Files.readAllLines(out)).hasSize(168).allMatch(l -> l.startsWith("{\"profile_id\""));
    assertThat(folder()).containsExactly("out.jsonl");
  }
}
