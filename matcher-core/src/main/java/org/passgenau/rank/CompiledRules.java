package org.passgenau.rank;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.util.Bits;

/**
 * A rule set turned into arrays of rule objects: the filters that are on, in counting order, and
 * the scorers with a positive weight, their weights normalised to sum to 1 so that the best
 * possible score is 1. Immutable; shared by all queries.
 */
final class CompiledRules {

  final RuleSet ruleSet;
  final Rule.Filter[] filters;
  /** For each filter, its index in {@link RuleSet#FILTERS}. */
  final int[] filterSlots;
  final Rule.Scorer[] scorers;
  final double[] weights;
  /** The commute filter when it is on, else null: the reach scan runs it for the whole segment. */
  private final CommuteFilter commute;
  /** Index in {@link #filters} of the first filter that runs after the reach scan. */
  private final int afterReach;
  /** Index in {@link #scorers} of the distance scorer when it has a weight, else -1. */
  private final int deferred;

  private static final int COMMUTE_SLOT = RuleSet.FILTERS.indexOf("commute");

  CompiledRules(RuleSet ruleSet) {
    this.ruleSet = ruleSet;
    List<Rule.Filter> on = new ArrayList<>();
    List<Integer> slots = new ArrayList<>();
    for (int i = 0; i < RuleSet.FILTERS.size(); i++) {
      String name = RuleSet.FILTERS.get(i);
      if (ruleSet.filterOn(name)) {
        on.add(filter(name));
        slots.add(i);
      }
    }
    this.filters = on.toArray(new Rule.Filter[0]);
    this.filterSlots = slots.stream().mapToInt(Integer::intValue).toArray();
    // Commute is the first filter in counting order, so scanning for it first counts right.
    this.commute = filters.length > 0 && filters[0] instanceof CommuteFilter f ? f : null;
    this.afterReach = commute == null ? 0 : 1;

    List<Rule.Scorer> scoring = new ArrayList<>();
    List<Double> w = new ArrayList<>();
    double total = 0;
    for (String name : RuleSet.SCORERS) {
      double weight = ruleSet.weight(name);
      if (weight > 0) {
        scoring.add(scorer(name));
        w.add(weight);
        total += weight;
      }
    }
    this.scorers = scoring.toArray(new Rule.Scorer[0]);
    this.weights = new double[w.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = w.get(i) / total;
    }
    int distance = -1;
    for (int i = 0; i < scorers.length; i++) {
      if (scorers[i] instanceof Scorers.Distance) {
        distance = i;
      }
    }
    this.deferred = distance;
  }

  /**
   * The slot in {@link RuleSet#FILTERS} of the first filter that excludes opportunity {@code d},
   * or -1 when all admit it. The document-at-a-time form of {@link #retainAdmitted}, which the
   * engine uses; this one serves oracles and tests, and must agree with it.
   */
  int firstExclusion(ProfileQuery q, OpportunityColumns c, int d) {
    for (int i = 0; i < filters.length; i++) {
      if (!filters[i].admits(q, c, d)) {
        return filterSlots[i];
      }
    }
    return -1;
  }

  /**
   * Writes to {@code docs} the live documents of a segment that are within the person's reach,
   * in doc id order, counts the others under the commute filter and returns how many are kept.
   * {@code live} is the segment's live docs (null when all are) and {@code liveCount} their
   * number.
   */
  int reachable(
      ProfileQuery q, OpportunityColumns c, Bits live, int[] docs, int[] excluded, int liveCount) {
    if (commute == null || !commute.canExclude(q)) {
      return CommuteFilter.allLive(c, live, docs);
    }
    int n = commute.scan(q, c, live, docs);
    excluded[COMMUTE_SLOT] += liveCount - n;
    return n;
  }

  /**
   * Runs the filters after the reach scan, one after the other, over {@code docs[0..n)} of one
   * segment, keeping the admitted in place and counting each excluded document under the first
   * filter that excludes it; returns how many are admitted.
   */
  int retainAdmitted(ProfileQuery q, OpportunityColumns c, int[] docs, int n, int[] excluded) {
    for (int i = afterReach; i < filters.length && n > 0; i++) {
      if (!filters[i].canExclude(q)) {
        continue;
      }
      int kept = filters[i].retain(q, c, docs, n);
      excluded[filterSlots[i]] += n - kept;
      n = kept;
    }
    return n;
  }

