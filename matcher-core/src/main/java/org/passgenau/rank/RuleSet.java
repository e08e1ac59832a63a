package org.passgenau.rank;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.passgenau.rank.spi.CustomRules;

/**
 * Everything the ranking reads besides the data: which hard filters and scorers are on, the
 * scorers' weights, and the thresholds and dated legal parameters of the domain rules. A rule set
 * is a value: immutable, thread-safe, comparable with {@code equals}, and built through {@link
 * #builder()} (or {@link #defaults()}), which refuses a bad value naming it.
 *
 * <pre>{@code
 * RuleSet softerLanguage = RuleSet.defaults().toBuilder()
 *     .name("softer-language")
 *     .languageGapTolerance(2)
 *     .build();
 * }</pre>
 *
 * <p>Besides the built-in rules, a rule set may switch on {@linkplain
 * org.passgenau.rank.spi.CustomFilter custom filters} and weigh {@linkplain
 * org.passgenau.rank.spi.CustomScorer custom scorers} by name ({@link Builder#customFilter}, {@link
 * Builder#customWeight}); custom rules it does not name are off. The engine that ranks by the rule
 * set must know every custom rule it names.
 *
 * <p>The built-in filters and scorers and their default weights come from one registry, and each
 * parameter's name, range, default and meaning from one declaration (listed in {@code
 * docs/rule-sets.md}); the builder checks every value against it and refuses a bad one naming the
 * parameter as rule files name it: {@code language_gap_penalty must be between 0.0 and 1.0, was
 * 1.5}.
 */
public final class RuleSet {

  /** Hard filters, in the order in which exclusions are counted. */
  public static final List<String> FILTERS = BuiltInRule.names(BuiltInRule.FILTERS);

  /** Scorers, in the order in which explanations list them. */
  public static final List<String> SCORERS = BuiltInRule.names(BuiltInRule.SCORERS);

  private final String name;
  private final String version;
  private final ImmutableMap<String, Boolean> filters;
  private final ImmutableMap<String, Double> weights;
  private final ImmutableSortedSet<String> customFilters;
  private final ImmutableSortedMap<String, Double> customWeights;
  /** The value of each {@link RuleParameter}, by ordinal; each immutable. */
  private final Object[] parameters;

  private RuleSet(Builder b) {
    this.name = b.name;
    this.version = b.version;
    this.filters = ImmutableMap.copyOf(b.filters);
    this.weights = ImmutableMap.copyOf(b.weights);
    this.customFilters = ImmutableSortedSet.copyOf(b.customFilters);
    this.customWeights = ImmutableSortedMap.copyOf(b.customWeights);
    this.parameters = b.parameters.clone();
  }

  /** The default rule set: every rule of the domain on, with the weights documented below. */
  public static RuleSet defaults() {
    return builder().build();
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this rule set's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name;
    b.version = version;
    b.filters.putAll(filters);
    b.weights.putAll(weights);
    b.customFilters.addAll(customFilters);
    b.customWeights.putAll(customWeights);
    System.arraycopy(parameters, 0, b.parameters, 0, parameters.length);
    return b;
  }

  public String name() { return name; }
  public String version() { return version; }

  /**
   * Whether the hard filter {@code filter} is on: one of {@link #FILTERS}, or a custom filter,
   * which is on when the rule set names it (false for any other name).
   */
  public boolean filterOn(String filter) {
    Boolean on = filters.get(filter);
    return on != null ? on : customFilters.contains(filter);
  }

  /**
   * Weight of {@code scorer}: one of {@link #SCORERS}, or a custom scorer, which weighs only when
   * the rule set names it (0 for any other name); 0 switches a scorer off.
   */
  public double weight(String scorer) {
    Double weight = weights.get(scorer);
    return weight != null ? weight : customWeights.getOrDefault(scorer, 0.0);
  }

  /** The custom filters that are on, in name order; all others are off. Immutable. */
  public SortedSet<String> customFilters() { return customFilters; }

  /** The custom scorers' weights, each above 0, in name order; all others weigh 0. Immutable. */
  public SortedMap<String, Double> customWeights() { return customWeights; }

  /** All scorer weights, in {@link #SCORERS} order. Immutable. */
  public Map<String, Double> weights() { return weights; }

