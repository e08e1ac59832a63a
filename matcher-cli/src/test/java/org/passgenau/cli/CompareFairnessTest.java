package org.passgenau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code passgenau compare} audits each rule set's rankings for fairness, as {@code audit} would:
 * on the sample data (168 profiles with gender and nationality) the default rule set against
 * short-commute, compared once for all tests, and {@code audit --rules short-commute} beside it.
 */
class CompareFairnessTest {

  private static final Path DATA = Path.of(System.getProperty("passgenau.data", "../data"));
  private static final String SHORT_COMMUTE = DATA.resolve("rules/short-commute.json").toString();
  /** The sample's groups, in report order: all profiles, gender, then nationality. */
  private static final List<String> GROUPS = List.of("(all),(all)",
      "gender,d", "gender,f", "gender,m",
      "nationality,AF", "nationality,ER", "nationality,GE", "nationality,IQ", "nationality,IR",
      "nationality,RO", "nationality,RU", "nationality,SO", "nationality,SY", "nationality,TR",
      "nationality,UA");

  @TempDir static Path dir;
  private static CliRun compare;
  private static CliRun audit;
  private static Path report;
  private static Path audited;

  @BeforeAll
  static void compareAndAuditTheSampleData() {
    report = dir.resolve("compare");
    audited = dir.resolve("audit");
    List<String> inputs = List.of(
        "--opportunities", DATA.resolve("opportunities.jsonl").toString(),
        "--profiles", DATA.resolve("profiles.jsonl").toString(),
        "--taxonomy", DATA.resolve("taxonomy/occupations.tsv").toString(),
        "--as-of", "2026-11-23");
    compare = run(List.of("compare", "--rules", DATA.resolve("rules/default.json").toString(),
        "--rules", SHORT_COMMUTE, "--qrels", DATA.resolve("eval/qrels.txt").toString(),
        "--k", "10", "--out", report.toString()), inputs);
    audit = run(List.of("audit", "--rules", SHORT_COMMUTE, "--top", "10",
        "--out", audited.toString()), inputs);
  }

  private static CliRun run(List<String> command, List<String> inputs) {
    List<String> args = new ArrayList<>(command);
    args.addAll(inputs);
    return CliRun.of(args.toArray(String[]::new));
  }

  /** The rows of a CSV file after its header, as lines (no cell of these tables holds a comma). */
  private static List<String> rows(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    return lines.subList(1, lines.size());
  }

  /** The rows of one rule set, without the rule_set column. */
  private static List<String> rowsOf(String ruleSet, Path file) throws IOException {
    return rows(file).stream().filter(row -> row.startsWith(ruleSet + ","))
        .map(row -> row.substring(ruleSet.length() + 1)).toList();
  }

  @Test
  void bothRunsSucceed() {
    assertThat(compare.exitCode()).as("compare exit code; stderr: %s", compare.err()).isZero();
    assertThat(audit.exitCode()).as("audit exit code; stderr: %s", audit.err()).isZero();
    assertThat(compare.err()).as("stderr")
        .contains("audited the rankings for fairness by gender, nationality (top 10, attention"
            + " log)");
  }

  @Test
  void theGroupTableHasTheAuditsColumnsAndARowPerRuleSetAndGroup() throws IOException {
    List<String> lines = Files.readAllLines(report.resolve("fairness.csv"));

    assertThat(lines.get(0)).as("header: rule_set, then the audit's groups.csv columns")
        .isEqualTo("rule_set,attribute,group,profiles,profile_share,profiles_with_match,"
            + "match_rate,match_rate_low,match_rate_high,mean_matches,mean_exposure,"
            + "exposure_share,exposure_ratio,mean_top_score,profiles_with_occupation_match,"
            + "mean_first_occupation_match_rank,most_excluded_by,small_group")
        .isEqualTo("rule_set," + Files.readAllLines(audited.resolve("groups.csv")).get(0));
    List<String> expected = new ArrayList<>();
    GROUPS.forEach(group -> expected.add("default," + group));
    GROUPS.forEach(group -> expected.add("short-commute," + group));
    assertThat(rows(report.resolve("fairness.csv")))
        .extracting(row -> String.join(",", Arrays.asList(row.split(",")).subList(0, 3)))
        .as("rule set, attribute and group of each row").containsExactlyElementsOf(expected);
    assertThat(rows(report.resolve("fairness.csv"))).as("everyone is ranked by both")
        .filteredOn(row -> row.contains(",(all),(all),")).hasSize(2)
        .allSatisfy(row -> assertThat(row).contains(",(all),(all),168,1.0000,168,"));
  }

  @Test
  void theNumbersAreThoseAuditGivesForTheSameRuleSetAndTopK() throws IOException {
    List<String> shortCommute = rowsOf("short-commute", report.resolve("fairness.csv"));

    assertThat(shortCommute).as("short-commute's rows of fairness.csv against audit's groups.csv")
        .isNotEmpty().isEqualTo(rows(audited.resolve("groups.csv")));
    assertThat(rowsOf("short-commute", report.resolve("fairness_exclusions.csv")))
        .as("short-commute's rows of fairness_exclusions.csv against audit's exclusions.csv")
        .isNotEmpty().isEqualTo(rows(audited.resolve("exclusions.csv")));
    assertThat(rowsOf("default", report.resolve("fairness.csv")))
        .as("the baseline's rows, which must be its own").isNotEqualTo(shortCommute);
  }