  /**
   * Scores admitted {@code docs[0..n)} of a segment whose doc 0 is {@code docBase} and offers
   * them to {@code top}. The distance scorer, whose great-circle distance costs more than all
   * others together, is deferred: the others run scorer by scorer over all documents, and only a
   * document whose score could reach the heap's threshold with the best distance value is then
   * scored in full, by {@link #score}, so the offered scores are exactly those of the
   * document-at-a-time form. The result is the exact top k, not an approximation.
   */
  void scoreInto(
      ProfileQuery q, OpportunityColumns c, int[] docs, int n, double[] scores, TopK top, int docBase) {
    Arrays.fill(scores, 0, n, 0.0);
    for (int i = 0; i < scorers.length; i++) {
      if (i != deferred && scorers[i].canScore(q)) {
        scorers[i].addTo(q, c, docs, n, weights[i], scores);
      }
    }
    if (deferred < 0) {
      for (int i = 0; i < n; i++) {
        top.offer(scores[i], c, docs[i], docBase + docs[i]);
      }
      return;
    }
    // The partial sums are added in another order than score's, so allow for rounding.
    double best = weights[deferred] * scorers[deferred].maxValue(q) + 1e-9;
    for (int i = 0; i < n; i++) {
      if (scores[i] + best >= top.threshold()) {
        int d = docs[i];
        top.offer(score(q, c, d), c, d, docBase + d);
      }
    }
  }

  /** The weighted score of an admitted opportunity; the per-document form of {@link #scoreInto}. */
  double score(ProfileQuery q, OpportunityColumns c, int d) {
    double score = 0;
    for (int i = 0; i < scorers.length; i++) {
      score += weights[i] * scorers[i].value(q, c, d);
    }
    return score;
  }

  /** The explanation of an admitted opportunity: every scorer with an effect, then notes. */
  List<Reason> explain(ProfileQuery q, OpportunityColumns c, int d, Messages m) {
    List<Reason> reasons = new ArrayList<>();
    for (int i = 0; i < scorers.length; i++) {
      double effect = round(weights[i] * scorers[i].value(q, c, d));
      if (effect != 0) {
        // Every effect is explained; a scorer without a specific sentence has a general one.
        String detail = scorers[i].detail(q, c, d, m);
        reasons.add(new Reason(scorers[i].name(), effect,
            detail != null ? detail : m.text(scorers[i].name() + ".other")));
      }
    }
    for (Rule.Filter f : filters) {
      f.note(q, c, d, m, reasons);
    }
    return reasons;
  }

  /** Scores and effects are reported to four decimals. */
  static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }

  private static Rule.Filter filter(String name) {
    return switch (name) {
      case "commute" -> new CommuteFilter();
      case "work_permit" -> new WorkPermitFilter();
      case "application_deadline" -> new DateFilters.Deadline();
      case "start_date" -> new DateFilters.Start();
      case "recognition" -> new RecognitionFilter();
      case "language_floor" -> new LanguageFloorFilter();
      case "hours" -> new WorkingTimeFilters.Hours();
      case "shift_work" -> WorkingTimeFilters.Schedule.shifts();
      case "night_work" -> WorkingTimeFilters.Schedule.nights();
      case "weekend_work" -> WorkingTimeFilters.Schedule.weekends();
      case "childcare" -> new WorkingTimeFilters.Childcare();
      case "physical_demand" -> new EntryFilters.PhysicalDemand();
      case "accessibility" -> new EntryFilters.Accessibility();
      case "driving_license" -> new EntryFilters.DrivingLicence();
      case "school" -> new EntryFilters.School();
      default -> throw new IllegalStateException("no filter named " + name);
    };
  }

  private static Rule.Scorer scorer(String name) {
    return switch (name) {
      case "occupation" -> new Scorers.OccupationCloseness();
      case "skills" -> new Scorers.Skills();
      case "qualification_level" -> new Scorers.QualificationLevel();
      case "recognition_signal" -> new Scorers.RecognitionSignal();
      case "language" -> new Scorers.Language();
      case "distance" -> new Scorers.Distance();
      case "hours_fit" -> new Scorers.HoursFit();
      case "apprenticeship_residence" -> new Scorers.ApprenticeshipResidence();
      case "childcare_support" -> new Scorers.ChildcareSupport();
      default -> throw new IllegalStateException("no scorer named " + name);
    };
  }
}
