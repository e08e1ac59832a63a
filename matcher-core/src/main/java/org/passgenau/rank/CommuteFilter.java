package org.passgenau.rank;

import java.util.List;
import org.passgenau.model.Opportunity;

/**
 * Reach: remote work, a commute within the person's limit (or, without one, the legal norm of a
 * reasonable daily round trip), or a move the person is willing to make and a residence
 * obligation allows. Opportunities or persons without coordinates cannot be judged and pass with a
 * note.
 */
final class CommuteFilter extends Rule.Filter {

  CommuteFilter() {
    super("commute");
  }

  @Override
  boolean admits(ProfileQuery q, OpportunityColumns c, int d) {
    return q.reach(c, d) != ProfileQuery.REACH_NONE;
  }

  @Override
  void note(ProfileQuery q, OpportunityColumns c, int d, Opportunity o, Messages m, List<Reason> out) {
    int reach = q.reach(c, d);
    if (reach == ProfileQuery.REACH_UNKNOWN) {
      out.add(new Reason(name(), 0, m.text("commute.unknown")));
    } else if (reach == ProfileQuery.REACH_RELOCATION) {
      String place = o.location() != null && o.location().place() != null ? o.location().place() : "?";
      String key =
          q.obligationRegion == Interner.ABSENT || c.region[d] == q.obligationRegion
              ? "commute.move"
              : "commute.move_lifts_obligation";
      out.add(new Reason(name(), 0, m.text(key, place, m.km(q.distanceKm(c, d)))));
    }
  }
}
