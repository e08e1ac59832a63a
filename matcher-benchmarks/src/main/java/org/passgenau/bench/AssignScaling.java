package org.passgenau.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.passgenau.assign.Assigner;
import org.passgenau.assign.Assignment;
import org.passgenau.assign.AssignmentProblem;

/**
 * How the assignment solvers' time grows with the number of people, at a fixed number of
 * opportunities and list length. <b>Not a JMH benchmark</b>: one {@link System#nanoTime()}
 * measurement per size after one unmeasured warm-up solve of the smallest size, one JVM, one
 * thread; good for the shape of the curve. Figures to quote come from {@link AssignBenchmark}.
 *
 * <p>The instances ({@link #problem}) are random but shaped like a region's batch: people and
 * opportunities cluster around a few towns, everyone lists the {@code k} opportunities that suit
 * them best, and a pair's score mixes the opportunity's appeal (the same for everyone, so the
 * good posts are wanted by many), closeness and a personal fit. Scores lie in [0, 1] with 4
 * decimals, lists are ordered as {@code match} orders them (score descending, ties by id).
 * Most opportunities have one place, some apprenticeships and helper jobs several.
 *
 * <p>Usage: {@code java -Xmx2g -cp matcher-benchmarks/target/benchmarks.jar
 * org.passgenau.bench.AssignScaling [--opportunities 20000] [--k 50] [people...]} (default
 * people 10000 20000 50000 100000). Prints one row per size: people, pairs, places, then for
 * each method its time, total score, people placed and people placed at their own first choice.
 */
public final class AssignScaling {

  /** The seed of every generated instance, so that a row can be reproduced. */
  public static final long SEED = 20_261_202L;

  private static final int TOWNS = 12;

  private AssignScaling() {}

  /**
   * A random instance: {@code people} people, each listing their {@code k} best of {@code
   * opportunities} opportunities (fewer only when fewer are within reach).
   */
  public static AssignmentProblem problem(int people, int opportunities, int k, long seed) {
    Random random = new Random(seed);
    double[][] towns = new double[TOWNS][2];
    for (double[] town : towns) {
      town[0] = 0.1 + 0.8 * random.nextDouble();
      town[1] = 0.1 + 0.8 * random.nextDouble();
    }
    AssignmentProblem.Builder builder = AssignmentProblem.builder();
    String[] ids = new String[opportunities];
    double[] ox = new double[opportunities];
    double[] oy = new double[opportunities];
    double[] appeal = new double[opportunities];
    for (int o = 0; o < opportunities; o++) {
      ids[o] = String.format(Locale.ROOT, "opp-%06d", o);
      place(random, towns, 0.6, ox, oy, o);
      // Skewed: a few posts everyone wants, many ordinary ones.
      appeal[o] = Math.pow(random.nextDouble(), 2.5);
      builder.opportunity(ids[o], capacity(random));
    }

    // A grid of cells, so that a person looks only at opportunities nearby.
    int grid = Math.max(1, (int) Math.sqrt(opportunities / 4.0));
    int[] cellStart = new int[grid * grid + 1];
    int[] cellOf = new int[opportunities];
    for (int o = 0; o < opportunities; o++) {
      cellOf[o] = cell(ox[o], grid) * grid + cell(oy[o], grid);
      cellStart[cellOf[o] + 1]++;
    }
    for (int c = 0; c < grid * grid; c++) {
      cellStart[c + 1] += cellStart[c];
    }
    int[] inCell = new int[opportunities];
    int[] fill = Arrays.copyOf(cellStart, grid * grid);
    for (int o = 0; o < opportunities; o++) {
      inCell[fill[cellOf[o]]++] = o;
    }

    double[] px = new double[1];
    double[] py = new double[1];
    long[] keys = new long[opportunities];
    for (int p = 0; p < people; p++) {
      place(random, towns, 0.7, px, py, 0);
      int cx = cell(px[0], grid);
      int cy = cell(py[0], grid);
      int found = 0;
      for (int radius = 2; found < 2 * k && radius <= grid; radius *= 2) {
        found = 0;
        for (int x = Math.max(0, cx - radius); x <= Math.min(grid - 1, cx + radius); x++) {
          for (int y = Math.max(0, cy - radius); y <= Math.min(grid - 1, cy + radius); y++) {
            int c = x * grid + y;
            for (int i = cellStart[c]; i < cellStart[c + 1]; i++) {
              int o = inCell[i];
              double distance = Math.hypot(ox[o] - px[0], oy[o] - py[0]);
              double closeness = Math.max(0, 1 - distance * grid / (2.0 * radius + 1));
              double score = 0.45 * appeal[o] + 0.35 * closeness + 0.20 * random.nextDouble();
              long units = Math.round(score * 10_000);
              // Best first: score descending, then opportunity index (= id order) ascending.
              keys[found++] = ((10_000 - units) << 32) | o;
            }
          }
        }
      }
      Arrays.sort(keys, 0, found);
      int length = Math.min(k, found);
      String[] chosen = new String[length];
      double[] scores = new double[length];
      for (int i = 0; i < length; i++) {
        int o = (int) keys[i];
        chosen[i] = ids[o];
        scores[i] = (10_000 - (keys[i] >>> 32)) / 10_000.0;
      }
      builder.person(String.format(Locale.ROOT, "person-%07d", p), List.of(chosen), scores);
    }
    return builder.build();
  }

