package org.passgenau.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.common.base.CaseFormat;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passgenau.rank.RuleSetFormatException.Problem;
import org.passgenau.rank.spi.CustomRules;

class RuleSetFileTest {

  @TempDir Path dir;

  /**
   * Reads with no custom rules known, so that messages list the built-in rules alone whatever the
   * class path holds; {@code CustomRuleFilesTest} covers custom rules.
   */
  private static RuleSet read(String json) throws IOException {
    return RuleSetFile.read(new StringReader(json), "rules.json", CustomRules.none());
  }

  private static RuleSet roundTrip(RuleSet rules) throws IOException {
    StringWriter out = new StringWriter();
    RuleSetFile.write(rules, out);
    return read(out.toString());
  }

  /** The problems of a refused file, as {@code field: reason} lines. */
  private static List<String> problems(String json) {
    RuleSetFormatException refused =
        catchThrowableOfType(RuleSetFormatException.class, () -> read(json));
    assertThat(refused).as("refusal of %s", json).isNotNull();
    return refused.problems().stream().map(Problem::toString).toList();
  }

  /** A file with name and version and the given further fields. */
  private static String file(String fields) {
    return "{\"name\": \"test\", \"version\": \"1\"" + (fields.isEmpty() ? "" : ", " + fields) + "}";
  }

  /** Differs from the defaults in every weight and parameter and in some filters. */
  private static RuleSet everythingChanged() {
    RuleSet.Builder b = RuleSet.defaults().toBuilder().name("everything-changed").version("2026-11.b");
    for (String filter : RuleSet.FILTERS) {
      b.filter(filter, filter.length() % 2 == 0);
    }
    for (int i = 0; i < RuleSet.SCORERS.size(); i++) {
      b.weight(RuleSet.SCORERS.get(i), i / 10.0 + 0.013);
    }
    return b.languageGapTolerance(2)
        .languageGapPenalty(0.3)
        .speeds(55.5, 21)
        .dailyCommuteMinutes(140, 100, 95.25)
        .fullDayHoursPerWeek(32)
        .relocationDistanceScore(0)
        .residenceLift(16, List.of(
            new DatedValue(LocalDate.of(2025, 1, 1), 801.5, null),
            new DatedValue(LocalDate.of(2022, 1, 1), 700, "an \"older\" figure, line\nbreak")))
        .recognitionSharedLevels(3)
        .recognitionEquivalences(List.of(List.of("2211", "2212"), List.of("2221", "3221")))
        .startGraceDays(45, 14)
        .occupationBridges(List.of(List.of("7212", "7214")), 2)
        .build();
  }

  @Test
  void theDefaultsSurviveTheRoundTrip() throws IOException {
    assertThat(roundTrip(RuleSet.defaults())).as("defaults read back").isEqualTo(RuleSet.defaults());
  }

  @Test
  void everyChangedValueSurvivesTheRoundTripThroughAFile() throws IOException {
    RuleSet changed = everythingChanged();
    Path file = dir.resolve("changed.json");

    RuleSetFile.write(changed, file);

    assertThat(changed).as("the fixture differs from the defaults").isNotEqualTo(RuleSet.defaults());
    assertThat(RuleSetFile.read(file)).as("read back from %s", file).isEqualTo(changed);
  }

  @Property(tries = 200)
  void arbitraryWeightsAndSwitchesSurviveTheRoundTrip(
      @ForAll("weights") List<Double> weights,
      @ForAll("switches") List<Boolean> switches,
      @ForAll @IntRange(min = 0, max = 5) int tolerance,
      @ForAll @DoubleRange(min = 0, max = 1) double penalty,
      @ForAll @DoubleRange(min = 1, max = 200) double carKmh) throws IOException {
    RuleSet.Builder b = RuleSet.builder().languageGapTolerance(tolerance).languageGapPenalty(penalty)
        .speeds(carKmh, 25);
    for (int i = 0; i < RuleSet.SCORERS.size(); i++) {
      b.weight(RuleSet.SCORERS.get(i), weights.get(i));
    }
    for (int i = 0; i < RuleSet.FILTERS.size(); i++) {
      b.filter(RuleSet.FILTERS.get(i), switches.get(i));
    }
    b.weight("occupation", Math.max(weights.get(0), Double.MIN_VALUE)); // some weight is positive
    RuleSet rules = b.build();

    assertThat(roundTrip(rules)).as("read back").isEqualTo(rules);
  }

