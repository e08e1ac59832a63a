package org.passgenau.rank;

import java.util.List;

/** What a person must bring or bear: physical demand, accessibility, driving licence, school. */
final class EntryFilters {

  private EntryFilters() {}

  /** A job more physically demanding than the person's health allows. */
  static final class PhysicalDemand extends Rule.Filter {
    PhysicalDemand() {
      super("physical_demand");
    }

    @Override
    boolean canExclude(ProfileQuery q) {
      return q.maxDemand != OpportunityColumns.UNKNOWN;
    }

    @Override
    boolean admits(ProfileQuery q, OpportunityColumns c, int d) {
      return (q.maxDemand == OpportunityColumns.UNKNOWN) | (c.demand[d] <= q.maxDemand);
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

  /** A wheelchair user needs an accessible workplace; an unknown one passes with a note. */
  static final class Accessibility extends Rule.Filter {
    Accessibility() {
      super("accessibility");
    }

    @Override
    boolean canExclude(ProfileQuery q) {
      return q.needsAccessible;
    }

    @Override
    boolean admits(ProfileQuery q, OpportunityColumns c, int d) {
      return !q.needsAccessible | (c.accessible[d] != 0);
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

    @Override
    void note(ProfileQuery q, OpportunityColumns c, int d, Messages m, List<Reason> out) {
      if (q.needsAccessible && c.accessible[d] == OpportunityColumns.UNKNOWN) {
        out.add(new Reason(name(), 0, m.text("accessibility.unknown")));
      }
    }
  }

  /** The asked licence class, or one that implies it (CE implies C and B). */
  static final class DrivingLicence extends Rule.Filter {
    DrivingLicence() {
      super("driving_license");
    }

    @Override
    boolean admits(ProfileQuery q, OpportunityColumns c, int d) {
      return c.licence[d] == Interner.ABSENT || q.holdsLicence(c.licence[d]);
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
   * The school level an employer asks for (German law asks none for apprenticeships; employers
   * do). An unknown school level passes with a note.
   */
  static final class School extends Rule.Filter {
    School() {
      super("school");
    }

    @Override
    boolean canExclude(ProfileQuery q) {
      return q.school != OpportunityColumns.UNKNOWN;
    }

    @Override
    boolean admits(ProfileQuery q, OpportunityColumns c, int d) {
      return (c.minSchool[d] == OpportunityColumns.UNKNOWN)
          | (q.school == OpportunityColumns.UNKNOWN)
          | (q.school >= c.minSchool[d]);
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

    @Override
    void note(ProfileQuery q, OpportunityColumns c, int d, Messages m, List<Reason> out) {
      if (c.minSchool[d] != OpportunityColumns.UNKNOWN && q.school == OpportunityColumns.UNKNOWN) {
        out.add(new Reason(name(), 0,
            m.text("school.unknown", m.text("school_level."
                + org.passgenau.model.School.values()[c.minSchool[d]].code()))));
      }
    }
  }
}
