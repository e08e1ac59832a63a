package org.passgenau.eval;

/**
 * The measures of an {@link Evaluation}, each with its key in the JSON and CSV output and the
 * {@code trec_eval} measure it agrees with.
 */
public enum Metric {
  /** Relevant opportunities among the first k, divided by k ({@code trec_eval} {@code P_k}). */
  PRECISION_AT_K("p@k", "P", true),
  /**
   * Relevant opportunities among the first k, divided by all relevant ones judged for the profile
   * ({@code recall_k}); 0 for a profile without relevant judgments.
   */
  RECALL_AT_K("recall@k", "recall", true),
  /**
   * The reciprocal rank of the first relevant opportunity anywhere in the ranking, 0 if none
   * ({@code recip_rank}); its mean is the mean reciprocal rank.
   */
  MRR("mrr", "recip_rank", false),
  /**
   * Average precision over the whole ranking: the precision at each relevant opportunity, summed
   * and divided by the number of relevant ones judged ({@code map}).
   */
  MAP("map", "map", false),
  /**
   * Normalised discounted cumulative gain of the first k ({@code ndcg_cut_k} of {@code trec_eval}
   * 9): the grade is the gain, the opportunity at rank r counts gain / log2(r + 1), and the ideal
   * ranking orders all relevant judged opportunities of the profile by grade, cut at k too; 0 for
   * a profile without relevant judgments.
   */
  NDCG_AT_K("ndcg@k", "ndcg_cut", true);

  private final String key;
  private final String trecEvalName;
  private final boolean atK;

  Metric(String key, String trecEvalName, boolean atK) {
    this.key = key;
    this.trecEvalName = trecEvalName;
    this.atK = atK;
  }

  /** The key in JSON and CSV output, such as {@code p@k}; k itself is written beside it. */
  public String key() {
    return key;
  }

  /** Whether the measure looks only at the first k opportunities of a ranking. */
  public boolean atK() {
    return atK;
  }

  /** The name {@code trec_eval} prints for this measure at cutoff k, such as {@code P_10}. */
  public String trecEvalName(int k) {
    return atK ? trecEvalName + "_" + k : trecEvalName;
  }

  /** The metric with this output key. */
  public static Metric ofKey(String key) {
    for (Metric metric : values()) {
      if (metric.key.equals(key)) {
        return metric;
      }
    }
    throw new IllegalArgumentException("no metric '" + key + "'");
  }
}
