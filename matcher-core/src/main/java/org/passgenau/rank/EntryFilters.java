package org.passgenau.rank;

import static org.passgenau.rank.OpportunityColumns.UNKNOWN;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.passgenau.model.Health;
import org.passgenau.model.Mobility;
import org.passgenau.model.Opportunity;
import org.passgenau.model.Profile;

/** What a person must bring or bear: physical demand, accessibility, driving licence, school. */
final class EntryFilters {

  private EntryFilters() {}

  /** A job more physically demanding than the person's health allows. */
  static final class PhysicalDemand extends Rule.Filter {
    PhysicalDemand() {
      super("physical_demand");
    }

    @Override
    Rule.ColumnGroup columns(List<Opportunity> rows, Vocabulary vocabulary) {
      return RuleColumns.bytes(rows, o -> o.physicalDemand() == null
          ? UNKNOWN : o.physicalDemand().ordinal());
    }

    @Override
    Rule.BoundFilter bind(ProfileQuery q) {
      Health h = q.profile.health();
      return new Bound(h == null || h.maxPhysicalDemand() == null
          ? UNKNOWN : (byte) h.maxPhysicalDemand().ordinal());
    }

    private static final class Bound extends Rule.BoundFilter {
      private final byte maxDemand;

      Bound(byte maxDemand) {
        this.maxDemand = maxDemand;
      }

      @Override
      boolean canExclude() {
        return maxDemand != UNKNOWN;
      }

      @Override
      Object shareKey() {
        return key(maxDemand);
      }

      @Override
      boolean admits(OpportunityColumns c, int d) {
        return admits(c.bytes(BuiltInRule.PHYSICAL_DEMAND), d);
      }

      private boolean admits(byte[] demand, int d) {
        return (maxDemand == UNKNOWN) | (demand[d] <= maxDemand);
      }

      @Override
      int retain(OpportunityColumns c, int[] docs, int n) {
        byte[] demand = c.bytes(BuiltInRule.PHYSICAL_DEMAND);
        int kept = 0;
        for (int i = 0; i < n; i++) {
          int d = docs[i];
          docs[kept] = d;
          kept += admits(demand, d) ? 1 : 0;
        }
        return kept;
      }
    }
  }

  /** A wheelchair user needs an accessible workplace; an unknown one passes with a note. */
  static final class Accessibility extends Rule.Filter {
    Accessibility() {
      super("accessibility");
    }

    @Override
    Rule.ColumnGroup columns(List<Opportunity> rows, Vocabulary vocabulary) {
      return RuleColumns.bytes(rows, o -> RuleColumns.tri(o.accessible()));
    }

    @Override
    Rule.BoundFilter bind(ProfileQuery q) {
      Health h = q.profile.health();
      return new Bound(h != null && Boolean.TRUE.equals(h.needsAccessibleWorkplace()));
    }

    private final class Bound extends Rule.BoundFilter {
      private final boolean needsAccessible;

      Bound(boolean needsAccessible) {
        this.needsAccessible = needsAccessible;
      }

      @Override
      boolean canExclude() {
        return needsAccessible;
      }

      @Override
      Object shareKey() {
        return key(needsAccessible);
      }

      @Override
      boolean admits(OpportunityColumns c, int d) {
        return admits(c.bytes(BuiltInRule.ACCESSIBILITY), d);
      }

      private boolean admits(byte[] accessible, int d) {
        return !needsAccessible | (accessible[d] != 0);
      }

      @Override
      int retain(OpportunityColumns c, int[] docs, int n) {
        byte[] accessible = c.bytes(BuiltInRule.ACCESSIBILITY);
        int kept = 0;
        for (int i = 0; i < n; i++) {
          int d = docs[i];
          docs[kept] = d;
          kept += admits(accessible, d) ? 1 : 0;
        }
        return kept;
      }

      @Override
      void note(OpportunityColumns c, int d, Messages m, List<Reason> out) {
        if (needsAccessible && c.bytes(BuiltInRule.ACCESSIBILITY)[d] == UNKNOWN) {
          out.add(new Reason(name(), 0, m.text("accessibility.unknown")));
        }
      }
    }
  }