  /** All filter switches, in {@link #FILTERS} order. Immutable. */
  public Map<String, Boolean> filters() { return filters; }

  // The parameters' meaning, range and default are declared in RuleParameter, and documented
  // from there in docs/rule-sets.md; the accessors only read them.

  /** {@code language_gap_tolerance}: CEFR levels bridged where the employer offers training. */
  public int languageGapTolerance() { return whole(RuleParameter.LANGUAGE_GAP_TOLERANCE); }

  /** {@code language_gap_penalty}: score cost of each tolerated language gap level. */
  public double languageGapPenalty() { return number(RuleParameter.LANGUAGE_GAP_PENALTY); }

  /** {@code car_kmh}: door-to-door speed by car, km/h, for limits given in minutes. */
  public double carKmh() { return number(RuleParameter.CAR_KMH); }

  /** {@code public_transport_kmh}: door-to-door speed by public transport, km/h. */
  public double publicTransportKmh() { return number(RuleParameter.PUBLIC_TRANSPORT_KMH); }

  /** {@code daily_commute_minutes_full_day}: reasonable round trip for days over six hours. */
  public double dailyCommuteMinutesFullDay() {
    return number(RuleParameter.DAILY_COMMUTE_MINUTES_FULL_DAY);
  }

  /** {@code daily_commute_minutes_part_day}: reasonable round trip for shorter days. */
  public double dailyCommuteMinutesPartDay() {
    return number(RuleParameter.DAILY_COMMUTE_MINUTES_PART_DAY);
  }

  /** {@code daily_commute_minutes_nl}: reasonable round trip in the Netherlands. */
  public double dailyCommuteMinutesNl() { return number(RuleParameter.DAILY_COMMUTE_MINUTES_NL); }

  /** {@code full_day_hours_per_week}: weekly hours above which days are over six hours. */
  public double fullDayHoursPerWeek() { return number(RuleParameter.FULL_DAY_HOURS_PER_WEEK); }

  /** {@code relocation_distance_score}: distance score of what is reachable only by moving. */
  public double relocationDistanceScore() {
    return number(RuleParameter.RELOCATION_DISTANCE_SCORE);
  }

  /** {@code residence_lift_min_hours_per_week}: least hours of a job lifting an obligation. */
  public double residenceLiftMinHoursPerWeek() {
    return number(RuleParameter.RESIDENCE_LIFT_MIN_HOURS_PER_WEEK);
  }

  /** {@code residence_lift_min_monthly_eur}: the dated least pay of such a job. Immutable. */
  public List<DatedValue> residenceLiftMinMonthlyEur() {
    return list(RuleParameter.RESIDENCE_LIFT_MIN_MONTHLY_EUR);
  }

  /** The pay threshold in force on {@code day}. */
  public double residenceLiftMinMonthlyEur(LocalDate day) {
    return DatedValue.on(residenceLiftMinMonthlyEur(), day);
  }

  /** {@code recognition_shared_levels}: ISCO levels a recognition must share with a job. */
  public int recognitionSharedLevels() { return whole(RuleParameter.RECOGNITION_SHARED_LEVELS); }

  /**
   * {@code recognition_equivalences}: pairs of ISCO unit groups that one recognition covers, such
   * as the German nursing licence for 2221 and 3221. Immutable.
   */
  public List<List<String>> recognitionEquivalences() {
    return list(RuleParameter.RECOGNITION_EQUIVALENCES);
  }

  /** {@code start_grace_days_apprenticeship}: days after the start to join an apprenticeship. */
  public int startGraceDaysApprenticeship() {
    return whole(RuleParameter.START_GRACE_DAYS_APPRENTICESHIP);
  }

  /** {@code start_grace_days_other}: days after the start to take up anything else. */
  public int startGraceDaysOther() { return whole(RuleParameter.START_GRACE_DAYS_OTHER); }

  /**
   * {@code occupation_bridges}: pairs of ISCO unit groups of one field that the ISCO tree puts
   * apart, such as nurses (2221) and health care assistants (5321). Immutable.
   */
  public List<List<String>> occupationBridges() { return list(RuleParameter.OCCUPATION_BRIDGES); }

  /** {@code bridge_levels}: the closeness, in shared ISCO levels, that a bridge gives. */
  public int bridgeLevels() { return whole(RuleParameter.BRIDGE_LEVELS); }

