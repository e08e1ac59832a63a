package org.passgenau.rank;

import static org.passgenau.rank.OpportunityColumns.UNKNOWN;

import org.passgenau.model.Availability;
import org.passgenau.model.Profile;

/**
 * Working time against availability, which carries family and health constraints: weekly hours,
 * shifts, nights, weekends, and childcare. Unknown values on either side exclude nothing.
 */
final class WorkingTimeFilters {

  private WorkingTimeFilters() {}

  /** The most hours a week the person can work, NaN when not stated. */
  static float maxHours(Profile p) {
    Availability a = p.availability();
    return a == null || a.maxHoursPerWeek() == null
        ? Float.NaN : a.maxHoursPerWeek().floatValue();
  }

  /** The fewest hours a week the person wants to work, NaN when not stated. */
  static float minHours(Profile p) {
    Availability a = p.availability();
    return a == null || a.minHoursPerWeek() == null
        ? Float.NaN : a.minHoursPerWeek().floatValue();
  }

  /** Whether the person stated they can work at night: 1, 0 or UNKNOWN. */
  static byte nightOk(Profile p) {
    return ProfileQuery.tri(p.availability() == null ? null : p.availability().nightOk());
  }

  /** The job's hours range must meet the person's. */
  static final class Hours extends Rule.Filter {
    Hours() {
      super("hours");
    }

    @Override
    Rule.BoundFilter bind(ProfileQuery q) {
      return new Bound(maxHours(q.profile), minHours(q.profile));
    }

    private static final class Bound extends Rule.BoundFilter {
      private final float maxHours;
      private final float minHours;

      Bound(float maxHours, float minHours) {
        this.maxHours = maxHours;
        this.minHours = minHours;
      }

      @Override
      boolean canExclude() {
        return !Float.isNaN(maxHours) || !Float.isNaN(minHours);
      }

      @Override
      boolean admits(OpportunityColumns c, int d) {
        // NaN compares false, so unknown bounds admit.
        return !(c.hoursMin[d] > maxHours) & !(c.hoursMax[d] < minHours);
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
    Rule.BoundFilter bind(ProfileQuery q) {
      Availability a = q.profile.availability();
      byte ok = switch (field) {
        case 0 -> ProfileQuery.tri(a == null ? null : a.shiftOk());
        case 1 -> nightOk(q.profile);
        default -> ProfileQuery.tri(a == null ? null : a.weekendOk());
      };
      return new Bound(field, ok);
    }

    private static final class Bound extends Rule.BoundFilter {
      private final int field;
      /** Whether the person can work so: 1, 0 or UNKNOWN. */
      private final byte ok;

      Bound(int field, byte ok) {
        this.field = field;
        this.ok = ok;
      }

      @Override
      boolean canExclude() {
        return ok == 0;
      }

      @Override
      boolean admits(OpportunityColumns c, int d) {
        byte work = switch (field) {
          case 0 -> c.shiftWork[d];
          case 1 -> c.nightWork[d];
          default -> c.weekendWork[d];
        };
        return (work != 1) | (ok != 0);
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
    Rule.BoundFilter bind(ProfileQuery q) {
      Profile p = q.profile;
      return new Bound(nightOk(p) == UNKNOWN
          && p.family() != null && p.family().smallChildrenWithoutCare());
    }

    private static final class Bound extends Rule.BoundFilter {
      /**
       * Children under three without arranged care, and no statement about night work: night
       * work is ruled out unless the employer offers childcare. A stated night_ok stands.
       */
      private final boolean rulesOutNights;

      Bound(boolean rulesOutNights) {
        this.rulesOutNights = rulesOutNights;
      }

      @Override
      boolean canExclude() {
        return rulesOutNights;
      }

      @Override
      boolean admits(OpportunityColumns c, int d) {
        return !rulesOutNights | (c.nightWork[d] != 1) | (c.childcareSupport[d] == 1);
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
