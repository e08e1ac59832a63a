package org.passgenau.eval;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The comparison report's charts, drawn by XChart as PNG images. */
final class ComparisonCharts {

  /** Colours of the variants, baseline first (the matplotlib "tab10" palette). */
  private static final Color[] PALETTE = {
      new Color(0x1f, 0x77, 0xb4), new Color(0xff, 0x7f, 0x0e), new Color(0x2c, 0xa0, 0x2c),
      new Color(0xd6, 0x27, 0x28), new Color(0x94, 0x67, 0xbd), new Color(0x8c, 0x56, 0x4b),
      new Color(0xe3, 0x77, 0xc2), new Color(0x7f, 0x7f, 0x7f), new Color(0xbc, 0xbd, 0x22),
      new Color(0x17, 0xbe, 0xcf)};
  private static final Color ZERO_LINE = new Color(0x88, 0x88, 0x88);
  private static final Color SEPARATOR = new Color(0xdd, 0xdd, 0xdd);
  /** Half the width of an interval's end caps, in metric slots. */
  private static final double CAP = 0.04;

  private ComparisonCharts() {}

  /** The colour of the i-th variant (0 is the baseline). */
  static Color color(int variant) {
    return PALETTE[variant % PALETTE.length];
  }

  /**
   * Each candidate's mean difference from the baseline per metric (a dot) with its bootstrap
   * confidence interval (a bar with end caps), metrics side by side, and a line at 0.
   */
  static byte[] differences(RuleSetComparison comparison) throws IOException {
    Metric[] metrics = Metric.values();
    List<RuleSetComparison.Candidate> candidates = comparison.candidates();
    String confidence = ComparisonWriter.percent(comparison.options().confidence());
    XYChart chart = new XYChartBuilder()
        .width(Math.max(720, 140 * metrics.length + 60 * candidates.size())).height(440)
        .title("Difference from " + comparison.baseline().label() + " (k=" + comparison.k()
            + "), with " + confidence + " bootstrap intervals")
        .xAxisTitle("metric").yAxisTitle("candidate - baseline")
        .build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotBackgroundColor(Color.WHITE);
    chart.getStyler().setLegendPosition(LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(LegendLayout.Horizontal);
    chart.getStyler().setXAxisMin(0.5);
    chart.getStyler().setXAxisMax(metrics.length + 0.5);
    // Metric names are written into the plot below their slots: XChart's number axis cannot put
    // text at chosen positions.
    chart.getStyler().setXAxisTicksVisible(false);
    chart.getStyler().setPlotGridVerticalLinesVisible(false);
    chart.getStyler().setDecimalPattern("+0.000;-0.000");
    chart.getStyler().setAnnotationTextFont(chart.getStyler().getAxisTickLabelsFont());

    double low = 0;
    double high = 0;
    for (RuleSetComparison.Candidate candidate : candidates) {
      for (Metric metric : metrics) {
        low = Math.min(low, candidate.on(metric).confidenceLower());
        high = Math.max(high, candidate.on(metric).confidenceUpper());
      }
    }
    double range = high - low > 0 ? high - low : 0.001;
    double bottom = low - 0.14 * range;
    chart.getStyler().setYAxisMin(bottom);
    chart.getStyler().setYAxisMax(high + 0.06 * range);

    XYSeries zero = chart.addSeries("no difference",
        new double[] {0.5, metrics.length + 0.5}, new double[] {0, 0});
    style(zero, ZERO_LINE);
    zero.setLineStyle(SeriesLines.DASH_DASH);
    for (int m = 1; m < metrics.length; m++) {
      XYSeries separator = chart.addSeries("between " + m + " and " + (m + 1),
          new double[] {m + 0.5, m + 0.5}, new double[] {bottom, high + 0.06 * range});
      style(separator, SEPARATOR);
      separator.setLineWidth(1f);
    }
    for (int m = 0; m < metrics.length; m++) {
      chart.addAnnotation(new AnnotationText(metrics[m].key(), m + 1, bottom + 0.06 * range,
          false));
    }

    double slotWidth = Math.min(0.6, 0.2 * candidates.size());
    for (int j = 0; j < candidates.size(); j++) {
      RuleSetComparison.Candidate candidate = candidates.get(j);
      Color color = color(j + 1);
      double offset = candidates.size() == 1
          ? 0 : -slotWidth / 2 + slotWidth * j / (candidates.size() - 1);
      double[] x = new double[metrics.length];
      double[] y = new double[metrics.length];
      for (int m = 0; m < metrics.length; m++) {
        PairedComparison c = candidate.on(metrics[m]);
        x[m] = m + 1 + offset;
        y[m] = c.meanDifference();
        String id = candidate.variant().label() + " " + metrics[m].key();
        interval(chart, id, x[m], c.confidenceLower(), c.confidenceUpper(), color);
      }
      XYSeries means = chart.addSeries(candidate.variant().label(), x, y);
      means.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
      means.setMarker(SeriesMarkers.CIRCLE);
      means.setMarkerColor(color);
      means.setShowInLegend(true);
    }
    return BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG);
  }

  /** A vertical bar from low to high at x, with end caps; none of it in the legend. */
  private static void interval(
      XYChart chart, String id, double x, double low, double high, Color color) {
    style(chart.addSeries(id + " interval", new double[] {x, x}, new double[] {low, high}),
        color);
    style(chart.addSeries(id + " lower bound",
        new double[] {x - CAP, x + CAP}, new double[] {low, low}), color);
    style(chart.addSeries(id + " upper bound",
        new double[] {x - CAP, x + CAP}, new double[] {high, high}), color);
  }

  /** A solid line without markers, not in the legend. */
  private static void style(XYSeries series, Color color) {
    series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
    series.setMarker(SeriesMarkers.NONE);
    series.setLineColor(color);
    series.setLineStyle(SeriesLines.SOLID);
    series.setLineWidth(1.6f);
    series.setShowInLegend(false);
  }

  /** Grouped bars of every variant's mean per metric. */
  static byte[] means(RuleSetComparison comparison) throws IOException {
    List<RuleSetComparison.Variant> variants = comparison.variants();
    CategoryChart chart = new CategoryChartBuilder()
        .width(Math.min(1100, Math.max(720, 40 * Metric.values().length * variants.size())))
        .height(400)
        .title("Mean per metric (k=" + comparison.k() + ", " + comparison.profiles().size()
            + " profiles)")
        .xAxisTitle("metric").yAxisTitle("mean")
        .build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotBackgroundColor(Color.WHITE);
    chart.getStyler().setLegendPosition(LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(LegendLayout.Horizontal);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(1.0);
    chart.getStyler().setDecimalPattern("0.0");
    List<String> keys = new ArrayList<>();
    for (Metric metric : Metric.values()) {
      keys.add(metric.key());
    }
    for (int i = 0; i < variants.size(); i++) {
      RuleSetComparison.Variant variant = variants.get(i);
      List<Double> values = new ArrayList<>();
      for (Metric metric : Metric.values()) {
        values.add(variant.evaluation().mean(metric));
      }
      chart.addSeries(variant.label() + (i == 0 ? " (baseline)" : ""), keys, values)
          .setFillColor(color(i));
    }
    return BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG);
  }
}
