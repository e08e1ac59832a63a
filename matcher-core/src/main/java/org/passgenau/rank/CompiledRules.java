package org.passgenau.rank;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.util.Bits;
import org.passgenau.rank.spi.CustomFilter;
import org.passgenau.rank.spi.CustomRules;
import org.passgenau.rank.spi.CustomScorer;

/**
 * A rule set turned into arrays of rule objects: the filters that are on, in counting order, and
 * the scorers with a positive weight, their weights normalised to sum to 1 so that the best
 * possible score is 1. Immutable; shared by all queries.
 *
 * <p>{@link #bind} binds the rules to one query, as a Lucene {@code Query} makes a {@code Weight}:
 * the {@link Bound} rule set holds each rule's per-query object and runs a match segment by
 * segment.
 *
 * <p>Custom rules the rule set names ({@link CompiledCustomRules}) follow the built-in ones: their
 * filters run after the built-in filters, their exclusions count in the slots after {@link
 * RuleSet#FILTERS}, and their scorers add after the built-in scorers, with weights normalised
 * together with the built-in ones. Their per-query functions come in a {@link
 * CompiledCustomRules.Bound}, bound with the built-in ones.
 */
final class CompiledRules {

  final RuleSet ruleSet;
  final Rule.Filter[] filters;
  /** For each filter, its index in {@link RuleSet#FILTERS}. */
  final int[] filterSlots;
  final Rule.Scorer[] scorers;
  final double[] weights;
  /** The custom rules the rule set names; {@link CompiledCustomRules#NONE} for none. */
  final CompiledCustomRules custom;
  /** The custom scorers' weights, normalised with {@link #weights}. */
  final double[] customWeights;
  /**
   * Whether the first filter {@linkplain BuiltInRule.Capability#SCANS_SEGMENT scans a whole
   * segment} (the commute filter's reach scan, when it is on).
   */
  private final boolean scans;
  /** Index in {@link #filters} of the first filter that runs after the segment scan. */
  private final int afterScan;
  /**
   * Index in {@link #scorers} of the {@linkplain BuiltInRule.Capability#DEFERRABLE deferred}
   * scorer (distance) when it has a weight, else -1.
   */
  private final int deferred;
  /** Every built-in scorer, weighed or not, in {@link RuleSet#SCORERS} order: features. */
  private final Rule.Scorer[] featureScorers;

  CompiledRules(RuleSet ruleSet) {
    this(ruleSet, CustomRules.none());
  }

  /**
   * The rule set with the custom rules it names taken from {@code known}.
   *
   * @throws IllegalArgumentException when it names a custom rule {@code known} lacks
   */
  CompiledRules(RuleSet ruleSet, CustomRules known) {
    this.ruleSet = ruleSet;
    this.custom = CompiledCustomRules.of(ruleSet, known);
    List<Rule.Filter> on = new ArrayList<>();
    List<Integer> slots = new ArrayList<>();
    boolean scans = false;
    for (BuiltInRule rule : BuiltInRule.FILTERS) {
      if (ruleSet.filterOn(rule.ruleName())) {
        // The registry lets only the first filter scan, so scanning first counts right.
        scans |= rule.has(BuiltInRule.Capability.SCANS_SEGMENT);
        on.add(rule.newFilter());
        slots.add(rule.indexInKind());
      }
    }
    this.filters = on.toArray(new Rule.Filter[0]);
    this.filterSlots = slots.stream().mapToInt(Integer::intValue).toArray();
    this.scans = scans;
    this.afterScan = scans ? 1 : 0;

    List<Rule.Scorer> scoring = new ArrayList<>();
    List<Double> w = new ArrayList<>();
    double total = 0;
    int deferrable = -1;
    for (BuiltInRule rule : BuiltInRule.SCORERS) {
      double weight = ruleSet.weight(rule.ruleName());
      if (weight > 0) {
        if (rule.has(BuiltInRule.Capability.DEFERRABLE)) {
          deferrable = scoring.size();
        }
        scoring.add(rule.newScorer());
        w.add(weight);
        total += weight;
      }
    }
    this.deferred = deferrable;
    this.scorers = scoring.toArray(new Rule.Scorer[0]);
    for (CustomScorer scorer : custom.scorers) {
      total += ruleSet.weight(scorer.name());
    }
    this.weights = new double[w.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = w.get(i) / total;
    }
    this.customWeights = new double[custom.scorers.length];
    for (int i = 0; i < customWeights.length; i++) {
      customWeights[i] = ruleSet.weight(custom.scorers[i].name()) / total;
    }
    this.featureScorers = BuiltInRule.SCORERS.stream()
        .map(BuiltInRule::newScorer)
        .toArray(Rule.Scorer[]::new);
  }

