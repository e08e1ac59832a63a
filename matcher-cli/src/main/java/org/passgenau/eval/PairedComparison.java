package org.passgenau.eval;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.statistics.inference.TTest;

/**
 * Two systems compared on one metric over the same profiles: a baseline (A) and a candidate (B),
 * paired by profile. Every difference is candidate minus baseline, so a positive mean difference
 * means the candidate scores higher. Immutable; the same input and options give the same result.
 *
 * <ul>
 *   <li><b>Randomization test</b> (Fisher's paired sign-flip test), two-sided: under the null
 *       hypothesis each profile's difference is as likely to have the other sign, so the p-value
 *       is the share of the 2<sup>n</sup> sign assignments whose mean difference is at least as far
 *       from 0 as the one observed. With at most {@link Options#exactUpTo()} profiles (20: about a
 *       million assignments) all are enumerated and the p-value is exact; beyond that {@link
 *       Options#permutations()} assignments (100,000) are drawn with a fixed seed, and the p-value
 *       is (hits + 1) / (draws + 1), which is never 0.
 *   <li><b>Paired t-test</b>, two-sided, on n - 1 degrees of freedom; NaN for a single profile.
 *       When all differences are equal, 1 if they are 0 and 0 otherwise.
 *   <li><b>Bootstrap confidence interval</b> of the mean difference, percentile method: {@link
 *       Options#bootstrapResamples()} (10,000) resamples of the profiles with replacement, with a
 *       fixed seed; the bounds are the resampled means that leave (1 - confidence) / 2 of them
 *       below and above.
 *   <li><b>Wins, ties and losses</b>: profiles where the candidate is higher, equal within {@link
 *       Options#tieTolerance()} (1e-9), or lower.
 * </ul>
 *
 * <p>Random draws use {@link java.util.Random}, whose sequence for a seed the Java specification
 * fixes, so results are the same on every Java version.
 *
 * @param profiles the number of paired profiles
 * @param meanBaseline the baseline's mean
 * @param meanCandidate the candidate's mean
 * @param meanDifference the mean of candidate minus baseline
 * @param randomizationP the two-sided p-value of the randomization test
 * @param permutations the sign assignments the randomization test looked at
 * @param exact whether {@code permutations} were all 2<sup>n</sup> of them
 * @param tTestP the two-sided p-value of the paired t-test
 * @param confidence the confidence level of the interval, such as 0.95
 * @param confidenceLower the lower bound of the bootstrap interval of the mean difference
 * @param confidenceUpper its upper bound
 * @param wins profiles where the candidate is higher
 * @param ties profiles where both are equal within the tolerance
 * @param losses profiles where the candidate is lower
 */
