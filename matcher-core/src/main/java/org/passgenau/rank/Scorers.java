package org.passgenau.rank;

import org.passgenau.model.OpportunityKind;
import org.passgenau.model.Recognition;
import org.passgenau.taxonomy.IscoCode;

/** The soft scorers of the default rule set. Each value lies in [-1, 1]; the rule set weighs it. */
final class Scorers {

  private Scorers() {}

  /**
   * Occupational closeness of the opportunity to what the person brings: qualifications,
   * experience (more years count more) and wishes, by the ISCO hierarchy: same unit group 1,
   * minor group 0.75, sub-major 0.5, major 0.25; occupations the rule set bridges (nurse and
   * care helper) count as the same minor group. The best pairing counts.
   */
  static final class OccupationCloseness extends Rule.Scorer {
    OccupationCloseness() {
      super("occupation");
    }

    @Override
    boolean canScore(ProfileQuery q) {
      return q.occIsco.length > 0;
    }

    @Override
    double value(ProfileQuery q, OpportunityColumns c, int d) {
      return q.occupationValue(c, d);
    }

    @Override
    void addTo(ProfileQuery q, OpportunityColumns c, int[] docs, int n, double weight, double[] scores) {
      for (int i = 0; i < n; i++) {
        scores[i] += weight * value(q, c, docs[i]);
      }
    }

    private static double closeness(ProfileQuery q, int i, int isco) {
      return q.closeness(q.occIsco[i], isco) / 4.0 * q.occWeight[i];
    }

    @Override
    String detail(ProfileQuery q, OpportunityColumns c, int d, Messages m) {
      int best = -1;
      double value = 0;
      for (int i = 0; i < q.occIsco.length; i++) {
        double v = closeness(q, i, c.isco[d]);
        if (v > value) {
          value = v;
          best = i;
        }
      }
      if (best < 0) {
        return null;
      }
      int shared = q.closeness(q.occIsco[best], c.isco[d]);
      String theirs = m.occupation(IscoCode.decode(q.occIsco[best]).orElseThrow());
      return m.text("occupation." + q.occSource[best] + "." + shared, theirs);
    }
  }

  /** Share of the opportunity's skill terms the person brings. */
  static final class Skills extends Rule.Scorer {
    Skills() {
      super("skills");
    }

    @Override
    boolean canScore(ProfileQuery q) {
      return q.bringsSkills();
    }

    @Override
    double value(ProfileQuery q, OpportunityColumns c, int d) {
      int from = c.skillStart[d];
      int to = c.skillStart[d + 1];
      if (from == to) {
        return 0;
      }
      return q.skillsBrought(c.skillTerm, from, to) / (double) (to - from);
    }

    @Override
    void addTo(ProfileQuery q, OpportunityColumns c, int[] docs, int n, double weight, double[] scores) {
      for (int i = 0; i < n; i++) {
        scores[i] += weight * value(q, c, docs[i]);
      }
    }

    @Override
    String detail(ProfileQuery q, OpportunityColumns c, int d, Messages m) {
      int from = c.skillStart[d];
      int to = c.skillStart[d + 1];
      int shared = q.skillsBrought(c.skillTerm, from, to);
      return shared == 0 ? null : m.text("skills", shared, to - from);
    }
  }

  /**
   * Fit of the person's highest qualification level to the job's level: equal is best;
   * over-qualification costs a quarter per level, under-qualification 0.4 per level. No formal
   * qualification is helper level. An unknown job level scores half.
   */
  static final class QualificationLevel extends Rule.Scorer {
    QualificationLevel() {
      super("qualification_level");
    }

    @Override
    double value(ProfileQuery q, OpportunityColumns c, int d) {
      if (c.level[d] == OpportunityColumns.UNKNOWN) {
        return 0.5;
      }
      int diff = q.bestLevel - c.level[d];
      return Math.max(0, diff >= 0 ? 1 - 0.25 * diff : 1 + 0.4 * diff);
    }

    @Override
    void addTo(ProfileQuery q, OpportunityColumns c, int[] docs, int n, double weight, double[] scores) {
      for (int i = 0; i < n; i++) {
        scores[i] += weight * value(q, c, docs[i]);
      }
    }

    @Override
    String detail(ProfileQuery q, OpportunityColumns c, int d, Messages m) {
      if (c.level[d] == OpportunityColumns.UNKNOWN) {
        return null;
      }
      int diff = q.bestLevel - c.level[d];
      String key = diff == 0 ? "level.fit" : diff > 0 ? "level.over" : "level.under";
      return m.text(key, m.text("level." + c.level[d]), m.text("level." + q.bestLevel));
    }
  }

