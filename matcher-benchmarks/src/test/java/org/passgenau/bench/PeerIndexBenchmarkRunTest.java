package org.passgenau.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Smoke test of the indexing peer's benchmark: it runs, and counts opportunities indexed. */
class PeerIndexBenchmarkRunTest {

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void elasticStyleIndexingRuns() throws Exception {
    Options options = new OptionsBuilder()
        .include(PeerIndexBenchmark.class.getName() + ".elasticStyle")
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
    assertThat(result.getPrimaryResult().getScore()).isPositive();
    assertThat(result.getSecondaryResults()).containsKey("opportunities");
    assertThat(result.getSecondaryResults().get("opportunities").getScore()).isPositive();
  }
}
