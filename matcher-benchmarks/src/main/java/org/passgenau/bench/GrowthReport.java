package org.passgenau.bench;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.passgenau.bench.peer.FunctionScoreRanker;
import org.passgenau.model.Profile;
import org.passgenau.rank.MatchResult;
import org.passgenau.rank.MatchingEngine;
import org.passgenau.rank.RuleSet;

/**
 * How the cost of ranking one profile grows with the corpus, next to how the number of
 * opportunities within reach of the profile grows. <b>Not a JMH benchmark</b>: plain
 * {@link System#nanoTime()} loops after a warm-up, one JVM, one thread; good for the shape of the
 * curve (a factor of ten per step), not for small differences. Latency figures to quote come
 * from {@code RankingBenchmark}.
 *
 * <p>For each size the corpus is streamed into a fresh engine (setup time reported), the 256
 * profiles of {@code RankingBenchmark}'s pool are matched {@code warmupRounds} times unmeasured
 * and {@code rounds} times measured, and the mean time per profile and the mean number of
 * opportunities within reach ({@code size - excluded.commute}) are recorded. The engine is then
 * closed and the peer ({@link FunctionScoreRanker}, built as {@code RankingBenchmark} builds it:
 * same corpus, default rule set, same taxonomy) is measured the same way with the same profiles,
 * unless the size is above {@code --peer-max}. Writes {@code growth.csv} and {@code growth.png}
 * (log-log) into the output directory.
 *
 * <p>Usage: {@code java -Xmx12g -cp benchmarks.jar org.passgenau.bench.GrowthReport
 * [--out docs] [--rounds 3] [--warmup 2] [--peer-max N] [sizes...]} (default sizes 10000 100000
 * 1000000; the peer at every size unless {@code --peer-max} is given).
 */
public final class GrowthReport {

  private GrowthReport() {}

  /**
   * One corpus size's figures; the peer's are {@code NaN} when the peer was not measured at this
   * size.
   */
  public record Row(int opportunities, double setupSeconds, double meanMicrosPerProfile,
      double meanWithinReach, double meanAdmitted, int profiles, int rounds,
      double peerSetupSeconds, double peerMeanMicrosPerProfile) {

    public boolean hasPeer() {
      return !Double.isNaN(peerMeanMicrosPerProfile);
    }
  }

  /** The engine and the peer at one size. */
  public static Row measure(int opportunities, int warmupRounds, int rounds) {
    return measure(opportunities, warmupRounds, rounds, true);
  }

  public static Row measure(int opportunities, int warmupRounds, int rounds, boolean peer) {
    Row engine = measureEngine(opportunities, warmupRounds, rounds);
    if (!peer) {
      return engine;
    }
    double[] p = measurePeer(opportunities, warmupRounds, rounds);
    return new Row(engine.opportunities(), engine.setupSeconds(), engine.meanMicrosPerProfile(),
        engine.meanWithinReach(), engine.meanAdmitted(), engine.profiles(), engine.rounds(), p[0],
        p[1]);
  }

  /**
   * The peer on the same corpus (generated again from the same seed, streamed), the same rule set
   * and taxonomy as {@code RankingBenchmark.setUpPeers}, the same 256 profiles and the same loop
   * as the engine: {setup seconds, mean microseconds per profile}.
   */
  static double[] measurePeer(int opportunities, int warmupRounds, int rounds) {
    CorpusGenerator generator = new CorpusGenerator(CorpusGenerator.DEFAULT_SEED);
    List<Profile> pool = generator.profiles(RankingBenchmark.POOL);
    long t0 = System.nanoTime();
    try (FunctionScoreRanker peer = new FunctionScoreRanker(
        generator.opportunityStream(opportunities), RuleSet.defaults(),
        RankingBenchmark.taxonomy())) {
      double setup = (System.nanoTime() - t0) / 1e9;
      long sink = 0;
      for (int r = 0; r < warmupRounds; r++) {
        for (Profile p : pool) {
          sink += peer.rank(p, RankingBenchmark.OPTIONS.asOf(), RankingBenchmark.OPTIONS.topK())
              .size();
        }
      }
      long elapsed = 0;
      for (int r = 0; r < rounds; r++) {
        for (Profile p : pool) {
          long start = System.nanoTime();
          int found = peer.rank(p, RankingBenchmark.OPTIONS.asOf(),
              RankingBenchmark.OPTIONS.topK()).size();
          elapsed += System.nanoTime() - start;
          sink += found;
        }
      }
      if (sink == 42) {
        System.out.print(""); // keeps the results alive
      }
      return new double[] {setup, elapsed / 1e3 / ((double) pool.size() * rounds)};
    }
  }

