package org.passgenau.rank;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import java.time.LocalDate;
import java.util.ArrayList;
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
 */
public final class RuleSet {

  /** Hard filters, in the order in which exclusions are counted. */
  public static final List<String> FILTERS =
      ImmutableList.of(
          "commute",
          "work_permit",
          "application_deadline",
          "start_date",
          "recognition",
          "language_floor",
          "hours",
          "shift_work",
          "night_work",
          "weekend_work",
          "childcare",
          "physical_demand",
          "accessibility",
          "driving_license",
          "school");

  /** Scorers, in the order in which explanations list them. */
  public static final List<String> SCORERS =
      ImmutableList.of(
          "occupation",
          "skills",
          "qualification_level",
          "recognition_signal",
          "language",
          "distance",
          "hours_fit",
          "apprenticeship_residence",
          "childcare_support");

  private final String name;
  private final String version;
  private final ImmutableMap<String, Boolean> filters;
  private final ImmutableMap<String, Double> weights;
  private final ImmutableSortedSet<String> customFilters;
  private final ImmutableSortedMap<String, Double> customWeights;
  private final int languageGapTolerance;
  private final double languageGapPenalty;
  private final double carKmh;
  private final double publicTransportKmh;
  private final double dailyCommuteMinutesFullDay;
  private final double dailyCommuteMinutesPartDay;
  private final double dailyCommuteMinutesNl;
  private final double fullDayHoursPerWeek;
  private final double relocationDistanceScore;
  private final double residenceLiftMinHoursPerWeek;
  private final ImmutableList<DatedValue> residenceLiftMinMonthlyEur;
  private final int recognitionSharedLevels;
  private final ImmutableList<List<String>> recognitionEquivalences;
  private final int startGraceDaysApprenticeship;
  private final int startGraceDaysOther;
  private final ImmutableList<ImmutableList<String>> occupationBridges;
  private final int bridgeLevels;

