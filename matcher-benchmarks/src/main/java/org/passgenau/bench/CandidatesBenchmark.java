package org.passgenau.bench;

import java.util.Locale;
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
import org.passgenau.rank.CandidateResult;
import org.passgenau.rank.MatchOptions;
import org.passgenau.rank.MatchResult;
import org.passgenau.rank.MatchingEngine;

/**
 * Reverse matching against its target: {@code candidates} for one opportunity over as many
 * generated people as {@code match} has opportunities for one person, top 20 explained, both
 * measured in the same trial on the same engine. The target: candidates within three
 * times match.
 *
 * <p>Setup (corpus, people, indexing) runs once per trial; opportunities and people rotate
 * through fixed pools so that near and far, popular and rare posts average out.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CandidatesBenchmark {

  /** The pools' size: {@link RankingBenchmark.Cursor} walks them. */
  static final int POOL = RankingBenchmark.POOL;
  static final MatchOptions OPTIONS =
      new MatchOptions(20, CorpusGenerator.REFERENCE_DAY, Locale.ENGLISH);

  /** Opportunities for match, and people for candidates: the same number. */
  @Param({"10000", "100000"})
  int size;

  MatchingEngine engine;
  Profile[] people;
  String[] opportunityIds;

  @Setup(Level.Trial)
  public void setUp() {
    CorpusGenerator generator = new CorpusGenerator(CorpusGenerator.DEFAULT_SEED);
    engine = Corpora.engine(size);
    people = generator.profiles(size).toArray(new Profile[0]);
    for (Profile p : people) {
      engine.upsertProfile(p);
    }
    engine.refresh();
    opportunityIds = new String[POOL];
    for (int i = 0; i < POOL; i++) {
      // Spread over the corpus: every (size / POOL)-th opportunity.
      opportunityIds[i] = generator.opportunity(i * (size / POOL)).id();
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    engine.close();
  }

  /** The people who may take one opportunity, best 20 explained. */
  @Benchmark
  public CandidateResult candidates(RankingBenchmark.Cursor cursor) {
    return engine.candidates(opportunityIds[cursor.advance()], OPTIONS);
  }

  /**
   * Publishes the people again before each call of {@link #firstAfterChange}, so that it binds
   * every person's rules anew.
   */
  @State(Scope.Thread)
  public static class Republished {
    @Setup(Level.Invocation)
    public void republish(CandidatesBenchmark benchmark) {
      benchmark.engine.upsertProfile(benchmark.people[0]);
      benchmark.engine.refresh();
    }
  }

  /**
   * The first candidates query after the people changed: it binds every person's rules and
   * arranges them by class before deciding. One call per measurement.
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public CandidateResult firstAfterChange(Republished republished, RankingBenchmark.Cursor cursor) {
    return engine.candidates(opportunityIds[cursor.advance()], OPTIONS);
  }

  /** The yardstick: the opportunities for one person, best 20 explained. */
  @Benchmark
  public MatchResult match(RankingBenchmark.Cursor cursor) {
    return engine.match(people[cursor.advance()], OPTIONS);
  }
}
