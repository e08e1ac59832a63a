package org.passgenau.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passgenau.model.Cefr;
import org.passgenau.model.Opportunity;
import org.passgenau.model.OpportunityKind;
import org.passgenau.model.Profile;

class JsonLinesReaderTest {

  private static final String NURSE_AIDE =
      "{\"id\":\"V-1\",\"kind\":\"vacancy\",\"title\":\"Pflegehelfer/in (m/w/d)\"}";

  private static ReadResult<Opportunity> opportunities(String... lines) {
    return JsonLinesReader.opportunities()
        .read(new StringReader(String.join("\n", lines)), "opportunities.jsonl");
  }

  private static ReadResult<Profile> profiles(String... lines) {
    return JsonLinesReader.profiles()
        .read(new StringReader(String.join("\n", lines)), "profiles.jsonl");
  }

  private static Reject onlyReject(ReadResult<?> result) {
    assertThat(result.records()).as("records of a file with one bad line").isEmpty();
    assertThat(result.rejects()).as("rejects of a file with one bad line").hasSize(1);
    return result.rejects().get(0);
  }

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(JsonLinesReaderTest.class.getResource(name).toURI());
  }

  @Test
  void aValidOpportunityIsReadWithItsNestedValues() {
    ReadResult<Opportunity> read =
        opportunities(
            "{\"id\":\"V-1\",\"kind\":\"apprenticeship\",\"title\":\"Ausbildung Pflegefachmann/-frau\","
                + "\"language_requirements\":[{\"language\":\"de\",\"min_level\":\"B1\"}],"
                + "\"location\":{\"lat\":51.26,\"lon\":6.39},\"start_date\":\"2027-08-01\"}");

    assertThat(read.rejects()).as("rejects of a valid line").isEmpty();
    Opportunity apprenticeship = read.records().get(0);
    assertThat(apprenticeship.kind()).as("kind").isEqualTo(OpportunityKind.APPRENTICESHIP);
    assertThat(apprenticeship.languageRequirements().get(0).minLevel())
        .as("asked German level")
        .isEqualTo(Cefr.B1);
    assertThat(apprenticeship.location().lat()).as("latitude").isEqualTo(51.26);
  }

  @Test
  void malformedJsonIsRejectedWithoutIdOrFieldAndReadingGoesOn() {
    ReadResult<Opportunity> read = opportunities("{not json", NURSE_AIDE);

    assertThat(read.records()).as("the good line after the bad one").extracting(Opportunity::id).containsExactly("V-1");
    Reject reject = read.rejects().get(0);
    assertThat(reject.line()).as("line of the bad JSON").isEqualTo(1);
    assertThat(reject.id()).as("id of unparseable text").isNull();
    assertThat(reject.field()).as("field of unparseable text").isNull();
    assertThat(reject.reason()).as("reason").startsWith("malformed JSON at column");
  }

  @Test
  void theIdOfATruncatedRecordIsRecoveredWhenItComesBeforeTheDamage() {
    Reject reject = onlyReject(opportunities("{\"id\":\"V-7\",\"kind\":\"vacancy\",\"title\":\"Pfl"));

    assertThat(reject.id()).as("id read before the line broke off").isEqualTo("V-7");
    assertThat(reject.reason()).as("reason").startsWith("malformed JSON");
  }

  @Test
  void aNestedIdIsNotMistakenForTheRecordsId() {
    Reject reject = onlyReject(opportunities("{\"employer\":{\"id\":\"E-1\"},\"id\":"));

    assertThat(reject.id()).as("id of a line broken before its own id").isNull();
  }

  @Test
  void aRecordWithoutAnIdIsRejectedNamingTheField() {
    Reject reject = onlyReject(opportunities("{\"kind\":\"vacancy\",\"title\":\"Koch (m/w/d)\"}"));

    assertThat(reject.id()).as("id of a record without one").isNull();
    assertThat(reject.field()).as("field").isEqualTo("id");
    assertThat(reject.reason()).as("reason").isEqualTo("id is required");
  }

  @Test
  void anOpportunityWithoutAKindIsRejectedNamingFieldAndId() {
    Reject reject = onlyReject(opportunities("{\"id\":\"V-9\",\"title\":\"Koch (m/w/d)\"}"));

    assertThat(reject)
        .as("reject of a record without kind")
        .isEqualTo(new Reject("opportunities.jsonl", 1, "V-9", "kind", "kind is required"));
  }

  @Test
  void anUnknownKindIsRejectedNamingTheValueAndTheAllowedCodes() {
    Reject reject =
        onlyReject(opportunities("{\"id\":\"V-9\",\"kind\":\"job\",\"title\":\"Koch (m/w/d)\"}"));

    assertThat(reject.field()).as("field").isEqualTo("kind");
    assertThat(reject.reason())
        .as("reason")
        .isEqualTo(
            "kind must be one of vacancy, apprenticeship, internship, volunteering, training, was \"job\"");
  }

  @Test
  void aLatitudeOutOfRangeIsRejectedWithTheModelsMessage() {
    Reject reject =
        onlyReject(
            opportunities(
                "{\"id\":\"V-2\",\"kind\":\"vacancy\",\"title\":\"Koch\",\"location\":{\"lat\":123,\"lon\":6.39}}"));

    assertThat(reject)
        .as("reject of a latitude of 123")
        .isEqualTo(
            new Reject(
                "opportunities.jsonl",
                1,
                "V-2",
                "location.lat",
                "location.lat must be between -90 and 90, was 123"));
  }

  @Test
  void moreMinimumThanMaximumHoursIsRejected() {
    Reject reject =
        onlyReject(
            opportunities(
                "{\"id\":\"V-3\",\"kind\":\"vacancy\",\"title\":\"Koch\",\"hours_per_week\":{\"min\":30,\"max\":20}}"));

    assertThat(reject.field()).as("field").isEqualTo("hours_per_week.min");
    assertThat(reject.reason())
        .as("reason")
        .isEqualTo("hours_per_week.min must not exceed max, was min=30, max=20");
  }

  @Test
  void aRecordWithAnUnknownCefrLevelIsRejectedNamingFieldAndValue() {
    Reject reject =
        onlyReject(
            opportunities(
                "{\"id\":\"V-4\",\"kind\":\"vacancy\",\"title\":\"Lagerhelfer\","
                    + "\"language_requirements\":[{\"language\":\"de\",\"min_level\":\"B3\"}]}"));

    assertThat(reject.id()).as("id").isEqualTo("V-4");
    assertThat(reject.field()).as("field").isEqualTo("language_requirements[0].min_level");
    assertThat(reject.reason())
        .as("reason")
        .isEqualTo(
            "language_requirements[0].min_level must be one of A1, A2, B1, B2, C1, C2, was \"B3\"");
  }

  @Test
  void aMissingLevelInTheSecondRequirementIsRejectedWithItsIndex() {
    Reject reject =
        onlyReject(
            opportunities(
                "{\"id\":\"V-4\",\"kind\":\"vacancy\",\"title\":\"Lagerhelfer\",\"language_requirements\":"
                    + "[{\"language\":\"de\",\"min_level\":\"A2\"},{\"language\":\"en\"}]}"));

    assertThat(reject.field()).as("field").isEqualTo("language_requirements[1].min_level");
    assertThat(reject.reason()).as("reason").isEqualTo("language_requirements.min_level is required");
  }

  @Test
  void aNumberGivenAsTextIsRejectedRatherThanConverted() {
    Reject reject = onlyReject(profiles("{\"id\":\"P-18\",\"birth_year\":\"1999\"}"));

    assertThat(reject)
        .as("reject of a birth year in quotes")
        .isEqualTo(
            new Reject(
                "profiles.jsonl",
                1,
                "P-18",
                "birth_year",
                "birth_year must be a whole number, was \"1999\""));
  }

  @Test
  void aCoordinateGivenAsTextIsRejectedWithItsNestedPath() {
    Reject reject =
        onlyReject(profiles("{\"id\":\"P-19\",\"location\":{\"lat\":\"51.2\",\"lon\":6.39}}"));

    assertThat(reject.field()).as("field").isEqualTo("location.lat");
    assertThat(reject.reason()).as("reason").isEqualTo("location.lat must be a number, was \"51.2\"");
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "available_from {0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {
      "0", "20270117", "[2027,1,17]", "\"\"", "\"2026-01-01T23:59:59Z\"", "\"2027-1-7\"",
      "\"17.01.2027\"", "true", "{}"})
  void aDateThatIsNotAnIsoCalendarDateIsRejectedNamingTheField(String value) {
    Reject reject = onlyReject(profiles(
        "{\"id\":\"P-20\",\"availability\":{\"available_from\":" + value + "}}"));

    assertThat(reject.field()).as("field").isEqualTo("availability.available_from");
    assertThat(reject.reason()).as("reason")
        .startsWith("availability.available_from must be an ISO-8601 date such as 2027-08-01, was");
  }

  @Test
  void anIsoCalendarDateIsRead() {
    ReadResult<Profile> read = profiles(
        "{\"id\":\"P-21\",\"availability\":{\"available_from\":\"2027-01-17\"}}");

    assertThat(read.rejects()).isEmpty();
    assertThat(read.records().get(0).availability().availableFrom())
        .isEqualTo(java.time.LocalDate.of(2027, 1, 17));
  }

  @Test
  void anImpossibleDateIsRejectedNamingTheExpectedFormat() {
    Reject reject =
        onlyReject(
            opportunities(
                "{\"id\":\"V-5\",\"kind\":\"vacancy\",\"title\":\"Koch\",\"start_date\":\"2027-13-01\"}"));

    assertThat(reject.field()).as("field").isEqualTo("start_date");
    assertThat(reject.reason())
        .as("reason")
        .isEqualTo("start_date must be an ISO-8601 date such as 2027-08-01, was \"2027-13-01\"");
  }

  @Test
  void anInvalidOccupationInAListIsRejectedWithTheListIndex() {
    Reject reject =
        onlyReject(
            profiles(
                "{\"id\":\"P-20\",\"desired_occupations\":[{\"isco\":\"5321\"},{\"kldb\":\"813\"}]}"));

    assertThat(reject.field()).as("field").isEqualTo("desired_occupations[1].kldb");
    assertThat(reject.reason()).as("reason").contains("'813'");
  }

  @Test
  void aDuplicateIdIsRejectedNamingTheLineOfTheFirstWhichWins() {
    ReadResult<Opportunity> read =
        opportunities(
            NURSE_AIDE, "{\"id\":\"V-1\",\"kind\":\"internship\",\"title\":\"Praktikum Verkauf\"}");

    assertThat(read.records()).as("records").hasSize(1);
    assertThat(read.records().get(0).title()).as("title of the kept record").isEqualTo("Pflegehelfer/in (m/w/d)");
    assertThat(read.rejects())
        .as("rejects")
        .containsExactly(
            new Reject("opportunities.jsonl", 2, "V-1", "id", "duplicate id 'V-1', first read on line 1"));
  }

  @Test
  void aRejectedFirstOccurrenceDoesNotBlockALaterValidRecord() {
    ReadResult<Opportunity> read =
        opportunities("{\"id\":\"V-1\",\"kind\":\"job\",\"title\":\"Koch\"}", NURSE_AIDE);

    assertThat(read.records()).as("records").extracting(Opportunity::id).containsExactly("V-1");
    assertThat(read.rejects()).as("rejects").extracting(Reject::line).containsExactly(1L);
  }

  @Test
  void aLineThatIsJsonButNotAnObjectIsRejected() {
    Reject reject = onlyReject(opportunities("[1,2]"));

    assertThat(reject.reason()).as("reason").isEqualTo("a record must be a JSON object, was a list");
  }

  @Test
  void twoRecordsOnOneLineAreRejected() {
    Reject reject = onlyReject(opportunities(NURSE_AIDE + " " + NURSE_AIDE));

    assertThat(reject.reason()).as("reason").endsWith("more than one value on the line");
  }

  @Test
  void aRepeatedKeyIsRejectedRatherThanResolvedSilently() {
    Reject reject =
        onlyReject(opportunities("{\"id\":\"V-1\",\"id\":\"V-2\",\"kind\":\"vacancy\",\"title\":\"Koch\"}"));

    assertThat(reject.reason()).as("reason").contains("Duplicate field 'id'");
  }

  @Test
  void blankLinesAreSkippedButCountInLineNumbers() {
    ReadResult<Opportunity> read = opportunities("", "   ", NURSE_AIDE, "", "{");

    assertThat(read.records()).as("records").hasSize(1);
    assertThat(read.rejects()).as("rejects").extracting(Reject::line).containsExactly(5L);
    assertThat(read.linesRead()).as("lines read").isEqualTo(5);
  }

  @Test
  void unknownFieldsAreIgnoredButCountedWithTheirNestedPath() {
    ReadResult<Profile> read =
        profiles(
            "{\"id\":\"P-1\",\"nickname\":\"x\",\"location\":{\"lat\":51.2,\"lon\":6.4,\"floor\":2},"
                + "\"languages\":[{\"language\":\"de\",\"level\":\"A2\",\"certified\":true},"
                + "{\"language\":\"ar\",\"level\":\"C2\",\"certified\":false}],"
                + "\"audit\":{\"gender\":\"f\"}}",
            "{\"id\":\"P-2\",\"nickname\":\"y\"}");

    assertThat(read.rejects()).as("rejects").isEmpty();
    assertThat(read.unknownFields())
        .as("ignored fields, audit keys being free")
        .containsExactly(
            entry("languages.certified", 2L),
            entry("location.floor", 1L),
            entry("nickname", 2L));
  }

  @Test
  void auditValuesOfAnyJsonTypeAreKeptAsTextAndANullOneIsLeftOut() {
    String line =
        "{\"id\":\"P-1\",\"audit\":{\"gender\":\"f\",\"age\":34,\"share\":0.50,"
            + "\"refugee\":true,\"languages\":[\"ar\", \"de\"],"
            + "\"origin\":{\"country\":\"SY\",\"since\":2015,\"big\":1e999999},\"note\":null}}";
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("gender", "f");
    expected.put("age", "34");
    expected.put("share", "0.50");
    expected.put("refugee", "true");
    expected.put("languages", "[\"ar\",\"de\"]");
    expected.put("origin", "{\"country\":\"SY\",\"since\":2015,\"big\":1e999999}");

    ReadResult<Profile> fromText = profiles(line);
    List<Profile> fromBytes = new ArrayList<>();
    List<Reject> rejectsFromBytes = new ArrayList<>();
    JsonLinesReader.profiles()
        .read(
            new java.io.ByteArrayInputStream(line.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            "profiles.jsonl",
            fromBytes::add,
            rejectsFromBytes::add);

    assertThat(fromText.rejects()).as("rejects").isEmpty();
    assertThat(fromText.records().get(0).audit())
        .as("audit values as text, in their order")
        .containsExactlyEntriesOf(expected);
    assertThat(rejectsFromBytes).as("rejects read from bytes").isEmpty();
    assertThat(fromBytes).as("records read from bytes").isEqualTo(fromText.records());
  }

  @Test
  void anAuditThatIsNotAnObjectIsStillRejected() {
    Reject reject = onlyReject(profiles("{\"id\":\"P-1\",\"audit\":[\"f\"]}"));

    assertThat(reject.field()).as("field").isEqualTo("audit");
    assertThat(reject.reason()).as("reason").isEqualTo("audit must be an object, was a list");
  }

  @Test
  void aFileMixingGoodAndBadLinesAccountsForEveryLine() throws Exception {
    ReadResult<Opportunity> read = JsonLinesReader.opportunities().read(fixture("opportunities-mixed.jsonl"));

    assertThat(read.records()).as("records in file order").extracting(Opportunity::id).containsExactly("V-1", "V-4");
    assertThat(read.rejects())
        .as("rejects with their lines, blank lines counted")
        .extracting(Reject::line, Reject::id, Reject::field)
        .containsExactly(
            tuple(3L, "V-2", "location.lat"),
            tuple(4L, "V-3", "language_requirements[0].min_level"),
            tuple(5L, null, null),
            tuple(7L, "V-1", "id"));
    assertThat(read.rejects()).as("source of the rejects").allSatisfy(r -> assertThat(r.file()).endsWith("opportunities-mixed.jsonl"));
    assertThat(read.linesRead()).as("lines read").isEqualTo(8);
  }

  @Test
  void aRealisticProfileFileKeepsTheGoodProfileAndRejectsTheBadOne() throws Exception {
    ReadResult<Profile> read = JsonLinesReader.profiles().read(fixture("profiles.jsonl"));

    assertThat(read.records()).as("records").extracting(Profile::id).containsExactly("P-17");
    assertThat(read.records().get(0).levelIn("de")).as("German level of P-17").isEqualTo(Cefr.A2);
    assertThat(read.rejects()).as("rejects").extracting(Reject::id).containsExactly("P-18");
  }

  @Test
  void streamingHandsOnRecordsAndRejectsInFileOrderWithCounts() throws Exception {
    List<String> seen = new ArrayList<>();

    ReadSummary summary =
        JsonLinesReader.opportunities()
            .read(
                fixture("opportunities-mixed.jsonl"),
                o -> seen.add("record " + o.id()),
                r -> seen.add("reject " + r.line()));

    assertThat(seen)
        .as("consumer calls")
        .containsExactly("record V-1", "reject 3", "reject 4", "reject 5", "reject 7", "record V-4");
    assertThat(summary)
        .as("summary")
        .extracting(ReadSummary::linesRead, ReadSummary::records, ReadSummary::rejects, ReadSummary::blankLines)
        .containsExactly(8L, 2L, 4L, 2L);
  }

  @Test
  void aByteOrderMarkAtTheStartIsNotARecordError() {
    ReadResult<Opportunity> read = opportunities("\uFEFF" + NURSE_AIDE);

    assertThat(read.rejects()).as("rejects").isEmpty();
    assertThat(read.records()).as("records").hasSize(1);
  }

  @Test
  void aMissingFileFailsNamingThePathInsteadOfRejecting(@TempDir Path dir) {
    Path missing = dir.resolve("opportunities.jsonl");

    assertThatThrownBy(() -> JsonLinesReader.opportunities().read(missing))
        .as("reading a missing file")
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(missing.toString());
  }
}