  @Test
  void theExclusionTableHasARuleSetColumn() throws IOException {
    List<String> lines = Files.readAllLines(report.resolve("fairness_exclusions.csv"));

    assertThat(lines.get(0)).as("header").isEqualTo("rule_set,attribute,group,filter,excluded,"
        + "mean_per_profile,share_of_exclusions,ratio_to_all");
    assertThat(lines).as("rows of both rule sets")
        .anyMatch(row -> row.startsWith("default,gender,f,hours,"))
        .anyMatch(row -> row.startsWith("short-commute,gender,f,hours,"));
  }

  /**
   * compare.json holds the fairness tables as the CSV files do: a row per CSV row, the columns'
   * names as keys, the very values (numbers as written, empty as null, small_group a boolean).
   */
  @Test
  void theJsonHoldsTheFairnessTablesOfTheCsvFiles() throws IOException {
    JsonNode fairness = new ObjectMapper()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .readTree(report.resolve("compare.json").toFile()).get("fairness");

    assertThat(fairness).as("fairness in compare.json").isNotNull();
    assertSameTable(fairness.get("groups"), report.resolve("fairness.csv"));
    assertSameTable(fairness.get("exclusions"), report.resolve("fairness_exclusions.csv"));
  }

  private static void assertSameTable(JsonNode json, Path csv) throws IOException {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
    try (CSVParser parser = CSVParser.parse(csv, StandardCharsets.UTF_8, format)) {
      List<CSVRecord> records = parser.getRecords();
      assertThat(json).as("rows of %s", csv.getFileName()).hasSize(records.size());
      for (int i = 0; i < records.size(); i++) {
        JsonNode row = json.get(i);
        List<String> keys = new ArrayList<>();
        row.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).as("keys of row %s", i).isEqualTo(parser.getHeaderNames());
        for (String column : parser.getHeaderNames()) {
          String cell = records.get(i).get(column);
          JsonNode value = row.get(column);
          String where = csv.getFileName() + " row " + (i + 1) + " " + column;
          if (value.isNumber()) {
            assertThat(value.decimalValue()).as(where).isEqualByComparingTo(new BigDecimal(cell));
          } else if (value.isNull()) {
            assertThat(cell).as(where).isEmpty();
          } else {
            assertThat(value.asText()).as(where).isEqualTo(cell);
          }
        }
      }
      assertThat(records).as("small_group is a boolean in JSON").isNotEmpty();
      if (parser.getHeaderNames().contains("small_group")) {
        assertThat(json.get(0).get("small_group").isBoolean()).isTrue();
      }
    }
  }

  @Test
  void theHtmlReportHasAFairnessSectionWithAChartPerAttribute() throws IOException {
    String html = Files.readString(report.resolve("compare.html"));

    assertThat(html).containsSubsequence("<h2>Differences from the baseline</h2>",
        "<h2 id=\"fairness\">Fairness by group</h2>", "<h3>By gender</h3>",
        "<h3>By nationality</h3>", "</body>");
    String section = html.substring(html.indexOf("<h2 id=\"fairness\">"));
    assertThat(section).as("the women under both rule sets")
        .containsPattern("<td class=\"text\" rowspan=\"2\">f</td><td class=\"text\">default"
            + " \\(baseline\\)</td><td>72</td><td>42\\.9%</td>")
        .contains("<td class=\"text\">short-commute</td><td>72</td><td>42.9%</td>");
    assertThat(html).as("still self-contained")
        .doesNotContainPattern("(?i)(src|href)\\s*=\\s*\"?(https?:)?//")
        .doesNotContainPattern("(?i)<(script|link|iframe|svg)");
    Matcher images = Pattern.compile("<img alt=\"([^\"]*)\" src=\"data:image/png;base64,"
        + "([A-Za-z0-9+/=]+)\"").matcher(section);
    List<String> charts = new ArrayList<>();
    while (images.find()) {
      byte[] png = Base64.getDecoder().decode(images.group(2));
      assertThat(ImageIO.read(new ByteArrayInputStream(png))).as(images.group(1)).isNotNull();
      charts.add(images.group(1));
    }
    assertThat(charts).as("charts of the fairness section").containsExactly(
        "Share of profiles and of top-10 exposure by gender, per rule set",
        "Share of profiles and of top-10 exposure by nationality, per rule set");
  }

  @Test
  void stdoutSumsUpFairnessAfterTheMetrics() {
    assertThat(compare.out()).as("stdout")
        .containsSubsequence("Baseline default", "p rand",
            "Fairness by group: top 10, attention 1/log2(r+1), 168 profiles",
            "\ndefault ", "gender: f ", "; nationality: ",
            "\nshort-commute ", "gender: f ", "; nationality: ");
  }
}
