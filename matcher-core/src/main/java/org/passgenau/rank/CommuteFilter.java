package org.passgenau.rank;

import java.util.List;

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
  boolean canExclude(ProfileQuery q) {
    return q.located && !q.movesFreely;
  }

  @Override
  boolean admits(ProfileQuery q, OpportunityColumns c, int d) {
    return q.reachable(c, d);
  }

  @Override
  int retain(ProfileQuery q, OpportunityColumns c, int[] docs, int n) {
    int kept = 0;
    for (int i = 0; i < n; i++) {
      if (admits(q, c, docs[i])) {
        docs[kept++] = docs[i];
      }
    }
    return kept;
  }

  @Override
  void note(ProfileQuery q, OpportunityColumns c, int d, Messages m, List<Reason> out) {
    int reach = q.reach(c, d);
    if (reach == ProfileQuery.REACH_UNKNOWN) {
      out.add(new Reason(name(), 0, m.text("commute.unknown")));
    } else if (reach == ProfileQuery.REACH_RELOCATION) {
      String place = c.place[d] == Interner.ABSENT ? "?" : q.vocabulary.places.name(c.place[d]);
      String key =
          q.obligationRegion == Interner.ABSENT || c.region[d] == q.obligationRegion
              ? "commute.move"
              : "commute.move_lifts_obligation";
      out.add(new Reason(name(), 0, m.text(key, place, m.km(q.distanceKm(c, d)))));
    }
  }
}
