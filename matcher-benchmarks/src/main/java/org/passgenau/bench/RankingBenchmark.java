package org.passgenau.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.passgenau.model.Profile;
import org.passgenau.rank.MatchOptions;
import org.passgenau.rank.MatchResult;
import org.passgenau.rank.MatchingEngine;
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

  @Param({"10000", "100000"})
  int opportunities;

  MatchingEngine engine;
  Profile[] pool;

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

  @TearDown(Level.Trial)
  public void tearDown() {
    engine.close();
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
   * An engine with the shipped taxonomy when it can be found from the working directory (the
   * repository root or a module directory), so titles without codes are classified as in
   * production; without it otherwise.
   */
  static MatchingEngine newEngine() {
    MatchingEngine.Builder builder = MatchingEngine.builder();
    Path tsv = taxonomyFile();
    if (tsv != null) {
      try {
        builder.taxonomy(OccupationTaxonomy.fromTsv(tsv));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return builder.build();
  }

  static Path taxonomyFile() {
    for (String candidate : List.of("data/taxonomy/occupations.tsv",
        "../data/taxonomy/occupations.tsv")) {
      Path p = Path.of(candidate);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }
}
