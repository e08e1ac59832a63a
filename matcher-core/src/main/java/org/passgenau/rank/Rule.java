package org.passgenau.rank;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.primitives.Bytes;
import com.google.common.primitives.Doubles;
import com.google.common.primitives.Floats;
import com.google.common.primitives.Ints;
import com.google.common.primitives.Longs;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.util.Bits;
import org.passgenau.model.Opportunity;

/**
 * A built-in rule of the ranking: a hard filter or a scorer. A rule object is stateless and
 * shared by all queries, like a Lucene {@code Query}; {@code bind} makes the object that holds one
 * query's facts and memos, like a {@code Weight}, and that object runs the rule's own loop over
 * each segment's columns, like a {@code Scorer}. See the package note for the lifetimes.
 *
 * <p>A rule that reads columns no other rule reads declares them here: {@link #columns} builds
 * them for each index segment, and {@link OpportunityColumns#group} hands them back to its loop.
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
   * This rule's own columns of one segment, from its opportunities in row order, or null when it
   * reads only the shared columns of {@link OpportunityColumns}. Called once per rule and
   * segment, on the thread that builds the segment's columns; the result must not change after.
   */
  ColumnGroup columns(List<Opportunity> rows, Vocabulary vocabulary) {
    return null;
  }

  /** The columns of one rule in one segment: primitive arrays indexed by row. Immutable. */
  interface ColumnGroup {
    /** Every element read once and folded into a sum, for the benchmarks' SnapshotProbe. */
    long checksum();
  }

  /** A hard filter: excludes what the law or the person's constraints rule out. */
  abstract static class Filter extends Rule {
    Filter(String name) {
      super(name);
    }

    /** This filter bound to one query: the person's facts it needs and its memos. */
    abstract BoundFilter bind(ProfileQuery q);

    /**
     * What the person could do about the {@code count} opportunities this filter excluded first,
     * for the result's next steps.
     */
    String nextStep(int count, Messages m) {
      return m.text("next." + name(), count);
    }
  }

  /**
   * A filter bound to one query. Confined to the query's thread; made once per query, never per
   * segment or document.
   */
  abstract static class BoundFilter {

    /**
     * Whether this filter can exclude anything for this person; when not (no hours limit, no
     * childcare need, ...), the ranking skips it. Must be false only where {@link #admits} is
     * true for every opportunity.
     */
    boolean canExclude() {
      return true;
    }

    /** Whether row {@code d} passes. The document-at-a-time form, for oracles and tests. */
    abstract boolean admits(OpportunityColumns c, int d);

    /**
     * A value equal for two people exactly when this filter, bound for either, admits the same
     * opportunities: every fact of the person that {@link #admits} reads, and nothing the
     * engine shares (the rule set, the vocabulary). Reverse matching decides a filter once per
     * distinct key and opportunity. Null, the default, when the filter holds facts of one person
     * alone (a home and its reach), which is then decided person by person.
     */
    Object shareKey() {
      return null;
    }

    /**
     * Keeps, in order, the rows among {@code docs[0..n)} that this filter admits and returns how
     * many. Each filter implements this loop itself, in a final class, so that the JIT sees one
     * receiver and inlines the test: the ranking runs filter by filter over a segment's
     * candidates, not rule by rule for each document. (One shared loop was measured 18 % slower at
     * 10,000 opportunities and 24 % at 100,000, with RankingBenchmark; keep the copies.) A rule's
     * own columns are fetched once per call, before the loop.
     *
     * <p>The loops write every document and advance by the outcome ({@code kept += admits ? 1 :
     * 0}) rather than branch on it, and the tests combine terms with {@code &} and {@code |}
     * where evaluating every term is cheap: outcomes vary from document to document, and a
     * mispredicted branch costs more than the work it would skip.
     */
    abstract int retain(OpportunityColumns c, int[] docs, int n);

    /**
     * Writes to {@code docs} the rows of a segment's live documents ({@code live} null when all
     * are) that this filter admits, in row order, and returns how many. The engine calls it for
     * the filter that {@linkplain BuiltInRule.Capability#SCANS_SEGMENT scans a whole segment}
     * first; such a filter overrides it with a faster pass (the commute filter's reach cells).
     */
    int scan(OpportunityColumns c, Bits live, int[] docs) {
      int kept = 0;
      for (int r = 0; r < c.size; r++) {
        if ((live == null || live.get(c.segmentDoc[r])) && admits(c, r)) {
          docs[kept++] = r;
        }
      }
      return kept;
    }

    /**
     * Adds notes that change no score but that a caseworker must know (an approval to ask for, a
     * tolerated language gap), for an opportunity the filter admitted.
     */
    void note(OpportunityColumns c, int d, Messages m, List<Reason> out) {}
  }

  /** A soft scorer: a value in [-1, 1] that the rule set weighs. */
  abstract static class Scorer extends Rule {
    Scorer(String name) {
      super(name);
    }

    /** This scorer bound to one query: the person's facts it needs and its memos. */
    abstract BoundScorer bind(ProfileQuery q);
  }

  /** A scorer bound to one query; confined to its thread, made once per query. */
  abstract static class BoundScorer {

    /** The largest value this scorer can give this person: a bound for skipping hopeless work. */
    double maxValue() {
      return 1;
    }

    /**
     * Whether this scorer can give this person anything but 0; when not, the ranking skips it.
     * Must be false only where {@link #value} is 0 for every opportunity.
     */
    boolean canScore() {
      return true;
    }

    /** The value for row {@code d}. Called in ranking loops: must not allocate. */
    abstract double value(OpportunityColumns c, int d);

    /**
     * As {@link BoundFilter#shareKey}: equal for two people exactly when this scorer, bound for
     * either, gives every opportunity the same value; null when it holds facts of one person alone.
     */
    Object shareKey() {
      return null;
    }

    /**
     * Adds {@code weight} times the value of each of {@code docs[0..n)} to {@code scores[i]}; its
     * own loop, for the same reason as {@link BoundFilter#retain}.
     */
    abstract void addTo(OpportunityColumns c, int[] docs, int n, double weight, double[] scores);

    /** The sentence that explains the value, or null when there is nothing to say. */
    abstract String detail(OpportunityColumns c, int d, Messages m);
  }

  /**
   * A share key made of {@code parts}, primitive arrays compared by content, so that the bound
   * rules of two people share a key exactly when their facts are equal.
   */
  static List<Object> key(Object... parts) {
    List<Object> key = new ArrayList<>(parts.length);
    for (Object part : parts) {
      if (part instanceof int[] a) {
        key.add(Ints.asList(a.clone()));
      } else if (part instanceof long[] a) {
        key.add(Longs.asList(a.clone()));
      } else if (part instanceof byte[] a) {
        key.add(Bytes.asList(a.clone()));
      } else if (part instanceof float[] a) {
        key.add(Floats.asList(a.clone()));
      } else if (part instanceof double[] a) {
        key.add(Doubles.asList(a.clone()));
      } else {
        checkArgument(part == null || !part.getClass().isArray(),
            "no share key for an array of %s", part == null ? null : part.getClass());
        key.add(part);
      }
    }
    return key;
  }
}