  /** The asked licence class, or one that implies it (CE implies C and B). */
  static final class DrivingLicence extends Rule.Filter {
    /** Licence classes that holding a class implies (EU directive 2006/126: B comes first). */
    private static final Map<String, List<String>> LICENCE_IMPLIES =
        Map.of(
            "BE", List.of("B"),
            "C1", List.of("B"),
            "C1E", List.of("C1", "BE", "B"),
            "C", List.of("C1", "B"),
            "CE", List.of("C", "C1", "C1E", "BE", "B"),
            "D1", List.of("B"),
            "D1E", List.of("D1", "BE", "B"),
            "D", List.of("D1", "B"),
            "DE", List.of("D", "D1", "D1E", "BE", "B"));

    DrivingLicence() {
      super("driving_license");
    }

    /** The id of the licence class asked for, ABSENT for none. */
    @Override
    Rule.ColumnGroup columns(List<Opportunity> rows, Vocabulary vocabulary) {
      return RuleColumns.ints(rows,
          o -> vocabulary.licences.intern(Vocabulary.licence(o.drivingLicense())));
    }

    @Override
    Rule.BoundFilter bind(ProfileQuery q) {
      return new Bound(held(q.profile, q.vocabulary));
    }

    /** The ids of the licence classes the person holds or that those imply, sorted. */
    private static int[] held(Profile p, Vocabulary vocabulary) {
      TreeSet<Integer> held = new TreeSet<>();
      Mobility m = p.mobility();
      if (m != null) {
        for (String l : m.drivingLicense()) {
          String cls = Vocabulary.licence(l);
          held.add(vocabulary.licences.intern(cls));
          for (String implied : LICENCE_IMPLIES.getOrDefault(cls, List.of())) {
            held.add(vocabulary.licences.intern(implied));
          }
        }
      }
      return held.stream().mapToInt(Integer::intValue).toArray();
    }

    private static final class Bound extends Rule.BoundFilter {
      private final int[] licences;

      Bound(int[] licences) {
        this.licences = licences;
      }

      @Override
      Object shareKey() {
        return key((Object) licences);
      }

      @Override
      boolean admits(OpportunityColumns c, int d) {
        return admits(c.ints(BuiltInRule.DRIVING_LICENSE), d);
      }

      private boolean admits(int[] asked, int d) {
        return asked[d] == Interner.ABSENT || Arrays.binarySearch(licences, asked[d]) >= 0;
      }

      @Override
      int retain(OpportunityColumns c, int[] docs, int n) {
        int[] asked = c.ints(BuiltInRule.DRIVING_LICENSE);
        int kept = 0;
        for (int i = 0; i < n; i++) {
          int d = docs[i];
          docs[kept] = d;
          kept += admits(asked, d) ? 1 : 0;
        }
        return kept;
      }
    }
  }

  /**
   * The school level an employer asks for (German law asks none for apprenticeships; employers
   * do). An unknown school level passes with a note.
   */
  static final class School extends Rule.Filter {
    School() {
      super("school");
    }

    @Override
    Rule.ColumnGroup columns(List<Opportunity> rows, Vocabulary vocabulary) {
      return RuleColumns.bytes(rows, o -> o.minSchool() == null
          ? UNKNOWN : o.minSchool().ordinal());
    }

    @Override
    Rule.BoundFilter bind(ProfileQuery q) {
      return new Bound(q.profile.school() == null ? UNKNOWN : q.profile.school().ordinal());
    }

    private final class Bound extends Rule.BoundFilter {
      private final int school;

      Bound(int school) {
        this.school = school;
      }

      @Override
      boolean canExclude() {
        return school != UNKNOWN;
      }

      @Override
      Object shareKey() {
        return key(school);
      }

      @Override
      boolean admits(OpportunityColumns c, int d) {
        return admits(c.bytes(BuiltInRule.SCHOOL), d);
      }

      private boolean admits(byte[] minSchool, int d) {
        return (minSchool[d] == UNKNOWN) | (school == UNKNOWN) | (school >= minSchool[d]);
      }

      @Override
      int retain(OpportunityColumns c, int[] docs, int n) {
        byte[] minSchool = c.bytes(BuiltInRule.SCHOOL);
        int kept = 0;
        for (int i = 0; i < n; i++) {
          int d = docs[i];
          docs[kept] = d;
          kept += admits(minSchool, d) ? 1 : 0;
        }
        return kept;
      }

      @Override
      void note(OpportunityColumns c, int d, Messages m, List<Reason> out) {
        byte asked = c.bytes(BuiltInRule.SCHOOL)[d];
        if (asked != UNKNOWN && school == UNKNOWN) {
          out.add(new Reason(name(), 0,
              m.text("school.unknown", m.text("school_level."
                  + org.passgenau.model.School.values()[asked].code()))));
        }
      }
    }
  }
}
