package org.passgenau.rank;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.passgenau.model.Opportunity;

/**
 * The registry of built-in rules: one constant per hard filter or scorer, with its name in rule
 * sets, its kind, a scorer's default weight, the factory of its rule object and what the engine
 * may do with it beyond the plain loops. The filters' order is the order in which exclusions are
 * counted, the scorers' order the order in which explanations list them; everything that lists
 * rules ({@link RuleSet#FILTERS}, rule files, features, documentation) follows this order.
 *
 * <p>Adding a built-in rule is its class, its line here and its messages (see {@code
 * docs/adding-a-rule.md}). Rule objects are stateless; {@link CompiledRules} makes one per rule
 * set and keeps them in arrays, so the ranking loops never see this enum. A rule names its own
 * constant only to find the columns it declared ({@link #columns}), once per segment.
 */
enum BuiltInRule {
  COMMUTE("commute", CommuteFilter::new, Capability.SCANS_SEGMENT),
  WORK_PERMIT("work_permit", WorkPermitFilter::new),
  APPLICATION_DEADLINE("application_deadline", DateFilters.Deadline::new),
  START_DATE("start_date", DateFilters.Start::new),
  RECOGNITION("recognition", RecognitionFilter::new),
  LANGUAGE_FLOOR("language_floor", LanguageFloorFilter::new),
  HOURS("hours", WorkingTimeFilters.Hours::new),
  SHIFT_WORK("shift_work", WorkingTimeFilters.Schedule::shifts),
  NIGHT_WORK("night_work", WorkingTimeFilters.Schedule::nights),
  WEEKEND_WORK("weekend_work", WorkingTimeFilters.Schedule::weekends),
  CHILDCARE("childcare", WorkingTimeFilters.Childcare::new),
  PHYSICAL_DEMAND("physical_demand", EntryFilters.PhysicalDemand::new),
  ACCESSIBILITY("accessibility", EntryFilters.Accessibility::new),
  DRIVING_LICENSE("driving_license", EntryFilters.DrivingLicence::new),
  SCHOOL("school", EntryFilters.School::new),

  OCCUPATION("occupation", 0.30, Scorers.OccupationCloseness::new),
  SKILLS("skills", 0.10, Scorers.Skills::new),
  QUALIFICATION_LEVEL("qualification_level", 0.10, Scorers.QualificationLevel::new),
  RECOGNITION_SIGNAL("recognition_signal", 0.05, Scorers.RecognitionSignal::new),
  LANGUAGE("language", 0.15, Scorers.Language::new),
  DISTANCE("distance", 0.15, Scorers.Distance::new, Capability.DEFERRABLE),
  HOURS_FIT("hours_fit", 0.05, Scorers.HoursFit::new),
  APPRENTICESHIP_RESIDENCE("apprenticeship_residence", 0.05, Scorers.ApprenticeshipResidence::new),
  CHILDCARE_SUPPORT("childcare_support", 0.05, Scorers.ChildcareSupport::new);

  /** Whether a rule excludes (a hard filter) or weighs (a scorer). */
  enum Kind {
    FILTER,
    SCORER
  }

  /** What the engine may do with a rule besides running its loop over the candidates. */
  enum Capability {
    /**
     * A filter that runs first, over a whole segment, by its own {@link Rule.BoundFilter#scan}
     * (the commute filter takes or skips whole areas of the reach grid). At most one filter has
     * it, and it must be the first in counting order, so that its exclusions count first.
     */
    SCANS_SEGMENT,
    /**
     * A costly scorer that is scored only for the documents whose score could still enter the
     * top-k heap given its {@link Rule.BoundScorer#maxValue}. At most one scorer has it.
     */
    DEFERRABLE
  }

  /** The filters in counting order. */
  static final List<BuiltInRule> FILTERS = ofKind(Kind.FILTER);

  /** The scorers in explanation order. */
  static final List<BuiltInRule> SCORERS = ofKind(Kind.SCORER);

  private static final int[] INDEX_IN_KIND = new int[values().length];

