package org.passgenau.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Smoke test of the benchmarks: runs each one through JMH with a tiny corpus and a single short
 * iteration. It proves that setup, the measured method and teardown work, not how fast they are;
 * real numbers come from the shaded jar (see docs/performance.md).
 */
class BenchmarksRunTest {

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void rankingBenchmarkRuns() throws RunnerException {
    Options options = new OptionsBuilder()
        .include(RankingBenchmark.class.getName() + ".passgenau")
        // In-process: a forked JVM would need the test classpath and double the run time.
        .forks(0)
        .warmupIterations(0)
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(100))
        .param("opportunities", "1000")
        .shouldFailOnError(true)
        .build();

    Collection<RunResult> results = new Runner(options).run();

    assertThat(results).hasSize(1);
    RunResult result = results.iterator().next();
    assertThat(result.getParams().getParam("opportunities")).isEqualTo("1000");
    assertThat(result.getPrimaryResult().getSampleCount()).isGreaterThan(0);
    assertThat(result.getPrimaryResult().getScore()).isPositive();
    assertThat(result.getPrimaryResult().getScoreUnit()).isEqualTo("us/op");
  }
}
