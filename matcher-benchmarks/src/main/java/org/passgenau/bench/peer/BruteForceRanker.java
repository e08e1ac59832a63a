package org.passgenau.bench.peer;

import java.time.LocalDate;
import java.util.List;
import org.passgenau.model.Opportunity;
import org.passgenau.model.Profile;
import org.passgenau.rank.RuleSet;
import org.passgenau.taxonomy.OccupationTaxonomy;
import org.passgenau.testkit.ReferenceRanker;

/**
 * The brute-force ranker of the benchmarks: the project's reference implementation of the rules
 * ({@link ReferenceRanker}, from matcher-core's test fixtures) over a corpus prepared once. For
 * a profile, every opportunity object is checked against every hard filter and, if admitted,
 * scored by every scorer; all admitted are sorted by score as the engine reports it (four
 * decimals), then id, and the first k kept. No index, no candidate pruning, no heap.
 *
 * <p>Thread-safe after construction.
 */
public final class BruteForceRanker {

  private final ReferenceRanker reference;
  private final ReferenceRanker.Corpus corpus;

  public BruteForceRanker(List<Opportunity> corpus, RuleSet rules, OccupationTaxonomy taxonomy) {
    this.reference = new ReferenceRanker(rules, taxonomy);
    // The ISCO code and skill terms of each opportunity are ingest work, done before timing.
    this.corpus = reference.prepare(corpus);
  }

  /** The best {@code k} opportunities for {@code profile} as of {@code asOf}, best first. */
  public List<Ranked> rank(Profile profile, LocalDate asOf, int k) {
    return reference.rank(corpus, profile, asOf).top(k).stream()
        .map(s -> new Ranked(s.id(), s.score()))
        .toList();
  }
}
