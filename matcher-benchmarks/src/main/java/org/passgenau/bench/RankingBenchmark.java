package org.passgenau.bench;

import java.util.List;
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
import org.openjdk.jmh.infra.BenchmarkParams;
import org.passgenau.bench.peer.BruteForceRanker;
import org.passgenau.bench.peer.FunctionScoreRanker;
import org.passgenau.bench.peer.Ranked;
import org.passgenau.model.Profile;
import org.passgenau.rank.MatchOptions;
import org.passgenau.rank.MatchResult;
import org.passgenau.rank.MatchingEngine;
import org.passgenau.rank.RuleSet;
import org.passgenau.taxonomy.OccupationTaxonomy;

/**
 * Latency of ranking one profile against an in-memory index of generated opportunities: the
 * candidate query, the hard filters, scoring into the top 20 and explaining those 20.
 *
 * <p>Corpus generation, indexing and the refresh happen once per trial in {@link #setUp()}, so
 * the measured method does nothing but {@link MatchingEngine#match}. Profiles rotate through a
 * fixed pool so that the score averages over people with short and long commuting reach instead
 * of timing one lucky profile with a warm cache.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RankingBenchmark {

  /** Profiles in the rotation; a power of two so the cursor can wrap with a mask. */
  static final int POOL = 256;

  static final MatchOptions OPTIONS =
      new MatchOptions(20, CorpusGenerator.REFERENCE_DAY, Locale.ENGLISH);

  @Param({"10000", "100000", "1000000"})
  int opportunities;

  MatchingEngine engine;
  Profile[] pool;
  /** Built only for the method that measures it, so the others pay no setup for it. */
  FunctionScoreRanker functionScore;
  BruteForceRanker bruteForce;

  @Setup(Level.Trial)
  public void setUp() {
    CorpusGenerator generator = new CorpusGenerator(CorpusGenerator.DEFAULT_SEED);
    engine = newEngine();
    // Streams the records into the index, so a million need not fit in memory twice.
    engine.upsertAll(generator.opportunityStream(opportunities));
    engine.refresh();
    if (engine.size() != opportunities) {
      throw new IllegalStateException(
          "indexed " + engine.size() + " opportunities, expected " + opportunities);
    }
    pool = generator.profiles(POOL).toArray(new Profile[0]);
  }

  /**
   * The peers get the same corpus (generated again from the same seed) and the same rule set
   * and taxonomy as the engine; each is built only when its own method runs.
   */
  @Setup(Level.Trial)
  public void setUpPeers(BenchmarkParams params) {
    String method = params.getBenchmark();
    boolean lucene = method.endsWith(".luceneFunctionScore");
    boolean brute = method.endsWith(".bruteForce");
    if (!lucene && !brute) {
      return;
    }
    OccupationTaxonomy taxonomy = taxonomy();
    CorpusGenerator generator = new CorpusGenerator(CorpusGenerator.DEFAULT_SEED);
    if (lucene) {
      functionScore = new FunctionScoreRanker(
          generator.opportunityStream(opportunities), RuleSet.defaults(), taxonomy);
    } else {
      bruteForce = new BruteForceRanker(
          generator.opportunities(opportunities), RuleSet.defaults(), taxonomy);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    engine.close();
    if (functionScore != null) {
      functionScore.close();
      functionScore = null;
    }
    bruteForce = null;
  }

  /** Each benchmark thread walks the pool on its own, so threads never contend on a counter. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;

    int advance() {
      int i = next;
      next = (i + 1) & (POOL - 1);
      return i;
    }
  }

  @Benchmark
  public MatchResult passgenau(Cursor cursor) {
    // Returned, so JMH sinks the result and the work cannot be eliminated.
    return engine.match(pool[cursor.advance()], OPTIONS);
  }

  /**
   * The peer: the same rules as {@code bool} filters and {@code function_score} functions over a
   * plain Lucene index (see {@link FunctionScoreRanker}); top 20 ids and scores, no explanations.
   */
  @Benchmark
  public List<Ranked> luceneFunctionScore(Cursor cursor) {
    return functionScore.rank(pool[cursor.advance()], OPTIONS.asOf(), OPTIONS.topK());
  }

  /** The oracle: every opportunity object filtered and scored, all admitted sorted. */
  @Benchmark
  public List<Ranked> bruteForce(Cursor cursor) {
    return bruteForce.rank(pool[cursor.advance()], OPTIONS.asOf(), OPTIONS.topK());
  }

  /** The shipped taxonomy, as {@link #newEngine()} uses: read from the library's jar. */
  static OccupationTaxonomy taxonomy() {
    return OccupationTaxonomy.shipped();
  }

  /**
   * An engine with the shipped taxonomy, so titles without codes are classified as in
   * production, whatever the working directory.
   */
  static MatchingEngine newEngine() {
    return MatchingEngine.builder().taxonomy(taxonomy()).build();
  }
}