  /** The value of {@code parameter}, of its declared type. */
  Object value(RuleParameter parameter) {
    return parameters[parameter.ordinal()];
  }

  private double number(RuleParameter parameter) {
    return (Double) parameters[parameter.ordinal()];
  }

  private int whole(RuleParameter parameter) {
    return (Integer) parameters[parameter.ordinal()];
  }

  @SuppressWarnings("unchecked")
  private <T> List<T> list(RuleParameter parameter) {
    return (List<T>) parameters[parameter.ordinal()];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RuleSet other && describe().equals(other.describe());
  }

  @Override
  public int hashCode() {
    return describe().hashCode();
  }

  @Override
  public String toString() {
    return "RuleSet{" + name + " " + version + "}";
  }

  private List<Object> describe() {
    return List.of(name, version, filters, weights, customFilters, customWeights,
        Arrays.asList(parameters));
  }

  /** What is wrong with {@code name} as a rule set's name, or null when nothing is. */
  static String nameProblem(String name) {
    return name != null && name.matches("[A-Za-z0-9._-]+")
        ? null
        : "must be letters, digits, '.', '_' or '-', was '" + name + "'";
  }

  /** What is wrong with {@code version} as a rule set's version, or null when nothing is. */
  static String versionProblem(String version) {
    return version != null && !version.isBlank()
        ? null
        : "must not be blank, was '" + version + "'";
  }

  /** What is wrong with {@code weight} as a scorer's weight, or null when nothing is. */
  static String weightProblem(double weight) {
    return weight >= 0 && weight <= 1 ? null : "must be between 0 and 1, was " + weight;
  }

  /** Collects a rule set; {@link #build()} validates it. Not thread-safe. */
  public static final class Builder {
    private String name = "default";
    private String version = "1";
    private final Map<String, Boolean> filters = new LinkedHashMap<>();
    private final Map<String, Double> weights = new LinkedHashMap<>();
    private final SortedSet<String> customFilters = new TreeSet<>();
    private final SortedMap<String, Double> customWeights = new TreeMap<>();
    private final Object[] parameters = new Object[RuleParameter.values().length];

    private Builder() {
      for (String f : FILTERS) {
        filters.put(f, true);
      }
      for (BuiltInRule scorer : BuiltInRule.SCORERS) {
        weights.put(scorer.ruleName(), scorer.defaultWeight());
      }
      for (RuleParameter p : RuleParameter.values()) {
        parameters[p.ordinal()] = p.defaultValue();
      }
    }

    public Builder name(String name) {
      check("name", nameProblem(name));
      this.name = name;
      return this;
    }

    public Builder version(String version) {
      check("version", versionProblem(version));
      this.version = version;
      return this;
    }

    /** Switches a hard filter on or off. */
    public Builder filter(String filter, boolean on) {
      checkArgument(FILTERS.contains(filter), "unknown filter '%s'; known: %s", filter, FILTERS);
      filters.put(filter, on);
      return this;
    }

    /** Sets a scorer's weight, from 0 (off) to 1. */
    public Builder weight(String scorer, double weight) {
      checkArgument(SCORERS.contains(scorer), "unknown scorer '%s'; known: %s", scorer, SCORERS);
      check("weight of " + scorer, weightProblem(weight));
      weights.put(scorer, weight);
      return this;
    }

    /**
     * Switches a custom filter on or off by its name (see {@link
     * org.passgenau.rank.spi.CustomRule#name()}); custom filters are off unless switched on.
     */
    public Builder customFilter(String filter, boolean on) {
      CustomRules.checkName(filter);
      checkArgument(!customWeights.containsKey(filter),
          "'%s' is weighed as a custom scorer in this rule set; it cannot be a filter too", filter);
      if (on) {
        customFilters.add(filter);
      } else {
        customFilters.remove(filter);
      }
      return this;
    }

    /**
     * Sets a custom scorer's weight by its name (see {@link
     * org.passgenau.rank.spi.CustomRule#name()}), from 0 (off, as every custom scorer the rule set
     * does not name) to 1.
     */
    public Builder customWeight(String scorer, double weight) {
      CustomRules.checkName(scorer);
      check("weight of " + scorer, weightProblem(weight));
      checkArgument(!customFilters.contains(scorer),
          "'%s' is switched on as a custom filter in this rule set; it cannot be a scorer too",
          scorer);
      if (weight > 0) {
        customWeights.put(scorer, weight);
      } else {
        customWeights.remove(scorer);
      }
      return this;
    }

