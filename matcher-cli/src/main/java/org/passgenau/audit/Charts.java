package org.passgenau.audit;

import java.awt.Color;
import java.io.IOException;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;

/** The report's charts, drawn by XChart as PNG images. */
final class Charts {

  private static final Color PROFILES = new Color(0x99, 0x99, 0x99);
  private static final Color EXPOSURE = new Color(0x1f, 0x77, 0xb4);
  private static final Color MATCH_RATE = new Color(0x2c, 0xa0, 0x2c);
  private static final Color OCCUPATION = new Color(0xff, 0x7f, 0x0e);
  /**
   * The rule sets' colours, baseline first: the palette of {@code compare}'s other charts
   * (matplotlib's "tab10"), so that a rule set has one colour throughout its report.
   */
  private static final Color[] RULE_SETS = {
      new Color(0x1f, 0x77, 0xb4), new Color(0xff, 0x7f, 0x0e), new Color(0x2c, 0xa0, 0x2c),
      new Color(0xd6, 0x27, 0x28), new Color(0x94, 0x67, 0xbd), new Color(0x8c, 0x56, 0x4b),
      new Color(0xe3, 0x77, 0xc2), new Color(0x7f, 0x7f, 0x7f), new Color(0xbc, 0xbd, 0x22),
      new Color(0x17, 0xbe, 0xcf)};
  /** Beyond this many groups the axis labels are turned so that they do not overlap. */
  private static final int UPRIGHT_LABELS = 6;
  /** Wider images of rule sets side by side get hard to read; their bars get thinner instead. */
  private static final int MAX_WIDTH = 1600;

  private Charts() {}

  /** Bars of each group's share of profiles and share of top-k exposure, in percent. */
  static byte[] exposureByGroup(AuditReport report, String attribute) throws IOException {
    List<GroupStats> groups = report.groupsOf(attribute);
    CategoryChart chart = chart(groups.size(),
        "Share of profiles and of top-" + report.topK() + " exposure by " + attribute,
        "% of all profiles / of all exposure");
    List<String> names = groups.stream().map(GroupStats::group).toList();
    add(chart, "share of profiles", names,
        groups.stream().map(g -> percent(g.profileShare())).toList(), PROFILES);
    add(chart, "share of top-" + report.topK() + " exposure", names,
        groups.stream().map(g -> percent(g.exposureShare())).toList(), EXPOSURE);
    return BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG);
  }

  /** Bars of each group's share of members with a match and with an occupation match. */
  static byte[] matchRateByGroup(AuditReport report, String attribute) throws IOException {
    List<GroupStats> groups = report.groupsOf(attribute);
    CategoryChart chart = chart(groups.size(),
        "Profiles with a match in the top " + report.topK() + " by " + attribute,
        "% of the group's profiles");
    List<String> names = groups.stream().map(GroupStats::group).toList();
    add(chart, "with a match", names,
        groups.stream().map(g -> percent(g.matchRate())).toList(), MATCH_RATE);
    add(chart, "with an occupation match", names,
        groups.stream().map(g -> percent((double) g.profilesWithOccupationMatch() / g.profiles()))
            .toList(), OCCUPATION);
    chart.getStyler().setYAxisMax(100.0);
    return BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG);
  }

  /**
   * Bars of each group's share of profiles and, beside it, its share of top-k exposure under each
   * rule set, in percent: where a rule set's bar falls short of the profiles' bar, the group's
   * members are shown less than their number.
   */
  static byte[] exposureByRuleSet(RuleSetAudits audits, String attribute) throws IOException {
    List<String> names = audits.groupsOf(attribute);
    List<String> ruleSets = audits.ruleSets();
    int width = Math.min(MAX_WIDTH, (30 + 24 * (ruleSets.size() + 1)) * names.size() + 200);
    CategoryChart chart = chart(Math.max(640, width), names.size(),
        "Share of profiles and of top-" + audits.topK() + " exposure by " + attribute
            + ", per rule set",
        "% of all profiles / of all exposure");
    // Profiles are the same under every rule set: the baseline's shares stand for all.
    List<GroupStats> baseline = audits.report(ruleSets.get(0)).groupsOf(attribute);
    add(chart, "share of profiles", names,
        baseline.stream().map(g -> percent(g.profileShare())).toList(), PROFILES);
    for (int i = 0; i < ruleSets.size(); i++) {
      List<GroupStats> groups = audits.report(ruleSets.get(i)).groupsOf(attribute);
      add(chart, "exposure share, " + ruleSets.get(i) + (i == 0 ? " (baseline)" : ""), names,
          groups.stream().map(g -> percent(g.exposureShare())).toList(),
          RULE_SETS[i % RULE_SETS.length]);
    }
    return BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG);
  }

  private static CategoryChart chart(int groups, String title, String yTitle) {
    return chart(Math.max(640, 70 * groups + 200), groups, title, yTitle);
  }

  private static CategoryChart chart(int width, int groups, String title, String yTitle) {
    CategoryChart chart = new CategoryChartBuilder()
        .width(width).height(380)
        .title(title).xAxisTitle("").yAxisTitle(yTitle)
        .build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setLegendPosition(LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(LegendLayout.Horizontal);
    chart.getStyler().setYAxisTickMarkSpacingHint(40);
    chart.getStyler().setDecimalPattern("#0.#");
    chart.getStyler().setYAxisMin(0.0);
    if (groups > UPRIGHT_LABELS) {
      chart.getStyler().setXAxisLabelRotation(45);
    }
    return chart;
  }

  private static void add(
      CategoryChart chart, String name, List<String> groups, List<Double> values, Color color) {
    CategorySeries series = chart.addSeries(name, groups, values);
    series.setFillColor(color);
  }

  /** Percent for a bar; an undefined share draws no bar. */
  private static double percent(double share) {
    return Double.isNaN(share) ? 0 : share * 100;
  }
}
