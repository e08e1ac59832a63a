package org.passgenau.audit;

import java.util.Map;
import org.passgenau.rank.Match;
import org.passgenau.rank.MatchResult;
import org.passgenau.rank.Reason;

/**
 * What the audit takes from one profile's result: the ranks of its top-k matches, the best score,
 * the rank of the first occupation match and the exclusion counts.
 *
 * @param ranks the ranks of the matches within the top k
 * @param topScore the best match's score; NaN without a match
 * @param firstOccupationRank rank of the first match with a positive {@code occupation} effect
 *     within the top k; 0 without one
 */
record Outcome(int[] ranks, double topScore, int firstOccupationRank, Map<String, Integer> excluded) {

  /** The name of the scorer for occupational closeness, as results name it. */
  static final String OCCUPATION = "occupation";

  static Outcome of(MatchResult result, int topK) {
    int[] ranks = result.matches().stream()
        .mapToInt(Match::rank).filter(rank -> rank <= topK).toArray();
    double topScore = Double.NaN;
    int bestRank = Integer.MAX_VALUE;
    int firstOccupation = 0;
    for (Match match : result.matches()) {
      if (match.rank() > topK) {
        continue;
      }
      if (match.rank() < bestRank) {
        bestRank = match.rank();
        topScore = match.score();
      }
      if (isOccupationMatch(match) && (firstOccupation == 0 || match.rank() < firstOccupation)) {
        firstOccupation = match.rank();
      }
    }
    return new Outcome(ranks, topScore, firstOccupation, result.excluded());
  }

  private static boolean isOccupationMatch(Match match) {
    for (Reason reason : match.explanation()) {
      if (reason.rule().equals(OCCUPATION) && reason.effect() > 0) {
        return true;
      }
    }
    return false;
  }
}
