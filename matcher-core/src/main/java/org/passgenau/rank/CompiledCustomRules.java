package org.passgenau.rank;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoublePredicate;
import java.util.function.DoubleUnaryOperator;
import org.passgenau.model.Profile;
import org.passgenau.rank.spi.CustomFilter;
import org.passgenau.rank.spi.CustomRule;
import org.passgenau.rank.spi.CustomRules;
import org.passgenau.rank.spi.CustomScorer;

/**
 * The custom rules that a rule set names, resolved against the rules an engine knows: the filters
 * that are on and the scorers with a weight, each in name order, and the columns they read.
 * Immutable; shared by all queries. {@link #bind} compiles them for one query.
 *
 * <p>The loops here serve every custom rule, so their call of the compiled function is
 * polymorphic when a rule set uses several custom rules of a kind; the built-in rules keep their
 * own monomorphic loops (see {@link Rule.BoundFilter#retain}) and do not pay for this.
 */
final class CompiledCustomRules {

  static final CompiledCustomRules NONE =
      new CompiledCustomRules(new CustomFilter[0], new CustomScorer[0]);

  /** Custom filters that are on, in name order; exclusions count after the built-in ones. */
  final CustomFilter[] filters;
  /** Custom scorers with a weight, in name order. */
  final CustomScorer[] scorers;
  /**
   * The rules whose values {@link OpportunityColumns#custom} holds, in column order: filter i
   * reads column i, scorer i column {@code filters.length + i}.
   */
  final CustomRule[] extracted;

  private CompiledCustomRules(CustomFilter[] filters, CustomScorer[] scorers) {
    this.filters = filters;
    this.scorers = scorers;
    this.extracted = new CustomRule[filters.length + scorers.length];
    System.arraycopy(filters, 0, extracted, 0, filters.length);
    System.arraycopy(scorers, 0, extracted, filters.length, scorers.length);
  }

  /**
   * The custom rules {@code ruleSet} names, from {@code known}.
   *
   * @throws IllegalArgumentException when the rule set names a custom rule {@code known} lacks, or
   *     names a scorer as a filter or a filter as a scorer
   */
  static CompiledCustomRules of(RuleSet ruleSet, CustomRules known) {
    if (ruleSet.customFilters().isEmpty() && ruleSet.customWeights().isEmpty()) {
      return NONE;
    }
    List<CustomFilter> filters = new ArrayList<>();
    for (String name : ruleSet.customFilters()) {
      filters.add(resolve(ruleSet, known, name, CustomFilter.class, "filter"));
    }
    List<CustomScorer> scorers = new ArrayList<>();
    for (Map.Entry<String, Double> weight : ruleSet.customWeights().entrySet()) {
      scorers.add(resolve(ruleSet, known, weight.getKey(), CustomScorer.class, "scorer"));
    }
    return new CompiledCustomRules(
        filters.toArray(new CustomFilter[0]), scorers.toArray(new CustomScorer[0]));
  }

  private static <T extends CustomRule> T resolve(
      RuleSet ruleSet, CustomRules known, String name, Class<T> kind, String what) {
    Optional<CustomRule> rule = known.get(name);
    if (rule.isEmpty()) {
      throw new IllegalArgumentException("rule set " + ruleSet.name() + " names the custom " + what
          + " '" + name + "', which is not registered (registered: "
          + (known.isEmpty() ? "none" : String.join(", ", names(known))) + ")");
    }
    if (!kind.isInstance(rule.get())) {
      throw new IllegalArgumentException("rule set " + ruleSet.name() + " uses '" + name + "' as a "
          + what + ", but " + rule.get().getClass().getName() + " is a "
          + (what.equals("filter") ? "scorer" : "filter"));
    }
    return kind.cast(rule.get());
  }

  private static List<String> names(CustomRules known) {
    return known.all().stream().map(CustomRule::name).toList();
  }

  /**
   * Compiles the rules for one query. The rules see the profile without its {@code audit} field;
   * without custom rules this allocates nothing.
   */
  Bound bind(Profile profile, LocalDate asOf) {
    if (extracted.length == 0) {
      return Bound.NONE;
    }
    // Rebuilt without asking what audit holds: only the fairness audit may read it.
    Profile person = profile.toBuilder().audit(Map.of()).build();
    DoublePredicate[] admits = new DoublePredicate[filters.length];
    for (int i = 0; i < filters.length; i++) {
      CustomFilter filter = filters[i];
      admits[i] = Objects.requireNonNull(filter.admits(person, asOf),
          () -> "custom filter " + filter.name() + " compiled no predicate");
    }
    DoubleUnaryOperator[] values = new DoubleUnaryOperator[scorers.length];
    for (int i = 0; i < scorers.length; i++) {
      CustomScorer scorer = scorers[i];
      values[i] = Objects.requireNonNull(scorer.score(person, asOf),
          () -> "custom scorer " + scorer.name() + " compiled no function");
    }
    return new Bound(person, asOf, admits, values);
  }

  /** The custom rules compiled for one query; confined to its thread, as the query is. */
  static final class Bound {
    static final Bound NONE =
        new Bound(null, null, new DoublePredicate[0], new DoubleUnaryOperator[0]);

    /** The profile without {@code audit}. */
    final Profile person;
    final LocalDate asOf;
    /** Per custom filter, whether a value is admitted. */
    final DoublePredicate[] admits;
    /** Per custom scorer, the value of an extracted value, not yet clamped. */
    final DoubleUnaryOperator[] values;

    private Bound(Profile person, LocalDate asOf, DoublePredicate[] admits, DoubleUnaryOperator[] values) {
      this.person = person;
      this.asOf = asOf;
      this.admits = admits;
      this.values = values;
    }
  }

  /** Keeps, in order, the documents among {@code docs[0..n)} that {@code admits} and returns how many. */
  static int retain(DoublePredicate admits, double[] column, int[] docs, int n) {
    int kept = 0;
    for (int i = 0; i < n; i++) {
      int d = docs[i];
      docs[kept] = d;
      kept += admits.test(column[d]) ? 1 : 0;
    }
    return kept;
  }

  /** Adds {@code weight} times the clamped value of each of {@code docs[0..n)} to {@code scores[i]}. */
  static void addTo(
      DoubleUnaryOperator values, double[] column, int[] docs, int n, double weight, double[] scores) {
    for (int i = 0; i < n; i++) {
      scores[i] += weight * clamp(values.applyAsDouble(column[docs[i]]));
    }
  }

  /** A custom scorer's value within [-1, 1], NaN as 0, so the ranking's bounds hold. */
  static double clamp(double value) {
    return value >= -1 ? (value <= 1 ? value : 1) : (value < -1 ? -1 : 0);
  }
}
