package org.passgenau.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.passgenau.model.Profile;
import org.passgenau.rank.MatchResult;
import org.passgenau.rank.MatchingEngine;

/**
 * How much work one match does for the benchmark's corpus and profile pool, read from the
 * results' exclusion counts: how many opportunities are within reach (not excluded by the
 * commute filter, so they went through the ranking loop) and how many pass every hard filter
 * (and are scored). Not a benchmark; it explains the benchmark's numbers.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.passgenau.bench.CandidateStats [sizes...]}
 */
public final class CandidateStats {

  private CandidateStats() {}

  /** Averages over the pool for one corpus size. */
  public record Summary(int opportunities, int profiles, double withinReach, double admitted,
      double relocating, double withinReachStaying, Map<String, Double> excludedPerFilter) {}

  public static Summary measure(int opportunities, int poolSize) {
    CorpusGenerator generator = new CorpusGenerator(CorpusGenerator.DEFAULT_SEED);
    List<Profile> pool = generator.profiles(poolSize);
    try (MatchingEngine engine = RankingBenchmark.newEngine()) {
      engine.upsertAll(generator.opportunityStream(opportunities));
      engine.refresh();
      long reach = 0;
      long admitted = 0;
      int relocating = 0;
      long reachStaying = 0;
      Map<String, Long> perFilter = new TreeMap<>();
      for (Profile p : pool) {
        MatchResult r = engine.match(p, RankingBenchmark.OPTIONS);
        int excluded = 0;
        for (Map.Entry<String, Integer> e : r.excluded().entrySet()) {
          excluded += e.getValue();
          perFilter.merge(e.getKey(), (long) e.getValue(), Long::sum);
        }
        // Each opportunity is counted once, under its first failing filter; commute comes first.
        int inReach = engine.size() - r.excluded().getOrDefault("commute", 0);
        reach += inReach;
        admitted += engine.size() - excluded;
        if (p.mobility() != null && Boolean.TRUE.equals(p.mobility().willingToRelocate())) {
          relocating++;
        } else {
          reachStaying += inReach;
        }
      }
      Map<String, Double> avg = new TreeMap<>();
      perFilter.forEach((k, v) -> avg.put(k, v / (double) pool.size()));
      return new Summary(opportunities, pool.size(), reach / (double) pool.size(),
          admitted / (double) pool.size(), relocating / (double) pool.size(),
          reachStaying / (double) Math.max(1, pool.size() - relocating), avg);
    }
  }

  public static void main(String[] args) {
    int[] sizes = args.length == 0 ? new int[] {10_000, 100_000}
        : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    for (int n : sizes) {
      Summary s = measure(n, RankingBenchmark.POOL);
      System.out.printf(Locale.ROOT,
          "opportunities=%d profiles=%d within_reach=%.1f (%.1f%%) admitted=%.1f (%.1f%%)"
              + " willing_to_relocate=%.1f%% within_reach_of_the_others=%.1f (%.1f%%)%n",
          n, s.profiles(), s.withinReach(), 100 * s.withinReach() / n, s.admitted(),
          100 * s.admitted() / n, 100 * s.relocating(), s.withinReachStaying(),
          100 * s.withinReachStaying() / n);
      s.excludedPerFilter().forEach((k, v) ->
          System.out.printf(Locale.ROOT, "  excluded %-22s %10.1f%n", k, v));
    }
  }
}