public record PairedComparison(
    int profiles,
    double meanBaseline,
    double meanCandidate,
    double meanDifference,
    double randomizationP,
    long permutations,
    boolean exact,
    double tTestP,
    double confidence,
    double confidenceLower,
    double confidenceUpper,
    int wins,
    int ties,
    int losses) {

  /**
   * How the tests run.
   *
   * @param permutations sign assignments drawn when there are more profiles than {@code exactUpTo}
   * @param exactUpTo up to this many profiles, all 2<sup>n</sup> assignments are enumerated (at
   *     most 30)
   * @param bootstrapResamples resamples for the confidence interval
   * @param confidence the confidence level, between 0 and 1
   * @param seed the seed of both the drawn assignments and the resamples
   * @param tieTolerance differences within this are ties
   */
  public record Options(
      int permutations,
      int exactUpTo,
      int bootstrapResamples,
      double confidence,
      long seed,
      double tieTolerance) {

    public Options {
      checkArgument(permutations >= 1, "permutations must be 1 or more, was %s", permutations);
      checkArgument(exactUpTo >= 0 && exactUpTo <= 30,
          "exactUpTo must be between 0 and 30, was %s", exactUpTo);
      checkArgument(bootstrapResamples >= 1,
          "bootstrapResamples must be 1 or more, was %s", bootstrapResamples);
      checkArgument(confidence > 0 && confidence < 1,
          "confidence must lie between 0 and 1, was %s", confidence);
      checkArgument(tieTolerance >= 0, "tieTolerance must not be negative, was %s", tieTolerance);
    }

    /** 100,000 permutations, exact up to 20 profiles, 10,000 resamples, 95%, seed 20261123. */
    public static Options defaults() {
      return new Options(100_000, 20, 10_000, 0.95, 20_261_123L, 1e-9);
    }
  }

  /** Compares paired values with the {@linkplain Options#defaults() default options}. */
  public static PairedComparison of(double[] baseline, double[] candidate) {
    return of(baseline, candidate, Options.defaults());
  }

  /**
   * Compares paired values: {@code baseline[i]} and {@code candidate[i]} belong to the same
   * profile.
   *
   * @throws IllegalArgumentException when the arrays are empty, differ in length or hold a value
   *     that is not finite
   */
  public static PairedComparison of(double[] baseline, double[] candidate, Options options) {
    checkNotNull(baseline, "baseline");
    checkNotNull(candidate, "candidate");
    checkNotNull(options, "options");
    checkArgument(baseline.length == candidate.length,
        "baseline has %s values, candidate %s: they must be paired", baseline.length,
        candidate.length);
    int n = baseline.length;
    checkArgument(n > 0, "nothing to compare: no paired values");
    double[] differences = new double[n];
    for (int i = 0; i < n; i++) {
      checkArgument(Double.isFinite(baseline[i]) && Double.isFinite(candidate[i]),
          "value %s is not finite: %s, %s", i, baseline[i], candidate[i]);
      differences[i] = candidate[i] - baseline[i];
    }

    int wins = 0;
    int losses = 0;
    for (double d : differences) {
      if (d > options.tieTolerance()) {
        wins++;
      } else if (d < -options.tieTolerance()) {
        losses++;
      }
    }
    boolean exact = n <= options.exactUpTo();
    long permutations = exact ? 1L << n : options.permutations();
    double randomizationP = exact
        ? exactRandomizationP(differences)
        : sampledRandomizationP(differences, options.permutations(), options.seed());
    double[] interval =
        bootstrapInterval(differences, options.bootstrapResamples(), options.confidence(),
            options.seed());
    return new PairedComparison(
        n,
        mean(baseline),
        mean(candidate),
        mean(differences),
        randomizationP,
        permutations,
        exact,
        tTestP(differences),
        options.confidence(),
        interval[0],
        interval[1],
        wins,
        n - wins - losses,
        losses);
  }

  /**
   * Compares two evaluations on one metric, profile by profile.
   *
   * @throws IllegalArgumentException when they evaluated different profiles or used different k
   */
  public static PairedComparison of(
      Evaluation baseline, Evaluation candidate, Metric metric, Options options) {
    checkPaired(baseline, candidate);
    checkNotNull(metric, "metric");
    return of(baseline.values(metric), candidate.values(metric), options);
  }

  /** Compares two evaluations on every metric, with the same options; in {@link Metric} order. */
  public static Map<Metric, PairedComparison> ofEveryMetric(
      Evaluation baseline, Evaluation candidate, Options options) {
    checkPaired(baseline, candidate);
    Map<Metric, PairedComparison> comparisons = new EnumMap<>(Metric.class);
    for (Metric metric : Metric.values()) {
      comparisons.put(metric, of(baseline.values(metric), candidate.values(metric), options));
    }
    return Collections.unmodifiableMap(comparisons);
  }

  private static void checkPaired(Evaluation baseline, Evaluation candidate) {
    checkNotNull(baseline, "baseline");
    checkNotNull(candidate, "candidate");
    checkArgument(baseline.k() == candidate.k(),
        "baseline is evaluated at k=%s, candidate at k=%s", baseline.k(), candidate.k());
    List<String> a = baseline.profiles();
    List<String> b = candidate.profiles();
    if (!a.equals(b)) {
      String onlyA = a.stream().filter(p -> !b.contains(p)).findFirst().orElse(null);
      String onlyB = b.stream().filter(p -> !a.contains(p)).findFirst().orElse(null);
      throw new IllegalArgumentException("baseline and candidate evaluated different profiles ("
          + a.size() + " and " + b.size() + "; " + (onlyA != null
              ? "only the baseline has " + onlyA : "only the candidate has " + onlyB)
          + "); rank every judged profile, or score missing rankings 0");
    }
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  /** Differences this close to the observed sum count as equally extreme (rounding). */
  private static double slack(double[] differences) {
    double sumAbs = 0;
    for (double d : differences) {
      sumAbs += Math.abs(d);
    }
    return 1e-9 * sumAbs;
  }

  private static double exactRandomizationP(double[] differences) {
    int n = differences.length;
    double observed = Math.abs(sum(differences));
    double threshold = observed - slack(differences);
    long assignments = 1L << n;
    long atLeastAsExtreme = 0;
    for (long signs = 0; signs < assignments; signs++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += (signs & (1L << i)) == 0 ? differences[i] : -differences[i];
      }
      if (Math.abs(s) >= threshold) {
        atLeastAsExtreme++;
      }
    }
    return (double) atLeastAsExtreme / assignments;
  }

  private static double sampledRandomizationP(double[] differences, int draws, long seed) {
    Random random = new Random(seed);
    double observed = Math.abs(sum(differences));
    double threshold = observed - slack(differences);
    long atLeastAsExtreme = 0;
    for (int draw = 0; draw < draws; draw++) {
      double s = 0;
      for (double d : differences) {
        s += random.nextBoolean() ? d : -d;
      }
      if (Math.abs(s) >= threshold) {
        atLeastAsExtreme++;
      }
    }
    return (atLeastAsExtreme + 1.0) / (draws + 1.0);
  }

  private static double sum(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s;
  }

  private static double tTestP(double[] differences) {
    int n = differences.length;
    if (n < 2) {
      return Double.NaN;
    }
    double mean = mean(differences);
    double squares = 0;
    for (double d : differences) {
      squares += (d - mean) * (d - mean);
    }
    double standardError = Math.sqrt(squares / (n - 1) / n);
    // Equal differences leave the t statistic undefined (0 / 0 or x / 0): decided here.
    if (standardError == 0 || standardError < 1e-15 * Math.abs(mean)) {
      return Math.abs(mean) < 1e-15 ? 1.0 : 0.0;
    }
    // The paired test is the one-sample test of the differences against 0 (the default mu),
    // two-sided.
    return TTest.withDefaults().test(differences).getPValue();
  }

  private static double[] bootstrapInterval(
      double[] differences, int resamples, double confidence, long seed) {
    int n = differences.length;
    Random random = new Random(seed);
    double[] means = new double[resamples];
    for (int r = 0; r < resamples; r++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += differences[random.nextInt(n)];
      }
      means[r] = s / n;
    }
    Arrays.sort(means);
    // As many resampled means lie below the lower bound as above the upper one.
    int outside = (int) Math.floor((1 - confidence) / 2 * resamples + 1e-9);
    return new double[] {means[outside], means[resamples - 1 - outside]};
  }
}
