package org.passgenau.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.passgenau.assign.Assigner;
import org.passgenau.assign.AssignmentProblem;

/**
 * The assignment solvers alone: the problem ({@link AssignScaling#problem}, {@code opportunities}
 * opportunities, {@code k} choices per person) is generated once per trial outside the measured
 * methods, which solve it from scratch and return the total score so that JMH sinks it. The
 * issue's target: {@code optimal} under 30 s at 100,000 people, K = 50, 20,000 opportunities,
 * in a heap of 2 GB ({@code -jvmArgs -Xmx2g}).
 *
 * <pre>{@code
 * java -jar matcher-benchmarks/target/benchmarks.jar AssignBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AssignBenchmark {

  @Param({"10000", "50000", "100000"})
  int people;

  @Param({"20000"})
  int opportunities;

  @Param({"50"})
  int k;

  AssignmentProblem problem;

  @Setup(Level.Trial)
  public void setUp() {
    problem = AssignScaling.problem(people, opportunities, k, AssignScaling.SEED);
  }

  @Benchmark
  public long optimal() {
    return Assigner.optimal(problem, done -> { }).totalScoreUnits();
  }

  @Benchmark
  public long stable() {
    return Assigner.stable(problem, done -> { }).totalScoreUnits();
  }
}
