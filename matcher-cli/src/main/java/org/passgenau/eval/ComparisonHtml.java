package org.passgenau.eval;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The comparison as one self-contained HTML page: inline CSS, charts as PNG data URIs drawn by
 * XChart, no script, no external reference. Nothing in it depends on the clock.
 */
final class ComparisonHtml {

  private static final String CSS = """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2em auto;\
      max-width:76em;padding:0 1em;color:#222;line-height:1.45}
      h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:2em;border-bottom:1px solid #ccc}
      table{border-collapse:collapse;margin:1em 0;font-size:.9em}
      th,td{border:1px solid #ddd;padding:.3em .6em;text-align:right;vertical-align:top}
      th{background:#f3f3f3}td.text,th.text{text-align:left}
      tr.significant td{font-weight:600}.up{color:#1f6f1f}.down{color:#b00020}
      figure{margin:1em 0}img{max-width:100%;height:auto}
      .context{color:#555}.note{font-size:.9em;color:#555}
      """;

  private final RuleSetComparison comparison;
  private final Map<String, String> context;
  private final List<String> sections;
  private final StringBuilder html = new StringBuilder(128 * 1024);

  private ComparisonHtml(
      RuleSetComparison comparison, Map<String, String> context, List<String> sections) {
    this.comparison = comparison;
    this.context = context;
    this.sections = sections;
  }

  /** The page; {@code sections} are HTML fragments put after the comparison, as given. */
  static String render(
      RuleSetComparison comparison, Map<String, String> context, List<String> sections)
      throws IOException {
    return new ComparisonHtml(comparison, context, sections).render();
  }

  private String render() throws IOException {
    String confidence = ComparisonWriter.percent(comparison.options().confidence());
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>Passgenau rule set comparison</title>\n<style>\n").append(CSS)
        .append("</style>\n</head>\n<body>\n<h1>Rule set comparison</h1>\n");
    html.append("<p class=\"context\">Baseline <b>").append(esc(comparison.baseline().label()))
        .append("</b> · ").append(comparison.candidates().size())
        .append(comparison.candidates().size() == 1 ? " candidate" : " candidates")
        .append(" · ").append(comparison.profiles().size()).append(" profiles · k=")
        .append(comparison.k()).append("</p>\n");
    if (!context.isEmpty()) {
      html.append("<ul class=\"context\">\n");
      context.forEach((name, value) -> html.append("<li>").append(esc(name)).append(": ")
          .append(esc(value)).append("</li>\n"));
      html.append("</ul>\n");
    }

    html.append("<h2>Means</h2>\n");
    meansTable();
    figure(ComparisonCharts.means(comparison), "Mean of each metric per rule set");

    html.append("<h2>Differences from the baseline</h2>\n");
    html.append("<p class=\"note\">Each profile is scored by both rule sets; the difference is"
            + " candidate minus baseline, averaged over the profiles. The interval is a ")
        .append(confidence).append(" percentile bootstrap interval of that mean (")
        .append(String.format(Locale.ROOT, "%,d", comparison.options().bootstrapResamples()))
        .append(" resamples of the profiles). <b>p rand</b> is the two-sided paired"
            + " randomization test (signs of the differences flipped at random, ")
        .append(String.format(Locale.ROOT, "%,d", comparison.options().permutations()))
        .append(" draws), <b>p t</b> the two-sided paired t-test. Rows in bold have p rand below"
            + " &alpha; = ").append(comparison.alpha())
        .append("; with several candidates and metrics some such rows are expected by chance"
            + " (the p-values are not corrected for multiple comparisons). Wins, ties and losses"
            + " count the profiles where the candidate scores higher, the same, or lower. The"
            + " random draws have a fixed seed (").append(comparison.options().seed())
        .append("), so the same input gives the same report.</p>\n");
    figure(ComparisonCharts.differences(comparison),
        "Mean difference from the baseline per metric, with " + confidence + " interval");
    differencesTable(confidence);

    html.append("<p class=\"note\">These tables are also written as CSV: compare.csv (the"
        + " differences) and per_query.csv (every profile's values per rule set).</p>\n");
    sections.forEach(html::append);
    html.append("</body>\n</html>\n");
    return html.toString();
  }

  private void meansTable() {
    html.append("<table>\n<tr><th class=\"text\">rule set</th><th class=\"text\">source</th>");
    for (Metric metric : Metric.values()) {
      html.append("<th>").append(esc(metric.key())).append("</th>");
    }
    html.append("</tr>\n");
    List<RuleSetComparison.Variant> variants = comparison.variants();
    for (int i = 0; i < variants.size(); i++) {
      RuleSetComparison.Variant variant = variants.get(i);
      html.append("<tr><td class=\"text\">").append(esc(variant.label()))
          .append(i == 0 ? " (baseline)" : "").append("</td><td class=\"text\">")
          .append(esc(variant.source())).append("</td>");
      for (Metric metric : Metric.values()) {
        html.append("<td>").append(ComparisonWriter.fixed4(variant.evaluation().mean(metric)))
            .append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</table>\n");
  }

  private void differencesTable(String confidence) {
    html.append("<table>\n<tr><th class=\"text\">candidate</th><th class=\"text\">metric</th>"
        + "<th>baseline</th><th>candidate</th><th>difference</th><th>")
        .append(confidence).append(" interval</th><th>p rand</th><th>p t</th>"
            + "<th>wins</th><th>ties</th><th>losses</th></tr>\n");
    for (RuleSetComparison.Candidate candidate : comparison.candidates()) {
      for (Metric metric : Metric.values()) {
        PairedComparison c = candidate.on(metric);
        String direction = c.meanDifference() > 0 ? "up" : c.meanDifference() < 0 ? "down" : "";
        html.append(comparison.significant(c) ? "<tr class=\"significant\">" : "<tr>")
            .append("<td class=\"text\">").append(esc(candidate.variant().label()))
            .append("</td><td class=\"text\">").append(esc(metric.key())).append("</td><td>")
            .append(ComparisonWriter.fixed4(c.meanBaseline())).append("</td><td>")
            .append(ComparisonWriter.fixed4(c.meanCandidate())).append("</td><td")
            .append(direction.isEmpty() ? "" : " class=\"" + direction + "\"").append('>')
            .append(ComparisonWriter.signed4(c.meanDifference())).append("</td><td>[")
            .append(ComparisonWriter.signed4(c.confidenceLower())).append(", ")
            .append(ComparisonWriter.signed4(c.confidenceUpper())).append("]</td><td>")
            .append(ComparisonWriter.p(c.randomizationP())).append("</td><td>")
            .append(ComparisonWriter.p(c.tTestP())).append("</td><td>").append(c.wins())
            .append("</td><td>").append(c.ties()).append("</td><td>").append(c.losses())
            .append("</td></tr>\n");
      }
    }
    html.append("</table>\n");
  }

  private void figure(byte[] png, String caption) {
    html.append("<figure><img alt=\"").append(esc(caption))
        .append("\" src=\"data:image/png;base64,")
        .append(Base64.getEncoder().encodeToString(png)).append("\"><figcaption class=\"note\">")
        .append(esc(caption)).append("</figcaption></figure>\n");
  }

  private static String esc(String text) {
    return escapeHtml4(text);
  }
}
