package org.passgenau.rank;

import static org.passgenau.rank.OpportunityColumns.NO_DAY;

import java.util.List;
import org.passgenau.model.Availability;
import org.passgenau.model.Opportunity;
import org.passgenau.model.OpportunityKind;

/** Filters on dates: the application deadline and the start against the person's availability. */
final class DateFilters {

  private DateFilters() {}

  /** An opportunity whose application deadline has passed cannot be applied for. */
  static final class Deadline extends Rule.Filter {
    Deadline() {
      super("application_deadline");
    }

    /** The last day to apply, OPEN_DAY when none is given. */
    @Override
    Rule.ColumnGroup columns(List<Opportunity> rows, Vocabulary vocabulary) {
      return RuleColumns.ints(rows, o -> o.applicationDeadline() == null
          ? OpportunityColumns.OPEN_DAY : (int) o.applicationDeadline().toEpochDay());
    }

    @Override
    Rule.BoundFilter bind(ProfileQuery q) {
      return new Bound(q.today);
    }

    private static final class Bound extends Rule.BoundFilter {
      private final int today;

      Bound(int today) {
        this.today = today;
      }

      @Override
      Object shareKey() {
        return key(today);
      }

      @Override
      boolean admits(OpportunityColumns c, int d) {
        return c.ints(BuiltInRule.APPLICATION_DEADLINE)[d] >= today;
      }

      @Override
      int retain(OpportunityColumns c, int[] docs, int n) {
        int[] deadline = c.ints(BuiltInRule.APPLICATION_DEADLINE);
        int kept = 0;
        for (int i = 0; i < n; i++) {
          int d = docs[i];
          docs[kept] = d;
          kept += deadline[d] >= today ? 1 : 0;
        }
        return kept;
      }
    }
  }

  /**
   * Apprenticeships and training start on a fixed date and can be joined only within a grace
   * period (apprenticeships: 1 August to 1 October); other opportunities start when the person
   * can. Either way the person must be available by the last day of joining.
   */
  static final class Start extends Rule.Filter {
    private static final int APPRENTICESHIP = OpportunityKind.APPRENTICESHIP.ordinal();
    private static final int TRAINING = OpportunityKind.TRAINING.ordinal();
    private static final byte ADMITS = 1;
    private static final byte EXCLUDES = 2;

    Start() {
      super("start_date");
    }

    @Override
    Rule.BoundFilter bind(ProfileQuery q) {
      return new Bound(q);
    }

    private static final class Bound extends Rule.BoundFilter {
      private final int today;
      /** The first day the person is available; NO_DAY when unknown. */
      private final int availableFromDay;
      private final int graceApprenticeship;
      private final int graceOther;
      /**
       * The verdict per (start day, kind, country), by {@link OpportunityColumns#startClass}: a
       * few thousand in a corpus, decided once each; 0 while undecided. Sized when the query is
       * bound, after its snapshot was taken.
       */
      private final byte[] memo;

      Bound(ProfileQuery q) {
        Availability a = q.profile.availability();
        this.today = q.today;
        this.availableFromDay = a == null || a.availableFrom() == null
            ? NO_DAY : (int) a.availableFrom().toEpochDay();
        this.graceApprenticeship = q.rules.startGraceDaysApprenticeship();
        this.graceOther = q.rules.startGraceDaysOther();
        this.memo = new byte[q.memoSize(q.vocabulary.starts.size())];
      }

      /** Decided once per (start day, kind, country); the lookup stays small enough to inline. */
      @Override
      Object shareKey() {
        return key(today, availableFromDay, graceApprenticeship, graceOther);
      }

      @Override
      boolean admits(OpportunityColumns c, int d) {
        int id = c.startClass[d];
        byte verdict = id < memo.length ? memo[id] : 0;
        return verdict != 0 ? verdict == ADMITS : decide(c, d);
      }

      private boolean decide(OpportunityColumns c, int d) {
        boolean admits = joinable(c.startDay[d], c.kind[d]);
        int id = c.startClass[d];
        if (id < memo.length) { // else the columns were built after the query was bound
          memo[id] = admits ? ADMITS : EXCLUDES;
        }
        return admits;
      }

      /** Whether an opportunity of this kind starting on {@code start} can still be joined. */
      private boolean joinable(int start, int kind) {
        boolean cohort = (kind == APPRENTICESHIP) | (kind == TRAINING);
        int lastJoin = cohort
            ? start + graceApprenticeship
            : Math.max(start, today) + graceOther;
        // An unknown availability is NO_DAY, before every last day of joining.
        return (start == NO_DAY) | ((!cohort | lastJoin >= today) & availableFromDay <= lastJoin);
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
    }
  }
}
