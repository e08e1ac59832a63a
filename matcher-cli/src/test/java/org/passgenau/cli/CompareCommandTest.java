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
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code passgenau compare}: rule sets compared with a baseline, profile by profile. */
class CompareCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DATA = Path.of(System.getProperty("passgenau.data", "../data"));

  @TempDir Path dir;
  private String opportunities;
  private String profiles;
  private String qrels;
  private String defaultRules;
  private String shortCommute;

  /** The small fixtures of this package, judged by hand, and two shipped rule files. */
  @BeforeEach
  void writeInputs() throws IOException {
    opportunities = CliRun.fixture(dir, "opportunities.jsonl").toString();
    profiles = CliRun.fixture(dir, "profiles.jsonl").toString();
    qrels = Files.writeString(dir.resolve("qrels.txt"), String.join("\n",
        "P-201 0 V-101 2", "P-201 0 V-102 1", "P-202 0 V-103 1", "P-203 0 V-105 3",
        "P-203 0 V-101 0", "")).toString();
    defaultRules = DATA.resolve("rules/default.json").toString();
    shortCommute = DATA.resolve("rules/short-commute.json").toString();
  }

  private CliRun compare(String... extra) {
    List<String> args = new ArrayList<>(List.of("compare",
        "--opportunities", opportunities, "--profiles", profiles, "--qrels", qrels,
        "--as-of", "2026-06-01"));
    args.addAll(Arrays.asList(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  private static List<CSVRecord> csv(Path file) throws IOException {
    try (CSVParser parser = CSVParser.parse(file, java.nio.charset.StandardCharsets.UTF_8,
        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build())) {
      return parser.getRecords();
    }
  }

  @Test
  void identicalRuleSetsOnTheSampleDataDifferInNothing() throws IOException {
    Path copy = Files.copy(Path.of(defaultRules), dir.resolve("same.json"));
    Path out = dir.resolve("report");

    CliRun run = CliRun.of("compare", "--rules", defaultRules, "--rules", copy.toString(),
        "--opportunities", DATA.resolve("opportunities.jsonl").toString(),
        "--profiles", DATA.resolve("profiles.jsonl").toString(),
        "--qrels", DATA.resolve("eval/qrels.txt").toString(),
        "--taxonomy", DATA.resolve("taxonomy/occupations.tsv").toString(),
        "--as-of", "2026-11-23", "--out", out.toString());

    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
    List<CSVRecord> rows = csv(out.resolve("compare.csv"));
    assertThat(rows).hasSize(5);
    for (CSVRecord row : rows) {
      assertThat(row.get("candidate")).as("the same name, numbered").isEqualTo("default-2");
      assertThat(Double.parseDouble(row.get("difference"))).as(row.get("metric")).isZero();
      assertThat(Double.parseDouble(row.get("ci_low"))).isZero();
      assertThat(Double.parseDouble(row.get("ci_high"))).isZero();
      assertThat(Double.parseDouble(row.get("randomization_p"))).isEqualTo(1.0);
      assertThat(Double.parseDouble(row.get("t_test_p"))).isEqualTo(1.0);
      assertThat(row.get("wins") + "/" + row.get("ties") + "/" + row.get("losses"))
          .isEqualTo("0/168/0");
      assertThat(row.get("significant")).isEqualTo("false");
    }
    assertThat(run.out()).contains("default-2", "0/168/0");
  }

  @Test
  void writesTablesJsonAndReportIntoTheOutDirectory() throws IOException {
    Path out = dir.resolve("new/report");

    CliRun run = compare("--rules", defaultRules, "--rules", shortCommute, "--out", out.toString());

    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
    assertThat(out.resolve("compare.csv")).exists();
    assertThat(csv(out.resolve("per_query.csv"))).as("3 judged profiles x 2 rule sets").hasSize(6);
    JsonNode json = JSON.readTree(out.resolve("compare.json").toFile());
    assertThat(json.get("variants").get(1).get("label").asText()).isEqualTo("short-commute");
    assertThat(json.get("inputs").get("as of").asText()).isEqualTo("2026-06-01");
    String html = Files.readString(out.resolve("compare.html"));
    assertThat(html).contains("<img alt=\"Mean difference from the baseline per metric")
        .contains("src=\"data:image/png;base64,")
        .doesNotContain("<script", "http://", "https://", "<svg");
    assertThat(run.err()).contains("baseline default: rule set default 1 from " + defaultRules)
        .contains("candidate short-commute: rule set short-commute 1 from " + shortCommute)
        .contains("wrote compare.csv, per_query.csv, compare.json, fairness.csv,"
            + " fairness_exclusions.csv and compare.html to " + out);
  }

  @Test
  void sameInputGivesTheSameFiles() throws IOException {
    Path first = dir.resolve("first");
    Path second = dir.resolve("second");

    CliRun one = compare("--rules", defaultRules, "--rules", shortCommute, "--out", first.toString());
    CliRun two = compare("--rules", defaultRules, "--rules", shortCommute, "--out", second.toString());

    assertThat(one.out()).isEqualTo(two.out());
    for (String file : List.of("compare.csv", "per_query.csv", "compare.json", "fairness.csv",
        "fairness_exclusions.csv", "compare.html")) {
      assertThat(Files.readAllBytes(second.resolve(file))).as(file)
          .isEqualTo(Files.readAllBytes(first.resolve(file)));
    }
  }

  @Test
  void tableGoesToStdoutWithoutOut() {
    CliRun run = compare("--rules", defaultRules, "--rules", shortCommute, "--alpha", "0.1");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("Baseline default (" + defaultRules + "); 3 profiles, k=10")
        .contains("90% CI", "* p rand < 0.1")
        .containsSubsequence("(not corrected for multiple comparisons)\n\nFairness by group:",
            "\ndefault ", "gender: no group of 10 or more", "\nshort-commute ");
  }

  @Test
  void theFairnessAuditTakesTheCutoffAndTheAttentionModel() throws IOException {
    Path out = dir.resolve("report");
    Path audited = dir.resolve("audit");

    CliRun run = compare("--rules", defaultRules, "--rules", shortCommute, "--k", "3",
        "--attention", "geometric:0.8", "--out", out.toString());
    CliRun audit = CliRun.of("audit", "--rules", defaultRules, "--top", "3",
        "--attention", "geometric:0.8", "--opportunities", opportunities, "--profiles", profiles,
        "--as-of", "2026-06-01", "--out", audited.toString());

    assertThat(run.exitCode()).as("compare exit code; stderr: %s", run.err()).isZero();
    assertThat(audit.exitCode()).as("audit exit code; stderr: %s", audit.err()).isZero();
    List<String> audit3 = Files.readAllLines(audited.resolve("groups.csv"));
    assertThat(Files.readAllLines(out.resolve("fairness.csv")).stream()
        .filter(row -> row.startsWith("default,")).map(row -> row.substring(8)).toList())
        .as("the baseline's rows: P-201 a Syrian woman, P-202 and P-203 without audit fields")
        .hasSize(5).isEqualTo(audit3.subList(1, audit3.size()));
    assertThat(run.out()).as("stdout").contains("Fairness by group: top 3, attention 0.8^(r-1)");
  }

  @Test
  void profilesWithoutAuditFieldsGiveNoGroups() throws IOException {
    List<String> plain = Files.readAllLines(Path.of(profiles)).stream()
        .filter(line -> line.startsWith("{\"id\":\"P-202\"")
            || line.startsWith("{\"id\":\"P-203\""))
        .toList();
    assertThat(plain).as("fixture profiles without audit fields").hasSize(2)
        .noneMatch(line -> line.contains("\"audit\""));
    profiles = Files.write(dir.resolve("plain.jsonl"), plain).toString();
    Path out = dir.resolve("report");

    CliRun run = compare("--rules", defaultRules, "--rules", shortCommute, "--out", out.toString());

    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
    assertThat(csv(out.resolve("fairness.csv")))
        .extracting(row -> row.get("rule_set") + " " + row.get("attribute") + " "
            + row.get("group") + " " + row.get("profiles"))
        .as("only the row of all profiles, per rule set")
        .containsExactly("default (all) (all) 2", "short-commute (all) (all) 2");
    String html = Files.readString(out.resolve("compare.html"));
    String section = html.substring(html.indexOf("<h2 id=\"fairness\">"));
    assertThat(section).contains("No groups: none of the 2 profiles carries audit fields")
        .doesNotContain("<img");
    assertThat(run.out()).contains("no groups: none of the 2 profiles carries audit fields");
    assertThat(run.err()).contains("no audit fields in the profiles: no groups to audit");
  }

  @Test
  void oneRuleFileIsAUsageError() {
    CliRun run = compare("--rules", defaultRules);

    assertThat(run.exitCode()).as("exit code").isEqualTo(2);
    assertThat(run.err()).contains("compare needs --rules at least twice");
  }

  @Test
  void invalidCandidateRuleFileIsAUsageErrorNamingFieldAndValue() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.json"),
        "{\"name\":\"bad\",\"version\":\"1\",\"filters\":{\"commute\":\"yes\"}}");

    CliRun run = compare("--rules", defaultRules, "--rules", bad.toString());

    assertThat(run.exitCode()).as("exit code").isEqualTo(2);
    assertThat(run.err()).contains(bad + ": filters.commute").contains("\"yes\"");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void alphaOutsideZeroAndOneIsAUsageError() {
    CliRun run = compare("--rules", defaultRules, "--rules", shortCommute, "--alpha", "1.5");

    assertThat(run.exitCode()).as("exit code").isEqualTo(2);
    assertThat(run.err()).contains("--alpha").contains("was 1.5");
  }

  @Test
  void missingProfilesOptionIsAUsageError() {
    CliRun run = CliRun.of("compare", "--rules", defaultRules, "--rules", shortCommute,
        "--opportunities", opportunities, "--qrels", qrels);

    assertThat(run.exitCode()).as("exit code").isEqualTo(2);
    assertThat(run.err()).contains("'--profiles=FILE'");
  }

  @Test
  void missingQrelsFileFailsNamingThePath() {
    String missing = dir.resolve("nowhere.txt").toString();

    CliRun run = CliRun.of("compare", "--rules", defaultRules, "--rules", shortCommute,
        "--opportunities", opportunities, "--profiles", profiles, "--qrels", missing);

    assertThat(run.exitCode()).as("exit code").isEqualTo(1);
    assertThat(run.err()).contains("file not found").contains(missing);
  }

  @Test
  void rejectedProfilesAreReportedAndTheRestCompared() throws IOException {
    Path rejects = dir.resolve("rejects.jsonl");

    CliRun run = compare("--rules", defaultRules, "--rules", shortCommute,
        "--rejects", rejects.toString());

    assertThat(run.exitCode()).as("exit code").isZero();
    assertThat(Files.readAllLines(rejects)).isNotEmpty();
    assertThat(run.err()).contains("rejects: ").contains("written to " + rejects);
  }

  @Test
  void helpListsTheCompareCommand() {
    assertThat(CliRun.of("--help").out()).contains("compare");
    assertThat(CliRun.of("compare", "--help").out())
        .contains("--rules", "--qrels", "--k", "--alpha", "--out", "--attention", "--depth",
            "--as-of");
  }
}
