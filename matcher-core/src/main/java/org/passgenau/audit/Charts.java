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
  /** Beyond this many groups the axis labels are turned so that they do not overlap. */
  private static final int UPRIGHT_LABELS = 6;

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

  private static CategoryChart chart(int groups, String title, String yTitle) {
    CategoryChart chart = new CategoryChartBuilder()
        .width(Math.max(640, 70 * groups + 200)).height(380)
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