  /** Most posts have one place; some apprenticeships and helper jobs take several. */
  private static int capacity(Random random) {
    double u = random.nextDouble();
    if (u < 0.80) {
      return 1;
    } else if (u < 0.92) {
      return 2;
    } else if (u < 0.97) {
      return 3 + random.nextInt(3);
    }
    return 6 + random.nextInt(7);
  }

  /** Near a random town with probability {@code clustered}, else anywhere. */
  private static void place(Random random, double[][] towns, double clustered, double[] xs,
      double[] ys, int i) {
    if (random.nextDouble() < clustered) {
      double[] town = towns[random.nextInt(towns.length)];
      xs[i] = clamp(town[0] + 0.06 * random.nextGaussian());
      ys[i] = clamp(town[1] + 0.06 * random.nextGaussian());
    } else {
      xs[i] = random.nextDouble();
      ys[i] = random.nextDouble();
    }
  }

  private static double clamp(double v) {
    return Math.min(Math.max(v, 0), Math.nextDown(1.0));
  }

  private static int cell(double v, int grid) {
    return Math.min(grid - 1, (int) (v * grid));
  }

  public static void main(String[] args) {
    int opportunities = 20_000;
    int k = 50;
    int[] sizes = {10_000, 20_000, 50_000, 100_000};
    int[] given = new int[args.length];
    int count = 0;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--opportunities" -> opportunities = Integer.parseInt(args[++i]);
        case "--k" -> k = Integer.parseInt(args[++i]);
        default -> given[count++] = Integer.parseInt(args[i]);
      }
    }
    if (count > 0) {
      sizes = Arrays.copyOf(given, count);
    }
    // One unmeasured solve, so that the first row is not the JIT's.
    Assigner.optimal(problem(sizes[0], opportunities, k, SEED), done -> { });

    System.out.printf(Locale.ROOT, "opportunities %d, k %d, seed %d%n", opportunities, k, SEED);
    System.out.printf(Locale.ROOT, "%8s %10s %8s | %9s %12s %8s %8s | %9s %12s %8s %8s%n",
        "people", "pairs", "places", "optimal s", "total", "placed", "first",
        "stable s", "total", "placed", "first");
    for (int people : sizes) {
      AssignmentProblem problem = problem(people, opportunities, k, SEED);
      long pairs = 0;
      for (int q = 0; q < people; q++) {
        pairs += problem.listSize(q);
      }
      long start = System.nanoTime();
      Assignment optimal = Assigner.optimal(problem, done -> { });
      double optimalSeconds = (System.nanoTime() - start) / 1e9;
      start = System.nanoTime();
      Assignment stable = Assigner.stable(problem, done -> { });
      double stableSeconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(Locale.ROOT,
          "%8d %10d %8d | %9.2f %12.4f %8d %8d | %9.2f %12.4f %8d %8d%n",
          people, pairs, problem.positions(),
          optimalSeconds, optimal.totalScore(), optimal.assigned(), optimal.firstChoices(),
          stableSeconds, stable.totalScore(), stable.assigned(), stable.firstChoices());
    }
  }
}
