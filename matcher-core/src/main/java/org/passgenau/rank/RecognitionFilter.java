package org.passgenau.rank;

import java.util.List;
import org.passgenau.model.Level;
import org.passgenau.model.OpportunityKind;
import org.passgenau.model.Recognition;

/**
 * Regulated professions (nursing, medicine, teaching, educators, ...): a job at skilled level or
 * above needs a fully recognised qualification in the field, unless the employer offers a
 * recognition partnership and the person's recognition is under way (partial, pending or not yet
 * applied for, but not rejected). Helper roles are open without recognition, and so are
 * apprenticeships, internships and training, which lead to or complete it. An unknown level is
 * taken as skilled.
 */
final class RecognitionFilter extends Rule.Filter {

  private static final int VACANCY = OpportunityKind.VACANCY.ordinal();
  private static final int HELPER = Level.HELPER.rank();
  private static final int FULL = Recognition.FULL.ordinal();
  private static final int REJECTED = Recognition.REJECTED.ordinal();
  private static final byte ADMITS = 1;
  private static final byte EXCLUDES = 2;

  RecognitionFilter() {
    super("recognition");
  }

  @Override
  Rule.BoundFilter bind(ProfileQuery q) {
    return new Bound(q.occupations, q.memoSize(q.vocabulary.occupations.size()));
  }

  /**
   * The verdict for the person's best recognition in the job's field ({@code best}, -1 for none),
   * whether the job needs recognition, and whether the employer offers a partnership.
   */
  static boolean decide(int best, boolean needed, boolean partnership) {
    return !needed || best == FULL || (partnership && best >= 0 && best != REJECTED);
  }

  /** Whether row {@code d} is a post at skilled level or above in a regulated profession. */
  static boolean needsRecognition(OpportunityColumns c, int d) {
    return c.has(d, OpportunityColumns.REGULATED) & (c.kind[d] == VACANCY)
        & (c.level[d] != HELPER);
  }

  private final class Bound extends Rule.BoundFilter {
    private final BroughtOccupations occupations;
    /**
     * The verdict per job ISCO code with its recognition needs, by {@link
     * OpportunityColumns#occupationClass}; 0 while undecided. Sized when the query is bound.
     */
    private final byte[] memo;

    Bound(BroughtOccupations occupations, int occupationClasses) {
      this.occupations = occupations;
      this.memo = new byte[occupationClasses];
    }

    /** Decided once per occupation class; the lookup stays small enough to inline. */
    @Override
    Object shareKey() {
      return key(occupations.recognitionKey());
    }

    @Override
    boolean admits(OpportunityColumns c, int d) {
      int id = c.occupationClass[d];
      byte verdict = id < memo.length ? memo[id] : 0;
      return verdict != 0 ? verdict == ADMITS : decideAndRemember(c, d);
    }

    private boolean decideAndRemember(OpportunityColumns c, int d) {
      boolean admits = decide(occupations.bestRecognitionFor(c, d), needsRecognition(c, d),
          c.has(d, OpportunityColumns.RECOGNITION_PARTNERSHIP));
      int id = c.occupationClass[d];
      if (id < memo.length) { // else the columns were built after the query was bound
        memo[id] = admits ? ADMITS : EXCLUDES;
      }
      return admits;
    }

    @Override
    int retain(OpportunityColumns c, int[] docs, int n) {
      int kept = 0;
      for (int i = 0; i < n; i++) {
        int d = docs[i];
        docs[kept] = d;
        kept += admits(c, d) ? 1 : 0;
      }
      return kept;
    }

    @Override
    void note(OpportunityColumns c, int d, Messages m, List<Reason> out) {
      if (!needsRecognition(c, d)) {
        if (c.has(d, OpportunityColumns.REGULATED) && c.level[d] == HELPER) {
          out.add(new Reason(name(), 0, m.text("recognition.helper_open")));
        }
        return;
      }
      if (occupations.bestRecognitionFor(c, d) == FULL) {
        out.add(new Reason(name(), 0, m.text("recognition.full")));
      } else {
        out.add(new Reason(name(), 0, m.text("recognition.partnership")));
      }
    }
  }
}