  private RuleSet(Builder b) {
    this.name = b.name;
    this.version = b.version;
    this.filters = ImmutableMap.copyOf(b.filters);
    this.weights = ImmutableMap.copyOf(b.weights);
    this.customFilters = ImmutableSortedSet.copyOf(b.customFilters);
    this.customWeights = ImmutableSortedMap.copyOf(b.customWeights);
    this.languageGapTolerance = b.languageGapTolerance;
    this.languageGapPenalty = b.languageGapPenalty;
    this.carKmh = b.carKmh;
    this.publicTransportKmh = b.publicTransportKmh;
    this.dailyCommuteMinutesFullDay = b.dailyCommuteMinutesFullDay;
    this.dailyCommuteMinutesPartDay = b.dailyCommuteMinutesPartDay;
    this.dailyCommuteMinutesNl = b.dailyCommuteMinutesNl;
    this.fullDayHoursPerWeek = b.fullDayHoursPerWeek;
    this.relocationDistanceScore = b.relocationDistanceScore;
    this.residenceLiftMinHoursPerWeek = b.residenceLiftMinHoursPerWeek;
    this.residenceLiftMinMonthlyEur = ImmutableList.copyOf(b.residenceLiftMinMonthlyEur);
    this.recognitionSharedLevels = b.recognitionSharedLevels;
    this.recognitionEquivalences = ImmutableList.copyOf(b.recognitionEquivalences);
    this.startGraceDaysApprenticeship = b.startGraceDaysApprenticeship;
    this.startGraceDaysOther = b.startGraceDaysOther;
    this.occupationBridges = ImmutableList.copyOf(b.occupationBridges);
    this.bridgeLevels = b.bridgeLevels;
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
    b.languageGapTolerance = languageGapTolerance;
    b.languageGapPenalty = languageGapPenalty;
    b.carKmh = carKmh;
    b.publicTransportKmh = publicTransportKmh;
    b.dailyCommuteMinutesFullDay = dailyCommuteMinutesFullDay;
    b.dailyCommuteMinutesPartDay = dailyCommuteMinutesPartDay;
    b.dailyCommuteMinutesNl = dailyCommuteMinutesNl;
    b.fullDayHoursPerWeek = fullDayHoursPerWeek;
    b.relocationDistanceScore = relocationDistanceScore;
    b.residenceLiftMinHoursPerWeek = residenceLiftMinHoursPerWeek;
    b.residenceLiftMinMonthlyEur = residenceLiftMinMonthlyEur;
    b.recognitionSharedLevels = recognitionSharedLevels;
    b.recognitionEquivalences = new ArrayList<>(recognitionEquivalences);
    b.startGraceDaysApprenticeship = startGraceDaysApprenticeship;
    b.startGraceDaysOther = startGraceDaysOther;
    b.occupationBridges = new ArrayList<>(occupationBridges);
    b.bridgeLevels = bridgeLevels;
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

  /** The custom filters that are on, in name order; all others are off. */
  public ImmutableSortedSet<String> customFilters() { return customFilters; }

  /** The custom scorers' weights, each above 0, in name order; all others weigh 0. */
  public ImmutableSortedMap<String, Double> customWeights() { return customWeights; }

  /** All scorer weights, in {@link #SCORERS} order. */
  public ImmutableMap<String, Double> weights() { return weights; }

  /** All filter switches, in {@link #FILTERS} order. */
  public ImmutableMap<String, Boolean> filters() { return filters; }

  /** CEFR levels a person may fall short of an asked level when the employer offers language training. */
  public int languageGapTolerance() { return languageGapTolerance; }

  /** Score cost of each tolerated language gap, as a fraction of the language weight. */
  public double languageGapPenalty() { return languageGapPenalty; }

  /** Door-to-door speed by car, km/h, for limits given in minutes. */
  public double carKmh() { return carKmh; }

  /** Door-to-door speed by public transport, km/h. */
  public double publicTransportKmh() { return publicTransportKmh; }

  /** Reasonable daily round trip for a working day over six hours (DE section 140 SGB III): 150 min. */
  public double dailyCommuteMinutesFullDay() { return dailyCommuteMinutesFullDay; }

  /** Reasonable daily round trip for a working day of six hours or less: 120 min. */
  public double dailyCommuteMinutesPartDay() { return dailyCommuteMinutesPartDay; }

  /** Reasonable daily round trip in the Netherlands (first six months of benefit): 120 min. */
  public double dailyCommuteMinutesNl() { return dailyCommuteMinutesNl; }

  /** Weekly hours above which a five-day week has working days over six hours. */
  public double fullDayHoursPerWeek() { return fullDayHoursPerWeek; }

  /** Distance score of an opportunity reachable only by moving. */
  public double relocationDistanceScore() { return relocationDistanceScore; }

  /** Least weekly hours of a job that lifts a residence obligation (section 12a AufenthG). */
  public double residenceLiftMinHoursPerWeek() { return residenceLiftMinHoursPerWeek; }

  /** Dated least monthly pay of a job that lifts a residence obligation. */
  public ImmutableList<DatedValue> residenceLiftMinMonthlyEur() { return residenceLiftMinMonthlyEur; }

  /** The pay threshold in force on {@code day}. */
  public double residenceLiftMinMonthlyEur(LocalDate day) {
    return DatedValue.on(residenceLiftMinMonthlyEur, day);
  }

  /**
   * How many ISCO levels a qualification must share with a regulated job for its recognition to
   * count (4 = same unit group, 3 = same minor group). Recognition is granted for one profession
   * (BQFG), so by default only the same unit group counts.
   */
  public int recognitionSharedLevels() { return recognitionSharedLevels; }

  /**
   * Pairs of ISCO unit groups whose posts one recognition opens although they lie in different
   * unit groups, such as a German nursing licence for nursing professionals (2221) and nursing
   * associates (3221). Each pair holds both ways.
   */
  public List<List<String>> recognitionEquivalences() { return recognitionEquivalences; }

  /** Days after its start that an apprenticeship can still be joined (1 August to 1 October). */
  public int startGraceDaysApprenticeship() { return startGraceDaysApprenticeship; }

  /** Days after its start date that other opportunities can still be taken up. */
  public int startGraceDaysOther() { return startGraceDaysOther; }

  /**
   * Pairs of ISCO unit groups that belong to one field although the ISCO tree puts them apart,
   * such as nursing professionals (2221) and health care assistants (5321): the helper role in a
   * nurse's own field.
   */
  public ImmutableList<ImmutableList<String>> occupationBridges() { return occupationBridges; }

  /** The closeness, in shared ISCO levels, that a bridge gives (3 = as the same minor group). */
  public int bridgeLevels() { return bridgeLevels; }

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
    return List.of(
        name, version, filters, weights, customFilters, customWeights, languageGapTolerance, languageGapPenalty, carKmh,
        publicTransportKmh, dailyCommuteMinutesFullDay, dailyCommuteMinutesPartDay,
        dailyCommuteMinutesNl, fullDayHoursPerWeek, relocationDistanceScore,
        residenceLiftMinHoursPerWeek, residenceLiftMinMonthlyEur, recognitionSharedLevels,
        recognitionEquivalences, startGraceDaysApprenticeship, startGraceDaysOther,
        occupationBridges, bridgeLevels);
  }

