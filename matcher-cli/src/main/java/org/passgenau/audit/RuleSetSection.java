package org.passgenau.audit;

import static org.passgenau.audit.HtmlReport.NA;
import static org.passgenau.audit.HtmlReport.cell;
import static org.passgenau.audit.HtmlReport.esc;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The fairness audits of several rule sets as one section of another HTML page (the {@code
 * compare} report): a table of all profiles per rule set, then per audit attribute a chart of
 * exposure by group with the rule sets side by side and a table of every group under every rule
 * set. The section brings its own marks as inline styles and uses only the classes {@code text}
 * and {@code note}, so that it reads the same on any page; charts are PNG data URIs, so the page
 * stays self-contained. Nothing in it depends on the clock.
 */
final class RuleSetSection {

  /** Inline, so that the section does not depend on the host page's style sheet. */
  private static final Map<String, String> MARKS = Map.of(
      "below", " style=\"color:#b00020;font-weight:600\"",
      "above", " style=\"color:#1f6f1f\"");

  private final RuleSetAudits audits;
  private final StringBuilder html = new StringBuilder(64 * 1024);

  private RuleSetSection(RuleSetAudits audits) {
    this.audits = audits;
  }

  static String render(RuleSetAudits audits) throws IOException {
    return new RuleSetSection(audits).render();
  }

  private String render() throws IOException {
    html.append("<h2 id=\"fairness\">Fairness by group</h2>\n");
    html.append("<p class=\"note\">Each rule set's rankings audited as <code>passgenau audit"
        + " --rules</code> audits them, over the same ").append(audits.profiles())
        .append(" profiles: top ").append(audits.topK()).append(", attention a(r) = ")
        .append(esc(audits.attention().formula())).append(" (a full list's exposure is ")
        .append(Numbers.fixed(audits.attention().ofFullList(audits.topK()), 3, NA))
        .append("). A profile's exposure is the summed attention of the ranks its top-")
        .append(audits.topK()).append(" matches fill. A group's <b>exposure share</b> is its"
            + " members' exposure over everyone's; the <b>exposure ratio</b> divides it by the"
            + " group's share of profiles: 1 is parity, below 1 the group's members are shown"
            + " less than their number. Ratios below 0.8 (the four-fifths rule of thumb) are red,"
            + " above 1.25 green; <b>change</b> is a candidate's ratio minus the baseline's. The"
            + " match rate comes with its 95% Wilson interval. Scores are comparable within one"
            + " rule set only, so the mean top score is left to the CSV. Groups marked * have"
            + " fewer than ")
        .append(audits.smallGroup()).append(" profiles: read their numbers with care. Groups come"
            + " from the profiles' audit fields, which take no part in the ranking.</p>\n");

    html.append("<h3>All profiles</h3>\n<table>\n<tr><th class=\"text\">rule set</th>"
        + "<th>profiles</th><th>match rate (95% interval)</th><th>mean matches</th>"
        + "<th>mean exposure</th><th>with occupation match</th>"
        + "<th class=\"text\">most excluded by</th></tr>\n");
    for (String ruleSet : audits.ruleSets()) {
      AuditReport report = audits.report(ruleSet);
      GroupStats g = report.everyone();
      html.append("<tr><td class=\"text\">").append(label(ruleSet)).append("</td>")
          .append(cell(Integer.toString(g.profiles())))
          .append(cell(HtmlReport.matchRate(g)))
          .append(cell(Numbers.fixed(g.meanMatches(), 2, NA)))
          .append(cell(Numbers.fixed(g.meanExposure(), 3, NA)))
          .append(cell(HtmlReport.occupationMatches(g)))
          .append("<td class=\"text\">").append(esc(String.join(", ", g.mostExcludedBy())))
          .append("</td></tr>\n");
    }
    html.append("</table>\n");

    if (!audits.hasGroups()) {
      html.append("<p>No groups: none of the ").append(audits.profiles())
          .append(" profiles carries audit fields (such as gender or nationality), so the rule"
              + " sets cannot be compared group by group. The table above covers all"
              + " profiles.</p>\n");
    }
    for (String attribute : audits.attributes()) {
      attribute(attribute);
    }
    html.append("<p class=\"note\">These tables are also written as CSV: ")
        .append(AuditOutput.RULE_SETS_GROUPS_CSV).append(" (every column of the audit's ")
        .append(AuditOutput.GROUPS_CSV).append(", after a rule_set column) and ")
        .append(AuditOutput.RULE_SETS_EXCLUSIONS_CSV).append(" (per rule set, group and hard"
            + " filter, what the filter ruled out).</p>\n");
    return html.toString();
  }

  private void attribute(String attribute) throws IOException {
    html.append("<h3>By ").append(esc(attribute)).append("</h3>\n");
    HtmlReport.figure(html, Charts.exposureByRuleSet(audits, attribute),
        "Share of profiles and of top-" + audits.topK() + " exposure by " + attribute
            + ", per rule set");
    html.append("<table>\n<tr><th class=\"text\">").append(esc(attribute))
        .append("</th><th class=\"text\">rule set</th><th>profiles</th><th>share of profiles</th>"
            + "<th>match rate (95% interval)</th><th>mean matches</th><th>exposure share</th>"
            + "<th>exposure ratio</th><th>change</th><th class=\"text\">most excluded by</th>"
            + "</tr>\n");
    List<String> ruleSets = audits.ruleSets();
    List<GroupStats> baseline = audits.report(ruleSets.get(0)).groupsOf(attribute);
    for (int row = 0; row < baseline.size(); row++) {
      for (int i = 0; i < ruleSets.size(); i++) {
        AuditReport report = audits.report(ruleSets.get(i));
        GroupStats g = report.groupsOf(attribute).get(row);
        html.append("<tr>");
        if (i == 0) {
          html.append("<td class=\"text\" rowspan=\"").append(ruleSets.size()).append("\">")
              .append(HtmlReport.groupName(report, g)).append("</td>");
        }
        html.append("<td class=\"text\">").append(label(ruleSets.get(i))).append("</td>")
            .append(cell(Integer.toString(g.profiles())))
            .append(cell(Numbers.percent(g.profileShare(), NA)))
            .append(cell(HtmlReport.matchRate(g)))
            .append(cell(Numbers.fixed(g.meanMatches(), 2, NA)))
            .append(cell(Numbers.percent(g.exposureShare(), NA)))
            .append("<td").append(MARKS.getOrDefault(HtmlReport.ratioMark(g.exposureRatio()), ""))
            .append(">").append(esc(Numbers.fixed(g.exposureRatio(), 3, NA))).append("</td>")
            .append(cell(i == 0 ? NA
                : signed(g.exposureRatio() - baseline.get(row).exposureRatio())))
            .append("<td class=\"text\">").append(esc(String.join(", ", g.mostExcludedBy())))
            .append("</td></tr>\n");
      }
    }
    html.append("</table>\n");
  }

  private String label(String ruleSet) {
    return esc(ruleSet) + (ruleSet.equals(audits.ruleSets().get(0)) ? " (baseline)" : "");
  }

  /** A difference with its sign and three decimals. */
  private static String signed(double difference) {
    String text = Numbers.fixed(difference, 3, NA);
    return Double.isNaN(difference) || text.startsWith("-") ? text : "+" + text;
  }
}
