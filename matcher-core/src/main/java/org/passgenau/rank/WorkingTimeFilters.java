package org.passgenau.rank;

import static org.passgenau.rank.OpportunityColumns.UNKNOWN;

import java.util.List;
import org.passgenau.model.Availability;
import org.passgenau.model.Opportunity;
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
    return RuleColumns.tri(p.availability() == null ? null : p.availability().nightOk());
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
      Object shareKey() {
        return key(maxHours, minHours);
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

  /**
   * Shift work, night work or weekend work that the person cannot do. One class for the three
   * rules, each with its own column of the job's statement (1, 0 or UNKNOWN).
   */
  static final class Schedule extends Rule.Filter {
    private final BuiltInRule rule;

    private Schedule(BuiltInRule rule) {
      super(rule.ruleName());
      this.rule = rule;
    }

    static Schedule shifts() {
      return new Schedule(BuiltInRule.SHIFT_WORK);
    }

    static Schedule nights() {
      return new Schedule(BuiltInRule.NIGHT_WORK);
    }

    static Schedule weekends() {
      return new Schedule(BuiltInRule.WEEKEND_WORK);
    }

    @Override
    Rule.ColumnGroup columns(List<Opportunity> rows, Vocabulary vocabulary) {
      return RuleColumns.bytes(rows, o -> RuleColumns.tri(switch (rule) {
        case SHIFT_WORK -> o.shiftWork();
        case NIGHT_WORK -> o.nightWork();
        default -> o.weekendWork();
      }));
    }

    @Override
    Rule.BoundFilter bind(ProfileQuery q) {
      Availability a = q.profile.availability();
      byte ok = switch (rule) {
        case SHIFT_WORK -> RuleColumns.tri(a == null ? null : a.shiftOk());
        case NIGHT_WORK -> nightOk(q.profile);
        default -> RuleColumns.tri(a == null ? null : a.weekendOk());
      };
      return new Bound(rule, ok);
    }

    private static final class Bound extends Rule.BoundFilter {
      private final BuiltInRule rule;
      /** Whether the person can work so: 1, 0 or UNKNOWN. */
      private final byte ok;

      Bound(BuiltInRule rule, byte ok) {
        this.rule = rule;
        this.ok = ok;
      }

      @Override
      boolean canExclude() {
        return ok == 0;
      }

      @Override
      Object shareKey() {
        return key(rule, ok);
      }

      @Override
      boolean admits(OpportunityColumns c, int d) {
        return admits(c.bytes(rule), d);
      }

      private boolean admits(byte[] work, int d) {
        return (work[d] != 1) | (ok != 0);
      }

      @Override
      int retain(OpportunityColumns c, int[] docs, int n) {
        byte[] work = c.bytes(rule);
        int kept = 0;
        for (int i = 0; i < n; i++) {
          int d = docs[i];
          docs[kept] = d;
          kept += admits(work, d) ? 1 : 0;
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

    /** Night work without childcare from the employer. */
    @Override
    Rule.ColumnGroup columns(List<Opportunity> rows, Vocabulary vocabulary) {
      return RuleColumns.booleans(rows, o -> Boolean.TRUE.equals(o.nightWork())
          && !Boolean.TRUE.equals(o.childcareSupport()));
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
      Object shareKey() {
        return key(rulesOutNights);
      }

      @Override
      boolean admits(OpportunityColumns c, int d) {
        return admits(c.booleans(BuiltInRule.CHILDCARE), d);
      }

      private boolean admits(boolean[] nightsWithoutCare, int d) {
        return !rulesOutNights | !nightsWithoutCare[d];
      }

      @Override
      int retain(OpportunityColumns c, int[] docs, int n) {
        boolean[] nightsWithoutCare = c.booleans(BuiltInRule.CHILDCARE);
        int kept = 0;
        for (int i = 0; i < n; i++) {
          int d = docs[i];
          docs[kept] = d;
          kept += admits(nightsWithoutCare, d) ? 1 : 0;
        }
        return kept;
      }
    }
  }
}
