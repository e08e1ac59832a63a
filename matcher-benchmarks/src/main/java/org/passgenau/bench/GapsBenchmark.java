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
import org.passgenau.model.Profile;
import org.passgenau.rank.Gaps;
import org.passgenau.rank.MatchingEngine;

/**
 * Latency of one person's gaps ({@link MatchingEngine#gaps}) against an in-memory index of
 * generated opportunities: every single change the rules know for the person, with how many
 * opportunities it newly admits and its best one explained. The target is under 20 ms at 100,000
 * opportunities.
 *
 * <p>The corpus and the profile pool are {@link RankingBenchmark}'s, built once per trial; the
 * profiles rotate, as there, so that the score averages over people with few and many changes.
 * {@link #gaps} carries the ids of the opened opportunities, as a cohort needs them; {@link
 * #gapsWithoutIds} leaves them out.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GapsBenchmark {

  @Param({"10000", "100000"})
  int opportunities;

  MatchingEngine engine;
  Profile[] pool;

  @Setup(Level.Trial)
  public void setUp() {
    engine = Corpora.engine(opportunities);
    pool = new CorpusGenerator(CorpusGenerator.DEFAULT_SEED)
        .profiles(RankingBenchmark.POOL).toArray(new Profile[0]);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    engine.close();
  }

  @Benchmark
  public Gaps gaps(RankingBenchmark.Cursor cursor) {
    return engine.gaps(pool[cursor.advance()], RankingBenchmark.OPTIONS);
  }

  @Benchmark
  public Gaps gapsWithoutIds(RankingBenchmark.Cursor cursor) {
    return engine.gaps(pool[cursor.advance()], RankingBenchmark.OPTIONS, false);
  }
}