  /**
   * Recognition of a qualification in the field, which employers value even where it is no gate
   * (and which, in regulated professions, the recognition filter has already demanded): fully
   * recognised scores 1, partial 0.5, pending 0.25.
   */
  static final class RecognitionSignal extends Rule.Scorer {
    RecognitionSignal() {
      super("recognition_signal");
    }

    @Override
    double value(ProfileQuery q, OpportunityColumns c, int d) {
      if (c.isco[d] < 0) {
        return 0;
      }
      int best = q.bestRecognitionFor(c, d);
      if (best == Recognition.FULL.ordinal()) {
        return 1;
      } else if (best == Recognition.PARTIAL.ordinal()) {
        return 0.5;
      } else if (best == Recognition.PENDING.ordinal()) {
        return 0.25;
      }
      return 0;
    }

    @Override
    void addTo(ProfileQuery q, OpportunityColumns c, int[] docs, int n, double weight, double[] scores) {
      for (int i = 0; i < n; i++) {
        scores[i] += weight * value(q, c, docs[i]);
      }
    }

    @Override
    String detail(ProfileQuery q, OpportunityColumns c, int d, Messages m) {
      double v = value(q, c, d);
      if (v <= 0) {
        return null;
      }
      int best = q.bestRecognitionFor(c, d);
      return m.text("recognition_signal." + Recognition.values()[best].code());
    }
  }

  /**
   * Language margin: per asked language, exactly the asked level scores 0.75, each level above
   * adds 0.125 up to 1 (a margin helps, but should not push people towards jobs far below their
   * language); a gap tolerated because of language training scores -1 per gap level
   * times the rule set's penalty. No asked language scores 1. Monotone: a higher level never
   * scores lower.
   */
  static final class Language extends Rule.Scorer {
    Language() {
      super("language");
    }

    /** Computed once per list of requirements, in the query's memo. */
    @Override
    double value(ProfileQuery q, OpportunityColumns c, int d) {
      int set = c.langSet[d];
      if (set >= q.languageMemo.length) {
        return compute(q, c, d); // columns built after the query was compiled
      }
      double value = q.languageMemo[set];
      if (Double.isNaN(value)) {
        value = compute(q, c, d);
        q.languageMemo[set] = value;
      }
      return value;
    }

    private static double compute(ProfileQuery q, OpportunityColumns c, int d) {
      int from = c.langStart[d];
      int to = c.langStart[d + 1];
      if (from == to) {
        return 1;
      }
      double sum = 0;
      for (int i = from; i < to; i++) {
        int margin = q.languageRank(c.langId[i]) - c.langMin[i];
        sum += margin >= 0 ? Math.min(1, 0.75 + 0.125 * margin) : margin * q.rules.languageGapPenalty();
      }
      return Math.max(-1, sum / (to - from));
    }

    @Override
    void addTo(ProfileQuery q, OpportunityColumns c, int[] docs, int n, double weight, double[] scores) {
      for (int i = 0; i < n; i++) {
        scores[i] += weight * value(q, c, docs[i]);
      }
    }

    @Override
    String detail(ProfileQuery q, OpportunityColumns c, int d, Messages m) {
      if (c.langStart[d] == c.langStart[d + 1]) {
        return m.text("language.none_asked");
      }
      StringBuilder out = new StringBuilder();
      for (int i = c.langStart[d]; i < c.langStart[d + 1]; i++) {
        String lang = q.vocabulary.languages.name(c.langId[i]);
        int have = q.languageRank(c.langId[i]);
        // A language not spoken at all is said in words, not shown as a level.
        String key = have >= c.langMin[i] ? "language.meets"
            : have == 0 ? "language.gap_supported_none" : "language.gap_supported";
        if (out.length() > 0) {
          out.append("; ");
        }
        out.append(m.text(key, m.language(lang), Messages.level(have), Messages.level(c.langMin[i])));
      }
      return out.toString();
    }
  }

  /**
   * Nearer is better: 1 at the door falling to 0 at the commuting limit; remote work scores 1, a
   * move the rule set's relocation score, an unknown place half.
   */
  static final class Distance extends Rule.Scorer {
    Distance() {
      super("distance");
    }

    @Override
    double maxValue(ProfileQuery q) {
      return Math.max(1, q.rules.relocationDistanceScore());
    }

    @Override
    double value(ProfileQuery q, OpportunityColumns c, int d) {
      return switch (q.reach(c, d)) {
        case ProfileQuery.REACH_REMOTE -> 1;
        case ProfileQuery.REACH_COMMUTE -> {
          double limit = q.commuteLimitKm(c, d);
          yield limit <= 0 ? 1 : 1 - q.distanceKm(c, d) / limit;
        }
        case ProfileQuery.REACH_RELOCATION -> q.rules.relocationDistanceScore();
        case ProfileQuery.REACH_UNKNOWN -> 0.5;
        default -> 0;
      };
    }

