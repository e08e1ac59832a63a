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
   * Writes to {@code docs} the rows of the segment's live documents that this filter admits, in
   * row order, and returns how many: a pass over the segment's areas ({@link ReachCells}) that
   * takes or skips most areas whole and tests rows only where the limit crosses an area.
   */
  int scan(ProfileQuery q, OpportunityColumns c, Bits live, int[] docs) {
    return q.scanReachable(c, live, docs);
  }

  /** Writes the rows of the segment's live documents to {@code docs} and returns how many. */
  static int allLive(OpportunityColumns c, Bits live, int[] docs) {
    int kept = 0;
    for (int r = 0; r < c.size; r++) {
      if (live == null || live.get(c.segmentDoc[r])) {
        docs[kept++] = r;
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
      // Name the place, else its region; with neither, the distance alone says it.
      String to = c.place[d] != Interner.ABSENT ? q.vocabulary.places.name(c.place[d])
          : c.region[d] != Interner.ABSENT ? m.region(q.vocabulary.regions.name(c.region[d]))
          : null;
      String key =
          q.obligationRegion == Interner.ABSENT || c.region[d] == q.obligationRegion
              ? "commute.move"
              : "commute.move_lifts_obligation";
      out.add(new Reason(name(), 0,
          m.text(to == null ? key + "_unnamed" : key, to, m.km(q.distanceKm(c, d)))));
    }
  }
}
