package org.passgenau.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.passgenau.eval.RuleSetComparison.Variant;

/** Rule sets compared with a baseline on every metric. */
class RuleSetComparisonTest {

  /** P-1 judges V-1 relevant, P-2 V-2, P-3 V-3. */
  private static final Qrels QRELS = Qrels.of(Map.of(
      "P-1", Map.of("V-1", 2, "V-9", 0),
      "P-2", Map.of("V-2", 1),
      "P-3", Map.of("V-3", 3)));

  /** Finds each profile's relevant opportunity first. */
  private static final Map<String, List<String>> FIRST = Map.of(
      "P-1", List.of("V-1", "V-2"), "P-2", List.of("V-2", "V-1"), "P-3", List.of("V-3"));
  /** Finds P-1's second and P-3's not at all. */
  private static final Map<String, List<String>> WORSE = Map.of(
      "P-1", List.of("V-2", "V-1"), "P-2", List.of("V-2", "V-1"), "P-3", List.of("V-4"));

  private static Variant variant(String label, Map<String, List<String>> rankings) {
    return new Variant(label, label + ".json", Evaluation.of(rankings, QRELS, 10));
  }

  @Test
  void identicalRuleSetsDifferInNothing() {
    RuleSetComparison comparison = RuleSetComparison.of(
        variant("default", FIRST), List.of(variant("default-2", FIRST)), 0.05);

    for (Metric metric : Metric.values()) {
      PairedComparison c = comparison.candidates().get(0).on(metric);
      assertThat(c.meanDifference()).as("%s difference", metric).isZero();
      assertThat(c.randomizationP()).as("%s randomization p", metric).isEqualTo(1.0);
      assertThat(c.tTestP()).as("%s t-test p", metric).isEqualTo(1.0);
      assertThat(c.confidenceLower()).as("%s interval", metric).isZero();
      assertThat(c.confidenceUpper()).as("%s interval", metric).isZero();
      assertThat(c.ties()).as("%s ties", metric).isEqualTo(3);
      assertThat(comparison.significant(c)).isFalse();
    }
  }

  @Test
  void differencesAreCandidateMinusBaseline() {
    RuleSetComparison comparison = RuleSetComparison.of(
        variant("first", FIRST), List.of(variant("worse", WORSE)), 0.05);

    PairedComparison mrr = comparison.candidates().get(0).on(Metric.MRR);
    assertThat(mrr.meanDifference()).as("(-1/2 + 0 - 1) / 3").isCloseTo(-0.5, within(1e-12));
    assertThat(mrr.losses()).isEqualTo(2);
    assertThat(mrr.ties()).isEqualTo(1);
  }

  @Test
  void alphaSetsTheConfidenceOfTheIntervals() {
    RuleSetComparison comparison = RuleSetComparison.of(
        variant("first", FIRST), List.of(variant("worse", WORSE)), 0.1);

    assertThat(comparison.alpha()).isEqualTo(0.1);
    assertThat(comparison.options().confidence()).isCloseTo(0.9, within(1e-12));
    assertThat(comparison.candidates().get(0).on(Metric.MAP).confidence())
        .isCloseTo(0.9, within(1e-12));
  }

  @Test
  void candidatesAreComparedWithTheBaselineInTheOrderGiven() {
    RuleSetComparison comparison = RuleSetComparison.of(variant("first", FIRST),
        List.of(variant("worse", WORSE), variant("same", FIRST)), 0.05);

    assertThat(comparison.variants()).extracting(Variant::label)
        .containsExactly("first", "worse", "same");
    assertThat(comparison.profiles()).containsExactly("P-1", "P-2", "P-3");
    assertThat(comparison.k()).isEqualTo(10);
  }

  @Test
  void candidateEvaluatedOnOtherProfilesIsRefused() {
    Variant fewer = new Variant("fewer", "",
        Evaluation.of(Map.of("P-1", List.of("V-1")), QRELS, 10));

    assertThatThrownBy(() -> RuleSetComparison.of(variant("first", FIRST), List.of(fewer), 0.05))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("different profiles");
  }

  @Test
  void comparisonWithoutCandidateOrWithRepeatedLabelIsRefused() {
    assertThatThrownBy(() -> RuleSetComparison.of(variant("first", FIRST), List.of(), 0.05))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no candidate");
    assertThatThrownBy(() -> RuleSetComparison.of(variant("first", FIRST),
        List.of(variant("first", WORSE)), 0.05))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    assertThatThrownBy(() -> RuleSetComparison.of(variant("first", FIRST),
        List.of(variant("worse", WORSE)), 1.0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha");
  }

  @Test
  void repeatedRuleSetNamesGetNumberedLabels() {
    assertThat(RuleSetComparison.uniqueLabels(List.of("default", "default", "short", "default")))
        .containsExactly("default", "default-2", "short", "default-3");
    assertThat(RuleSetComparison.uniqueLabels(List.of("a", "a", "a-2")))
        .as("another rule set's own name is not taken")
        .containsExactly("a", "a-3", "a-2");
  }
}
