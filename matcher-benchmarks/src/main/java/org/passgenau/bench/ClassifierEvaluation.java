package org.passgenau.bench;

import java.awt.Color;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.passgenau.taxonomy.EscoLabels;
import org.passgenau.taxonomy.LabelType;
import org.passgenau.taxonomy.OccupationLabel;
import org.passgenau.taxonomy.OccupationTaxonomy;
import org.passgenau.taxonomy.TitleClassification;

/**
 * How well {@link OccupationTaxonomy#classifyTitle(String, String)} classifies titles it has not
 * seen, measured on ESCO's own labels by k-fold cross-validation in two settings:
 *
 * <ol>
 *   <li>{@link Setting#LABEL_HELD_OUT}: the labels are split into folds; each fold's preferred and
 *       alternative labels are classified by a taxonomy built from all other labels (every
 *       language, hidden labels included), so the occupation's other titles remain known;
 *   <li>{@link Setting#OCCUPATION_HELD_OUT}: the occupations are split into folds, and all labels
 *       of a fold's occupations, in every language, are left out of the taxonomy that classifies
 *       them: the title names an occupation the taxonomy has never seen.
 * </ol>
 *
 * <p>A prediction is right at unit-group level if it is the label's unit group or any unit
 * group the same text (lower-cased, spaces collapsed) carries elsewhere in ESCO; at minor and
 * sub-major level, if the group with most confidence summed over the predicted unit group and
 * its runners-up has the prefix of one of those. Folds are fixed by hashes of the label or
 * occupation, so every run gives the same numbers.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.passgenau.bench.ClassifierEvaluation [--esco
 * ../shared/esco] [--folds 5] [--out docs]}. Prints the tables of docs/classification.md and
 * writes {@code classification.csv} (coverage and accuracy by threshold) and {@code
 * classification.png} into the output directory.
 */
public final class ClassifierEvaluation {

  /** What is left out of the taxonomy that classifies a title. */
  public enum Setting {
    LABEL_HELD_OUT,
    OCCUPATION_HELD_OUT
  }

  /** One classified title: its language, whether it was right at each level, its confidence. */
  public record Outcome(String language, LabelType type, double confidence, boolean known,
      boolean unitRight, boolean minorRight, boolean subMajorRight) {}

  /**
   * Figures of one setting and language at one threshold: coverage is the share of titles
   * classified, the accuracies are among the classified.
   */
  public record Metrics(Setting setting, String language, double threshold, int titles,
      double coverage, double unitAccuracy, double minorAccuracy, double subMajorAccuracy) {}

  public static final List<String> LANGUAGES = List.of("de", "nl", "en");

  private ClassifierEvaluation() {}

