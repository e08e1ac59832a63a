package org.passgenau.rank;

/**
 * Working time against availability, which carries family and health constraints: weekly hours,
 * shifts, nights, weekends, and childcare. Unknown values on either side exclude nothing.
 */
final class WorkingTimeFilters {

  private WorkingTimeFilters() {}

  /** The job's hours range must meet the person's. */
  static final class Hours extends Rule.Filter {
    Hours() {
      super("hours");
    }

    @Override
    boolean canExclude(ProfileQuery q) {
      return !Float.isNaN(q.maxHours) || !Float.isNaN(q.minHours);
    }

    @Override
    boolean admits(ProfileQuery q, OpportunityColumns c, int d) {
      // NaN compares false, so unknown bounds admit.
      return !(c.hoursMin[d] > q.maxHours) & !(c.hoursMax[d] < q.minHours);
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

  /** Shift work, night work or weekend work that the person cannot do. */
  static final class Schedule extends Rule.Filter {
    private final int field;

    private Schedule(String name, int field) {
      super(name);
      this.field = field;
    }

    static Schedule shifts() {
      return new Schedule("shift_work", 0);
    }

    static Schedule nights() {
      return new Schedule("night_work", 1);
    }

    static Schedule weekends() {
      return new Schedule("weekend_work", 2);
    }

    @Override
    boolean canExclude(ProfileQuery q) {
      return switch (field) {
        case 0 -> q.shiftOk == 0;
        case 1 -> q.nightOk == 0;
        default -> q.weekendOk == 0;
      };
    }

    @Override
    boolean admits(ProfileQuery q, OpportunityColumns c, int d) {
      return switch (field) {
        case 0 -> (c.shiftWork[d] != 1) | (q.shiftOk != 0);
        case 1 -> (c.nightWork[d] != 1) | (q.nightOk != 0);
        default -> (c.weekendWork[d] != 1) | (q.weekendOk != 0);
      };
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
   * Children under three whose care is not arranged rule out night work, unless the employer
   * offers childcare; only where the person has not said whether they can work at night, since
   * their own statement stands. Acts through the care constraint, never through family status as
   * such.
   */
  static final class Childcare extends Rule.Filter {
    Childcare() {
      super("childcare");
    }

    @Override
    boolean canExclude(ProfileQuery q) {
      return q.childcareRulesOutNights;
    }

    @Override
    boolean admits(ProfileQuery q, OpportunityColumns c, int d) {
      return !q.childcareRulesOutNights | (c.nightWork[d] != 1) | (c.childcareSupport[d] == 1);
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
