package org.passgenau.audit;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import java.io.IOException;
import java.io.Writer;
import java.util.Base64;
import java.util.List;

/**
 * The report as one self-contained HTML page: inline CSS, charts as PNG data URIs drawn by XChart,
 * no script, no external reference. Nothing in it depends on the clock, so the same report gives
 * the same page.
 */
final class HtmlReport {

  /** What a cell shows for an undefined value. */
  static final String NA = "–";

  private static final String CSS = """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2em auto;\
      max-width:76em;padding:0 1em;color:#222;line-height:1.45}
      h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:2em;border-bottom:1px solid #ccc}
      table{border-collapse:collapse;margin:1em 0;font-size:.9em}
      th,td{border:1px solid #ddd;padding:.3em .6em;text-align:right;vertical-align:top}
      th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}
      td.text{text-align:left}tr.everyone td{background:#fafafa;font-style:italic}
      .below{color:#b00020;font-weight:600}.above{color:#1f6f1f}
      figure{display:inline-block;margin:.5em 1em .5em 0}img{max-width:100%;height:auto}
      .context{color:#555}.note{font-size:.9em;color:#555}
      """;

  private final AuditReport report;
  private final List<String> context;
  private final StringBuilder html = new StringBuilder(64 * 1024);

  private HtmlReport(AuditReport report, List<String> context) {
    this.report = report;
    this.context = context;
  }

  static void write(AuditReport report, List<String> context, Writer out) throws IOException {
    out.write(new HtmlReport(report, context).render());
    out.flush();
  }

  private String render() throws IOException {
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>Passgenau fairness audit</title>\n<style>\n").append(CSS)
        .append("</style>\n</head>\n<body>\n<h1>Fairness audit</h1>\n");
    html.append("<p class=\"context\">Rule set <b>").append(esc(report.ruleSet()))
        .append("</b> · top ").append(report.topK()).append(" · attention a(r) = ")
        .append(esc(report.attention().formula())).append(" · ").append(report.profiles())
        .append(" profiles · a full list's exposure is ")
        .append(Numbers.fixed(report.fullListExposure(), 3, NA)).append("</p>\n");
    if (!context.isEmpty()) {
      html.append("<ul class=\"context\">\n");
      context.forEach(line -> html.append("<li>").append(esc(line)).append("</li>\n"));
      html.append("</ul>\n");
    }
    html.append("<p class=\"note\">For each profile, exposure is the summed attention a(r) of the"
        + " ranks its top-").append(report.topK()).append(" matches fill. A group's <b>exposure"
        + " share</b> is its members' exposure over everyone's; the <b>ratio</b> divides it by"
        + " the group's share of profiles: 1 is parity, below 1 the group's members are shown"
        + " less than their number; ratios below 0.8 (the four-fifths rule of thumb) are red,"
        + " above 1.25 green. The <b>match rate</b> comes with its 95% Wilson interval."
        + " An <b>occupation match</b> is a match whose occupation is close to one the person"
        + " holds, has worked in or wishes. Groups marked * have fewer than ")
        .append(report.smallGroup()).append(" profiles: read their numbers with care."
            + " The audit fields take no part in the ranking; they only group the results."
            + "</p>\n");
    html.append("<h2>All profiles</h2>\n");
    groupTable(List.of(report.everyone()));
    for (String attribute : report.attributes()) {
      attributeSection(attribute);
    }
    html.append("<p class=\"note\">Every table is also written as CSV: groups.csv and"
        + " exclusions.csv.</p>\n</body>\n</html>\n");
    return html.toString();
  }

