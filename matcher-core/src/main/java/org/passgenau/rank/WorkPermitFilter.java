package org.passgenau.rank;

import java.util.List;
import org.passgenau.model.OpportunityKind;

/**
 * The right to work. An absolute ban leaves only volunteering and courses ({@code training}),
 * which are not employment; a temporary ban admits employment that starts after it ends, and
 * employment without a start date with a note that the ban must have ended before work begins;
 * the right to work is national, so employment in another country needs EU citizenship (when the
 * status is known). Courses ({@code training}) are not employment either. A permit to ask for
 * is a note, never an exclusion: always for a tolerated person, otherwise where the record says
 * an approval is required. The note names the foreigners' authority that issues the permit, and
 * for an apprenticeship says that the employment agency's consent is not needed (section 32(2)
 * BeschV); in the Netherlands the employer asks UWV.
 */
final class WorkPermitFilter extends Rule.Filter {

  private static final int VOLUNTEERING = OpportunityKind.VOLUNTEERING.ordinal();
  private static final int TRAINING = OpportunityKind.TRAINING.ordinal();
  private static final int APPRENTICESHIP = OpportunityKind.APPRENTICESHIP.ordinal();

  WorkPermitFilter() {
    super("work_permit");
  }

  @Override
  boolean canExclude(ProfileQuery q) {
    return q.absoluteBan || q.banUntilDay != OpportunityColumns.NO_DAY
        || (!q.mayWorkAbroad && q.homeCountry != Interner.ABSENT);
  }

  /** Decided once per (start day, kind, country), in the query's memo. */
  @Override
  boolean admits(ProfileQuery q, OpportunityColumns c, int d) {
    return (q.startVerdict(c, d) & ProfileQuery.START_PERMITTED) != 0;
  }

  /** The verdict on an opportunity of this start day (NO_DAY: not given), kind and country id. */
  static boolean permits(ProfileQuery q, int startDay, int kind, int country) {
    // Without a ban in force banUntilDay is NO_DAY, below every start; an unknown start may lie
    // after a temporary ban, which the note then says.
    boolean afterBan = (startDay == OpportunityColumns.NO_DAY) | (startDay > q.banUntilDay);
    boolean mayWorkThere = q.mayWorkAbroad | (q.homeCountry == Interner.ABSENT)
        | (country == Interner.ABSENT) | (country == q.homeCountry);
    boolean notEmployment = (kind == VOLUNTEERING) | (kind == TRAINING);
    return notEmployment | (!q.absoluteBan & afterBan & mayWorkThere);
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

  @Override
  void note(ProfileQuery q, OpportunityColumns c, int d, Messages m, List<Reason> out) {
    boolean banned = q.absoluteBan || q.banUntilDay != OpportunityColumns.NO_DAY;
    if (c.kind[d] == VOLUNTEERING || c.kind[d] == TRAINING) {
      if (banned) {
        out.add(new Reason(name(), 0, m.text(c.kind[d] == VOLUNTEERING
            ? "work_permit.volunteering_open" : "work_permit.training_open")));
      }
      return; // not employment: no permit to ask for
    }
    if (q.banUntilDay != OpportunityColumns.NO_DAY) {
      out.add(new Reason(name(), 0, c.startDay[d] == OpportunityColumns.NO_DAY
          ? m.text("work_permit.ban_ends_first", Messages.day(q.banUntilDay))
          : m.text("work_permit.after_ban", Messages.day(c.startDay[d]),
              Messages.day(q.banUntilDay))));
    }
    // A tolerated person always needs the foreigners' authority's permit, whatever
    // approval_required says; so does anyone whose record says an approval is required.
    boolean apprenticeship = c.kind[d] == APPRENTICESHIP;
    if (q.tolerated) {
      out.add(new Reason(name(), 0, m.text(apprenticeship
          ? "work_permit.toleration_apprenticeship" : "work_permit.toleration")));
    } else if (q.approvalRequired) {
      boolean netherlands = c.country[d] != Interner.ABSENT
          && "NL".equals(q.vocabulary.countries.name(c.country[d]));
      String key = netherlands
          ? "work_permit.approval_nl"
          : apprenticeship ? "work_permit.approval_apprenticeship" : "work_permit.approval";
      out.add(new Reason(name(), 0, m.text(key)));
    }
  }
}