  /** Collects a rule set; {@link #build()} validates it. Not thread-safe. */
  public static final class Builder {
    private String name = "default";
    private String version = "1";
    private final Map<String, Boolean> filters = new LinkedHashMap<>();
    private final Map<String, Double> weights = new LinkedHashMap<>();
    private final SortedSet<String> customFilters = new TreeSet<>();
    private final SortedMap<String, Double> customWeights = new TreeMap<>();
    private int languageGapTolerance = 1;
    private double languageGapPenalty = 0.5;
    private double carKmh = 50;
    private double publicTransportKmh = 25;
    private double dailyCommuteMinutesFullDay = 150;
    private double dailyCommuteMinutesPartDay = 120;
    private double dailyCommuteMinutesNl = 120;
    private double fullDayHoursPerWeek = 30;
    private double relocationDistanceScore = 0.1;
    private double residenceLiftMinHoursPerWeek = 15;
    private List<DatedValue> residenceLiftMinMonthlyEur =
        List.of(
            new DatedValue(LocalDate.of(2023, 1, 1), 712, "SGB II average need of a single person, 2023"),
            new DatedValue(LocalDate.of(2024, 1, 1), 785, "SGB II average need of a single person, 2024"));
    private int recognitionSharedLevels = 4;
    private List<List<String>> recognitionEquivalences =
        new ArrayList<>(List.of(ImmutableList.of("2221", "3221"))); // one German nursing licence
    private int startGraceDaysApprenticeship = 61;
    private int startGraceDaysOther = 30;
    private List<ImmutableList<String>> occupationBridges =
        new ArrayList<>(List.of(
            ImmutableList.of("2221", "3221"), // nursing professionals, nursing associates
            ImmutableList.of("2221", "5321"), // nurses and health care assistants
            ImmutableList.of("3221", "5321"),
            ImmutableList.of("2342", "5311"), // early childhood educators, child care workers
            ImmutableList.of("2341", "5312"), // primary school teachers, teachers' aides
            ImmutableList.of("2211", "3256"), // doctors, medical assistants
            ImmutableList.of("2264", "3255"))); // physiotherapists and their technicians
    private int bridgeLevels = 3;

    private Builder() {
      for (String f : FILTERS) {
        filters.put(f, true);
      }
      weights.put("occupation", 0.30);
      weights.put("skills", 0.10);
      weights.put("qualification_level", 0.10);
      weights.put("recognition_signal", 0.05);
      weights.put("language", 0.15);
      weights.put("distance", 0.15);
      weights.put("hours_fit", 0.05);
      weights.put("apprenticeship_residence", 0.05);
      weights.put("childcare_support", 0.05);
    }

    public Builder name(String name) {
      checkArgument(name != null && name.matches("[A-Za-z0-9._-]+"),
          "name must be letters, digits, '.', '_' or '-', was '%s'", name);
      this.name = name;
      return this;
    }

    public Builder version(String version) {
      checkArgument(version != null && !version.isBlank(), "version must not be blank, was '%s'", version);
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
      checkArgument(weight >= 0 && weight <= 1, "weight of %s must be between 0 and 1, was %s", scorer, weight);
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
      checkArgument(weight >= 0 && weight <= 1, "weight of %s must be between 0 and 1, was %s", scorer, weight);
      checkArgument(!customFilters.contains(scorer),
          "'%s' is switched on as a custom filter in this rule set; it cannot be a scorer too", scorer);
      if (weight > 0) {
        customWeights.put(scorer, weight);
      } else {
        customWeights.remove(scorer);
      }
      return this;
    }