  static {
    for (Kind kind : Kind.values()) {
      List<BuiltInRule> rules = kind == Kind.FILTER ? FILTERS : SCORERS;
      for (int i = 0; i < rules.size(); i++) {
        INDEX_IN_KIND[rules.get(i).ordinal()] = i;
      }
    }
    // The engine relies on these; a wrong registry line fails at class initialisation.
    checkState(FILTERS.stream().filter(r -> r.has(Capability.SCANS_SEGMENT)).count() <= 1
        && FILTERS.stream().skip(1).noneMatch(r -> r.has(Capability.SCANS_SEGMENT)),
        "only the first filter may scan a whole segment");
    checkState(SCORERS.stream().filter(r -> r.has(Capability.DEFERRABLE)).count() <= 1,
        "at most one scorer may be deferred");
  }

  private final String ruleName;
  private final Kind kind;
  private final double defaultWeight;
  private final Supplier<? extends Rule> factory;
  private final Set<Capability> capabilities;

  /** A hard filter. */
  BuiltInRule(String name, Supplier<? extends Rule.Filter> filter, Capability... capabilities) {
    this(name, Kind.FILTER, 0, filter, capabilities);
    checkArgument(!has(Capability.DEFERRABLE), "a filter cannot be deferred: %s", name);
  }

  /** A scorer with its default weight. */
  BuiltInRule(
      String name, double defaultWeight, Supplier<? extends Rule.Scorer> scorer,
      Capability... capabilities) {
    this(name, Kind.SCORER, defaultWeight, scorer, capabilities);
    checkArgument(!has(Capability.SCANS_SEGMENT), "a scorer cannot scan a segment: %s", name);
  }

  private BuiltInRule(
      String name, Kind kind, double defaultWeight, Supplier<? extends Rule> factory,
      Capability... capabilities) {
    this.ruleName = name;
    this.kind = kind;
    this.defaultWeight = defaultWeight;
    this.factory = factory;
    this.capabilities = capabilities.length == 0
        ? EnumSet.noneOf(Capability.class)
        : EnumSet.copyOf(Arrays.asList(capabilities));
  }

  /** The name in rule sets, rule files, exclusion counts, explanations and messages. */
  String ruleName() {
    return ruleName;
  }

  Kind kind() {
    return kind;
  }

  /** A scorer's weight in the default rule set; 0 for a filter. */
  double defaultWeight() {
    return defaultWeight;
  }

  boolean has(Capability capability) {
    return capabilities.contains(capability);
  }

  /** The position among the rules of its kind: a filter's exclusion slot, a scorer's feature. */
  int indexInKind() {
    return INDEX_IN_KIND[ordinal()];
  }

  /** A new rule object of this filter. */
  Rule.Filter newFilter() {
    checkState(kind == Kind.FILTER, "%s is a scorer", ruleName);
    return (Rule.Filter) checkedNew();
  }

  /** A new rule object of this scorer. */
  Rule.Scorer newScorer() {
    checkState(kind == Kind.SCORER, "%s is a filter", ruleName);
    return (Rule.Scorer) checkedNew();
  }

  /**
   * This rule's own columns of one segment, from its opportunities in row order; null when it
   * reads only shared columns. See {@link Rule#columns}.
   */
  Rule.ColumnGroup columns(List<Opportunity> rows, Vocabulary vocabulary) {
    return factory.get().columns(rows, vocabulary);
  }

  private Rule checkedNew() {
    Rule rule = factory.get();
    checkState(rule.name().equals(ruleName),
        "the rule object of %s is named '%s'", ruleName, rule.name());
    return rule;
  }

  /** The built-in rule of this name, of either kind. */
  static Optional<BuiltInRule> named(String name) {
    for (BuiltInRule rule : values()) {
      if (rule.ruleName.equals(name)) {
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }

  /** The names of the rules of {@code rules}, in their order. */
  static List<String> names(List<BuiltInRule> rules) {
    return rules.stream().map(BuiltInRule::ruleName).toList();
  }

  private static List<BuiltInRule> ofKind(Kind kind) {
    return Arrays.stream(values()).filter(r -> r.kind == kind).toList();
  }
}
