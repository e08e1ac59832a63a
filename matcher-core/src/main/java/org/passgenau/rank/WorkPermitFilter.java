package org.passgenau.rank;

import java.util.List;
import org.passgenau.model.Location;
import org.passgenau.model.OpportunityKind;
import org.passgenau.model.PermitStatus;
import org.passgenau.model.WorkBan;
import org.passgenau.model.WorkPermit;

/**
 * The right to work. An absolute ban leaves only volunteering and courses ({@code training}),
 * which are not employment; a temporary ban admits employment that starts after it ends, and
 * employment without a start date with a note that the ban must have ended before work begins;
 * the right to work is national, so employment in another country needs EU citizenship (when the
 * status is known). A permit to ask for is a note, never an exclusion: always for a tolerated
 * person, otherwise where the record says an approval is required. The note names the
 * foreigners' authority that issues the permit, and for an apprenticeship says that the
 * employment agency's consent is not needed (section 32(2) BeschV); in the Netherlands the
 * employer asks UWV.
 */
final class WorkPermitFilter extends Rule.Filter {

  private static final OpportunityKind[] KINDS = OpportunityKind.values();
  private static final int VOLUNTEERING = OpportunityKind.VOLUNTEERING.ordinal();
  private static final int TRAINING = OpportunityKind.TRAINING.ordinal();
  private static final int APPRENTICESHIP = OpportunityKind.APPRENTICESHIP.ordinal();
  private static final byte ADMITS = 1;
  private static final byte EXCLUDES = 2;

  WorkPermitFilter() {
    super("work_permit");
  }

  @Override
  Rule.BoundFilter bind(ProfileQuery q) {
    return new Bound(q);
  }

  /** Whether a tolerated person: they always need a permit, and may train into residence. */
  static boolean tolerated(WorkPermit permit) {
    return permit != null && permit.status() == PermitStatus.TOLERATION;
  }

  private final class Bound extends Rule.BoundFilter {
    private final Vocabulary vocabulary;
    private final boolean absoluteBan;
    /** Last day of a temporary ban still in force, or NO_DAY. */
    private final int banUntilDay;
    private final boolean approvalRequired;
    private final boolean tolerated;
    private final boolean mayWorkAbroad;
    private final int homeCountry;
    /**
     * The verdict per (start day, kind, country), by {@link OpportunityColumns#startClass}; 0
     * while undecided. Sized when the query is bound, after its snapshot was taken.
     */
    private final byte[] memo;

    Bound(ProfileQuery q) {
      WorkPermit permit = q.profile.workPermit();
      WorkBan ban = permit == null ? WorkBan.NONE : permit.ban();
      this.vocabulary = q.vocabulary;
      this.absoluteBan = ban == WorkBan.ABSOLUTE;
      this.banUntilDay =
          ban == WorkBan.TEMPORARY && !permit.workBanUntil().isBefore(q.asOf)
              ? (int) permit.workBanUntil().toEpochDay()
              : OpportunityColumns.NO_DAY;
      this.approvalRequired = permit != null && Boolean.TRUE.equals(permit.approvalRequired());
      this.tolerated = tolerated(permit);
      // Only a known non-EU status restricts work abroad: an absent status is no constraint.
      this.mayWorkAbroad =
          permit == null || permit.status() == null || permit.status() == PermitStatus.EU_CITIZEN;
      Location home = q.profile.location();
      this.homeCountry = q.vocabulary.countries.intern(home == null ? null : home.country());
      this.memo = new byte[q.memoSize(q.vocabulary.starts.size())];
    }

    @Override
    boolean canExclude() {
      return absoluteBan || banUntilDay != OpportunityColumns.NO_DAY
          || (!mayWorkAbroad && homeCountry != Interner.ABSENT);
    }

    /** Decided once per (start day, kind, country); the lookup stays small enough to inline. */
    @Override
    Object shareKey() {
      return key(
          absoluteBan, banUntilDay, approvalRequired, tolerated, mayWorkAbroad, homeCountry);
    }

    @Override
    boolean admits(OpportunityColumns c, int d) {
      int id = c.startClass[d];
      byte verdict = id < memo.length ? memo[id] : 0;
      return verdict != 0 ? verdict == ADMITS : decide(c, d);
    }

    private boolean decide(OpportunityColumns c, int d) {
      boolean admits = permits(c.startDay[d], c.kind[d], c.country[d]);
      int id = c.startClass[d];
      if (id < memo.length) { // else the columns were built after the query was bound
        memo[id] = admits ? ADMITS : EXCLUDES;
      }
      return admits;
    }

    /** The verdict on an opportunity of this start day (NO_DAY: not given), kind and country. */
    private boolean permits(int startDay, int kind, int country) {
      // Without a ban in force banUntilDay is NO_DAY, below every start; an unknown start may
      // lie after a temporary ban, which the note then says.
      boolean afterBan = (startDay == OpportunityColumns.NO_DAY) | (startDay > banUntilDay);
      boolean mayWorkThere = mayWorkAbroad | (homeCountry == Interner.ABSENT)
          | (country == Interner.ABSENT) | (country == homeCountry);
      boolean notEmployment = !KINDS[kind].isEmployment();
      return notEmployment | (!absoluteBan & afterBan & mayWorkThere);
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
      boolean banned = absoluteBan || banUntilDay != OpportunityColumns.NO_DAY;
      if (c.kind[d] == VOLUNTEERING || c.kind[d] == TRAINING) {
        if (banned) {
          out.add(new Reason(name(), 0, m.text(c.kind[d] == VOLUNTEERING
              ? "work_permit.volunteering_open" : "work_permit.training_open")));
        }
        return; // not employment: no permit to ask for
      }
      if (banUntilDay != OpportunityColumns.NO_DAY) {
        out.add(new Reason(name(), 0, c.startDay[d] == OpportunityColumns.NO_DAY
            ? m.text("work_permit.ban_ends_first", Messages.day(banUntilDay))
            : m.text("work_permit.after_ban", Messages.day(c.startDay[d]),
                Messages.day(banUntilDay))));
      }
      // A tolerated person always needs the foreigners' authority's permit, whatever
      // approval_required says; so does anyone whose record says an approval is required.
      boolean apprenticeship = c.kind[d] == APPRENTICESHIP;
      if (tolerated) {
        out.add(new Reason(name(), 0, m.text(apprenticeship
            ? "work_permit.toleration_apprenticeship" : "work_permit.toleration")));
      } else if (approvalRequired) {
        boolean netherlands = c.country[d] != Interner.ABSENT
            && "NL".equals(vocabulary.countries.name(c.country[d]));
        String key = netherlands
            ? "work_permit.approval_nl"
            : apprenticeship ? "work_permit.approval_apprenticeship" : "work_permit.approval";
        out.add(new Reason(name(), 0, m.text(key)));
      }
    }
  }
}
