package org.passgenau.rank;

import java.util.List;
import org.passgenau.model.OpportunityKind;

/**
 * The right to work. An absolute ban leaves only volunteering, which is not employment; a
 * temporary ban admits employment that starts after it ends (an unknown start is taken as now);
 * the right to work is national, so employment in another country needs EU citizenship (when the
 * status is known). An
 * approval to ask for is a note, never an exclusion.
 */
final class WorkPermitFilter extends Rule.Filter {

  private static final int VOLUNTEERING = OpportunityKind.VOLUNTEERING.ordinal();

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

  /** The verdict on an opportunity of this start day (NO_DAY: now), kind and country id. */
  static boolean permits(ProfileQuery q, int startDay, int kind, int country) {
    // Without a ban in force banUntilDay is NO_DAY, below every start.
    int start = startDay == OpportunityColumns.NO_DAY ? q.today : startDay;
    boolean mayWorkThere = q.mayWorkAbroad | (q.homeCountry == Interner.ABSENT)
        | (country == Interner.ABSENT) | (country == q.homeCountry);
    return (kind == VOLUNTEERING) | (!q.absoluteBan & (start > q.banUntilDay) & mayWorkThere);
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
    if (c.kind[d] == VOLUNTEERING) {
      if (q.absoluteBan || q.banUntilDay != OpportunityColumns.NO_DAY) {
        out.add(new Reason(name(), 0, m.text("work_permit.volunteering_open")));
      }
      return;
    }
    if (q.banUntilDay != OpportunityColumns.NO_DAY) {
      out.add(new Reason(name(), 0,
          m.text("work_permit.after_ban", Messages.day(c.startDay[d]), Messages.day(q.banUntilDay))));
    }
    if (q.approvalRequired) {
      out.add(new Reason(name(), 0, m.text("work_permit.approval")));
    }
  }
}