    public Builder languageGapTolerance(int levels) {
      checkArgument(levels >= 0 && levels <= 5, "languageGapTolerance must be 0 to 5 levels, was %s", levels);
      this.languageGapTolerance = levels;
      return this;
    }

    public Builder languageGapPenalty(double penalty) {
      this.languageGapPenalty = within("languageGapPenalty", penalty, 0, 1);
      return this;
    }

    public Builder speeds(double carKmh, double publicTransportKmh) {
      this.carKmh = within("carKmh", carKmh, 1, 200);
      this.publicTransportKmh = within("publicTransportKmh", publicTransportKmh, 1, 200);
      return this;
    }

    public Builder dailyCommuteMinutes(double fullDay, double partDay, double netherlands) {
      this.dailyCommuteMinutesFullDay = within("dailyCommuteMinutesFullDay", fullDay, 0, 600);
      this.dailyCommuteMinutesPartDay = within("dailyCommuteMinutesPartDay", partDay, 0, 600);
      this.dailyCommuteMinutesNl = within("dailyCommuteMinutesNl", netherlands, 0, 600);
      return this;
    }

    public Builder fullDayHoursPerWeek(double hours) {
      this.fullDayHoursPerWeek = within("fullDayHoursPerWeek", hours, 0, 168);
      return this;
    }

    public Builder relocationDistanceScore(double score) {
      this.relocationDistanceScore = within("relocationDistanceScore", score, 0, 1);
      return this;
    }

    public Builder residenceLift(double minHoursPerWeek, List<DatedValue> minMonthlyEur) {
      this.residenceLiftMinHoursPerWeek = within("residenceLiftMinHoursPerWeek", minHoursPerWeek, 0, 168);
      checkArgument(minMonthlyEur != null && !minMonthlyEur.isEmpty(),
          "residenceLiftMinMonthlyEur needs at least one dated value, was %s", minMonthlyEur);
      this.residenceLiftMinMonthlyEur = List.copyOf(minMonthlyEur);
      return this;
    }

    public Builder recognitionSharedLevels(int levels) {
      checkArgument(levels >= 1 && levels <= 4, "recognitionSharedLevels must be 1 to 4, was %s", levels);
      this.recognitionSharedLevels = levels;
      return this;
    }

    /** Replaces the recognition equivalences: pairs of 4-digit ISCO unit groups. */
    public Builder recognitionEquivalences(List<List<String>> pairs) {
      checkArgument(pairs != null, "recognitionEquivalences must be a list of pairs, was null");
      List<List<String>> checked = new ArrayList<>();
      for (List<String> pair : pairs) {
        checkArgument(pair != null && pair.size() == 2
                && pair.stream().allMatch(code -> code != null && code.matches("\\d{4}")),
            "recognitionEquivalences must hold pairs of two 4-digit ISCO unit groups, was %s",
            pair);
        checked.add(ImmutableList.copyOf(pair));
      }
      this.recognitionEquivalences = checked;
      return this;
    }

    public Builder startGraceDays(int apprenticeship, int other) {
      checkArgument(apprenticeship >= 0 && apprenticeship <= 366,
          "startGraceDaysApprenticeship must be 0 to 366, was %s", apprenticeship);
      checkArgument(other >= 0 && other <= 366, "startGraceDaysOther must be 0 to 366, was %s", other);
      this.startGraceDaysApprenticeship = apprenticeship;
      this.startGraceDaysOther = other;
      return this;
    }

    /** Replaces the occupation bridges: pairs of 4-digit ISCO unit groups. */
    public Builder occupationBridges(List<List<String>> pairs, int levels) {
      checkArgument(levels >= 1 && levels <= 4, "bridgeLevels must be 1 to 4, was %s", levels);
      List<ImmutableList<String>> checked = new ArrayList<>();
      for (List<String> pair : pairs) {
        checkArgument(pair != null && pair.size() == 2
                && pair.stream().allMatch(code -> code != null && code.matches("\\d{4}")),
            "an occupation bridge is two 4-digit ISCO unit groups, was %s", pair);
        checked.add(ImmutableList.copyOf(pair));
      }
      this.occupationBridges = checked;
      this.bridgeLevels = levels;
      return this;
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

    private static double within(String field, double value, double min, double max) {
      checkArgument(value >= min && value <= max, "%s must be between %s and %s, was %s", field, min, max, value);
      return value;
    }
  }
}
