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

  RecognitionFilter() {
    super("recognition");
  }

  /** Decided once per ISCO code and recognition need, in the query's memo. */
  @Override
  boolean admits(ProfileQuery q, OpportunityColumns c, int d) {
    return q.recognitionAdmits(c, d);
  }

  /**
   * The verdict for the person's best recognition in the job's field ({@code best}, -1 for none),
   * whether the job needs recognition, and whether the employer offers a partnership.
   */
  static boolean decide(int best, boolean needed, boolean partnership) {
    return !needed || best == FULL || (partnership && best >= 0 && best != REJECTED);
  }

  @Override
  int retain(ProfileQuery q, OpportunityColumns c, int[] docs, int n) {
    int kept = 0;
    for (int i = 0; i < n; i++) {
      int d = docs[i];
      docs[kept] = d;
      kept += admits(q, c, d) ? 1 : 0;
    }
    return kept;
  }

  static boolean needsRecognition(OpportunityColumns c, int d) {
    return c.has(d, OpportunityColumns.REGULATED) & (c.kind[d] == VACANCY) & (c.level[d] != HELPER);
  }

  @Override
  void note(ProfileQuery q, OpportunityColumns c, int d, Messages m, List<Reason> out) {
    if (!needsRecognition(c, d)) {
      if (c.has(d, OpportunityColumns.REGULATED) && c.level[d] == HELPER) {
        out.add(new Reason(name(), 0, m.text("recognition.helper_open")));
      }
      return;
    }
    if (q.bestRecognitionFor(c, d) == FULL) {
      out.add(new Reason(name(), 0, m.text("recognition.full")));
    } else {
      out.add(new Reason(name(), 0, m.text("recognition.partnership")));
    }
  }
}
