package org.passgenau.rank;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every parameter of a rule set, declared once: its name in rule files, its type, range, default
 * and a line of documentation. {@link RuleSet.Builder} validates by it, {@link RuleSetFile}
 * reads and writes by it, and {@code data/rules/default.json}, the README's parameter table and
 * {@code docs/rule-sets.md} are generated from it (a test checks that they are current). The
 * order is the order in which files and tables list the parameters.
 *
 * <p>Values are immutable: {@code Double} for {@link Type#NUMBER}, {@code Integer} for {@link
 * Type#WHOLE}, an immutable {@code List<DatedValue>} for {@link Type#DATED} and an immutable
 * {@code List<List<String>>} for {@link Type#PAIRS}.
 */
enum RuleParameter {
  LANGUAGE_GAP_TOLERANCE(whole("language_gap_tolerance", 1, 0, 5,
      "CEFR levels a person may fall short of an asked level where the employer offers language"
          + " training (`language_floor`)")),
  LANGUAGE_GAP_PENALTY(number("language_gap_penalty", 0.5, 0, 1,
      "what each tolerated gap level costs, as a share of the language score (`language`); a"
          + " score never falls below -1")),
  CAR_KMH(number("car_kmh", 50, 1, 200,
      "door-to-door speed by car, km/h, turning minutes into km (`commute`, `distance`)")),
  PUBLIC_TRANSPORT_KMH(number("public_transport_kmh", 25, 1, 200,
      "door-to-door speed by public transport, km/h")),
  DAILY_COMMUTE_MINUTES_FULL_DAY(number("daily_commute_minutes_full_day", 150, 0, 600,
      "reasonable daily round trip for working days over six hours, when the person states no"
          + " limit (DE §140 SGB III); one way is half")),
  DAILY_COMMUTE_MINUTES_PART_DAY(number("daily_commute_minutes_part_day", 120, 0, 600,
      "the same for working days of six hours or less")),
  DAILY_COMMUTE_MINUTES_NL(number("daily_commute_minutes_nl", 120, 0, 600,
      "the same in the Netherlands (first six months of benefit)")),
  FULL_DAY_HOURS_PER_WEEK(number("full_day_hours_per_week", 30, 0, 168,
      "weekly hours above which working days count as over six hours")),
  RELOCATION_DISTANCE_SCORE(number("relocation_distance_score", 0.1, 0, 1,
      "`distance` score of an opportunity reachable only by moving")),
  RESIDENCE_LIFT_MIN_HOURS_PER_WEEK(number("residence_lift_min_hours_per_week", 15, 0, 168,
      "least weekly hours of a job that lifts a residence obligation (§12a AufenthG)")),
  RESIDENCE_LIFT_MIN_MONTHLY_EUR(dated("residence_lift_min_monthly_eur",
      List.of(
          new DatedValue(LocalDate.of(2023, 1, 1), 712,
              "SGB II average need of a single person, 2023"),
          new DatedValue(LocalDate.of(2024, 1, 1), 785,
              "SGB II average need of a single person, 2024")),
      "least monthly pay of such a job: the SGB II average need of a single person")),
  RECOGNITION_SHARED_LEVELS(whole("recognition_shared_levels", 4, 1, 4,
      "ISCO levels a qualification must share with a regulated job for its recognition to count"
          + " (4 = same unit group, 3 = same minor group); recognition is granted for one"
          + " profession (BQFG)")),
  RECOGNITION_EQUIVALENCES(pairs("recognition_equivalences",
      List.of(List.of("2221", "3221")),
      "unit groups whose regulated posts one recognition opens, both ways: a German nursing"
          + " licence covers nursing professionals (2221) and associates (3221)")),
  START_GRACE_DAYS_APPRENTICESHIP(whole("start_grace_days_apprenticeship", 61, 0, 366,
      "days after its start that an apprenticeship or training can still be joined (1 August to"
          + " 1 October)")),
  START_GRACE_DAYS_OTHER(whole("start_grace_days_other", 30, 0, 366,
      "days after its start date that other opportunities can still be taken up")),
  OCCUPATION_BRIDGES(pairs("occupation_bridges",
      List.of(
          List.of("2221", "3221"), // nursing professionals, nursing associates
          List.of("2221", "5321"), // nurses and health care assistants
          List.of("3221", "5321"),
          List.of("2342", "5311"), // early childhood educators, child care workers
          List.of("2341", "5312"), // primary school teachers, teachers' aides
          List.of("2211", "3256"), // doctors, medical assistants
          List.of("2264", "3255")), // physiotherapists and their technicians
      "occupations of one field that the ISCO tree puts apart, such as nurses (2221) and health"
          + " care assistants (5321): the helper role in a nurse's own field (`occupation`)")),
  BRIDGE_LEVELS(whole("bridge_levels", 3, 1, 4,
      "the closeness, in shared ISCO levels, that a bridge gives (3 = as the same minor group)"));

  /** A parameter's kind of value, which fixes its JSON shape in rule files. */
  enum Type {
    /** A number within a range. */
    NUMBER,
    /** A whole number within a range. */
    WHOLE,
    /** A legal threshold that changes over time: at least one {@link DatedValue}. */
    DATED,
    /** Pairs of 4-digit ISCO unit groups. */
    PAIRS
  }

  private static final Pattern UNIT_GROUP = Pattern.compile("\\d{4}");

  private final Declaration declaration;

  RuleParameter(Declaration declaration) {
    this.declaration = declaration;
  }

  /** The name in rule files and messages, snake_case as in the data contract. */
  String jsonName() {
    return declaration.name;
  }

  Type type() {
    return declaration.type;
  }

  /** The value in the default rule set. */
  Object defaultValue() {
    return declaration.defaultValue;
  }

  /** The least value of a number or whole number. */
  double min() {
    return declaration.min;
  }

  /** The greatest value of a number or whole number. */
  double max() {
    return declaration.max;
  }

  /** One line saying what the parameter means, in Markdown. */
  String doc() {
    return declaration.doc;
  }

  /** The parameter of this rule-file name, or null. */
  static RuleParameter named(String jsonName) {
    for (RuleParameter p : values()) {
      if (p.jsonName().equals(jsonName)) {
        return p;
      }
    }
    return null;
  }

  /**
   * What is wrong with {@code value} as this parameter's value, without the parameter's name
   * ({@code "must be between 0.0 and 1.0, was 1.5"}), or null when it is a valid value of this
   * parameter's type.
   */
  String problem(Object value) {
    return switch (type()) {
      case NUMBER -> value instanceof Double v && v >= min() && v <= max()
          ? null
          : "must be between " + min() + " and " + max() + ", was " + value;
      case WHOLE -> value instanceof Integer v && v >= min() && v <= max()
          ? null
          : "must be " + (int) min() + " to " + (int) max() + ", was " + value;
      case DATED -> datedProblem(value);
      case PAIRS -> pairsProblem(value);
    };
  }

  /**
   * {@code value} as this parameter's immutable value.
   *
   * @throws IllegalArgumentException naming the parameter and the value when it is not valid
   */
  Object check(Object value) {
    String problem = problem(value);
    if (problem != null) {
      throw new IllegalArgumentException(jsonName() + " " + problem);
    }
    return switch (type()) {
      case NUMBER, WHOLE -> value;
      case DATED -> List.copyOf((List<?>) value);
      case PAIRS -> ((List<?>) value).stream().map(pair -> List.copyOf((List<?>) pair)).toList();
    };
  }

  /** Whether {@code pair} is two 4-digit ISCO unit groups. */
  static boolean isUnitGroupPair(Object pair) {
    return pair instanceof List<?> codes && codes.size() == 2
        && codes.stream().allMatch(c -> c instanceof String s && UNIT_GROUP.matcher(s).matches());
  }

  private static String datedProblem(Object value) {
    if (!(value instanceof List<?> list) || list.isEmpty()) {
      return "needs at least one dated value, was " + value;
    }
    Set<LocalDate> starts = new HashSet<>();
    for (Object item : list) {
      if (!(item instanceof DatedValue dated)) {
        return "must be dated values, was " + value;
      }
      if (!starts.add(dated.validFrom())) {
        return "may start one value on each date, was " + dated.validFrom() + " twice";
      }
      if (dated.value() < 0) {
        return "must not be negative, was " + dated.value() + " from " + dated.validFrom();
      }
    }
    return null;
  }

  private static String pairsProblem(Object value) {
    if (!(value instanceof List<?> list)) {
      return "must be a list of pairs of 4-digit ISCO unit groups, was " + value;
    }
    for (Object pair : list) {
      if (!isUnitGroupPair(pair)) {
        return "must be pairs of 4-digit ISCO unit groups, was " + pair;
      }
    }
    return null;
  }

  private static Declaration number(String name, double value, double min, double max, String doc) {
    return new Declaration(name, Type.NUMBER, value, min, max, doc);
  }

  private static Declaration whole(String name, int value, int min, int max, String doc) {
    return new Declaration(name, Type.WHOLE, value, min, max, doc);
  }

  private static Declaration dated(String name, List<DatedValue> value, String doc) {
    return new Declaration(name, Type.DATED, List.copyOf(value), Double.NaN, Double.NaN, doc);
  }

  private static Declaration pairs(String name, List<List<String>> value, String doc) {
    List<List<String>> copy = new ArrayList<>();
    value.forEach(pair -> copy.add(List.copyOf(pair)));
    return new Declaration(name, Type.PAIRS, List.copyOf(copy), Double.NaN, Double.NaN, doc);
  }

  /** The declaration's fields, gathered so that each constant reads as one declaration. */
  private record Declaration(
      String name, Type type, Object defaultValue, double min, double max, String doc) {}
}
