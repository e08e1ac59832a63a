package org.passgenau.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Smoke test of the benchmarks of placing many people (candidates, assignment, gaps): each runs
 * once, small, for a single 100 ms iteration. Proves that they run and produce figures, not how
 * fast anything is.
 */
class PlacementBenchmarksRunTest {

  private static Map<String, RunResult> run(String include, String... params)
      throws RunnerException {
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(include)
        .forks(0)
        .warmupIterations(0)
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(100))
        .shouldFailOnError(true);
    for (int i = 0; i < params.length; i += 2) {
      options.param(params[i], params[i + 1]);
    }
    Collection<RunResult> results = new Runner(options.build()).run();
    return results.stream().collect(Collectors.toMap(
        r -> r.getParams().getBenchmark().replaceAll(".*\\.", ""), r -> r));
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void candidatesAndItsYardstickRun() throws RunnerException {
    Map<String, RunResult> byMethod = run(CandidatesBenchmark.class.getName() + ".*",
        "size", "1000");

    assertThat(byMethod).containsOnlyKeys("candidates", "firstAfterChange", "match");
    byMethod.values().forEach(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void gapsWithAndWithoutOpenedIdsRun() throws RunnerException {
    Map<String, RunResult> byMethod = run(GapsBenchmark.class.getName() + ".*",
        "opportunities", "1000");

    assertThat(byMethod).containsOnlyKeys("gaps", "gapsWithoutIds");
    byMethod.values().forEach(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void bothAssignmentMethodsRun() throws RunnerException {
    Map<String, RunResult> byMethod = run(AssignBenchmark.class.getName() + ".*",
        "people", "2000", "opportunities", "500", "k", "10");

    assertThat(byMethod).containsOnlyKeys("optimal", "stable");
    byMethod.values().forEach(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
  }
}