  /**
   * The names of the features {@link Bound#featureValues} gives: every built-in scorer, then the
   * custom scorers the rule set weighs.
   */
  List<String> featureNames() {
    List<String> names = new ArrayList<>(RuleSet.SCORERS);
    for (CustomScorer scorer : custom.scorers) {
      names.add(scorer.name());
    }
    return names;
  }

  /**
   * Binds the rules to one query: each rule that is on makes its per-query object, once. Call it
   * after the query's snapshot was taken, so that the memos have a slot for every value the
   * snapshot's columns hold.
   */
  Bound bind(ProfileQuery q) {
    return new Bound(q);
  }

  /** As {@link Bound#firstExclusion}, bound for this one call; for tests. */
  int firstExclusion(ProfileQuery q, OpportunityColumns c, int d) {
    return bind(q).firstExclusion(c, d);
  }

  /** As {@link Bound#score}, bound for this one call; for tests. */
  double score(ProfileQuery q, OpportunityColumns c, int d) {
    return bind(q).score(c, d);
  }

  /** As {@link Bound#explain}, bound for this one call; for tests. */
  List<Reason> explain(ProfileQuery q, OpportunityColumns c, int d, Messages m) {
    return bind(q).explain(c, d, m);
  }

  /**
   * How many exclusion counters a query needs: one per built-in filter, in {@link
   * RuleSet#FILTERS} order, then one per custom filter that is on.
   */
  int exclusionSlots() {
    return RuleSet.FILTERS.size() + custom.filters.length;
  }

  /** The name of the filter that counts in exclusion slot {@code slot}. */
  String filterName(int slot) {
    int builtIn = RuleSet.FILTERS.size();
    return slot < builtIn ? RuleSet.FILTERS.get(slot) : custom.filters[slot - builtIn].name();
  }

  /** The exclusion slots of the filters that are on, in counting order. */
  int[] slotsOn() {
    int[] slots = Arrays.copyOf(filterSlots, filterSlots.length + custom.filters.length);
    for (int i = 0; i < custom.filters.length; i++) {
      slots[filterSlots.length + i] = RuleSet.FILTERS.size() + i;
    }
    return slots;
  }

  /**
   * What the person could do about the {@code count} opportunities that the filter of exclusion
   * slot {@code slot} excluded first: the filter's own next step. Only a filter that is on
   * excludes anything, so the slot is one of {@link #filterSlots}.
   */
  String nextStep(int slot, int count, Messages messages) {
    int builtIn = RuleSet.FILTERS.size();
    if (slot < builtIn) {
      for (int i = 0; i < filters.length; i++) {
        if (filterSlots[i] == slot) {
          return filters[i].nextStep(count, messages);
        }
      }
      throw new IllegalArgumentException("no filter that is on counts in slot " + slot);
    }
    CustomFilter filter = custom.filters[slot - builtIn];
    String step = filter.nextStep(count, messages.locale());
    return step != null ? step : messages.text("next.custom", count, filter.name());
  }

  /**
   * The rule set bound to one query: each rule's per-query object, in the arrays' order of the
   * rule set, and the custom rules' compiled functions. Made once per match; confined to its
   * thread.
   */
  final class Bound {
    final ProfileQuery query;
    /** The custom rules compiled for this query. */
    final CompiledCustomRules.Bound customRules;
    private final Rule.BoundFilter[] boundFilters;
    private final Rule.BoundScorer[] boundScorers;
    /** Every built-in scorer bound, for features; bound when first asked for. */
    private Rule.BoundScorer[] boundFeatures;

