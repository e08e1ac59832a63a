package org.passgenau.rank;

import java.util.List;
import org.apache.lucene.util.Bits;

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

  /**
   * Writes to {@code docs} the live documents of the segment that this filter admits, in doc id
   * order, and returns how many: one sequential pass over the coordinate columns instead of an
   * index query, because for a person who stays put a large share of a region's opportunities
   * lies within reach, and a pass over a few arrays costs less than collecting them one by one.
   */
  int scan(ProfileQuery q, OpportunityColumns c, Bits live, int[] docs) {
    return q.scanReachable(c, live, docs);
  }

  /** Writes the live documents of the segment to {@code docs} and returns how many. */
  static int allLive(OpportunityColumns c, Bits live, int[] docs) {
    int kept = 0;
    for (int d = 0; d < c.size; d++) {
      if (live == null || live.get(d)) {
        docs[kept++] = d;
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