  static Row measureEngine(int opportunities, int warmupRounds, int rounds) {
    List<Profile> pool = new CorpusGenerator(CorpusGenerator.DEFAULT_SEED)
        .profiles(RankingBenchmark.POOL);
    long t0 = System.nanoTime();
    try (MatchingEngine engine = Corpora.engine(opportunities)) {
      double setup = (System.nanoTime() - t0) / 1e9;
      long sink = 0;
      for (int r = 0; r < warmupRounds; r++) {
        for (Profile p : pool) {
          sink += engine.match(p, RankingBenchmark.OPTIONS).matches().size();
        }
      }
      long reach = 0;
      long admitted = 0;
      long elapsed = 0;
      for (int r = 0; r < rounds; r++) {
        for (Profile p : pool) {
          long start = System.nanoTime();
          MatchResult result = engine.match(p, RankingBenchmark.OPTIONS);
          elapsed += System.nanoTime() - start;
          sink += result.matches().size();
          if (r == 0) {
            int excluded = result.excluded().values().stream().mapToInt(Integer::intValue).sum();
            reach += engine.size() - result.excluded().getOrDefault("commute", 0);
            admitted += engine.size() - excluded;
          }
        }
      }
      if (sink == 42) {
        System.out.print(""); // keeps the results alive
      }
      int n = pool.size();
      return new Row(opportunities, setup, elapsed / 1e3 / ((double) n * rounds),
          reach / (double) n, admitted / (double) n, n, rounds, Double.NaN, Double.NaN);
    }
  }

