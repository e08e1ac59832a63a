package org.passgenau.rank;

import java.util.List;
import org.apache.lucene.util.Bits;

/**
 * A rule of the ranking: a hard filter or a scorer. Rules are stateless and shared by all
 * queries; whatever a query needs lives in the {@link ProfileQuery}.
 */
abstract class Rule {

  private final String name;

  Rule(String name) {
    this.name = name;
  }

  /** The name used in rule sets, exclusion counts and explanations. */
  final String name() {
    return name;
  }

  /**
   * Adds notes that change no score but that a caseworker must know (an approval to ask for, a
   * tolerated language gap), for an opportunity the rule admitted.
   */
  void note(
      ProfileQuery q, OpportunityColumns c, int d, Messages m, List<Reason> out) {}

  /** A hard filter: excludes what the law or the person's constraints rule out. */
  abstract static class Filter extends Rule {
    Filter(String name) {
      super(name);
    }

    /** Whether opportunity {@code d} passes. Called in the ranking loop: must not allocate. */
    abstract boolean admits(ProfileQuery q, OpportunityColumns c, int d);

    /**
     * Whether this filter can exclude anything for this person; when not (no hours limit, no
     * childcare need, ...), the ranking skips it. Must be false only where {@link #admits} is
     * true for every opportunity.
     */
    boolean canExclude(ProfileQuery q) {
      return true;
    }

    /**
     * Keeps, in order, the documents among {@code docs[0..n)} that this filter admits and returns
     * how many. Each filter implements this loop itself so that the JIT sees one receiver and
     * inlines {@link #admits}: the ranking runs filter by filter over a segment's candidates, not
     * rule by rule for each document. (One shared loop in this class was measured 18 % slower at
     * 10,000 opportunities and 24 % at 100,000, with RankingBenchmark; keep the copies.)
     *
     * <p>The loops write every document and advance by the outcome ({@code kept += admits ? 1 :
     * 0}) rather than branch on it, and {@link #admits} bodies combine terms with {@code &} and
     * {@code |} where evaluating every term is cheap: outcomes vary from document to document,
     * and a mispredicted branch costs more than the work it would skip.
     */
    abstract int retain(ProfileQuery q, OpportunityColumns c, int[] docs, int n);

    /**
     * Writes to {@code docs} the rows of a segment's live documents ({@code live} null when all
     * are) that this filter admits, in row order, and returns how many. The engine calls it for
     * the filter that {@linkplain BuiltInRule.Capability#SCANS_SEGMENT scans a whole segment}
     * first; such a filter overrides it with a faster pass (the commute filter's reach cells).
     */
    int scan(ProfileQuery q, OpportunityColumns c, Bits live, int[] docs) {
      int kept = 0;
      for (int r = 0; r < c.size; r++) {
        if ((live == null || live.get(c.segmentDoc[r])) && admits(q, c, r)) {
          docs[kept++] = r;
        }
      }
      return kept;
    }
  }

  /** A soft scorer: a value in [-1, 1] that the rule set weighs. */
  abstract static class Scorer extends Rule {
    Scorer(String name) {
      super(name);
    }

    /** The value for opportunity {@code d}. Called in the ranking loop: must not allocate. */
    abstract double value(ProfileQuery q, OpportunityColumns c, int d);

    /** The largest value this scorer can give this person: a bound for skipping hopeless work. */
    double maxValue(ProfileQuery q) {
      return 1;
    }

    /**
     * Whether this scorer can give this person anything but 0; when not, the ranking skips it.
     * Must be false only where {@link #value} is 0 for every opportunity.
     */
    boolean canScore(ProfileQuery q) {
      return true;
    }

    /**
     * Adds {@code weight} times the value of each of {@code docs[0..n)} to {@code scores[i]}; its
     * own loop, for the same reason as {@link Filter#retain}.
     */
    abstract void addTo(
        ProfileQuery q, OpportunityColumns c, int[] docs, int n, double weight, double[] scores);

    /** The sentence that explains the value, or null when there is nothing to say. */
    abstract String detail(
        ProfileQuery q, OpportunityColumns c, int d, Messages m);
  }
}