  private void attributeSection(String attribute) throws IOException {
    List<GroupStats> groups = report.groupsOf(attribute);
    html.append("<h2>By ").append(esc(attribute)).append("</h2>\n");
    figure(Charts.exposureByGroup(report, attribute),
        "Share of profiles and share of top-" + report.topK() + " exposure by " + attribute);
    figure(Charts.matchRateByGroup(report, attribute),
        "Share of profiles with a match and with an occupation match by " + attribute);
    groupTable(groups);
    html.append("<h3>Filters that rule out most, per profile</h3>\n<table>\n<tr><th>")
        .append(esc(attribute)).append("</th><th>first</th><th>second</th><th>third</th></tr>\n");
    for (GroupStats group : groups) {
      html.append("<tr><td>").append(groupName(group)).append("</td>");
      List<FilterExclusion> rows = report.exclusionsOf(attribute, group.group());
      for (int i = 0; i < 3; i++) {
        html.append("<td class=\"text\">");
        if (i < group.mostExcludedBy().size()) {
          String filter = group.mostExcludedBy().get(i);
          rows.stream().filter(r -> r.filter().equals(filter)).findFirst().ifPresent(r ->
              html.append(esc(filter)).append(": ").append(Numbers.fixed(r.meanPerProfile(), 1, NA))
                  .append(" per profile (").append(Numbers.fixed(r.ratioToAll(), 2, NA))
                  .append("× all)"));
        }
        html.append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</table>\n");
  }

  private void figure(byte[] png, String caption) {
    figure(html, png, caption);
  }

  /** A chart as an embedded PNG image, its caption as the alternative text. */
  static void figure(StringBuilder html, byte[] png, String caption) {
    html.append("<figure><img alt=\"").append(esc(caption)).append("\" src=\"data:image/png;base64,")
        .append(Base64.getEncoder().encodeToString(png)).append("\"></figure>\n");
  }

  private void groupTable(List<GroupStats> groups) {
    html.append("<table>\n<tr><th>group</th><th>profiles</th><th>share of profiles</th>"
        + "<th>match rate (95% interval)</th><th>mean matches</th><th>mean exposure</th>"
        + "<th>exposure share</th><th>exposure ratio</th><th>mean top score</th>"
        + "<th>with occupation match</th><th>mean rank of first occupation match</th>"
        + "<th>most excluded by</th></tr>\n");
    for (GroupStats g : groups) {
      html.append(g.isEveryone() ? "<tr class=\"everyone\">" : "<tr>")
          .append("<td>").append(groupName(g)).append("</td>")
          .append(cell(Integer.toString(g.profiles())))
          .append(cell(Numbers.percent(g.profileShare(), NA)))
          .append(cell(matchRate(g)))
          .append(cell(Numbers.fixed(g.meanMatches(), 2, NA)))
          .append(cell(Numbers.fixed(g.meanExposure(), 3, NA)))
          .append(cell(Numbers.percent(g.exposureShare(), NA)))
          .append(ratioCell(g.exposureRatio()))
          .append(cell(Numbers.fixed(g.meanTopScore(), 3, NA)))
          .append(cell(occupationMatches(g)))
          .append(cell(Numbers.fixed(g.meanFirstOccupationMatchRank(), 2, NA)))
          .append("<td class=\"text\">").append(esc(String.join(", ", g.mostExcludedBy())))
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  private String groupName(GroupStats g) {
    return groupName(report, g);
  }

  /** The group's name, escaped, marked {@code *} when it is small. */
  static String groupName(AuditReport report, GroupStats g) {
    String name = g.isEveryone() ? "all profiles" : g.group();
    return esc(name) + (report.isSmall(g) ? " *" : "");
  }

  /** "41.7% (30.1%–54.2%)": the match rate and its 95% Wilson interval. */
  static String matchRate(GroupStats g) {
    return Numbers.percent(g.matchRate(), NA) + " (" + Numbers.percent(g.matchRateLow(), NA)
        + "–" + Numbers.percent(g.matchRateHigh(), NA) + ")";
  }

  /** "12 (85.7%)": members with an occupation match in the top k, and their share. */
  static String occupationMatches(GroupStats g) {
    return g.profilesWithOccupationMatch() + " ("
        + Numbers.percent((double) g.profilesWithOccupationMatch() / g.profiles(), NA) + ")";
  }

  static String cell(String text) {
    return "<td>" + esc(text) + "</td>";
  }

  /** A ratio more than 20% off parity is marked: red below, green above. */
  private static String ratioCell(double ratio) {
    String mark = ratioMark(ratio);
    return "<td" + (mark.isEmpty() ? "" : " class=\"" + mark + "\"") + ">"
        + esc(Numbers.fixed(ratio, 2, NA)) + "</td>";
  }

  /**
   * {@code below} for an exposure ratio under 0.8 (the four-fifths rule of thumb for adverse
   * impact), {@code above} for one over its reciprocal 1.25, else empty: a prompt to look, not a
   * test.
   */
  static String ratioMark(double ratio) {
    return Double.isNaN(ratio) ? "" : ratio < 0.8 ? "below" : ratio > 1.25 ? "above" : "";
  }

  static String esc(String text) {
    return escapeHtml4(text);
  }
}
