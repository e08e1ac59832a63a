package org.passgenau.eval;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Several rule sets evaluated on the same profiles and judgments, each candidate compared with the
 * baseline on every {@link Metric} by a {@link PairedComparison}. Immutable; the same evaluations
 * and options give the same comparison.
 *
 * <p>{@code alpha} is the significance level the reports mark differences at (randomization test
 * p below alpha) and sets the confidence level of the bootstrap intervals to 1 - alpha. The
 * p-values are not corrected for the number of comparisons (candidates times metrics).
 */
public final class RuleSetComparison {

  /** The significance level when none is given. */
  public static final double DEFAULT_ALPHA = 0.05;

  /**
   * One evaluated rule set.
   *
   * @param label its name in reports: the rule set's name, made unique (see {@link #of})
   * @param source where the rule set came from, such as its file; empty when unknown
   */
  public record Variant(String label, String source, Evaluation evaluation) {
    public Variant {
      checkArgument(label != null && !label.isBlank(), "label must not be blank");
      checkNotNull(source, "source");
      checkNotNull(evaluation, "evaluation");
    }
  }

  /**
   * A candidate and how it compares with the baseline.
   *
   * @param comparisons per metric; differences are candidate minus baseline
   */
  public record Candidate(Variant variant, Map<Metric, PairedComparison> comparisons) {
    public Candidate {
      checkNotNull(variant, "variant");
      comparisons = Map.copyOf(comparisons);
    }

    /** The comparison on one metric. */
    public PairedComparison on(Metric metric) {
      return comparisons.get(metric);
    }
  }

  private final Variant baseline;
  private final List<Candidate> candidates;
  private final double alpha;
  private final PairedComparison.Options options;

  private RuleSetComparison(
      Variant baseline, List<Candidate> candidates, double alpha,
      PairedComparison.Options options) {
    this.baseline = baseline;
    this.candidates = List.copyOf(candidates);
    this.alpha = alpha;
    this.options = options;
  }

  /**
   * Compares each candidate with the baseline, with {@link PairedComparison.Options#defaults()}
   * except for the confidence level, 1 - alpha.
   *
   * @throws IllegalArgumentException when there is no candidate, alpha is not between 0 and 1,
   *     labels repeat, or the evaluations differ in k or in their profiles
   */
  public static RuleSetComparison of(Variant baseline, List<Variant> candidates, double alpha) {
    checkArgument(alpha > 0 && alpha < 1, "alpha must lie between 0 and 1, was %s", alpha);
    PairedComparison.Options d = PairedComparison.Options.defaults();
    return of(baseline, candidates, alpha, new PairedComparison.Options(
        d.permutations(), d.exactUpTo(), d.bootstrapResamples(), 1 - alpha, d.seed(),
        d.tieTolerance()));
  }

  /**
   * Compares each candidate with the baseline.
   *
   * @throws IllegalArgumentException when there is no candidate, alpha is not between 0 and 1,
   *     labels repeat, or the evaluations differ in k or in their profiles
   */
  public static RuleSetComparison of(
      Variant baseline, List<Variant> candidates, double alpha, PairedComparison.Options options) {
    checkNotNull(baseline, "baseline");
    checkNotNull(candidates, "candidates");
    checkNotNull(options, "options");
    checkArgument(!candidates.isEmpty(), "no candidate to compare with the baseline");
    checkArgument(alpha > 0 && alpha < 1, "alpha must lie between 0 and 1, was %s", alpha);
    Set<String> labels = new HashSet<>();
    labels.add(baseline.label());
    List<Candidate> compared = new ArrayList<>();
    for (Variant candidate : candidates) {
      checkArgument(labels.add(candidate.label()), "label %s is used twice", candidate.label());
      compared.add(new Candidate(candidate, PairedComparison.ofEveryMetric(
          baseline.evaluation(), candidate.evaluation(), options)));
    }
    return new RuleSetComparison(baseline, compared, alpha, options);
  }

  /**
   * Unique labels for rule sets named {@code names}, in order: each name as it is, and a repeated
   * name with {@code -2}, {@code -3}, ... after it (so {@code default}, {@code default-2}).
   */
  public static List<String> uniqueLabels(List<String> names) {
    checkNotNull(names, "names");
    Set<String> given = new HashSet<>(names);
    Set<String> assigned = new HashSet<>();
    List<String> labels = new ArrayList<>();
    for (String name : names) {
      String label = name;
      int n = 2;
      // Skip labels taken, and other rule sets' own names.
      while (assigned.contains(label) || (!label.equals(name) && given.contains(label))) {
        label = name + "-" + n++;
      }
      assigned.add(label);
      labels.add(label);
    }
    return labels;
  }

  public Variant baseline() {
    return baseline;
  }

  /** The candidates, in the order given. */
  public List<Candidate> candidates() {
    return candidates;
  }

  /** The baseline, then the candidates. */
  public List<Variant> variants() {
    List<Variant> all = new ArrayList<>();
    all.add(baseline);
    candidates.forEach(c -> all.add(c.variant()));
    return all;
  }

  /** The significance level differences are marked at. */
  public double alpha() {
    return alpha;
  }

  /** How the tests ran. */
  public PairedComparison.Options options() {
    return options;
  }

  /** The cutoff of the measures at k. */
  public int k() {
    return baseline.evaluation().k();
  }

  /** The profiles every variant was evaluated on, in code point order. */
  public List<String> profiles() {
    return baseline.evaluation().profiles();
  }

  /** Whether a comparison is significant at {@link #alpha()} by the randomization test. */
  public boolean significant(PairedComparison comparison) {
    return comparison.randomizationP() < alpha;
  }
}