    private Bound(ProfileQuery q) {
      this.query = q;
      this.customRules = custom.bind(q.profile, q.asOf);
      this.boundFilters = new Rule.BoundFilter[filters.length];
      for (int i = 0; i < filters.length; i++) {
        boundFilters[i] = filters[i].bind(q);
      }
      this.boundScorers = new Rule.BoundScorer[scorers.length];
      for (int i = 0; i < scorers.length; i++) {
        boundScorers[i] = scorers[i].bind(q);
      }
    }

    /** Built-in filter {@code i} bound, in counting order; its slot is {@code filterSlots[i]}. */
    Rule.BoundFilter filter(int i) {
      return boundFilters[i];
    }

    /** Weighed built-in scorer {@code i} bound, weighed by {@code weight(i)}. */
    Rule.BoundScorer scorer(int i) {
      return boundScorers[i];
    }

    /**
     * The unweighted value of every feature of {@link #featureNames} for opportunity {@code d}.
     */
    List<Double> featureValues(OpportunityColumns c, int d) {
      if (boundFeatures == null) {
        boundFeatures = new Rule.BoundScorer[featureScorers.length];
        for (int i = 0; i < featureScorers.length; i++) {
          boundFeatures[i] = featureScorers[i].bind(query);
        }
      }
      CompiledCustomRules.Bound k = customRules;
      List<Double> values = new ArrayList<>(boundFeatures.length + k.values.length);
      for (Rule.BoundScorer scorer : boundFeatures) {
        values.add(scorer.value(c, d));
      }
      for (int i = 0; i < k.values.length; i++) {
        values.add(customValue(i, c, d));
      }
      return values;
    }

    /**
     * The slot in {@link RuleSet#FILTERS} of the first filter that excludes opportunity {@code
     * d}, or -1 when all admit it; custom filters count after the built-in ones. The
     * document-at-a-time form of {@link #retainAdmitted}, which the engine uses; this one serves
     * oracles and tests, and must agree with it.
     */
    int firstExclusion(OpportunityColumns c, int d) {
      for (int i = 0; i < boundFilters.length; i++) {
        if (!boundFilters[i].admits(c, d)) {
          return filterSlots[i];
        }
      }
      CompiledCustomRules.Bound k = customRules;
      for (int i = 0; i < k.admits.length; i++) {
        if (!k.admits[i].test(c.custom[i][d])) {
          return RuleSet.FILTERS.size() + i;
        }
      }
      return -1;
    }

    /**
     * Writes to {@code docs} the live documents of a segment that are within the person's reach,
     * in row order, counts the others under the commute filter and returns how many are kept.
     * {@code live} is the segment's live docs (null when all are) and {@code liveCount} their
     * number.
     */
    int reachable(OpportunityColumns c, Bits live, int[] docs, int[] excluded, int liveCount) {
      if (!scans || !boundFilters[0].canExclude()) {
        return Reach.allLive(c, live, docs);
      }
      int n = boundFilters[0].scan(c, live, docs);
      excluded[filterSlots[0]] += liveCount - n;
      return n;
    }

    /**
     * Runs the filters after the reach scan, one after the other, over {@code docs[0..n)} of one
     * segment, keeping the admitted in place and counting each excluded document under the first
     * filter that excludes it, the custom filters last; returns how many are admitted. {@code
     * excluded} has {@link #exclusionSlots()} counters.
     */
    int retainAdmitted(OpportunityColumns c, int[] docs, int n, int[] excluded) {
      for (int i = afterScan; i < boundFilters.length && n > 0; i++) {
        Rule.BoundFilter filter = boundFilters[i];
        if (!filter.canExclude()) {
          continue;
        }
        int kept = filter.retain(c, docs, n);
        excluded[filterSlots[i]] += n - kept;
        n = kept;
      }
      CompiledCustomRules.Bound k = customRules;
      for (int i = 0; i < k.admits.length && n > 0; i++) {
        int kept = CompiledCustomRules.retain(k.admits[i], c.custom[i], docs, n);
        excluded[RuleSet.FILTERS.size() + i] += n - kept;
        n = kept;
      }
      return n;
    }