  /**
   * Classifies the preferred and alternative labels of the folds in {@code runFolds} (of {@code
   * folds}), each by a taxonomy built without its fold. Also reports the build time of each fold's
   * taxonomy to {@code buildSeconds}, if not null.
   */
  public static List<Outcome> run(List<OccupationLabel> labels, Setting setting, int folds,
      List<Integer> runFolds, List<Double> buildSeconds) {
    Map<String, Set<String>> groupsOfText = new HashMap<>();
    for (OccupationLabel label : labels) {
      groupsOfText.computeIfAbsent(key(label.text()), k -> new TreeSet<>()).add(label.isco());
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (int fold : runFolds) {
      List<OccupationLabel> train = new ArrayList<>();
      List<OccupationLabel> test = new ArrayList<>();
      for (OccupationLabel label : labels) {
        if (fold(label, setting, folds) == fold) {
          if (label.type() != LabelType.HIDDEN) {
            test.add(label);
          }
        } else {
          train.add(label);
        }
      }
      long start = System.nanoTime();
      OccupationTaxonomy taxonomy = OccupationTaxonomy.builder().addLabels(train).build();
      if (buildSeconds != null) {
        buildSeconds.add((System.nanoTime() - start) / 1e9);
      }
      for (OccupationLabel label : test) {
        TitleClassification c = taxonomy.classifyTitle(label.text(), label.language());
        outcomes.add(outcome(label, c, groupsOfText.get(key(label.text()))));
      }
    }
    return outcomes;
  }

  private static Outcome outcome(OccupationLabel label, TitleClassification c, Set<String> truth) {
    // The best candidate, known or not: when unknown it leads the alternatives.
    Map<String, Double> unit = new TreeMap<>();
    if (c.isco() != null) {
      unit.put(c.isco(), c.confidence());
    }
    c.alternatives().forEach(a -> unit.merge(a.isco(), a.confidence(), Double::sum));
    if (unit.isEmpty()) {
      return new Outcome(label.language(), label.type(), 0, false, false, false, false);
    }
    String best = c.isco() != null ? c.isco() : c.alternatives().get(0).isco();
    return new Outcome(label.language(), label.type(), c.confidence(), c.known(),
        truth.contains(best), right(unit, 3, truth), right(unit, 2, truth));
  }

  /** Whether the group of {@code digits} digits with most confidence contains a true group. */
  private static boolean right(Map<String, Double> unit, int digits, Set<String> truth) {
    Map<String, Double> groups = new TreeMap<>();
    unit.forEach((code, p) -> groups.merge(code.substring(0, digits), p, Double::sum));
    String best = null;
    for (Map.Entry<String, Double> group : groups.entrySet()) {
      if (best == null || group.getValue() > groups.get(best)) {
        best = group.getKey();
      }
    }
    for (String code : truth) {
      if (code.startsWith(best)) {
        return true;
      }
    }
    return false;
  }

  /** Figures of one language's outcomes at a threshold; {@code null} language for all. */
  public static Metrics metrics(Setting setting, String language, List<Outcome> outcomes,
      double threshold) {
    int titles = 0;
    int classified = 0;
    int unit = 0;
    int minor = 0;
    int subMajor = 0;
    for (Outcome o : outcomes) {
      if (language != null && !language.equals(o.language())) {
        continue;
      }
      titles++;
      boolean counted = threshold < 0 ? o.known() : o.confidence() >= threshold && o.confidence() > 0;
      if (counted) {
        classified++;
        unit += o.unitRight() ? 1 : 0;
        minor += o.minorRight() ? 1 : 0;
        subMajor += o.subMajorRight() ? 1 : 0;
      }
    }
    return new Metrics(setting, language == null ? "all" : language, threshold, titles,
        share(classified, titles), share(unit, classified), share(minor, classified),
        share(subMajor, classified));
  }

  /**
   * The lowest threshold (in steps of 0.01) at which the classified titles are right at unit
   * level at least {@code precision} of the time, or NaN if none.
   */
  public static double thresholdFor(List<Outcome> outcomes, String language, double precision) {
    for (int t = 0; t <= 100; t++) {
      Metrics m = metrics(null, language, outcomes, t / 100.0);
      if (m.coverage() > 0 && m.unitAccuracy() >= precision) {
        return t / 100.0;
      }
    }
    return Double.NaN;
  }

  /**
   * Pools adjacent violators: the monotone map from confidence to the share right at unit level
   * that fits the outcomes best in squared error, as (confidence, accuracy) knots, one per block.
   */
  public static List<double[]> isotonic(List<Outcome> outcomes) {
    List<Outcome> sorted = new ArrayList<>(outcomes);
    sorted.sort((a, b) -> Double.compare(a.confidence(), b.confidence()));
    List<double[]> blocks = new ArrayList<>(); // sum x, sum y, count
    for (Outcome o : sorted) {
      blocks.add(new double[] {o.confidence(), o.unitRight() ? 1 : 0, 1});
      while (blocks.size() > 1) {
        double[] last = blocks.get(blocks.size() - 1);
        double[] before = blocks.get(blocks.size() - 2);
        if (before[1] / before[2] < last[1] / last[2]) {
          break;
        }
        before[0] += last[0];
        before[1] += last[1];
        before[2] += last[2];
        blocks.remove(blocks.size() - 1);
      }
    }
    List<double[]> knots = new ArrayList<>();
    for (double[] b : blocks) {
      knots.add(new double[] {b[0] / b[2], b[1] / b[2], b[2]});
    }
    return knots;
  }

  private static int fold(OccupationLabel label, Setting setting, int folds) {
    String key = setting == Setting.LABEL_HELD_OUT
        ? label.language() + '\t' + label.text() + '\t' + label.occupation()
        : label.occupation();
    // A mixing step: String.hashCode alone puts similar keys into neighbouring folds.
    int h = key.hashCode() * 0x9E3779B9;
    return Math.floorMod(h ^ (h >>> 16), folds);
  }

  private static String key(String text) {
    return text.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
  }

  private static double share(int part, int whole) {
    return whole == 0 ? Double.NaN : (double) part / whole;
  }

  public static void main(String[] args) throws IOException {
    Path esco = Path.of("../shared/esco");
    int folds = 5;
    Path out = Path.of("docs");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--esco" -> esco = Path.of(args[++i]);
        case "--folds" -> folds = Integer.parseInt(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        default -> {
          System.err.println("usage: ClassifierEvaluation [--esco DIR] [--folds K] [--out DIR]");
          System.exit(2);
        }
      }
    }
    List<OccupationLabel> labels = EscoLabels.read(esco);
    System.out.printf(Locale.ROOT, "%,d labels from %s, %d folds%n%n", labels.size(), esco, folds);
    List<Integer> all = new ArrayList<>();
    for (int f = 0; f < folds; f++) {
      all.add(f);
    }
    Map<Setting, List<Outcome>> results = new TreeMap<>();
    for (Setting setting : Setting.values()) {
      List<Double> build = new ArrayList<>();
      long start = System.nanoTime();
      results.put(setting, run(labels, setting, folds, all, build));
      System.out.printf(Locale.ROOT, "%s: %,d titles in %.1f s; building on the other folds took"
          + " %s s%n", setting, results.get(setting).size(), (System.nanoTime() - start) / 1e9,
          build.stream().map(s -> String.format(Locale.ROOT, "%.2f", s)).toList());
    }
    System.out.println();
    System.out.println("| setting | language | titles | classified | right unit group | right "
        + "minor group | right sub-major group | threshold for 95 % right unit group "
        + "(coverage there) |");
    System.out.println("|---|---|---:|---:|---:|---:|---:|---:|");
    for (Setting setting : Setting.values()) {
      for (String language : new String[] {"de", "nl", "en", null}) {
        Metrics m = metrics(setting, language, results.get(setting), -1);
        double t95 = thresholdFor(results.get(setting), language, 0.95);
        String at95 = Double.isNaN(t95) ? "none" : String.format(Locale.ROOT, "%.2f (%.1f %%)",
            t95, 100 * metrics(setting, language, results.get(setting), t95).coverage());
        System.out.printf(Locale.ROOT, "| %s | %s | %,d | %.1f %% | %.1f %% | %.1f %% | %.1f %% "
            + "| %s |%n", setting == Setting.LABEL_HELD_OUT ? "label held out"
                : "occupation held out", m.language(), m.titles(), 100 * m.coverage(),
            100 * m.unitAccuracy(), 100 * m.minorAccuracy(), 100 * m.subMajorAccuracy(), at95);
      }
    }
    System.out.println();
    System.out.println("Calibration, label held out (mean confidence -> share right, titles):");
    List<Outcome> pooled = results.get(Setting.LABEL_HELD_OUT);
    for (double[] bin : reliability(pooled, 10)) {
      System.out.printf(Locale.ROOT, "  %.2f -> %.3f  (%,d)%n", bin[0], bin[1], (long) bin[2]);
    }
    System.out.println("Isotonic fit (confidence -> share right, titles):");
    for (double[] knot : isotonic(pooled)) {
      if (knot[2] >= 50) {
        System.out.printf(Locale.ROOT, "  %.4f -> %.4f (%,d)%n", knot[0], knot[1], (long) knot[2]);
      }
    }
    Files.createDirectories(out);
    writeCsv(out.resolve("classification.csv"), results);
    plot(out.resolve("classification.png"), results);
    System.out.println("wrote " + out.resolve("classification.csv") + " and "
        + out.resolve("classification.png"));
  }