    /**
     * Sets {@code parameter} to {@code value}, of the parameter's declared type.
     *
     * @throws IllegalArgumentException naming the parameter and the value when it is invalid
     */
    Builder set(RuleParameter parameter, Object value) {
      parameters[parameter.ordinal()] = parameter.check(value);
      return this;
    }

    /** Sets several parameters, each checked before any is set. */
    private Builder set(RuleParameter[] names, Object... values) {
      Object[] checked = new Object[values.length];
      for (int i = 0; i < values.length; i++) {
        checked[i] = names[i].check(values[i]);
      }
      for (int i = 0; i < values.length; i++) {
        parameters[names[i].ordinal()] = checked[i];
      }
      return this;
    }

    public Builder languageGapTolerance(int levels) {
      return set(RuleParameter.LANGUAGE_GAP_TOLERANCE, levels);
    }

    public Builder languageGapPenalty(double penalty) {
      return set(RuleParameter.LANGUAGE_GAP_PENALTY, penalty);
    }

    public Builder speeds(double carKmh, double publicTransportKmh) {
      return set(new RuleParameter[] {RuleParameter.CAR_KMH, RuleParameter.PUBLIC_TRANSPORT_KMH},
          carKmh, publicTransportKmh);
    }

    public Builder dailyCommuteMinutes(double fullDay, double partDay, double netherlands) {
      return set(new RuleParameter[] {RuleParameter.DAILY_COMMUTE_MINUTES_FULL_DAY,
              RuleParameter.DAILY_COMMUTE_MINUTES_PART_DAY, RuleParameter.DAILY_COMMUTE_MINUTES_NL},
          fullDay, partDay, netherlands);
    }

    public Builder fullDayHoursPerWeek(double hours) {
      return set(RuleParameter.FULL_DAY_HOURS_PER_WEEK, hours);
    }

    public Builder relocationDistanceScore(double score) {
      return set(RuleParameter.RELOCATION_DISTANCE_SCORE, score);
    }

    public Builder residenceLift(double minHoursPerWeek, List<DatedValue> minMonthlyEur) {
      return set(new RuleParameter[] {RuleParameter.RESIDENCE_LIFT_MIN_HOURS_PER_WEEK,
              RuleParameter.RESIDENCE_LIFT_MIN_MONTHLY_EUR},
          minHoursPerWeek, minMonthlyEur);
    }

    public Builder recognitionSharedLevels(int levels) {
      return set(RuleParameter.RECOGNITION_SHARED_LEVELS, levels);
    }

    /** Replaces the recognition equivalences: pairs of 4-digit ISCO unit groups. */
    public Builder recognitionEquivalences(List<List<String>> pairs) {
      return set(RuleParameter.RECOGNITION_EQUIVALENCES, pairs);
    }

    public Builder startGraceDays(int apprenticeship, int other) {
      return set(new RuleParameter[] {RuleParameter.START_GRACE_DAYS_APPRENTICESHIP,
              RuleParameter.START_GRACE_DAYS_OTHER},
          apprenticeship, other);
    }

    /** Replaces the occupation bridges: pairs of 4-digit ISCO unit groups. */
    public Builder occupationBridges(List<List<String>> pairs, int levels) {
      return set(
          new RuleParameter[] {RuleParameter.OCCUPATION_BRIDGES, RuleParameter.BRIDGE_LEVELS},
          pairs, levels);
    }

    private static void check(String what, String problem) {
      if (problem != null) {
        throw new IllegalArgumentException(what + " " + problem);
      }
    }

    /** Validates and builds; at least one scorer must have a positive weight. */
    public RuleSet build() {
      double total = 0;
      for (double w : weights.values()) {
        total += w;
      }
      for (double w : customWeights.values()) {
        total += w;
      }
      checkArgument(total > 0, "at least one scorer needs a positive weight, was %s", weights);
      Objects.requireNonNull(name);
      return new RuleSet(this);
    }
  }
}
