package org.passgenau.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passgenau.eval.RuleSetComparison.Variant;

/** The comparison written as CSV, JSON, text and a self-contained HTML report. */
class ComparisonWriterTest {

  private static final Qrels QRELS = Qrels.of(Map.of(
      "P-1", Map.of("V-1", 2),
      "P-2", Map.of("V-2", 1),
      "P-3", Map.of("V-3", 3)));
  private static final Map<String, String> CONTEXT = new LinkedHashMap<>();

  private static RuleSetComparison comparison;

  @BeforeAll
  static void compare() {
    System.setProperty("java.awt.headless", "true");
    CONTEXT.put("qrels", "qrels.txt");
    CONTEXT.put("as of", "2026-11-23 <&>");
    Variant baseline = new Variant("default", "data/rules/default.json", Evaluation.of(Map.of(
        "P-1", List.of("V-1"), "P-2", List.of("V-9", "V-2"), "P-3", List.of("V-3")), QRELS, 10));
    Variant better = new Variant("better", "better.json", Evaluation.of(Map.of(
        "P-1", List.of("V-1"), "P-2", List.of("V-2"), "P-3", List.of("V-3")), QRELS, 10));
    Variant worse = new Variant("worse", "worse.json", Evaluation.of(Map.of(
        "P-1", List.of("V-9"), "P-2", List.of("V-9"), "P-3", List.of("V-3")), QRELS, 10));
    comparison = RuleSetComparison.of(baseline, List.of(better, worse), 0.05);
  }

  @Test
  void csvHasARowPerCandidateAndMetric() throws IOException {
    StringWriter csv = new StringWriter();
    ComparisonWriter.writeCsv(comparison, csv);

    List<String> lines = csv.toString().lines().toList();
    assertThat(lines).hasSize(1 + 2 * Metric.values().length);
    assertThat(lines.get(0)).isEqualTo("baseline,candidate,metric,k,profiles,mean_baseline,"
        + "mean_candidate,difference,ci_low,ci_high,confidence,randomization_p,t_test_p,wins,"
        + "ties,losses,significant");
    assertThat(lines.get(3)).as("better on mrr: P-2 from 1/2 to 1")
        .startsWith("default,better,mrr,10,3,0.8333333333333334,1.0,0.16666666666666666,")
        .endsWith(",1,2,0,false");
  }

  @Test
  void perQueryCsvHasARowPerProfileAndRuleSet() throws IOException {
    StringWriter csv = new StringWriter();
    ComparisonWriter.writePerQueryCsv(comparison, csv);

    List<String> lines = csv.toString().lines().toList();
    assertThat(lines).hasSize(1 + 3 * 3);
    assertThat(lines.get(0)).isEqualTo("profile_id,rule_set,k,p@k,recall@k,mrr,map,ndcg@k");
    assertThat(lines.subList(1, 4)).extracting(line -> line.substring(0, line.indexOf(",10,")))
        .containsExactly("P-1,default", "P-1,better", "P-1,worse");
  }

  @Test
  void jsonNamesInputsVariantsAndEveryComparison() throws IOException {
    StringWriter out = new StringWriter();
    ComparisonWriter.writeJson(comparison, CONTEXT, out);

    JsonNode json = ReportJson.mapper().readTree(out.toString());
    assertThat(json.get("k").asInt()).isEqualTo(10);
    assertThat(json.get("confidence").asDouble()).isEqualTo(0.95);
    assertThat(json.get("inputs").get("qrels").asText()).isEqualTo("qrels.txt");
    assertThat(json.get("variants")).hasSize(3);
    assertThat(json.get("variants").get(0).get("baseline").asBoolean()).isTrue();
    assertThat(json.get("comparisons")).hasSize(2 * Metric.values().length);
    JsonNode first = json.get("comparisons").get(0);
    assertThat(first.get("candidate").asText()).isEqualTo("better");
    assertThat(first.get("metric").asText()).isEqualTo("p@k");
    assertThat(first.has("randomization_p")).isTrue();
    assertThat(first.has("ci_lower")).isTrue();
  }

  @Test
  void textTableShowsEveryCandidateAndMetric() throws IOException {
    StringWriter out = new StringWriter();
    ComparisonWriter.writeText(comparison, out);

    String text = out.toString();
    assertThat(text).startsWith("Baseline default (data/rules/default.json); 3 profiles, k=10")
        .contains("95% CI", "p rand", "win/tie/loss");
    assertThat(text.lines().filter(line -> line.startsWith("better ") || line.startsWith("worse ")))
        .as("a line per candidate and metric, after one of means each")
        .hasSize(2 * Metric.values().length + 2);
  }

  @Test
  void htmlReportIsSelfContainedWithChartsAsImages() throws IOException {
    StringWriter out = new StringWriter();
    ComparisonWriter.writeHtml(comparison, CONTEXT, out);
    String html = out.toString();

    assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>")
        .contains("2026-11-23 &lt;&amp;&gt;")
        .doesNotContain("<script", "<link", "http://", "https://", "<svg", "url(");
    List<String> sources = matches(html, "src=\"([^\"]*)\"");
    assertThat(sources).as("two charts, both inline PNGs").hasSize(2)
        .allSatisfy(src -> assertThat(src).startsWith("data:image/png;base64,"));
    for (String src : sources) {
      byte[] png = Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1));
      assertThat(ImageIO.read(new ByteArrayInputStream(png))).as("a readable image").isNotNull();
    }
  }

  @Test
  void moreSectionsComeAfterTheComparisonAsGiven() throws IOException {
    StringWriter out = new StringWriter();
    ComparisonWriter.writeHtml(comparison, CONTEXT,
        List.of("<h2>First extra</h2>\n", "<h2>Second extra</h2>\n"), out);
    String html = out.toString();

    assertThat(html).containsSubsequence("<h2>Differences from the baseline</h2>",
        "per_query.csv", "<h2>First extra</h2>\n<h2>Second extra</h2>\n</body>\n</html>\n");
  }

  @Test
  void sameComparisonGivesTheSameBytes() throws IOException {
    StringWriter first = new StringWriter();
    StringWriter second = new StringWriter();
    ComparisonWriter.writeHtml(comparison, CONTEXT, first);
    ComparisonWriter.writeHtml(comparison, CONTEXT, second);

    assertThat(first.toString()).isEqualTo(second.toString());
  }

  private static List<String> matches(String text, String regex) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile(regex).matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }
}
