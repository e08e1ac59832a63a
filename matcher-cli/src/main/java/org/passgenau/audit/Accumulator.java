package org.passgenau.audit;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The running sums of one group. Every sum is exact (counts, and scores as {@link BigDecimal}),
 * so the report does not depend on the order in which profiles were added. Not thread-safe.
 */
final class Accumulator {

  int profiles;
  int withMatch;
  /** {@code atRank[r - 1]}: members with a match at rank r. */
  final long[] atRank;
  BigDecimal topScoreSum = BigDecimal.ZERO;
  int withOccupationMatch;
  long firstOccupationRankSum;
  /** Per filter, opportunities excluded summed over the members; by filter name. */
  final Map<String, Long> excluded;

  Accumulator(int topK) {
    this.atRank = new long[topK];
    this.excluded = new TreeMap<>();
  }

  private Accumulator(Accumulator from) {
    this.profiles = from.profiles;
    this.withMatch = from.withMatch;
    this.atRank = from.atRank.clone();
    this.topScoreSum = from.topScoreSum;
    this.withOccupationMatch = from.withOccupationMatch;
    this.firstOccupationRankSum = from.firstOccupationRankSum;
    this.excluded = new TreeMap<>(from.excluded);
  }

  Accumulator copy() {
    return new Accumulator(this);
  }

  void add(Outcome outcome) {
    profiles++;
    if (outcome.ranks().length > 0) {
      withMatch++;
    }
    for (int rank : outcome.ranks()) {
      atRank[rank - 1]++;
    }
    if (!Double.isNaN(outcome.topScore())) {
      topScoreSum = topScoreSum.add(new BigDecimal(outcome.topScore()));
    }
    if (outcome.firstOccupationRank() > 0) {
      withOccupationMatch++;
      firstOccupationRankSum += outcome.firstOccupationRank();
    }
    outcome.excluded().forEach((filter, count) -> excluded.merge(filter, (long) count, Long::sum));
  }

  long matches() {
    return Arrays.stream(atRank).sum();
  }

  /** The summed attention of all members' lists, added rank by rank in a fixed order. */
  double exposure(double[] attention) {
    double sum = 0;
    for (int r = 0; r < atRank.length; r++) {
      sum += atRank[r] * attention[r];
    }
    return sum;
  }

  long excludedTotal() {
    return excluded.values().stream().mapToLong(Long::longValue).sum();
  }
}
