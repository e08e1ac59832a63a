package org.passgenau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passgenau.rank.MatchingEngine;

/**
 * {@code passgenau match} on a handful of opportunities and profiles around Krefeld and Viersen.
 * The fixtures hold one broken and one invalid opportunity and one invalid profile (P-204).
 */
class MatchCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Path opportunities;
  private Path profiles;

  @BeforeEach
  void copyFixtures() {
    opportunities = CliRun.fixture(dir, "opportunities.jsonl");
    profiles = CliRun.fixture(dir, "profiles.jsonl");
  }

  /** A match run over the fixtures on a fixed day, with extra arguments. */
  private CliRun match(String... extra) {
    List<String> args = new ArrayList<>(List.of("match",
        "--opportunities", opportunities.toString(), "--profiles", profiles.toString(),
        "--as-of", "2026-06-01"));
    args.addAll(Arrays.asList(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  private static List<JsonNode> jsonLines(String text) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : text.split("\n")) {
      lines.add(JSON.readTree(line));
    }
    return lines;
  }

  @Test
  void eachReadableProfileGetsOneResultLineInFileOrder() throws IOException {
    CliRun run = match("--top", "3");

    List<JsonNode> results = jsonLines(run.out());
    assertThat(results).as("one line per accepted profile").hasSize(3);
    assertThat(results).extracting(r -> r.get("profile_id").asText())
        .as("profiles in file order").containsExactly("P-201", "P-202", "P-203");
  }

  @Test
  void aResultLineHasTheContractFields() throws IOException {
    JsonNode first = jsonLines(match("--top", "3").out()).get(0);

    assertThat(first.get("rule_set").asText()).as("rule set").isEqualTo("default");
    assertThat(first.has("excluded")).as("exclusion counts present").isTrue();
    JsonNode best = first.get("matches").get(0);
    assertThat(best.get("rank").asInt()).as("ranks start at 1").isEqualTo(1);
    assertThat(best.get("opportunity_id").asText())
        .as("the nursing helper job near Viersen comes first for the nursing helper")
        .isEqualTo("V-101");
    assertThat(best.get("score").isNumber()).as("score is a number").isTrue();
    assertThat(best.get("explanation").get(0).has("detail")).as("reasons are given").isTrue();
  }

  @Test
  void topLimitsTheMatchesPerProfile() throws IOException {
    List<JsonNode> results = jsonLines(match("--top", "2").out());

    assertThat(results).allSatisfy(r ->
        assertThat(r.get("matches").size()).as("matches of %s", r.get("profile_id")).isLessThanOrEqualTo(2));
  }

  @Test
  void csvFormatWritesAHeaderAndOneRowPerMatch() {
    CliRun run = match("--top", "1", "--format", "csv");

    String[] lines = run.out().split("\n");
    assertThat(lines).as("header and one row per profile").hasSize(4);
    assertThat(lines[0]).as("header").isEqualTo("profile_id,rank,opportunity_id,score,rule_set,reasons");
    assertThat(run.out()).as("first row").contains("\nP-201,1,V-101,");
  }

  @Test
  void trecFormatWritesARunFileForEvaluationTools() {
    CliRun run = match("--top", "2", "--format", "trec");

    String[] lines = run.out().split("\n");
    assertThat(lines).as("two matches for each of three profiles").hasSize(6);
    assertThat(lines[0]).as("first run line").matches("P-201 Q0 V-101 1 \\d\\.\\d{6} default");
  }

  @Test
  void theTextReportNamesEachOpportunityAndTheDateOfReference() {
    CliRun run = match("--top", "1", "--format", "text");

    assertThat(run.out())
        .as("the heading states the day the matches were decided on")
        .contains("Profile P-201 (rule set default, as of 2026-06-01): 1 matches")
        .as("the match is named by title and place, not only by its id")
        .contains("   1. V-101")
        .contains("      Pflegehelfer/in (m/w/d), Viersen\n");
  }

  @Test
  void theTextReportFromAKeptIndexStillNamesTheOpportunities() {
    Path index = dir.resolve("index");
    match("--index", index.toString());

    CliRun fromIndex = CliRun.of("match", "--index", index.toString(), "--profiles",
        profiles.toString(), "--as-of", "2026-06-01", "--top", "1", "--format", "text");

    assertThat(fromIndex.out()).as("stderr: %s", fromIndex.err())
        .contains("      Pflegehelfer/in (m/w/d), Viersen\n");
  }

  @Test
  void resultsCanGoToAFile() throws IOException {
    Path out = dir.resolve("results.jsonl");

    CliRun run = match("--out", out.toString());

    assertThat(run.out()).as("stdout").isEmpty();
    assertThat(Files.readAllLines(out)).as("result file lines").hasSize(3);
  }

  @Test
  void rejectsFileNamesFileLineIdAndFieldOfEachBadLine() throws IOException {
    Path rejects = dir.resolve("rejects.jsonl");

    match("--rejects", rejects.toString());

    List<JsonNode> lines = jsonLines(Files.readString(rejects));
    assertThat(lines).as("two bad opportunities and one bad profile").hasSize(3);
    assertThat(lines).extracting(
            r -> Path.of(r.get("file").asText()).getFileName().toString(),
            r -> r.get("line").asInt(), r -> r.get("id").asText(), r -> r.get("field").asText(null))
        .as("file, line, id, field")
        .containsExactly(
            Tuple.tuple("opportunities.jsonl", 6, "V-105", null),
            Tuple.tuple(
                "opportunities.jsonl", 7, "V-106", "language_requirements[0].min_level"),
            Tuple.tuple("profiles.jsonl", 4, "P-204", "birth_year"));
    assertThat(lines).allSatisfy(r -> assertThat(r.get("reason").asText()).as("reason").isNotBlank());
  }

  @Test
  void runWithRejectsStillSucceeds() {
    CliRun run = match("--rejects", dir.resolve("rejects.jsonl").toString());

    assertThat(run.exitCode()).as("exit code with rejects").isZero();
  }

  @Test
  void summaryCountsReadAcceptedAndRejectedLinesPerFile() {
    CliRun run = match();

    assertThat(run.err()).as("summary")
        .contains("opportunities.jsonl: 8 read, 6 accepted, 2 rejected")
        .contains("unknown fields ignored: floor (1)")
        .contains("profiles.jsonl: 4 read, 3 accepted, 1 rejected")
        .contains("matched 3 profiles against 6 opportunities");
  }

  @Test
  void withoutRejectsFileTheFirstRejectsAreShownOnStderr() {
    CliRun run = match();

    assertThat(run.err()).as("reject sample")
        .contains("first 3 of 3 rejects")
        .contains("profiles.jsonl line 4: id P-204, field birth_year");
  }

  @Test
  void stderrNeverShowsProfileContentsBeyondIds() {
    CliRun run = match();

    assertThat(run.err()).as("stderr")
        .contains("P-204")
        .doesNotContain("nineteen-ninety", "Dülken", "41751", "47798", "Altenpflege",
            "Gabelstapler", "SY", "desired_occupations", "Koch\"");
  }

  @Test
  void twoRunsOnTheSameInputAndDayAreByteIdentical() throws IOException {
    Path first = dir.resolve("first.jsonl");
    Path second = dir.resolve("second.jsonl");

    match("--out", first.toString());
    match("--out", second.toString());

    assertThat(Files.readAllBytes(second)).as("second run's bytes")
        .isEqualTo(Files.readAllBytes(first));
  }

  @Test
  void manyProfilesMatchedInParallelComeOutInFileOrder() throws IOException {
    List<String> ids = new ArrayList<>();
    StringBuilder lines = new StringBuilder();
    for (int i = 500; i > 0; i--) { // descending, so that sorting by id would show
      ids.add("P-" + i);
      lines.append("{\"id\":\"P-").append(i).append("\",\"location\":{\"lat\":51.3")
          .append(",\"lon\":6.5,\"country\":\"DE\"},\"mobility\":{\"max_commute_km\":")
          .append(i % 40).append("}}\n");
    }
    Files.writeString(profiles, lines);

    CliRun run = match("--top", "2");

    assertThat(jsonLines(run.out())).extracting(r -> r.get("profile_id").asText())
        .as("profile ids of the results").containsExactlyElementsOf(ids);
  }

  @Test
  void aKeptIndexAnswersALaterRunWithoutTheOpportunityFile() {
    Path index = dir.resolve("index");
    CliRun withFile = match("--index", index.toString());

    CliRun fromIndex = CliRun.of("match", "--index", index.toString(),
        "--profiles", profiles.toString(), "--as-of", "2026-06-01");

    assertThat(fromIndex.exitCode()).as("exit code of the reuse; stderr: %s", fromIndex.err()).isZero();
    assertThat(fromIndex.out()).as("results from the kept index").isEqualTo(withFile.out());
  }

  @Test
  void runsWithoutOpportunitiesReadTheKeptIndexWhileAWriterHoldsIt() throws IOException {
    Path index = dir.resolve("index");
    CliRun withFile = match("--index", index.toString());

    try (MatchingEngine writer = MatchingEngine.builder().directory(index).build()) {
      List<Path> before = listing(index);
      CliRun first = CliRun.of("match", "--index", index.toString(),
          "--profiles", profiles.toString(), "--as-of", "2026-06-01");
      CliRun second = CliRun.of("match", "--index", index.toString(),
          "--profiles", profiles.toString(), "--as-of", "2026-06-01");

      assertThat(first.exitCode()).as("exit code; stderr: %s", first.err()).isZero();
      assertThat(first.out()).as("results read beside the writer").isEqualTo(withFile.out());
      assertThat(second.out()).as("and again").isEqualTo(withFile.out());
      assertThat(listing(index)).as("reading runs change no file of the index").isEqualTo(before);
      assertThat(writer.size()).as("the writer stays usable").isEqualTo(6);
    }
  }

  @Test
  void aSecondWriterIsToldTheKeptIndexIsLockedAndByWhom() {
    Path index = dir.resolve("index");
    match("--index", index.toString());

    try (MatchingEngine writer = MatchingEngine.builder().directory(index).build()) {
      CliRun run = match("--index", index.toString());

      assertThat(run.exitCode()).as("exit code of a failure while running").isOne();
      assertThat(run.out()).as("no results").isEmpty();
      assertThat(run.err().strip()).as("one line naming the index, the lock and its holder")
          .matches("passgenau match: index " + Pattern.quote(index.toString())
              + " is locked by another writer \\(write\\.lock held by pid "
              + ProcessHandle.current().pid() + " on \\S+ since \\S+Z\\); open it without"
              + " --opportunities to read it");
    }
  }

  private static List<Path> listing(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList();
    }
  }

  @Test
  void opportunitiesGivenWithAKeptIndexAreAddedToIt() throws IOException {
    Path index = dir.resolve("index");
    match("--index", index.toString());
    Path more = dir.resolve("more.jsonl");
    Files.writeString(more,
        "{\"id\":\"V-109\",\"kind\":\"internship\",\"title\":\"Praktikum Verkauf\"}\n");

    CliRun run = CliRun.of("match", "--index", index.toString(), "--opportunities", more.toString(),
        "--profiles", profiles.toString(), "--as-of", "2026-06-01");

    assertThat(run.err()).as("summary").contains("against 7 opportunities");
  }

  @Test
  void aRuleFileSetsTheRulesAndNamesTheRuleSetOfEveryResult() throws IOException {
    Path rules = dir.resolve("no-commute.json");
    Files.writeString(rules,
        "{\"name\": \"no-commute\", \"version\": \"3\", \"filters\": {\"commute\": false}}");

    CliRun run = match("--rules", rules.toString());

    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
    assertThat(jsonLines(run.out())).as("results").hasSize(3).allSatisfy(r -> {
      assertThat(r.get("rule_set").asText()).as("rule set").isEqualTo("no-commute");
      assertThat(r.get("excluded").has("commute")).as("commute filter switched off").isFalse();
    });
    assertThat(run.err()).as("summary").contains("rule set no-commute 3 from " + rules);
  }

  @Test
  void theShippedDefaultRuleFileRanksAsTheBuiltInRules() {
    Path defaults = Path.of(System.getProperty("passgenau.data", "../data"), "rules", "default.json");

    CliRun withFile = match("--rules", defaults.toString());
    CliRun builtIn = match();

    assertThat(withFile.exitCode()).as("exit code; stderr: %s", withFile.err()).isZero();
    assertThat(withFile.out()).as("results with data/rules/default.json").isEqualTo(builtIn.out());
    assertThat(builtIn.err()).as("summary").contains("rule set default 1 (built in)");
  }

  @Test
  void aShippedVariantNamesItselfInTheResults() {
    Path variant =
        Path.of(System.getProperty("passgenau.data", "../data"), "rules", "softer-language.json");

    CliRun run = match("--rules", variant.toString(), "--format", "trec");

    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
    assertThat(run.out().split("\n")).as("run file lines").allSatisfy(line ->
        assertThat(line).as("run file line").endsWith(" softer-language"));
  }

  @Test
  void explanationsCanBeInGerman() {
    CliRun english = match("--top", "1");
    CliRun german = match("--top", "1", "--lang", "de");

    assertThat(german.exitCode()).as("exit code").isZero();
    assertThat(german.out()).as("German explanations differ from English ones")
        .isNotEqualTo(english.out());
  }
}
