package org.passgenau.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passgenau.bench.WholePathReport.ChildRun;
import org.passgenau.bench.WholePathReport.Footprint;
import org.passgenau.bench.WholePathReport.Options;
import org.passgenau.bench.WholePathReport.Phase;
import org.passgenau.bench.WholePathReport.Report;

/**
 * Smoke tests of the whole-path report on a small corpus: it measures nothing worth reading, but
 * proves that every phase runs on real files and that the tables hold what was measured.
 */
class WholePathReportTest {

  /** The command line's jar, built by {@code mvn package}; no child runs without it. */
  static final Path JAR = Path.of("..", WholePathReport.DEFAULT_JAR);

  @TempDir static Path corpus;
  static Path opportunities;
  static Path profiles;

  @BeforeAll
  static void writeASmallCorpus() throws Exception {
    CorpusFiles.writeAll(corpus, 1_000, 50);
    opportunities = CorpusFiles.opportunities(corpus, 1_000);
    profiles = CorpusFiles.profiles(corpus, 50);
  }

  @Test
  void everyPhaseRunsInProcessAndCountsItsRecords(@TempDir Path work) throws Exception {
    Report report = WholePathReport.inProcess(opportunities, profiles, work, List.of(), quiet());

    assertThat(report.phases()).extracting(Phase::name).containsExactly(
        "read opportunities (JSON Lines to records)",
        "read profiles",
        "open engine (load taxonomy, new index directory)",
        "index (MatchingEngine.upsertAll)",
        "refresh",
        "commit to the directory",
        "close",
        "reopen read-only and first match",
        "rank on 1 thread",
        "rank on 2 threads",
        "write results (JSON Lines)",
        "peer: index (Lucene, ES-style mapping)");
    assertThat(report.phases()).allSatisfy(phase -> assertThat(phase.seconds()).isPositive());
    assertThat(count(report, "read opportunities (JSON Lines to records)")).isEqualTo(1_000);
    assertThat(count(report, "index (MatchingEngine.upsertAll)")).isEqualTo(1_000);
    assertThat(count(report, "rank on 2 threads")).isEqualTo(50);
    assertThat(count(report, "peer: index (Lucene, ES-style mapping)")).isEqualTo(1_000);
    assertThat(Files.readAllLines(work.resolve("engine-results.jsonl"))).hasSize(50)
        .allSatisfy(line -> assertThat(line).startsWith("{\"profile_id\":"));
    assertThat(report.footprints()).extracting(Footprint::opportunities)
        .containsExactly(1_000L, 1_000L, 1_000L);
    assertThat(report.footprints()).allSatisfy(f -> assertThat(f.bytes()).isPositive());
  }

  @Test
  void theMarkdownTablesShowEachMeasurement() {
    Report report = new Report(
        List.of(new ChildRun("a.jar", WholePathReport.FROM_FILES, 1, 3.0, 2_048_000),
            new ChildRun("a.jar", WholePathReport.FROM_FILES, 2, 1.0, 1_024_000),
            new ChildRun("a.jar", WholePathReport.FROM_FILES, 3, 2.0, -1)),
        List.of(new Phase("refresh", 0.5, 1_000, "")),
        List.of(new Footprint("after refresh", 1_000_000, 1_000)));

    String table = WholePathReport.markdown(report, opportunities, profiles);

    assertThat(table)
        .contains("| a.jar | match from files | 3 | 2.00 | 3.00, 1.00, 2.00 | n/a | n/a |")
        .contains("| refresh | 0.500 | 1,000 | 2,000 |  |")
        .contains("| after refresh | 1 | 1,000 |");
    assertThat(WholePathReport.csv(report)).contains(
        "cli,a.jar,match from files,1,3.000,,,2048000,",
        "in-process,,refresh,1,0.500,1000,2000,,",
        "heap,,after refresh,1,,1000,,,1000");
  }

  @Test
  void aBaselineJarRunsFirstBesideTheJarsUnderTest() {
    Options options = Options.parse("--no-cli", "--jar", "new.jar", "--baseline-jar", "old.jar",
        "--runs", "2");

    assertThat(options.jars()).containsExactly(
        Map.entry("baseline old.jar", Path.of("old.jar")),
        Map.entry("new.jar", Path.of("new.jar")));
    assertThat(options.runs()).isEqualTo(2);
    assertThat(options.opportunities()).isNull();
    assertThat(options.generatedOpportunities()).isEqualTo(100_000);
  }

  @Test
  void aWrongOptionIsNamed() {
    assertThatThrownBy(() -> Options.parse("--runs", "zero"))
        .hasMessage("--runs needs a positive whole number, was 'zero'");
    assertThatThrownBy(() -> Options.parse("--opportunities", "o.jsonl"))
        .hasMessage("--opportunities and --profiles come together");
    assertThatThrownBy(() -> Options.parse("--jar", "missing.jar"))
        .hasMessageStartingWith("no jar at ").hasMessageContaining("missing.jar");
    assertThatThrownBy(() -> Options.parse("--fast"))
        .hasMessageStartingWith("unknown option '--fast'");
  }

  @Test
  void thePeakResidentSetIsTheHighWaterMarkOfProcStatus() {
    assertThat(WholePathReport.vmHwmKb(List.of("Name:\tjava", "VmPeak:\t 9000 kB",
        "VmHWM:\t  123456 kB", "VmRSS:\t  100000 kB"))).isEqualTo(123_456);
    assertThat(WholePathReport.vmHwmKb(List.of("Name:\tjava"))).isEqualTo(-1);
    assertThat(WholePathReport.vmHwmKb(corpus.resolve("no-such-status"))).isEqualTo(-1);
  }

  @Test
  void theCommandLineRunsOnceInEachWay(@TempDir Path work) throws Exception {
    assumeThat(Files.isRegularFile(JAR)).as("the command line's jar is built").isTrue();

    List<ChildRun> runs = WholePathReport.childRuns(
        Map.of("cli", JAR), opportunities, profiles, 1, work, quiet());

    assertThat(runs).extracting(ChildRun::command).containsExactly(WholePathReport.FROM_FILES,
        WholePathReport.BUILD_INDEX, WholePathReport.FROM_INDEX);
    assertThat(runs).allSatisfy(run -> assertThat(run.seconds()).isPositive());
    if (Files.isDirectory(Path.of("/proc/self"))) {
      assertThat(runs).allSatisfy(run -> assertThat(run.peakRssKb()).isGreaterThan(10_000));
    }
    assertThat(Files.readAllLines(work.resolve("cli-results.jsonl"))).hasSize(50);
    assertThat(work.resolve("cli-index")).doesNotExist();
  }

  private static long count(Report report, String phase) {
    return report.phases().stream().filter(p -> p.name().equals(phase)).findFirst()
        .orElseThrow().count();
  }

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }
}