    /**
     * As {@link #retainAdmitted}, counting nothing, with only the built-in filters after the
     * segment scan whose slot in {@link RuleSet#FILTERS} is {@code pick} in {@code slots}, and the
     * custom filters when {@code pick} is false. The two calls together keep what {@code
     * retainAdmitted} keeps: {@link GapFinder} runs the filters that no change acts on once, and
     * the others for each change.
     */
    int retainAdmittedWhere(OpportunityColumns c, int[] docs, int n, boolean[] slots,
        boolean pick) {
      for (int i = afterScan; i < boundFilters.length && n > 0; i++) {
        if (slots[filterSlots[i]] == pick && boundFilters[i].canExclude()) {
          n = boundFilters[i].retain(c, docs, n);
        }
      }
      CompiledCustomRules.Bound k = customRules;
      for (int i = 0; i < k.admits.length && n > 0 && !pick; i++) {
        n = CompiledCustomRules.retain(k.admits[i], c.custom[i], docs, n);
      }
      return n;
    }

    /**
     * Scores admitted rows {@code docs[0..n)} of a segment and offers them to {@code top}. The
     * distance scorer, whose great-circle distance costs more than all others together, is
     * deferred: the others run scorer by scorer over all documents, and only a document whose
     * score could reach the heap's threshold with the best distance value is then scored in full,
     * by {@link #score}, so the offered scores are exactly those of the document-at-a-time form.
     * The result is the exact top k, not an approximation. The custom scorers are never deferred:
     * they add to the partial sums, so the bound covers the distance scorer alone (and custom
     * values are clamped to [-1, 1] all the same).
     */
    void scoreInto(OpportunityColumns c, int[] docs, int n, double[] scores, TopK top) {
      Arrays.fill(scores, 0, n, 0.0);
      for (int i = 0; i < boundScorers.length; i++) {
        if (i != deferred && boundScorers[i].canScore()) {
          boundScorers[i].addTo(c, docs, n, weights[i], scores);
        }
      }
      CompiledCustomRules.Bound k = customRules;
      int firstColumn = k.admits.length;
      for (int i = 0; i < k.values.length; i++) {
        CompiledCustomRules.addTo(
            k.values[i], c.custom[firstColumn + i], docs, n, customWeights[i], scores);
      }
      if (deferred < 0) {
        for (int i = 0; i < n; i++) {
          top.offer(scores[i], c, docs[i]);
        }
        return;
      }
      // The partial sums are added in another order than score's, so allow for rounding.
      double best = weights[deferred] * boundScorers[deferred].maxValue() + 1e-9;
      double cut = n > 4 * top.k() ? primingCut(scores, n, top.k()) : Double.NaN;
      if (Double.isNaN(cut)) {
        offerHopeful(c, docs, scores, n, best, top);
        return;
      }
      // The rows of the best buckets first: the heap's threshold then starts high, and most
      // other rows fail the bound without their distance. Offering in another order changes
      // nothing, since the heap's order (score, then id) is total.
      int m = 0;
      for (int i = 0; i < n; i++) {
        if (scores[i] >= cut) {
          int d = docs[i];
          top.offer(score(c, d), c, d);
        } else {
          docs[m] = docs[i];
          scores[m++] = scores[i];
        }
      }
      offerHopeful(c, docs, scores, m, best, top);
    }

    /** Offers the rows of {@code docs[0..n)} whose partial score plus {@code best} may enter. */
    private void offerHopeful(OpportunityColumns c, int[] docs, double[] scores, int n,
        double best, TopK top) {
      for (int i = 0; i < n; i++) {
        if (scores[i] + best >= top.threshold()) {
          int d = docs[i];
          top.offer(score(c, d), c, d);
        }
      }
    }

    private static final int BUCKETS = 64;
    private final int[] bucketCounts = new int[BUCKETS];

