package org.passgenau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * No run ends in a stack trace: an Error that escapes a command (out of memory, a stack overflow)
 * ends in one line on stderr and exit code 1, as an exception does, and a line nested too deeply
 * for the parser is one reject among the others.
 */
class MainErrorsTest {

  @TempDir Path dir;

  @Command(name = "recurse")
  static final class Recurse implements Runnable {
    @Override
    public void run() {
      depth(0);
    }

    private static int depth(int n) {
      return depth(n + 1) + 1;
    }
  }

  @Command(name = "allocate")
  static final class Allocate implements Runnable {
    @Override
    public void run() {
      long[] huge = new long[Integer.MAX_VALUE - 8];
      huge[0] = 1;
    }
  }

  private static CliRun runWith(Object command, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      CommandLine cli = Main.commandLine(o, e, false);
      cli.addSubcommand(command);
      code = Main.execute(cli, args, e);
    }
    return new CliRun(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aStackOverflowEndsInOneLineAndExitCodeOne() {
    CliRun run = runWith(new Recurse(), "recurse");

    assertThat(run.exitCode()).as("exit code").isEqualTo(1);
    assertThat(run.err().lines()).as("lines on stderr").hasSize(1);
    assertThat(run.err())
        .as("message")
        .startsWith("passgenau recurse: ")
        .contains("stack overflow")
        .doesNotContain("\tat ", "Exception in");
  }

  @Test
  void runningOutOfMemoryEndsInOneLineNamingTheWayOut() {
    CliRun run = runWith(new Allocate(), "allocate");

    assertThat(run.exitCode()).as("exit code").isEqualTo(1);
    assertThat(run.err().lines()).as("lines on stderr").hasSize(1);
    assertThat(run.err())
        .as("message")
        .startsWith("passgenau allocate: out of memory")
        .contains("-Xmx")
        .doesNotContain("\tat ");
  }

  @Test
  void aProfileNestedTooDeeplyIsOneRejectAndTheRunGoesOn() throws IOException {
    Path opportunities = CliRun.fixture(dir, "opportunities.jsonl");
    Path profiles = CliRun.fixture(dir, "profiles.jsonl");
    String good = Files.readAllLines(profiles).get(0);
    String deep =
        "{\"id\":\"P-deep\",\"x\":" + "[".repeat(200_000) + "]".repeat(200_000) + "}";
    Path mixed = dir.resolve("mixed.jsonl");
    Files.writeString(mixed, deep + "\n" + "[".repeat(500_000) + "\n" + good + "\n");
    Path rejects = dir.resolve("rejects.jsonl");

    CliRun run =
        CliRun.of(
            "match",
            "--opportunities", opportunities.toString(),
            "--profiles", mixed.toString(),
            "--rejects", rejects.toString());

    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
    assertThat(run.err()).as("stderr").doesNotContain("\tat ", "StackOverflow");
    assertThat(Files.readAllLines(rejects).stream().filter(line -> line.contains("mixed.jsonl")))
        .as("rejects of the profiles")
        .hasSize(2)
        .allSatisfy(
            line ->
                assertThat(line)
                    .contains("nesting depth (1001) exceeds the maximum allowed (1000)")
                    .doesNotContain("StreamReadConstraints"));
    assertThat(run.err()).as("summary").contains("profiles " + mixed + ": 3 read, 1 accepted");
  }

  @Test
  void anErrorOnAThreadOfItsOwnIsOneLineToo() throws InterruptedException {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      Thread progress = new Thread(() -> {
        throw new OutOfMemoryError("Java heap space");
      });
      progress.setUncaughtExceptionHandler(Main.oneLineHandler(e));
      progress.start();
      progress.join();
    }

    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("passgenau: out of memory (Java heap space); give Java more heap, as in"
            + " java -Xmx4g -jar passgenau.jar ...\n");
  }
}
