package org.passgenau.eval;

/**
 * The five measures for one profile, or their means over profiles. See {@link Metric} for their
 * definitions.
 *
 * @param precisionAtK {@code p@k}
 * @param recallAtK {@code recall@k}
 * @param reciprocalRank {@code mrr}: for one profile the reciprocal rank, as a mean the mean
 *     reciprocal rank
 * @param averagePrecision {@code map}: for one profile the average precision, as a mean the mean
 *     average precision
 * @param ndcgAtK {@code ndcg@k}
 */
public record Scores(
    double precisionAtK,
    double recallAtK,
    double reciprocalRank,
    double averagePrecision,
    double ndcgAtK) {

  /** A profile with no relevant opportunity ranked. */
  public static final Scores ZERO = new Scores(0, 0, 0, 0, 0);

  /** The value of one metric. */
  public double get(Metric metric) {
    return switch (metric) {
      case PRECISION_AT_K -> precisionAtK;
      case RECALL_AT_K -> recallAtK;
      case MRR -> reciprocalRank;
      case MAP -> averagePrecision;
      case NDCG_AT_K -> ndcgAtK;
    };
  }
}