    /**
     * The lowest partial score of the highest bucket (of {@link #BUCKETS} between the lowest and
     * the highest score) from which up lie at least {@code k} rows, or NaN when the scores do not
     * spread. Only the order in which rows are offered depends on it, never the result.
     */
    private double primingCut(double[] scores, int n, int k) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        min = Math.min(min, scores[i]);
        max = Math.max(max, scores[i]);
      }
      if (!(max > min)) {
        return Double.NaN;
      }
      double scale = BUCKETS / (max - min);
      int[] counts = bucketCounts;
      Arrays.fill(counts, 0);
      for (int i = 0; i < n; i++) {
        counts[bucket(scores[i], min, scale)]++;
      }
      int above = 0;
      for (int b = BUCKETS - 1; b > 0; b--) {
        above += counts[b];
        if (above >= k) {
          return min + b / scale;
        }
      }
      return min;
    }

    private static int bucket(double score, double min, double scale) {
      return Math.min(BUCKETS - 1, (int) ((score - min) * scale));
    }

    /** The weighted score of an admitted opportunity; the per-document form of scoreInto. */
    double score(OpportunityColumns c, int d) {
      double score = 0;
      for (int i = 0; i < boundScorers.length; i++) {
        score += weights[i] * boundScorers[i].value(c, d);
      }
      for (int i = 0; i < customRules.values.length; i++) {
        score += customWeights[i] * customValue(i, c, d);
      }
      return score;
    }

    /** Custom scorer {@code i}'s value for opportunity {@code d}, clamped to [-1, 1]. */
    private double customValue(int i, OpportunityColumns c, int d) {
      CompiledCustomRules.Bound k = customRules;
      return CompiledCustomRules.clamp(k.values[i].applyAsDouble(c.custom[k.admits.length + i][d]));
    }

    /**
     * The explanation of an admitted opportunity: the built-in scorers with an effect, the custom
     * scorers, the built-in filters' notes, the custom filters' notes.
     */
    List<Reason> explain(OpportunityColumns c, int d, Messages m) {
      CompiledCustomRules.Bound k = customRules;
      List<Reason> reasons = new ArrayList<>();
      for (int i = 0; i < boundScorers.length; i++) {
        double effect = round(weights[i] * boundScorers[i].value(c, d));
        if (effect != 0) {
          // Every effect is explained; a scorer without a specific sentence has a general one.
          String detail = boundScorers[i].detail(c, d, m);
          reasons.add(new Reason(scorers[i].name(), effect,
              detail != null ? detail : m.text(scorers[i].name() + ".other")));
        }
      }
      for (int i = 0; i < k.values.length; i++) {
        double effect = round(customWeights[i] * customValue(i, c, d));
        if (effect != 0) {
          CustomScorer scorer = custom.scorers[i];
          String detail = scorer.explain(
              k.person, k.asOf, c.custom[k.admits.length + i][d], m.locale());
          reasons.add(new Reason(scorer.name(), effect,
              detail != null ? detail : m.text("custom.other", scorer.name())));
        }
      }
      for (Rule.BoundFilter f : boundFilters) {
        f.note(c, d, m, reasons);
      }
      for (int i = 0; i < k.admits.length; i++) {
        CustomFilter filter = custom.filters[i];
        String note = filter.note(k.person, k.asOf, c.custom[i][d], m.locale());
        if (note != null) {
          reasons.add(new Reason(filter.name(), 0, note));
        }
      }
      return reasons;
    }
  }

  /** How many built-in filters are on. */
  int filterCount() {
    return filters.length;
  }

  /** How many built-in scorers are weighed. */
  int scorerCount() {
    return scorers.length;
  }

  /** The weight of weighed built-in scorer {@code i}. */
  double weight(int i) {
    return weights[i];
  }

  /** Whether the rule set names custom filters or scorers. */
  boolean hasCustomRules() {
    return custom.filters.length > 0 || custom.scorers.length > 0;
  }

  /** Scores and effects are reported to four decimals. */
  static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
