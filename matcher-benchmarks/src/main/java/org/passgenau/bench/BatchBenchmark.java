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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.ThreadParams;
import org.passgenau.model.Profile;
import org.passgenau.rank.MatchResult;
import org.passgenau.rank.MatchingEngine;

/**
 * Batch throughput: profiles ranked per second (top 20 with explanations, as of 2026-11-23)
 * against one shared engine of 100,000 opportunities, by one thread ({@link #oneThread}) and by
 * two threads ({@link #twoThreads}). JMH sums the threads' operations, so the two scores compare
 * directly; the target is {@code twoThreads / oneThread >= 1.8}.
 *
 * <p>The profile pool is the same 256 profiles as {@link RankingBenchmark}'s. Thread {@code t}
 * of {@code T} walks its own slice, profiles {@code t, t + T, t + 2T, ...}, so threads never
 * share a cursor and the threads together always cover the same mix of profiles.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BatchBenchmark {

  @Param({"100000"})
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

  /** One thread's slice of the pool and its position in it. */
  @State(Scope.Thread)
  public static class Slice {
    Profile[] profiles;
    int next;

    @Setup(Level.Trial)
    public void setUp(BatchBenchmark shared, ThreadParams thread) {
      int stride = thread.getThreadCount();
      int first = thread.getThreadIndex();
      int n = (shared.pool.length - first + stride - 1) / stride;
      profiles = new Profile[n];
      for (int i = 0; i < n; i++) {
        profiles[i] = shared.pool[first + i * stride];
      }
    }

    Profile advance() {
      Profile p = profiles[next];
      next = next + 1 == profiles.length ? 0 : next + 1;
      return p;
    }
  }

  @Benchmark
  @Threads(1)
  public MatchResult oneThread(Slice slice) {
    return engine.match(slice.advance(), RankingBenchmark.OPTIONS);
  }

  @Benchmark
  @Threads(2)
  public MatchResult twoThreads(Slice slice) {
    return engine.match(slice.advance(), RankingBenchmark.OPTIONS);
  }
}
