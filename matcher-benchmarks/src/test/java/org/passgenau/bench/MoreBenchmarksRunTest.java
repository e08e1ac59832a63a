package org.passgenau.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Smoke test of the scan-bound, batch and indexing benchmarks (the engine's and the peer's) and
 * of the footprint and growth programs: each runs once with 1,000 opportunities and a single 100
 * ms iteration. Proves that they run and produce figures, not how fast anything is.
 */
class MoreBenchmarksRunTest {

  private static Collection<RunResult> run(String include) throws RunnerException {
    Options options = new OptionsBuilder()
        .include(include)
        .forks(0)
        .warmupIterations(0)
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(100))
        .param("opportunities", "1000")
        .shouldFailOnError(true)
        .build();
    return new Runner(options).run();
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void scanBoundRuns() throws RunnerException {
    Collection<RunResult> results = run(ScanBoundBenchmark.class.getName() + ".scanBound");
    assertThat(results).hasSize(1);
    RunResult r = results.iterator().next();
    assertThat(r.getPrimaryResult().getScore()).isPositive();
    assertThat(r.getPrimaryResult().getScoreUnit()).isEqualTo("us/op");
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void batchRunsAtOneAndTwoThreads() throws RunnerException {
    Collection<RunResult> results = run(BatchBenchmark.class.getName() + ".*");
    Map<String, RunResult> byMethod = results.stream().collect(Collectors.toMap(
        r -> r.getParams().getBenchmark().replaceAll(".*\\.", ""), r -> r));
    assertThat(byMethod).containsOnlyKeys("oneThread", "twoThreads");
    assertThat(byMethod.get("oneThread").getParams().getThreads()).isEqualTo(1);
    assertThat(byMethod.get("twoThreads").getParams().getThreads()).isEqualTo(2);
    for (RunResult r : results) {
      assertThat(r.getPrimaryResult().getScore()).isPositive();
      assertThat(r.getPrimaryResult().getScoreUnit()).isEqualTo("ops/s");
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void indexRunsAndCountsOpportunities() throws RunnerException {
    Collection<RunResult> results = run(IndexBenchmark.class.getName() + ".index");
    assertThat(results).hasSize(1);
    RunResult r = results.iterator().next();
    assertThat(r.getPrimaryResult().getScore()).isPositive();
    assertThat(r.getSecondaryResults()).containsKey("opportunities");
    assertThat(r.getSecondaryResults().get("opportunities").getScore())
        .isGreaterThan(r.getPrimaryResult().getScore());
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void elasticStylePeerIndexingRunsAndCountsOpportunities() throws RunnerException {
    Collection<RunResult> results = run(PeerIndexBenchmark.class.getName() + ".elasticStyle");
    assertThat(results).hasSize(1);
    RunResult r = results.iterator().next();
    assertThat(r.getPrimaryResult().getScore()).isPositive();
    assertThat(r.getSecondaryResults()).containsKey("opportunities");
    assertThat(r.getSecondaryResults().get("opportunities").getScore())
        .isGreaterThan(r.getPrimaryResult().getScore());
  }

  @Test
  void footprintIsMeasured() {
    SnapshotFootprint.Footprint f = SnapshotFootprint.measure(1000);
    assertThat(f.columnDocs()).isEqualTo(1000);
    assertThat(f.bytesPerOpportunity()).isBetween(8.0, 10_000.0);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void growthReportWritesCsvAndPng(@TempDir Path dir) throws Exception {
    System.setProperty("java.awt.headless", "true");
    List<GrowthReport.Row> rows =
        List.of(GrowthReport.measure(500, 0, 1), GrowthReport.measure(1000, 0, 1));
    assertThat(rows.get(1).meanWithinReach()).isGreaterThan(rows.get(0).meanWithinReach());
    GrowthReport.writeCsv(rows, dir.resolve("growth.csv"));
    GrowthReport.writePng(rows, dir.resolve("growth.png"));
    assertThat(Files.readAllLines(dir.resolve("growth.csv"))).hasSize(3);
    byte[] png = Files.readAllBytes(dir.resolve("growth.png"));
    assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
  }
}
