package org.passgenau.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.passgenau.eval.PairedComparison.Options;

/** The statistics of comparing two systems profile by profile, against known values. */
class PairedComparisonTest {

  /**
   * Student's sleep data (Cushny and Peebles, 1905): extra hours of sleep of ten patients under
   * two drugs. Differences 1.2, 2.4, 1.3, 1.3, 0.0, 1.0, 1.8, 0.8, 4.6, 1.4; mean 1.58. R's {@code
   * t.test(group2, group1, paired = TRUE)}: t = 4.0621, df = 9, p-value = 0.002833.
   */
  private static final double[] DRUG_1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
  private static final double[] DRUG_2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};

  @Test
  void meanDifferenceIsCandidateMinusBaseline() {
    PairedComparison c = PairedComparison.of(DRUG_1, DRUG_2);

    assertThat(c.meanDifference()).isCloseTo(1.58, within(1e-12));
    assertThat(c.meanCandidate() - c.meanBaseline()).isCloseTo(1.58, within(1e-12));
  }

  @Test
  void pairedTTestAgreesWithTheTextbookSleepData() {
    assertThat(PairedComparison.of(DRUG_1, DRUG_2).tTestP()).isCloseTo(0.002833, within(0.000001));
  }

  @Test
  void randomizationTestIsExactForFewProfiles() {
    // All nine non-zero differences are positive: only the observed signs and their mirror,
    // each with either sign of the zero difference, are as extreme: 4 of 2^10 assignments.
    PairedComparison c = PairedComparison.of(DRUG_1, DRUG_2);

    assertThat(c.exact()).isTrue();
    assertThat(c.permutations()).isEqualTo(1024);
    assertThat(c.randomizationP()).isEqualTo(4.0 / 1024);
  }

  @Test
  void randomizationTestCountsEveryAssignmentAtLeastAsExtreme() {
    // Differences 1, 2, 3: sums over the 8 sign assignments are ±6, ±4, ±2, 0, 0;
    // |sum| >= 6 for 2 of them.
    PairedComparison c = PairedComparison.of(new double[] {0, 0, 0}, new double[] {1, 2, 3});

    assertThat(c.randomizationP()).isEqualTo(0.25);
  }

  @Test
  void differencesThatCancelOutGiveRandomizationPOfOne() {
    PairedComparison c = PairedComparison.of(new double[] {0, 1}, new double[] {1, 0});

    assertThat(c.meanDifference()).isZero();
    assertThat(c.randomizationP()).isEqualTo(1.0);
  }

  @Test
  void identicalSystemsGivePOfOneAndOnlyTies() {
    double[] values = {0.1, 0.5, 0.0, 1.0, 0.25};

    PairedComparison c = PairedComparison.of(values, values.clone());

    assertThat(c.randomizationP()).isEqualTo(1.0);
    assertThat(c.tTestP()).isEqualTo(1.0);
    assertThat(c.confidenceLower()).isZero();
    assertThat(c.confidenceUpper()).isZero();
    assertThat(List.of(c.wins(), c.ties(), c.losses())).containsExactly(0, 5, 0);
  }

  @Test
  void identicalSystemsOverManyProfilesGivePOfOneWhenSampled() {
    double[] values = new double[50];
    for (int i = 0; i < values.length; i++) {
      values[i] = i / 50.0;
    }

    PairedComparison c = PairedComparison.of(values, values.clone());

    assertThat(c.exact()).isFalse();
    assertThat(c.randomizationP()).isEqualTo(1.0);
  }

  @Test
  void sampledRandomizationTestComesCloseToTheExactOne() {
    Random random = new Random(7);
    double[] baseline = new double[22];
    double[] candidate = new double[22];
    for (int i = 0; i < baseline.length; i++) {
      baseline[i] = random.nextDouble();
      candidate[i] = baseline[i] + random.nextGaussian() * 0.2 + 0.05;
    }
    Options defaults = Options.defaults();
    Options exact = new Options(defaults.permutations(), 22, defaults.bootstrapResamples(),
        defaults.confidence(), defaults.seed(), defaults.tieTolerance());

    PairedComparison sampled = PairedComparison.of(baseline, candidate, defaults);
    PairedComparison enumerated = PairedComparison.of(baseline, candidate, exact);

    assertThat(sampled.exact()).isFalse();
    assertThat(enumerated.exact()).isTrue();
    assertThat(sampled.randomizationP())
        .as("within sampling error of 100,000 draws")
        .isCloseTo(enumerated.randomizationP(), within(0.01));
  }

  @Test
  void bootstrapIntervalContainsTheMeanDifference() {
    PairedComparison c = PairedComparison.of(DRUG_1, DRUG_2);

    assertThat(c.confidence()).isEqualTo(0.95);
    assertThat(c.confidenceLower()).isPositive().isLessThan(1.58);
    assertThat(c.confidenceUpper()).isGreaterThan(1.58).isLessThan(4.6);
  }

  @Test
  void swappingTheSystemsMirrorsTheResult() {
    PairedComparison forward = PairedComparison.of(DRUG_1, DRUG_2);
    PairedComparison backward = PairedComparison.of(DRUG_2, DRUG_1);

    assertThat(backward.meanDifference()).isEqualTo(-forward.meanDifference());
    assertThat(backward.randomizationP()).isEqualTo(forward.randomizationP());
    assertThat(backward.tTestP()).isEqualTo(forward.tTestP());
    assertThat(backward.confidenceLower()).isEqualTo(-forward.confidenceUpper());
    assertThat(List.of(backward.wins(), backward.losses()))
        .containsExactly(forward.losses(), forward.wins());
  }

  @Test
  void sameInputGivesTheSameResult() {
    double[] baseline = new double[40];
    double[] candidate = new double[40];
    for (int i = 0; i < 40; i++) {
      baseline[i] = (i * 7 % 11) / 11.0;
      candidate[i] = (i * 5 % 13) / 13.0;
    }

    assertThat(PairedComparison.of(baseline, candidate))
        .isEqualTo(PairedComparison.of(baseline, candidate));
  }

  @Test
  void winsTiesAndLossesAllowForRounding() {
    double[] baseline = {0.5, 0.5, 0.5, 0.2};
    double[] candidate = {0.6, 0.5 + 1e-12, 0.4, 0.2};

    PairedComparison c = PairedComparison.of(baseline, candidate);

    assertThat(List.of(c.wins(), c.ties(), c.losses())).containsExactly(1, 2, 1);
  }

  @Test
  void tTestOfEqualNonZeroDifferencesIsZero() {
    PairedComparison c =
        PairedComparison.of(new double[] {0.1, 0.2, 0.3}, new double[] {0.35, 0.45, 0.55});

    assertThat(c.tTestP()).isZero();
  }

  @Test
  void tTestOfASingleProfileIsUndefined() {
    assertThat(PairedComparison.of(new double[] {0.1}, new double[] {0.4}).tTestP()).isNaN();
  }

  @Test
  void unpairedValuesAreRefused() {
    assertThatThrownBy(() -> PairedComparison.of(new double[] {1, 2}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("paired");
  }

  @Test
  void evaluationsOfDifferentProfilesAreRefused() {
    Qrels qrels = Qrels.of(Map.of("P-1", Map.of("V-1", 1), "P-2", Map.of("V-1", 1)));
    Evaluation both = Evaluation.of(Map.of("P-1", List.of("V-1"), "P-2", List.of()), qrels, 10);
    Evaluation one = Evaluation.of(Map.of("P-1", List.of("V-1")), qrels, 10);

    assertThatThrownBy(() -> PairedComparison.of(both, one, Metric.MAP, Options.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only the baseline has P-2");
  }

  @Test
  void evaluationsAreComparedOnEveryMetricProfileByProfile() {
    Qrels qrels = Qrels.of(Map.of("P-1", Map.of("V-1", 1), "P-2", Map.of("V-2", 1)));
    Evaluation baseline = Evaluation.of(
        Map.of("P-1", List.of("V-2", "V-1"), "P-2", List.of("V-1", "V-2")), qrels, 10);
    Evaluation candidate = Evaluation.of(
        Map.of("P-1", List.of("V-1", "V-2"), "P-2", List.of("V-2", "V-1")), qrels, 10);

    Map<Metric, PairedComparison> all =
        PairedComparison.ofEveryMetric(baseline, candidate, Options.defaults());

    assertThat(all).containsOnlyKeys(Metric.values());
    assertThat(all.get(Metric.MRR).meanDifference()).as("1 - 1/2 for both").isEqualTo(0.5);
    assertThat(all.get(Metric.MRR).wins()).isEqualTo(2);
  }
}