  public static void writeCsv(List<Row> rows, Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("opportunities,setup_s,mean_us_per_profile,mean_within_reach,mean_admitted,"
          + "profiles,rounds,peer_setup_s,peer_mean_us_per_profile\n");
      for (Row r : rows) {
        // The peer's columns stay empty at a size where it was not measured.
        w.write(String.format(Locale.ROOT, "%d,%.1f,%.1f,%.1f,%.1f,%d,%d,%s,%s%n",
            r.opportunities(), r.setupSeconds(), r.meanMicrosPerProfile(), r.meanWithinReach(),
            r.meanAdmitted(), r.profiles(), r.rounds(),
            r.hasPeer() ? String.format(Locale.ROOT, "%.1f", r.peerSetupSeconds()) : "",
            r.hasPeer() ? String.format(Locale.ROOT, "%.1f", r.peerMeanMicrosPerProfile()) : ""));
      }
    }
  }

  /**
   * Log-log plot: time per profile (ms, left axis) of the engine and of the peer, and
   * opportunities within reach (right axis), the two axes scaled alike and meeting at the
   * engine's time at the smallest size, so that the reach curve is where an engine time growing
   * exactly as the reach would lie. The peer's series has a point only where it was measured,
   * and its legend says so when that is not every size.
   */
  public static void writePng(List<Row> rows, Path file) throws IOException {
    double[] x = rows.stream().mapToDouble(Row::opportunities).toArray();
    double[] ms = rows.stream().mapToDouble(r -> r.meanMicrosPerProfile() / 1e3).toArray();
    double[] reach = rows.stream().mapToDouble(Row::meanWithinReach).toArray();
    List<Row> withPeer = rows.stream().filter(Row::hasPeer).toList();
    double[] peerX = withPeer.stream().mapToDouble(Row::opportunities).toArray();
    double[] peerMs =
        withPeer.stream().mapToDouble(r -> r.peerMeanMicrosPerProfile() / 1e3).toArray();
    double[] proportional = new double[rows.size()];
    for (int i = 0; i < proportional.length; i++) {
      proportional[i] = ms[0] * reach[i] / reach[0];
    }
    XYChart chart = new XYChartBuilder().width(900).height(560)
        .title("Time per profile vs corpus size: engine and peer (log-log, not JMH)")
        .xAxisTitle("opportunities in the index").yAxisTitle("mean time per profile (ms)")
        .build();
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
    chart.getStyler().setDecimalPattern("#,##0.##");
    XYSeries time = chart.addSeries("passgenau (MatchingEngine.match), mean ms per profile", x, ms);
    time.setMarker(SeriesMarkers.CIRCLE);
    time.setLineColor(new Color(0x1f, 0x77, 0xb4));
    time.setMarkerColor(new Color(0x1f, 0x77, 0xb4));
    if (peerX.length > 0) {
      String where = withPeer.size() == rows.size() ? ""
          : " (measured at " + withPeer.stream()
              .map(r -> String.format(Locale.ROOT, "%,d", r.opportunities()))
              .collect(java.util.stream.Collectors.joining(", ")) + " only)";
      XYSeries peer = chart.addSeries(
          "peer (Lucene function score, FunctionScoreRanker), mean ms per profile" + where,
          peerX, peerMs);
      peer.setMarker(SeriesMarkers.SQUARE);
      peer.setLineColor(new Color(0x2c, 0xa0, 0x2c));
      peer.setMarkerColor(new Color(0x2c, 0xa0, 0x2c));
    }
    XYSeries within = chart.addSeries(
        "opportunities within reach, mean per profile (right axis; = engine time growing as the"
            + " reach)",
        x, reach);
    within.setYAxisGroup(1);
    within.setMarker(SeriesMarkers.DIAMOND);
    within.setLineColor(new Color(0xd6, 0x27, 0x28));
    within.setMarkerColor(new Color(0xd6, 0x27, 0x28));
    chart.setYAxisGroupTitle(1, "opportunities within reach per profile");
    // Both axes span the same factor and meet at the smallest size, so the reach curve is also
    // the line an engine time growing exactly as the reach would follow: time below it grows
    // slower.
    double lo = Math.min(Math.min(min(ms), min(proportional)), min(peerMs)) / 1.5;
    double hi = Math.max(Math.max(max(ms), max(proportional)), max(peerMs)) * 1.5;
    chart.getStyler().setYAxisMin(0, lo);
    chart.getStyler().setYAxisMax(0, hi);
    chart.getStyler().setYAxisMin(1, lo * reach[0] / ms[0]);
    chart.getStyler().setYAxisMax(1, hi * reach[0] / ms[0]);
    chart.getStyler().setYAxisGroupPosition(1, org.knowm.xchart.style.Styler.YAxisPosition.Right);
    BitmapEncoder.saveBitmapWithDPI(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG, 96);
  }

  private static double min(double[] v) {
    return Arrays.stream(v).min().orElse(Double.POSITIVE_INFINITY);
  }

  private static double max(double[] v) {
    return Arrays.stream(v).max().orElse(Double.NEGATIVE_INFINITY);
  }

  public static void main(String[] args) throws IOException {
    System.setProperty("java.awt.headless", "true");
    Path out = Path.of("docs");
    int rounds = 3;
    int warmup = 2;
    int peerMax = Integer.MAX_VALUE;
    List<Integer> sizes = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--out" -> out = Path.of(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--peer-max" -> peerMax = Integer.parseInt(args[++i]);
        default -> sizes.add(Integer.parseInt(args[i]));
      }
    }
    if (sizes.isEmpty()) {
      sizes.addAll(Arrays.asList(10_000, 100_000, 1_000_000));
    }
    Files.createDirectories(out);
    List<Row> rows = new ArrayList<>();
    for (int n : sizes) {
      Row r = measure(n, warmup, rounds, n <= peerMax);
      rows.add(r);
      System.out.printf(Locale.ROOT,
          "opportunities=%d setup=%.1fs mean=%.1fus/profile within_reach=%.1f admitted=%.1f"
              + " peer_setup=%.1fs peer_mean=%.1fus/profile%n",
          n, r.setupSeconds(), r.meanMicrosPerProfile(), r.meanWithinReach(), r.meanAdmitted(),
          r.peerSetupSeconds(), r.peerMeanMicrosPerProfile());
      // Written after every size, so a run stopped at a million still leaves the smaller ones.
      try {
        writeCsv(rows, out.resolve("growth.csv"));
        writePng(rows, out.resolve("growth.png"));
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
  }
}