  @Provide
  Arbitrary<List<Double>> weights() {
    return Arbitraries.oneOf(
            Arbitraries.doubles().between(0, 1),
            Arbitraries.of(0.0, 1.0, Double.MIN_VALUE, 1e-17, 0.1 + 0.2, 1 - Math.ulp(1.0)))
        .list().ofSize(RuleSet.SCORERS.size());
  }

  @Provide
  Arbitrary<List<Boolean>> switches() {
    return Arbitraries.of(true, false).list().ofSize(RuleSet.FILTERS.size());
  }

  @Test
  void theFileNamesEveryParameterOfTheRuleSet() {
    Set<String> notParameters =
        Set.of("name", "version", "filters", "weights", "customFilters", "customWeights",
            "toBuilder", "hashCode", "toString");
    Set<String> accessors = Arrays.stream(RuleSet.class.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
        .filter(m -> m.getParameterCount() == 0 && m.getReturnType() != void.class)
        .map(Method::getName)
        .filter(name -> !notParameters.contains(name))
        .map(name -> CaseFormat.LOWER_CAMEL.to(CaseFormat.LOWER_UNDERSCORE, name))
        .collect(Collectors.toSet());

    assertThat(RuleSetFile.parameterNames())
        .as("parameters a rule file can state, against RuleSet's accessors")
        .containsExactlyInAnyOrderElementsOf(accessors);
  }

  @Test
  void aWrittenFileStatesEveryFilterScorerAndParameterOneALine() {
    String json = RuleSetFile.toJson(RuleSet.defaults());

    assertThat(json).as("written defaults")
        .startsWith("{\n  \"name\": \"default\",\n  \"version\": \"1\",\n  \"filters\": {\n")
        .contains("\n    \"school\": true\n  },\n")
        .contains("\n    \"occupation\": 0.3,\n")
        .contains("\n    \"car_kmh\": 50,\n")
        .contains("\n      {\n        \"valid_from\": \"2024-01-01\",\n        \"value\": 785,\n")
        .contains("\n      [\n        \"2221\",\n        \"5321\"\n      ],\n")
        .endsWith("\n    \"bridge_levels\": 3\n  }\n}\n")
        .doesNotContain("\r");
  }

  @Test
  void anEmptyListIsWrittenAsSuchAndReadBack() throws IOException {
    RuleSet none = RuleSet.defaults().toBuilder().recognitionEquivalences(List.of()).build();

    assertThat(RuleSetFile.toJson(none)).contains("\"recognition_equivalences\": [],\n");
    assertThat(roundTrip(none)).as("read back").isEqualTo(none);
  }

  @Test
  void leftOutFiltersWeightsAndParametersKeepTheirDefaults() throws IOException {
    RuleSet rules = read(file("\"filters\": {\"school\": false}, \"scorers\": {\"distance\": 0},"
        + " \"parameters\": {\"car_kmh\": 60}"));

    assertThat(rules).as("rule set with three values stated")
        .isEqualTo(RuleSet.defaults().toBuilder().name("test").filter("school", false)
            .weight("distance", 0).speeds(60, RuleSet.defaults().publicTransportKmh()).build());
  }

  @Test
  void nameAndVersionAloneGiveTheDefaultsUnderThatName() throws IOException {
    assertThat(read("{\"name\": \"plain\", \"version\": \"7\"}")).as("rule set")
        .isEqualTo(RuleSet.defaults().toBuilder().name("plain").version("7").build());
  }

  @Test
  void nameAndVersionAreRequired() {
    assertThat(problems("{\"filters\": {}}")).as("problems").containsExactly(
        "name: required, absent; a rule file states its name and version",
        "version: required, absent; a rule file states its name and version");
  }

  @Test
  void anUnknownScorerIsNamedWithTheNearestKnownOne() {
    assertThat(problems(file("\"scorers\": {\"langauge\": 0.2}"))).as("problems").containsExactly(
        "scorers.langauge: unknown scorer \"langauge\", did you mean \"language\"? (known: "
            + String.join(", ", RuleSet.SCORERS) + ")");
  }

  @Test
  void anUnknownFilterIsRefused() {
    assertThat(problems(file("\"filters\": {\"gender\": false}"))).as("problems").containsExactly(
        "filters.gender: unknown filter \"gender\" (known: " + String.join(", ", RuleSet.FILTERS)
            + ")");
  }

  @Test
  void anUnknownTopLevelFieldIsRefused() {
    assertThat(problems(file("\"weights\": {}"))).as("problems").containsExactly(
        "weights: unknown field \"weights\" (known: name, version, filters, scorers, parameters)");
  }

  @Test
  void anUnknownParameterIsRefused() {
    assertThat(problems(file("\"parameters\": {\"car_kph\": 15}"))).as("problems")
        .singleElement().asString()
        .startsWith("parameters.car_kph: unknown parameter \"car_kph\", did you mean \"car_kmh\"?");
  }

  @Test
  void aFilterSwitchMustBeTrueOrFalse() {
    assertThat(problems(file("\"filters\": {\"commute\": \"yes\", \"school\": 0}")))
        .as("problems").containsExactly(
            "filters.commute: must be true or false, was \"yes\"",
            "filters.school: must be true or false, was 0");
  }

  @Test
  void aWeightMustBeANumberFromZeroToOne() {
    assertThat(problems(file("\"scorers\": {\"distance\": 1.7, \"skills\": -0.1, \"language\": \"0.1\"}")))
        .as("problems").containsExactly(
            "scorers.distance: must be between 0 and 1, was 1.7",
            "scorers.skills: must be between 0 and 1, was -0.1",
            "scorers.language: must be a weight from 0 to 1, was \"0.1\"");
  }

  @Test
  void allWeightsZeroIsRefused() {
    String zeros = RuleSet.SCORERS.stream().map(s -> "\"" + s + "\": 0").collect(Collectors.joining(", "));

    assertThat(problems(file("\"scorers\": {" + zeros + "}"))).as("problems")
        .singleElement().asString().startsWith("scorers: at least one scorer needs a positive weight");
  }

  @Test
  void parametersAreCheckedForTypeAndRangeUnderTheirOwnNames() {
    assertThat(problems(file("\"parameters\": {\"language_gap_tolerance\": 2.5,"
            + " \"language_gap_penalty\": 1.5, \"public_transport_kmh\": 0, \"bridge_levels\": 9,"
            + " \"start_grace_days_other\": 99999999999, \"full_day_hours_per_week\": \"30\"}")))
        .as("problems").containsExactly(
            "parameters.language_gap_tolerance: must be a whole number, was 2.5",
            "parameters.language_gap_penalty: must be between 0.0 and 1.0, was 1.5",
            "parameters.public_transport_kmh: must be between 1.0 and 200.0, was 0.0",
            "parameters.bridge_levels: must be 1 to 4, was 9",
            "parameters.start_grace_days_other: is out of range, was 99999999999",
            "parameters.full_day_hours_per_week: must be a number, was \"30\"");
  }

  @Test
  void datedValuesNeedAnIsoDateAndANumberAndDatesMayNotRepeat() {
    assertThat(problems(file("\"parameters\": {\"residence_lift_min_monthly_eur\": ["
            + "{\"valid_from\": \"2024-01-01\", \"value\": 785},"
            + "{\"valid_from\": \"2024-01-01\", \"value\": 790},"
            + "{\"valid_from\": \"2025-02-30\", \"value\": 800},"
            + "{\"valid_from\": \"1.1.2026\", \"value\": \"810\", \"source\": 1},"
            + "{\"value\": 820, \"valid_until\": \"2027-12-31\"}]}")))
        .as("problems").containsExactly(
            "parameters.residence_lift_min_monthly_eur[1].valid_from: 2024-01-01 already starts"
                + " parameters.residence_lift_min_monthly_eur[0]; each date may start one value only",
            "parameters.residence_lift_min_monthly_eur[2].valid_from: is no date, was \"2025-02-30\"",
            "parameters.residence_lift_min_monthly_eur[3].valid_from: must be an ISO-8601 date such"
                + " as 2024-01-01, was \"1.1.2026\"",
            "parameters.residence_lift_min_monthly_eur[3].value: must be a number, was \"810\"",
            "parameters.residence_lift_min_monthly_eur[3].source: must be a string, was 1",
            "parameters.residence_lift_min_monthly_eur[4].valid_until: unknown field \"valid_until\":"
                + " a value holds until the valid_from of the next one (known: valid_from, value,"
                + " source)",
            "parameters.residence_lift_min_monthly_eur[4].valid_from: required, absent");
  }

  @Test
  void aNegativeIncomeThresholdIsRefused() {
    assertThat(problems(file("\"parameters\": {\"residence_lift_min_monthly_eur\": ["
            + "{\"valid_from\": \"2024-01-01\", \"value\": -785}]}")))
        .as("problems").containsExactly(
            "parameters.residence_lift_min_monthly_eur[0].value: must not be negative, was -785");
  }

  @Test
  void aDatedThresholdNeedsAtLeastOneValue() {
    assertThat(problems(file("\"parameters\": {\"residence_lift_min_monthly_eur\": []}")))
        .as("problems").singleElement().asString()
        .startsWith("parameters.residence_lift_min_monthly_eur: must be a list of at least one dated value")
        .endsWith("was an empty list");
  }

  @Test
  void anOccupationBridgeIsTwoUnitGroups() {
    assertThat(problems(file("\"parameters\": {\"occupation_bridges\": [[\"2221\", \"5321\"],"
            + " [\"2221\", \"53\"], [\"2221\"], \"2221-5321\"]}")))
        .as("problems").containsExactly(
            "parameters.occupation_bridges[1]: must be two 4-digit ISCO unit groups such as"
                + " [\"2221\", \"5321\"], was [\"2221\",\"53\"]",
            "parameters.occupation_bridges[2]: must be two 4-digit ISCO unit groups such as"
                + " [\"2221\", \"5321\"], was [\"2221\"]",
            "parameters.occupation_bridges[3]: must be two 4-digit ISCO unit groups such as"
                + " [\"2221\", \"5321\"], was \"2221-5321\"");
  }

  @Test
  void aBadNameOrVersionIsNamed() {
    assertThat(problems("{\"name\": \"my rules\", \"version\": 2}")).as("problems").containsExactly(
        "name: must be letters, digits, '.', '_' or '-', was 'my rules'",
        "version: must be a string, was 2");
  }

  @Test
  void sectionsMustBeObjects() {
    assertThat(problems(file("\"filters\": [], \"scorers\": null, \"parameters\": 3")))
        .as("problems").containsExactly(
            "filters: must be an object of filter names and true or false, was a list",
            "scorers: must be an object of scorer names and weights, was null",
            "parameters: must be an object of parameter names and values, was 3");
  }

  @Test
  void malformedJsonIsRefusedWithLineAndColumn() {
    assertThat(problems("{\"name\": \"x\",\n \"version\": \"1\",\n \"filters\": {\"commute\": true,}}"))
        .as("problems").singleElement().asString()
        .startsWith("malformed JSON at line 3, column 30: Unexpected character ('}'");
  }

  @Test
  void aCommentIsRefusedAsNotJson() {
    assertThat(problems("{\"name\": \"x\", // softer\n \"version\": \"1\"}"))
        .as("problems").containsExactly("malformed JSON at line 1, column 15: JSON has no comments;"
            + " say what a rule set is for in its name or in a README beside it");
  }

  @Test
  void aDuplicateFieldIsRefusedWithItsPath() {
    assertThat(problems(file("\"filters\": {\"commute\": true,\n \"commute\": false}")))
        .as("problems").singleElement().asString()
        .startsWith("filters.commute: duplicate field at line 2")
        .endsWith("each field may appear once");
  }

  @Test
  void aSecondValueAfterTheObjectIsRefused() {
    assertThat(problems(file("") + " {}")).as("problems")
        .singleElement().asString().endsWith(": more than one value in the file");
  }

  @Test
  void aFileMustHoldOneObject() {
    assertThat(problems("")).as("empty file").singleElement().asString().startsWith("the file is empty");
    assertThat(problems("[1]")).as("a list").containsExactly("a rule file must be a JSON object, was a list");
  }

  @Test
  void theMessageNamesTheFileOnEveryLine() throws IOException {
    Path bad = dir.resolve("x.json");
    Files.writeString(bad, file("\"filters\": {\"commute\": \"yes\"}, \"scorers\": {\"langauge\": 0.2}"));

    assertThatThrownBy(() -> RuleSetFile.read(bad))
        .as("refusal of %s", bad)
        .isInstanceOf(RuleSetFormatException.class)
        .hasMessageStartingWith(bad + ": filters.commute: must be true or false, was \"yes\"\n"
            + bad + ": scorers.langauge: unknown scorer \"langauge\"");
  }

  @Test
  void aMissingFileIsAnIoErrorNotAFormatError() {
    Path missing = dir.resolve("nowhere.json");

    assertThatThrownBy(() -> RuleSetFile.read(missing))
        .as("reading a missing file")
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining(missing.toString());
  }

  @Test
  void aDirectoryIsAnIoErrorNamingIt() {
    assertThatThrownBy(() -> RuleSetFile.read(dir))
        .as("reading a directory")
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(RuleSetFormatException.class)
        .hasMessageContaining(dir.toString());
  }

  /** A valid rule file of exactly {@code bytes} bytes, padded with spaces inside the object. */
  private static String paddedTo(int bytes) {
    String head = "{\"name\": \"padded\", \"version\": \"1\"";
    return head + " ".repeat(bytes - head.length() - 1) + "}";
  }

  @Test
  void aFileOfOneMebibyteIsRead() throws IOException {
    Path file = dir.resolve("padded.json");
    Files.writeString(file, paddedTo(RuleSetFile.MAX_FILE_BYTES));

    assertThat(RuleSetFile.read(file, CustomRules.none()).name()).as("name").isEqualTo("padded");
  }

  @Test
  void aFileAboveOneMebibyteIsRefusedNamingFileAndLimit() throws IOException {
    Path file = dir.resolve("padded.json");
    Files.writeString(file, paddedTo(RuleSetFile.MAX_FILE_BYTES + 1));

    assertThatThrownBy(() -> RuleSetFile.read(file, CustomRules.none()))
        .as("reading a rule file of 1 MiB and a byte")
        .isInstanceOf(RuleSetFormatException.class)
        .hasMessage(file + ": larger than the limit of 1048576 bytes (1 MiB) for a rule file");
  }

  @Test
  void aSpecialFileWithoutEndIsRefusedAfterTheLimitRatherThanReadWhole() {
    Path zeros = Path.of("/dev/zero");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(zeros), "a system with /dev/zero");

    assertThatThrownBy(() -> RuleSetFile.read(zeros, CustomRules.none()))
        .as("reading /dev/zero")
        .isInstanceOf(RuleSetFormatException.class)
        .hasMessage("/dev/zero: larger than the limit of 1048576 bytes (1 MiB) for a rule file");
  }

  @Test
  void aCharacterStreamAboveOneMebibyteOfUtf8IsRefused() {
    // Half a million umlauts: fewer characters than the limit, but two bytes each in UTF-8.
    String text = "{\"name\": \"" + "\u00e4".repeat(RuleSetFile.MAX_FILE_BYTES / 2) + "\"}";

    assertThatThrownBy(() -> read(text))
        .as("reading a long stream")
        .isInstanceOf(RuleSetFormatException.class)
        .hasMessage("rules.json: larger than the limit of 1048576 bytes (1 MiB) for a rule file");
  }
}
