package org.passgenau.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of the measures over arbitrary judgments and rankings. */
class EvaluationPropertiesTest {

  /** Judgments (grade 0 to 3) and a ranking over ids V-0 to V-19. */
  record Case(Map<String, Integer> grades, List<String> ranking) {}

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<Map<String, Integer>> grades = Arbitraries.maps(
        Arbitraries.integers().between(0, 19).map(i -> "V-" + i),
        Arbitraries.integers().between(0, 3)).ofMinSize(1).ofMaxSize(12);
    Arbitrary<List<String>> ranking = Arbitraries.integers().between(0, 19).map(i -> "V-" + i)
        .list().uniqueElements().ofMaxSize(20);
    return Combinators.combine(grades, ranking).as(Case::new);
  }

  private static Scores scores(Case c, int k) {
    return Evaluation.of(Map.of("P-1", c.ranking()), Qrels.of(Map.of("P-1", c.grades())), k)
        .perProfile().get("P-1");
  }

  @Property(seed = "20261123", tries = 300)
  void everyMeasureLiesBetweenZeroAndOne(
      @ForAll("cases") Case c, @ForAll @IntRange(min = 1, max = 25) int k) {
    Scores scores = scores(c, k);

    for (Metric metric : Metric.values()) {
      assertThat(scores.get(metric)).as(metric.key()).isBetween(0.0, 1.0 + 1e-12);
    }
  }

  @Property(seed = "20261123", tries = 300)
  void rankingEveryJudgedOpportunityByGradeIsPerfect(
      @ForAll("cases") Case c, @ForAll @IntRange(min = 1, max = 25) int k) {
    List<String> ideal = new ArrayList<>(c.grades().keySet());
    ideal.sort(Comparator.comparing((String id) -> c.grades().get(id)).reversed());
    boolean anyRelevant = c.grades().values().stream().anyMatch(g -> g >= 1);

    Scores scores = scores(new Case(c.grades(), ideal), k);

    double expected = anyRelevant ? 1.0 : 0.0;
    assertThat(scores.ndcgAtK()).isCloseTo(expected, within(1e-12));
    assertThat(scores.averagePrecision()).isCloseTo(expected, within(1e-12));
    assertThat(scores.reciprocalRank()).isCloseTo(expected, within(1e-12));
  }

  @Property(seed = "20261123", tries = 300)
  void unjudgedOpportunitiesAddedAtTheEndChangeNothingAtK(
      @ForAll("cases") Case c, @ForAll @IntRange(min = 1, max = 25) int k) {
    List<String> longer = new ArrayList<>(c.ranking());
    for (int i = 0; i < 5; i++) {
      longer.add("X-" + i);
    }

    assertThat(scores(new Case(c.grades(), longer), k)).isEqualTo(scores(c, k));
  }

  @Property(seed = "20261123", tries = 300)
  void recallAtKNeverFallsAsKGrows(
      @ForAll("cases") Case c, @ForAll @IntRange(min = 1, max = 24) int k) {
    assertThat(scores(c, k + 1).recallAtK()).isGreaterThanOrEqualTo(scores(c, k).recallAtK());
  }

  @Property(seed = "20261123", tries = 100)
  void randomizationPIsAProbabilityAndSymmetric(
      @ForAll("values") List<Double> a, @ForAll("values") List<Double> b) {
    int n = Math.min(a.size(), b.size());
    double[] baseline = a.subList(0, n).stream().mapToDouble(Double::doubleValue).toArray();
    double[] candidate = b.subList(0, n).stream().mapToDouble(Double::doubleValue).toArray();

    PairedComparison forward = PairedComparison.of(baseline, candidate);
    PairedComparison backward = PairedComparison.of(candidate, baseline);

    assertThat(forward.randomizationP()).isGreaterThan(0).isLessThanOrEqualTo(1);
    assertThat(backward.randomizationP()).isEqualTo(forward.randomizationP());
    assertThat(forward.confidenceLower()).isLessThanOrEqualTo(forward.confidenceUpper());
  }

  @Provide
  Arbitrary<List<Double>> values() {
    return Arbitraries.doubles().between(0, 1).ofScale(3).list().ofMinSize(1).ofMaxSize(30);
  }
}
