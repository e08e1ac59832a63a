package org.passgenau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code passgenau match} as one step of a pipeline: profiles from standard input, results to
 * standard output, ranked on several threads and still written in the profiles' order.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MatchStreamingTest {

  private static final Path DATA = Path.of(System.getProperty("passgenau.data", "../data"));

  @TempDir Path dir;
  private Path opportunities;
  private Path profiles;

  @BeforeEach
  void copyFixtures() {
    opportunities = CliRun.fixture(dir, "opportunities.jsonl");
    profiles = CliRun.fixture(dir, "profiles.jsonl");
  }

  /** A run of the command line reading standard input from {@code stdin}. */
  private static CliRun run(InputStream stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = Main.run(args, stdin, o, e);
    }
    return new CliRun(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static CliRun run(String stdin, String... args) {
    return run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
  }

  /** A match of the fixtures' opportunities on a fixed day, with extra arguments. */
  private static String[] match(Path opportunities, String... extra) {
    List<String> args = new ArrayList<>(List.of("match",
        "--opportunities", opportunities.toString(), "--as-of", "2026-06-01", "--top", "5"));
    args.addAll(Arrays.asList(extra));
    return args.toArray(String[]::new);
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  @Test
  void profilesFromStandardInputGetTheResultsTheirFileGets() throws IOException {
    CliRun fromFile = run("", match(opportunities, "--profiles", profiles.toString()));
    CliRun fromStdin = run(read(profiles), match(opportunities, "--profiles", "-"));

    assertThat(fromStdin.exitCode()).as("exit code; stderr: %s", fromStdin.err()).isZero();
    assertThat(fromStdin.out()).as("results").isNotEmpty().isEqualTo(fromFile.out());
    assertThat(fromStdin.err()).as("summary")
        .contains("profiles <stdin>: 4 read, 3 accepted, 1 rejected")
        .contains("<stdin> line 4: id P-204, field birth_year");
  }

  @Test
  void rejectsOfStandardInputNameItAsTheirSource() throws IOException {
    Path rejects = dir.resolve("rejects.jsonl");

    CliRun run = run(read(profiles),
        match(opportunities, "--profiles", "-", "--rejects", rejects.toString()));

    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
    assertThat(Files.readAllLines(rejects)).filteredOn(line -> line.contains("P-204"))
        .singleElement().asString().contains("\"file\":\"<stdin>\"").contains("\"line\":4");
  }

  @Test
  void outDashWritesTheResultsToStandardOutput() {
    CliRun noOut = run("", match(opportunities, "--profiles", profiles.toString()));
    CliRun dashOut = run("", match(opportunities, "--profiles", profiles.toString(), "--out", "-"));

    assertThat(dashOut.exitCode()).as("exit code; stderr: %s", dashOut.err()).isZero();
    assertThat(dashOut.out()).isNotEmpty().isEqualTo(noOut.out());
    assertThat(dir.resolve("-")).as("no file named -").doesNotExist();
  }

  @Test
  void opportunitiesMayComeFromStandardInputToo() throws IOException {
    CliRun fromFile = run("", match(opportunities, "--profiles", profiles.toString()));
    CliRun fromStdin = run(read(opportunities), match(Path.of("-"), "--profiles",
        profiles.toString()));

    assertThat(fromStdin.exitCode()).as("exit code; stderr: %s", fromStdin.err()).isZero();
    assertThat(fromStdin.out()).isEqualTo(fromFile.out());
    assertThat(fromStdin.err()).contains("opportunities <stdin>: 8 read, 6 accepted, 2 rejected");
  }

  @Test
  void bothInputsCannotComeFromStandardInput() {
    CliRun run = run("", match(Path.of("-"), "--profiles", "-"));

    assertThat(run.exitCode()).as("usage error").isEqualTo(2);
    assertThat(run.err())
        .contains("--opportunities and --profiles cannot both read standard input ('-')");
  }

  @Test
  void oneThreadAndThreeThreadsWriteTheSameBytes() throws IOException {
    for (String format : List.of("jsonl", "text")) {
      Path one = dir.resolve("one." + format);
      Path three = dir.resolve("three." + format);
      String[] common = {"--profiles", DATA.resolve("profiles.jsonl").toString(),
          "--format", format};

      CliRun byOne = run("", concat(match(DATA.resolve("opportunities.jsonl"), common),
          "--threads", "1", "--out", one.toString()));
      CliRun byThree = run("", concat(match(DATA.resolve("opportunities.jsonl"), common),
          "--threads", "3", "--out", three.toString()));

      assertThat(byOne.exitCode()).as("exit code; stderr: %s", byOne.err()).isZero();
      assertThat(byThree.exitCode()).as("exit code; stderr: %s", byThree.err()).isZero();
      assertThat(byOne.err()).contains(" on 1 thread\n");
      assertThat(byThree.err()).contains(" on 3 threads\n").contains("matched 168 profiles");
      assertThat(Files.readAllBytes(three)).as(format)
          .isNotEmpty().isEqualTo(Files.readAllBytes(one));
    }
  }

  @Test
  void aThreadCountOutsideOneTo256IsAUsageErrorNamingTheValue() {
    for (String bad : List.of("0", "257", "many")) {
      CliRun run = run("", match(opportunities, "--profiles", profiles.toString(),
          "--threads", bad));

      assertThat(run.exitCode()).as("exit code for --threads %s", bad).isEqualTo(2);
      assertThat(run.err()).as("message for --threads %s", bad)
          .contains("--threads").contains(bad);
    }
    assertThat(run("", match(opportunities, "--profiles", profiles.toString(),
        "--threads", "0")).err()).contains("must be between 1 and 256, was 0");
  }

  @Test
  void profilesAmongRejectedLinesStillComeOutInTheirOrder() throws IOException {
    List<String> sample = Files.readAllLines(DATA.resolve("profiles.jsonl")).subList(0, 60);
    List<String> withRejects = new ArrayList<>();
    for (int i = 0; i < sample.size(); i++) {
      withRejects.add(sample.get(i));
      if (i % 7 == 3) {
        withRejects.add("{\"id\":\"BROKEN-" + i + "\",\"school\":");
      }
    }
    Path clean = Files.write(dir.resolve("clean.jsonl"), sample);
    Path mixed = Files.write(dir.resolve("mixed.jsonl"), withRejects);
    Path rejects = dir.resolve("rejects.jsonl");
    Path opportunityFile = DATA.resolve("opportunities.jsonl");

    CliRun expected = run("", match(opportunityFile, "--profiles", clean.toString(),
        "--threads", "1"));
    CliRun streamed = run(String.join("\n", withRejects), match(opportunityFile,
        "--profiles", "-", "--threads", "3", "--rejects", rejects.toString()));
    CliRun fromFile = run("", match(opportunityFile, "--profiles", mixed.toString(),
        "--threads", "3"));

    assertThat(streamed.exitCode()).as("exit code; stderr: %s", streamed.err()).isZero();
    assertThat(streamed.out()).as("results of the readable profiles, in order")
        .isNotEmpty().isEqualTo(expected.out());
    assertThat(fromFile.out()).isEqualTo(expected.out());
    assertThat(Files.readAllLines(rejects)).as("one reject per broken line, in order")
        .hasSize(9).allMatch(line -> line.contains("BROKEN-"));
    assertThat(streamed.err()).contains("profiles <stdin>: 69 read, 60 accepted, 9 rejected");
  }

  @Test
  void aResultIsWrittenBeforeStandardInputEnds() throws Exception {
    List<String> lines = Files.readAllLines(DATA.resolve("profiles.jsonl"));
    PipedOutputStream producer = new PipedOutputStream();
    PipedInputStream stdin = new PipedInputStream(producer, 1 << 16);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] args = match(DATA.resolve("opportunities.jsonl"), "--profiles", "-", "--out", "-");
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
      try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
          PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
        return Main.run(args, stdin, o, e);
      }
    });

    writeLine(producer, lines.get(0));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!out.toString(StandardCharsets.UTF_8).contains("\n")
        && System.nanoTime() < deadline && !exit.isDone()) {
      Thread.sleep(10);
    }
    assertThat(out.toString(StandardCharsets.UTF_8))
        .as("the first result, while standard input is still open; stderr: %s", err)
        .startsWith("{\"profile_id\":\"P-001\"").endsWith("\n");

    writeLine(producer, lines.get(1));
    producer.close();
    assertThat(exit.get(90, TimeUnit.SECONDS)).as("exit code; stderr: %s", err).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(2);
  }

  @Test
  void theSummaryGivesThePhaseTimes() {
    CliRun run = run("", match(opportunities, "--profiles", profiles.toString(),
        "--threads", "2"));

    assertThat(run.err()).containsPattern("(?m)^phases: setup \\d+\\.\\d s, read\\+index \\d+\\.\\d"
        + " s, refresh \\d+\\.\\d s, rank\\+write \\d+\\.\\d s on 2 threads$");
  }

  @Test
  void aRunFromAKeptIndexReportsOpeningItAsAPhase() {
    Path index = dir.resolve("index");
    CliRun keep = run("", match(opportunities, "--profiles", profiles.toString(),
        "--index", index.toString()));
    CliRun reuse = run("", "match", "--index", index.toString(), "--profiles",
        profiles.toString(), "--as-of", "2026-06-01", "--top", "5");

    assertThat(keep.err()).containsPattern("(?m)^phases: .*, refresh\\+commit \\d+\\.\\d s, ");
    assertThat(reuse.exitCode()).as("exit code; stderr: %s", reuse.err()).isZero();
    assertThat(reuse.err()).containsPattern(
        "(?m)^phases: setup \\d+\\.\\d s, open index \\d+\\.\\d s, rank\\+write \\d+\\.\\d s on ");
    assertThat(reuse.out()).isEqualTo(keep.out());
  }

  private static void writeLine(OutputStream producer, String line) throws IOException {
    producer.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    producer.flush();
  }

  private static String[] concat(String[] first, String... more) {
    List<String> all = new ArrayList<>(Arrays.asList(first));
    all.addAll(Arrays.asList(more));
    return all.toArray(String[]::new);
  }
}