  /** Equal-width confidence bins: mean confidence, share right, count. */
  static List<double[]> reliability(List<Outcome> outcomes, int bins) {
    double[][] sums = new double[bins][3];
    for (Outcome o : outcomes) {
      int b = Math.min(bins - 1, (int) (o.confidence() * bins));
      sums[b][0] += o.confidence();
      sums[b][1] += o.unitRight() ? 1 : 0;
      sums[b][2]++;
    }
    List<double[]> rows = new ArrayList<>();
    for (double[] s : sums) {
      if (s[2] > 0) {
        rows.add(new double[] {s[0] / s[2], s[1] / s[2], s[2]});
      }
    }
    return rows;
  }

  private static void writeCsv(Path file, Map<Setting, List<Outcome>> results) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("setting,language,threshold,titles,coverage,unit_accuracy,minor_accuracy,"
          + "sub_major_accuracy\n");
      for (Setting setting : Setting.values()) {
        for (String language : new String[] {"de", "nl", "en", null}) {
          for (int t = 0; t <= 95; t += 5) {
            Metrics m = metrics(setting, language, results.get(setting), t / 100.0);
            w.write(String.format(Locale.ROOT, "%s,%s,%.2f,%d,%.4f,%.4f,%.4f,%.4f%n",
                setting.name().toLowerCase(Locale.ROOT), m.language(), t / 100.0, m.titles(),
                m.coverage(), m.unitAccuracy(), m.minorAccuracy(), m.subMajorAccuracy()));
          }
        }
      }
    }
  }

  private static void plot(Path file, Map<Setting, List<Outcome>> results) throws IOException {
    XYChart chart = new XYChartBuilder().width(900).height(560)
        .title("Held-out ESCO labels: right unit group among the classified (solid), coverage"
            + " (dashed)")
        .xAxisTitle("confidence threshold").yAxisTitle("share").build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(1.0);
    Color[] colors = {new Color(0x1f, 0x77, 0xb4), new Color(0xd6, 0x27, 0x28),
        new Color(0x2c, 0xa0, 0x2c)};
    double[] x = new double[20];
    for (int t = 0; t < x.length; t++) {
      x[t] = t * 0.05;
    }
    for (Setting setting : Setting.values()) {
      String name = setting == Setting.LABEL_HELD_OUT ? "label held out" : "occupation held out";
      for (int l = 0; l < LANGUAGES.size(); l++) {
        String language = LANGUAGES.get(l);
        double[] accuracy = new double[x.length];
        double[] coverage = new double[x.length];
        for (int t = 0; t < x.length; t++) {
          Metrics m = metrics(setting, language, results.get(setting), x[t]);
          accuracy[t] = Double.isNaN(m.unitAccuracy()) ? 0 : m.unitAccuracy();
          coverage[t] = m.coverage();
        }
        XYSeries a = chart.addSeries(name + ", " + language + ": right unit group", x, accuracy);
        XYSeries c = chart.addSeries(name + ", " + language + ": coverage", x, coverage);
        for (XYSeries s : List.of(a, c)) {
          s.setLineColor(colors[l]);
          s.setMarkerColor(colors[l]);
          s.setMarker(setting == Setting.LABEL_HELD_OUT ? SeriesMarkers.CIRCLE
              : SeriesMarkers.SQUARE);
        }
        c.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.DASH_DASH);
      }
    }
    BitmapEncoder.saveBitmapWithDPI(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG, 96);
  }
}
