package org.passgenau.bench;

import org.passgenau.rank.MatchingEngine;

/** The engines the benchmarks share: generated with the default seed, indexed and refreshed. */
final class Corpora {

  private Corpora() {}

  /**
   * A fresh in-memory engine (with the shipped taxonomy) holding the first {@code n}
   * opportunities of the default-seed corpus, streamed into the index and refreshed.
   */
  static MatchingEngine engine(int n) {
    CorpusGenerator generator = new CorpusGenerator(CorpusGenerator.DEFAULT_SEED);
    MatchingEngine engine = RankingBenchmark.newEngine();
    try {
      engine.upsertAll(generator.opportunityStream(n));
      engine.refresh();
      if (engine.size() != n) {
        throw new IllegalStateException("indexed " + engine.size() + " opportunities, expected " + n);
      }
      return engine;
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
  }
}
