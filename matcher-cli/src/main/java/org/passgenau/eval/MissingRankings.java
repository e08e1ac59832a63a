package org.passgenau.eval;

/**
 * What an {@link Evaluation} does with a profile that has judgments but no ranking at all.
 * Profiles with a ranking but no judgments are always left out, as {@code trec_eval} does.
 */
public enum MissingRankings {
  /**
   * Leave the profile out: the means are over the profiles both ranked and judged. This is {@code
   * trec_eval}'s default.
   */
  SKIP("skip"),
  /**
   * Score the profile 0 on every metric and count it in the means, as {@code trec_eval -c} does. A
   * system that returns nothing for a person is then not rewarded for it.
   */
  SCORE_ZERO("zero");

  private final String code;

  MissingRankings(String code) {
    this.code = code;
  }

  /** The value written in the output, {@code skip} or {@code zero}. */
  public String code() {
    return code;
  }
}
