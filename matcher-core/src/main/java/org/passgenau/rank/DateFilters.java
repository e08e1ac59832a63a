package org.passgenau.rank;

import static org.passgenau.rank.OpportunityColumns.NO_DAY;

import org.passgenau.model.OpportunityKind;

/** Filters on dates: the application deadline and the start against the person's availability. */
final class DateFilters {

  private DateFilters() {}

  /** An opportunity whose application deadline has passed cannot be applied for. */
  static final class Deadline extends Rule.Filter {
    Deadline() {
      super("application_deadline");
    }

    @Override
    boolean admits(ProfileQuery q, OpportunityColumns c, int d) {
      return c.deadlineDay[d] >= q.today;
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
  }

  /**
   * Apprenticeships and training start on a fixed date and can be joined only within a grace
   * period (apprenticeships: 1 August to 1 October); other opportunities start when the person
   * can. Either way the person must be available by the last day of joining.
   */
  static final class Start extends Rule.Filter {
    private static final int APPRENTICESHIP = OpportunityKind.APPRENTICESHIP.ordinal();
    private static final int TRAINING = OpportunityKind.TRAINING.ordinal();

    Start() {
      super("start_date");
    }

    /** Decided once per (start day, kind, country), in the query's memo. */
    @Override
    boolean admits(ProfileQuery q, OpportunityColumns c, int d) {
      return (q.startVerdict(c, d) & ProfileQuery.START_JOINABLE) != 0;
    }

    /** Whether an opportunity of this kind starting on {@code start} can still be joined. */
    static boolean joinable(ProfileQuery q, int start, int kind) {
      boolean cohort = (kind == APPRENTICESHIP) | (kind == TRAINING);
      int lastJoin = cohort
          ? start + q.rules.startGraceDaysApprenticeship()
          : Math.max(start, q.today) + q.rules.startGraceDaysOther();
      // An unknown availability is NO_DAY, before every last day of joining.
      return (start == NO_DAY) | ((!cohort | lastJoin >= q.today) & q.availableFromDay <= lastJoin);
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
  }
}
