package org.passgenau.rank;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.passgenau.model.Opportunity;
import org.passgenau.model.OpportunityKind;
import org.passgenau.model.Profile;
import org.passgenau.model.Qualification;
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
    Rule.BoundScorer bind(ProfileQuery q) {
      return new Bound(q.occupations, q.memoSize(q.vocabulary.occupations.size()));
    }

    private static final class Bound extends Rule.BoundScorer {
      private final BroughtOccupations brought;
      /**
       * The value per job ISCO code with its recognition needs, by {@link
       * OpportunityColumns#occupationClass} (NaN while not computed): a corpus has a few hundred
       * codes at most and each query meets them thousands of times. Sized when bound.
       */
      private final double[] memo;

      Bound(BroughtOccupations brought, int occupationClasses) {
        this.brought = brought;
        this.memo = new double[occupationClasses];
        Arrays.fill(memo, Double.NaN);
      }

      @Override
      boolean canScore() {
        return brought.isco.length > 0;
      }

      /**
       * The best closeness of any occupation the person brings to the job's ISCO code, weighted;
       * the lookup is kept apart from the computation so that it stays small enough to inline.
       */
      @Override
      Object shareKey() {
        return key(brought.closenessKey());
      }

      @Override
      double value(OpportunityColumns c, int d) {
        int id = c.occupationClass[d];
        double value = id < memo.length ? memo[id] : Double.NaN;
        return value == value ? value : decide(c, d);
      }

      private double decide(OpportunityColumns c, int d) {
        double value = 0;
        for (int i = 0; i < brought.isco.length; i++) {
          value = Math.max(value, closeness(i, c.isco[d]));
        }
        int id = c.occupationClass[d];
        if (id < memo.length) { // else the columns were built after the query was bound
          memo[id] = value;
        }
        return value;
      }

      private double closeness(int i, int isco) {
        return brought.closeness(brought.isco[i], isco) / 4.0 * brought.weight[i];
      }

      @Override
      void addTo(OpportunityColumns c, int[] docs, int n, double weight, double[] scores) {
        for (int i = 0; i < n; i++) {
          scores[i] += weight * value(c, docs[i]);
        }
      }

      @Override
      String detail(OpportunityColumns c, int d, Messages m) {
        int best = -1;
        double value = 0;
        for (int i = 0; i < brought.isco.length; i++) {
          double v = closeness(i, c.isco[d]);
          if (v > value) {
            value = v;
            best = i;
          }
        }
        if (best < 0) {
          return null;
        }
        int shared = brought.closeness(brought.isco[best], c.isco[d]);
        String theirs = m.occupation(IscoCode.decode(brought.isco[best]).orElseThrow());
        return m.text("occupation." + brought.source[best] + "." + shared, theirs);
      }
    }
  }

  /** Share of the opportunity's skill terms the person brings. */
  static final class Skills extends Rule.Scorer {
    Skills() {
      super("skills");
    }

    @Override
    Rule.ColumnGroup columns(List<Opportunity> rows, Vocabulary vocabulary) {
      return SkillColumns.of(rows, vocabulary);
    }

    @Override
    Rule.BoundScorer bind(ProfileQuery q) {
      return new Bound(skillBits(q.profile, q.vocabulary));
    }

    /** The skill terms of each row, as sorted, distinct term ids. */
    private static final class SkillColumns implements Rule.ColumnGroup {
      /** The term ids of row d sit at [start[d], start[d + 1]) of {@link #term}. */
      final int[] start;
      final int[] term;
      /**
       * Which of the segment's distinct term lists row d has, numbered from 0 in order of first
       * appearance: rows share a few thousand lists, so a query scores each list once.
       */
      final int[] list;
      /** How many distinct term lists the segment has. */
      final int lists;

      private SkillColumns(int[] start, int[] term, int[] list, int lists) {
        this.start = start;
        this.term = term;
        this.list = list;
        this.lists = lists;
      }

      static SkillColumns of(List<Opportunity> rows, Vocabulary vocabulary) {
        int n = rows.size();
        int[][] ids = new int[n][];
        int total = 0;
        // Postings of one occupation list the same skills: analyse each distinct list once.
        Map<List<String>, int[]> distinct = new HashMap<>();
        for (int d = 0; d < n; d++) {
          ids[d] = distinct.computeIfAbsent(
              rows.get(d).skills(), skills -> termIds(skills, vocabulary));
          total += ids[d].length;
        }
        int[] start = new int[n + 1];
        int[] term = new int[total];
        int[] list = new int[n];
        // Numbered per segment: a query keeps one value per distinct list of this segment.
        IntListInterner lists = new IntListInterner();
        int at = 0;
        for (int d = 0; d < n; d++) {
          start[d] = at;
          System.arraycopy(ids[d], 0, term, at, ids[d].length);
          at += ids[d].length;
          list[d] = lists.intern(ids[d]);
        }
        start[n] = at;
        return new SkillColumns(start, term, list, lists.size());
      }

      private static int[] termIds(List<String> skills, Vocabulary vocabulary) {
        if (skills.isEmpty()) {
          return new int[0];
        }
        int[] ids = new int[0];
        int count = 0;
        for (String skill : skills) {
          for (String term : vocabulary.skillTerms(skill)) {
            if (count == ids.length) {
              ids = Arrays.copyOf(ids, Math.max(4, count * 2));
            }
            ids[count++] = vocabulary.skillTerms.intern(term);
          }
        }
        return Arrays.stream(ids, 0, count).sorted().distinct().toArray();
      }

      @Override
      public long checksum() {
        long sum = lists;
        for (int[] column : new int[][] {start, term, list}) {
          for (int v : column) {
            sum += v;
          }
        }
        return sum;
      }
    }

    /** The skill terms the person brings that some opportunity names, as a bit set over ids. */
    private static long[] skillBits(Profile p, Vocabulary vocabulary) {
      TreeSet<Integer> terms = new TreeSet<>();
      for (String skill : p.skills()) {
        for (String term : vocabulary.skillTerms(skill)) {
          int id = vocabulary.skillTerms.lookup(term);
          if (id >= 0) {
            terms.add(id);
          }
        }
      }
      long[] bits = new long[terms.isEmpty() ? 0 : (terms.last() >>> 6) + 1];
      for (int term : terms) {
        bits[term >>> 6] |= 1L << term;
      }
      return bits;
    }

    private static final class Bound extends Rule.BoundScorer {
      private final long[] skillBits;
      /**
       * The value per term list of {@link #memoFor} (NaN while not computed): reset when the
       * query moves on to another segment, whose lists are numbered anew.
       */
      private double[] memo = new double[0];
      private SkillColumns memoFor;

      Bound(long[] skillBits) {
        this.skillBits = skillBits;
      }

      /** The memo, cleared for the lists of {@code s} when it was another segment's. */
      private double[] memo(SkillColumns s) {
        if (s != memoFor) {
          if (memo.length < s.lists) {
            memo = new double[s.lists];
          }
          Arrays.fill(memo, 0, s.lists, Double.NaN);
          memoFor = s;
        }
        return memo;
      }

      @Override
      boolean canScore() {
        return skillBits.length > 0;
      }

      /** How many of the skill terms with ids {@code terms[from..to)} the person brings. */
      private int brought(int[] terms, int from, int to) {
        long[] bits = skillBits;
        int n = 0;
        for (int i = from; i < to; i++) {
          int word = terms[i] >>> 6;
          n += word < bits.length ? (int) (bits[word] >>> terms[i]) & 1 : 0;
        }
        return n;
      }

      @Override
      Object shareKey() {
        return key((Object) skillBits);
      }

      @Override
      double value(OpportunityColumns c, int d) {
        return value((SkillColumns) c.group(BuiltInRule.SKILLS), d);
      }

      private double value(SkillColumns s, int d) {
        int from = s.start[d];
        int to = s.start[d + 1];
        if (from == to) {
          return 0;
        }
        return brought(s.term, from, to) / (double) (to - from);
      }

      @Override
      void addTo(OpportunityColumns c, int[] docs, int n, double weight, double[] scores) {
        SkillColumns s = (SkillColumns) c.group(BuiltInRule.SKILLS);
        double[] values = memo(s);
        int[] list = s.list;
        for (int i = 0; i < n; i++) {
          int d = docs[i];
          double value = values[list[d]];
          if (value != value) { // first row of its list in this segment
            value = value(s, d);
            values[list[d]] = value;
          }
          scores[i] += weight * value;
        }
      }

      @Override
      String detail(OpportunityColumns c, int d, Messages m) {
        SkillColumns s = (SkillColumns) c.group(BuiltInRule.SKILLS);
        int from = s.start[d];
        int to = s.start[d + 1];
        int shared = brought(s.term, from, to);
        return shared == 0 ? null : m.text("skills", shared, to - from);
      }
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
    Rule.BoundScorer bind(ProfileQuery q) {
      int best = 1;
      for (Qualification qualification : q.profile.qualifications()) {
        if (qualification.level() != null) {
          best = Math.max(best, qualification.level().rank());
        }
      }
      return new Bound(best);
    }

    private static final class Bound extends Rule.BoundScorer {
      private final int bestLevel;

      Bound(int bestLevel) {
        this.bestLevel = bestLevel;
      }

      @Override
      Object shareKey() {
        return key(bestLevel);
      }

      @Override
      double value(OpportunityColumns c, int d) {
        if (c.level[d] == OpportunityColumns.UNKNOWN) {
          return 0.5;
        }
        int diff = bestLevel - c.level[d];
        return Math.max(0, diff >= 0 ? 1 - 0.25 * diff : 1 + 0.4 * diff);
      }

      @Override
      void addTo(OpportunityColumns c, int[] docs, int n, double weight, double[] scores) {
        for (int i = 0; i < n; i++) {
          scores[i] += weight * value(c, docs[i]);
        }
      }

      @Override
      String detail(OpportunityColumns c, int d, Messages m) {
        if (c.level[d] == OpportunityColumns.UNKNOWN) {
          return null;
        }
        int diff = bestLevel - c.level[d];
        String key = diff == 0 ? "level.fit" : diff > 0 ? "level.over" : "level.under";
        return m.text(key, m.text("level." + c.level[d]), m.text("level." + bestLevel));
      }
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
    Rule.BoundScorer bind(ProfileQuery q) {
      return new Bound(q.occupations);
    }

    private static final class Bound extends Rule.BoundScorer {
      private final BroughtOccupations brought;

      Bound(BroughtOccupations brought) {
        this.brought = brought;
      }

      @Override
      Object shareKey() {
        return key(brought.recognitionKey());
      }

      @Override
      double value(OpportunityColumns c, int d) {
        if (c.isco[d] < 0) {
          return 0;
        }
        int best = brought.bestRecognitionFor(c, d);
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
      void addTo(OpportunityColumns c, int[] docs, int n, double weight, double[] scores) {
        for (int i = 0; i < n; i++) {
          scores[i] += weight * value(c, docs[i]);
        }
      }

      @Override
      String detail(OpportunityColumns c, int d, Messages m) {
        double v = value(c, d);
        if (v <= 0) {
          return null;
        }
        int best = brought.bestRecognitionFor(c, d);
        return m.text("recognition_signal." + Recognition.values()[best].code());
      }
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

    @Override
    Rule.BoundScorer bind(ProfileQuery q) {
      return new Bound(q);
    }

    private static final class Bound extends Rule.BoundScorer {
      private final ProfileQuery q;
      private final double gapPenalty;
      /**
       * The value per list of requirements, by {@link OpportunityColumns#langSet} (NaN while not
       * computed). Sized when the query is bound, after its snapshot was taken.
       */
      private final double[] memo;

      Bound(ProfileQuery q) {
        this.q = q;
        this.gapPenalty = q.rules.languageGapPenalty();
        this.memo = new double[q.memoSize(q.vocabulary.languageRequirements.size())];
        Arrays.fill(memo, Double.NaN);
      }

      /** Computed once per list of requirements. */
      @Override
      Object shareKey() {
        return key(q.languagesKey(), gapPenalty);
      }

      @Override
      double value(OpportunityColumns c, int d) {
        int set = c.langSet[d];
        if (set >= memo.length) {
          return compute(c, d); // columns built after the query was bound
        }
        double value = memo[set];
        if (Double.isNaN(value)) {
          value = compute(c, d);
          memo[set] = value;
        }
        return value;
      }

      private double compute(OpportunityColumns c, int d) {
        int from = c.langStart[d];
        int to = c.langStart[d + 1];
        if (from == to) {
          return 1;
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
          int margin = q.languageRank(c.langId[i]) - c.langMin[i];
          sum += margin >= 0 ? Math.min(1, 0.75 + 0.125 * margin) : margin * gapPenalty;
        }
        return Math.max(-1, sum / (to - from));
      }

      @Override
      void addTo(OpportunityColumns c, int[] docs, int n, double weight, double[] scores) {
        for (int i = 0; i < n; i++) {
          scores[i] += weight * value(c, docs[i]);
        }
      }

      @Override
      String detail(OpportunityColumns c, int d, Messages m) {
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
          out.append(m.text(key, m.language(lang), Messages.level(have),
              Messages.level(c.langMin[i])));
        }
        return out.toString();
      }
    }
  }

  /**
   * Nearer is better: 1 at the door falling to 0 at the commuting limit; remote work scores 1, a
   * move the rule set's relocation score, an unknown place half. The person's side is the query's
   * {@link Reach}, which the commute filter shares.
   */
  static final class Distance extends Rule.Scorer {
    Distance() {
      super("distance");
    }

    @Override
    Rule.BoundScorer bind(ProfileQuery q) {
      return new Bound(q.reach, q.rules.relocationDistanceScore());
    }

    private static final class Bound extends Rule.BoundScorer {
      private final Reach reach;
      private final double relocationScore;

      Bound(Reach reach, double relocationScore) {
        this.reach = reach;
        this.relocationScore = relocationScore;
      }

      @Override
      double maxValue() {
        return Math.max(1, relocationScore);
      }

      @Override
      double value(OpportunityColumns c, int d) {
        return switch (reach.reach(c, d)) {
          case Reach.REMOTE -> 1;
          case Reach.COMMUTE -> {
            double limit = reach.commuteLimitKm(c, d);
            yield limit <= 0 ? 1 : 1 - reach.distanceKm(c, d) / limit;
          }
          case Reach.RELOCATION -> relocationScore;
          case Reach.UNKNOWN -> 0.5;
          default -> 0;
        };
      }

      @Override
      void addTo(OpportunityColumns c, int[] docs, int n, double weight, double[] scores) {
        for (int i = 0; i < n; i++) {
          scores[i] += weight * value(c, docs[i]);
        }
      }

      @Override
      String detail(OpportunityColumns c, int d, Messages m) {
        return switch (reach.reach(c, d)) {
          case Reach.REMOTE -> m.text("distance.remote");
          case Reach.COMMUTE -> m.text(
              "distance.commute", m.km(reach.distanceKm(c, d)), m.km(reach.commuteLimitKm(c, d)));
          case Reach.RELOCATION -> m.text("distance.move");
          default -> m.text("distance.unknown");
        };
      }
    }
  }

  /** Weekly hours within the person's range score 1; a partial overlap or unknown hours half. */
  static final class HoursFit extends Rule.Scorer {
    HoursFit() {
      super("hours_fit");
    }

    @Override
    Rule.BoundScorer bind(ProfileQuery q) {
      return new Bound(
          WorkingTimeFilters.maxHours(q.profile), WorkingTimeFilters.minHours(q.profile));
    }

    private static final class Bound extends Rule.BoundScorer {
      private final float maxHours;
      private final float minHours;

      Bound(float maxHours, float minHours) {
        this.maxHours = maxHours;
        this.minHours = minHours;
      }

      @Override
      Object shareKey() {
        return key(maxHours, minHours);
      }

      @Override
      double value(OpportunityColumns c, int d) {
        float lo = c.hoursMin[d];
        float hi = c.hoursMax[d];
        if (Float.isNaN(lo) && Float.isNaN(hi)) {
          return 0.5;
        }
        boolean fitsMax = Float.isNaN(maxHours) || !((Float.isNaN(hi) ? lo : hi) > maxHours);
        boolean fitsMin = Float.isNaN(minHours) || !((Float.isNaN(lo) ? hi : lo) < minHours);
        return fitsMax && fitsMin ? 1 : 0.5;
      }

      @Override
      void addTo(OpportunityColumns c, int[] docs, int n, double weight, double[] scores) {
        for (int i = 0; i < n; i++) {
          scores[i] += weight * value(c, docs[i]);
        }
      }

      @Override
      String detail(OpportunityColumns c, int d, Messages m) {
        if (Float.isNaN(c.hoursMin[d]) && Float.isNaN(c.hoursMax[d])) {
          return null;
        }
        String hours =
            Float.isNaN(c.hoursMin[d]) ? m.hours(c.hoursMax[d])
                : Float.isNaN(c.hoursMax[d]) ? m.hours(c.hoursMin[d])
                : m.hours(c.hoursMin[d]) + "-" + m.hours(c.hoursMax[d]);
        if (Float.isNaN(maxHours) && Float.isNaN(minHours)) {
          return m.text("hours.unconstrained", hours);
        }
        return m.text(value(c, d) == 1 ? "hours.fit" : "hours.partly", hours);
      }
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
    Rule.BoundScorer bind(ProfileQuery q) {
      return new Bound(WorkPermitFilter.tolerated(q.profile.workPermit()));
    }

    private static final class Bound extends Rule.BoundScorer {
      private final boolean tolerated;

      Bound(boolean tolerated) {
        this.tolerated = tolerated;
      }

      @Override
      boolean canScore() {
        return tolerated;
      }

      @Override
      Object shareKey() {
        return key(tolerated);
      }

      @Override
      double value(OpportunityColumns c, int d) {
        return tolerated && c.kind[d] == APPRENTICESHIP ? 1 : 0;
      }

      @Override
      void addTo(OpportunityColumns c, int[] docs, int n, double weight, double[] scores) {
        for (int i = 0; i < n; i++) {
          scores[i] += weight * value(c, docs[i]);
        }
      }

      @Override
      String detail(OpportunityColumns c, int d, Messages m) {
        return value(c, d) > 0 ? m.text("apprenticeship_residence") : null;
      }
    }
  }

  /** Childcare offered by the employer, for a person whose children's care is not arranged. */
  static final class ChildcareSupport extends Rule.Scorer {
    ChildcareSupport() {
      super("childcare_support");
    }

    /** Whether the employer offers childcare. */
    @Override
    Rule.ColumnGroup columns(List<Opportunity> rows, Vocabulary vocabulary) {
      return RuleColumns.booleans(rows, o -> Boolean.TRUE.equals(o.childcareSupport()));
    }

    @Override
    Rule.BoundScorer bind(ProfileQuery q) {
      Profile p = q.profile;
      return new Bound(p.family() != null && p.family().needsChildcare());
    }

    private static final class Bound extends Rule.BoundScorer {
      /** Children without arranged care: employer childcare helps. */
      private final boolean needsChildcare;

      Bound(boolean needsChildcare) {
        this.needsChildcare = needsChildcare;
      }

      @Override
      boolean canScore() {
        return needsChildcare;
      }

      @Override
      Object shareKey() {
        return key(needsChildcare);
      }

      @Override
      double value(OpportunityColumns c, int d) {
        return value(c.booleans(BuiltInRule.CHILDCARE_SUPPORT), d);
      }

      private double value(boolean[] offered, int d) {
        return needsChildcare && offered[d] ? 1 : 0;
      }

      @Override
      void addTo(OpportunityColumns c, int[] docs, int n, double weight, double[] scores) {
        boolean[] offered = c.booleans(BuiltInRule.CHILDCARE_SUPPORT);
        for (int i = 0; i < n; i++) {
          scores[i] += weight * value(offered, docs[i]);
        }
      }

      @Override
      String detail(OpportunityColumns c, int d, Messages m) {
        return value(c, d) > 0 ? m.text("childcare_support") : null;
      }
    }
  }
}
