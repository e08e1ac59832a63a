package org.passgenau.rank;

import java.util.List;
import org.apache.lucene.util.Bits;

/**
 * Reach: remote work, a commute within the person's limit (or, without one, the legal norm of a
 * reasonable daily round trip), or a move the person is willing to make and a residence
 * obligation allows. Opportunities or persons without coordinates cannot be judged and pass with a
 * note. The person's side is the query's {@link Reach}, which the distance scorer shares.
 */
final class CommuteFilter extends Rule.Filter {

  CommuteFilter() {
    super("commute");
  }

  @Override
  Rule.BoundFilter bind(ProfileQuery q) {
    return new Bound(q.reach, q.vocabulary);
  }

  private final class Bound extends Rule.BoundFilter {
    private final Reach reach;
    private final Vocabulary vocabulary;

    Bound(Reach reach, Vocabulary vocabulary) {
      this.reach = reach;
      this.vocabulary = vocabulary;
    }

    @Override
    boolean canExclude() {
      return reach.located && !reach.movesFreely;
    }

    @Override
    boolean admits(OpportunityColumns c, int d) {
      return reach.reachable(c, d);
    }

    @Override
    int retain(OpportunityColumns c, int[] docs, int n) {
      int kept = 0;
      for (int i = 0; i < n; i++) {
        if (admits(c, docs[i])) {
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
    @Override
    int scan(OpportunityColumns c, Bits live, int[] docs) {
      return reach.scanReachable(c, live, docs);
    }

    @Override
    void note(OpportunityColumns c, int d, Messages m, List<Reason> out) {
      int how = reach.reach(c, d);
      if (how == Reach.UNKNOWN) {
        out.add(new Reason(name(), 0, m.text("commute.unknown")));
      } else if (how == Reach.RELOCATION) {
        // Name the place, else its region; with neither, the distance alone says it.
        String to = c.place[d] != Interner.ABSENT ? vocabulary.places.name(c.place[d])
            : c.region[d] != Interner.ABSENT ? m.region(vocabulary.regions.name(c.region[d]))
            : null;
        String key =
            reach.obligationRegion == Interner.ABSENT || c.region[d] == reach.obligationRegion
                ? "commute.move"
                : "commute.move_lifts_obligation";
        out.add(new Reason(name(), 0,
            m.text(to == null ? key + "_unnamed" : key, to, m.km(reach.distanceKm(c, d)))));
      }
    }
  }
}