    @Override
    void addTo(ProfileQuery q, OpportunityColumns c, int[] docs, int n, double weight, double[] scores) {
      for (int i = 0; i < n; i++) {
        scores[i] += weight * value(q, c, docs[i]);
      }
    }

    @Override
    String detail(ProfileQuery q, OpportunityColumns c, int d, Messages m) {
      return switch (q.reach(c, d)) {
        case ProfileQuery.REACH_REMOTE -> m.text("distance.remote");
        case ProfileQuery.REACH_COMMUTE -> m.text(
            "distance.commute", m.km(q.distanceKm(c, d)), m.km(q.commuteLimitKm(c, d)));
        case ProfileQuery.REACH_RELOCATION -> m.text("distance.move");
        default -> m.text("distance.unknown");
      };
    }
  }

  /** Weekly hours within the person's range score 1; a partial overlap or unknown hours half. */
  static final class HoursFit extends Rule.Scorer {
    HoursFit() {
      super("hours_fit");
    }

    @Override
    double value(ProfileQuery q, OpportunityColumns c, int d) {
      float lo = c.hoursMin[d];
      float hi = c.hoursMax[d];
      if (Float.isNaN(lo) && Float.isNaN(hi)) {
        return 0.5;
      }
      boolean fitsMax = Float.isNaN(q.maxHours) || !((Float.isNaN(hi) ? lo : hi) > q.maxHours);
      boolean fitsMin = Float.isNaN(q.minHours) || !((Float.isNaN(lo) ? hi : lo) < q.minHours);
      return fitsMax && fitsMin ? 1 : 0.5;
    }

    @Override
    void addTo(ProfileQuery q, OpportunityColumns c, int[] docs, int n, double weight, double[] scores) {
      for (int i = 0; i < n; i++) {
        scores[i] += weight * value(q, c, docs[i]);
      }
    }

    @Override
    String detail(ProfileQuery q, OpportunityColumns c, int d, Messages m) {
      if (Float.isNaN(c.hoursMin[d]) && Float.isNaN(c.hoursMax[d])) {
        return null;
      }
      String hours =
          Float.isNaN(c.hoursMin[d]) ? m.hours(c.hoursMax[d])
              : Float.isNaN(c.hoursMax[d]) ? m.hours(c.hoursMin[d])
              : m.hours(c.hoursMin[d]) + "-" + m.hours(c.hoursMax[d]);
      if (Float.isNaN(q.maxHours) && Float.isNaN(q.minHours)) {
        return m.text("hours.unconstrained", hours);
      }
      return m.text(value(q, c, d) == 1 ? "hours.fit" : "hours.partly", hours);
    }
  }

  /**
   * For a tolerated person, a qualified apprenticeship (two years or more) secures residence
   * during training (training toleration, "3+2"); an introductory qualification does not.
   */
  static final class ApprenticeshipResidence extends Rule.Scorer {
    private static final int APPRENTICESHIP = OpportunityKind.APPRENTICESHIP.ordinal();

    ApprenticeshipResidence() {
      super("apprenticeship_residence");
    }

    @Override
    boolean canScore(ProfileQuery q) {
      return q.tolerated;
    }

    @Override
    double value(ProfileQuery q, OpportunityColumns c, int d) {
      return q.tolerated && c.kind[d] == APPRENTICESHIP ? 1 : 0;
    }

    @Override
    void addTo(ProfileQuery q, OpportunityColumns c, int[] docs, int n, double weight, double[] scores) {
      for (int i = 0; i < n; i++) {
        scores[i] += weight * value(q, c, docs[i]);
      }
    }

    @Override
    String detail(ProfileQuery q, OpportunityColumns c, int d, Messages m) {
      return value(q, c, d) > 0 ? m.text("apprenticeship_residence") : null;
    }
  }

  /** Childcare offered by the employer, for a person whose children's care is not arranged. */
  static final class ChildcareSupport extends Rule.Scorer {
    ChildcareSupport() {
      super("childcare_support");
    }

    @Override
    boolean canScore(ProfileQuery q) {
      return q.needsChildcare;
    }

    @Override
    double value(ProfileQuery q, OpportunityColumns c, int d) {
      return q.needsChildcare && c.childcareSupport[d] == 1 ? 1 : 0;
    }

    @Override
    void addTo(ProfileQuery q, OpportunityColumns c, int[] docs, int n, double weight, double[] scores) {
      for (int i = 0; i < n; i++) {
        scores[i] += weight * value(q, c, docs[i]);
      }
    }

    @Override
    String detail(ProfileQuery q, OpportunityColumns c, int d, Messages m) {
      return value(q, c, d) > 0 ? m.text("childcare_support") : null;
    }
  }
}
