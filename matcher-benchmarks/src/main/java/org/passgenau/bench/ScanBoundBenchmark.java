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
import org.openjdk.jmh.annotations.TearDown;
import org.passgenau.rank.MatchingEngine;
import org.passgenau.rank.SnapshotProbe;

/**
 * The memory-bandwidth bound of a full scan: one sequential pass over the engine's own ranking
 * columns (every element of every column of every segment, once) for all opportunities of the
 * same corpus as {@link RankingBenchmark}. No query, no filter logic, no scoring, no top-k, no
 * explanations: a ranking that looks at every opportunity cannot be faster than this.
 *
 * <p>Compare {@code RankingBenchmark.passgenau} with {@link #scanBound()} at the same size; the
 * target in the issue is a ratio of at most 3 at 100,000 opportunities.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScanBoundBenchmark {

  @Param({"10000", "100000"})
  int opportunities;

  MatchingEngine engine;

  @Setup(Level.Trial)
  public void setUp() {
    engine = Corpora.engine(opportunities);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    engine.close();
  }

  @Benchmark
  public long scanBound() {
    // The checksum is returned, so JMH sinks it and the reads cannot be eliminated.
    return SnapshotProbe.scanColumns(engine);
  }
}
