package org.passgenau.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The measures on small cases worked out by hand, the arithmetic in each test. trec_eval's own
 * numbers for larger fixtures are checked in {@link TrecEvalAgreementTest}.
 */
class EvaluationTest {

  private static final double EXACT = 1e-12;

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  /** One profile P-1 with these judgments and this ranking, at k. */
  private static Scores scoresOf(Map<String, Integer> grades, List<String> ranking, int k) {
    Qrels qrels = Qrels.of(Map.of("P-1", grades));
    return Evaluation.of(Map.of("P-1", ranking), qrels, k).perProfile().get("P-1");
  }

  @Test
  void unjudgedDocumentsCountAsNonRelevant() {
    // V-8 and V-9 are not judged: only V-1 at rank 3 is relevant, so p@5 = 1/5.
    Scores scores = scoresOf(Map.of("V-1", 1), List.of("V-8", "V-9", "V-1"), 5);

    assertThat(scores.precisionAtK()).isCloseTo(0.2, within(EXACT));
    assertThat(scores.reciprocalRank()).isCloseTo(1.0 / 3, within(EXACT));
  }

  @Test
  void gradeZeroIsJudgedButNotRelevant() {
    // V-2 is judged 0: the first relevant one is V-1 at rank 2.
    Scores scores = scoresOf(Map.of("V-1", 2, "V-2", 0), List.of("V-2", "V-1"), 5);

    assertThat(scores.reciprocalRank()).isCloseTo(0.5, within(EXACT));
    assertThat(scores.recallAtK()).as("one relevant judged, one found").isCloseTo(1.0, within(EXACT));
  }

  @Test
  void precisionDividesByKEvenWhenFewerAreRanked() {
    // Two ranked, both relevant, k = 10: 2/10, not 2/2.
    Scores scores = scoresOf(Map.of("V-1", 1, "V-2", 1), List.of("V-1", "V-2"), 10);

    assertThat(scores.precisionAtK()).isCloseTo(0.2, within(EXACT));
  }

  @Test
  void precisionAndRecallLookOnlyAtTheFirstK() {
    // Relevant at ranks 1 and 3, k = 2: one relevant in the first two of three judged relevant.
    Scores scores =
        scoresOf(Map.of("V-1", 1, "V-3", 1, "V-9", 1), List.of("V-1", "V-2", "V-3"), 2);

    assertThat(scores.precisionAtK()).isCloseTo(1.0 / 2, within(EXACT));
    assertThat(scores.recallAtK()).isCloseTo(1.0 / 3, within(EXACT));
  }

  @Test
  void reciprocalRankLooksBeyondK() {
    // trec_eval's recip_rank is not cut: the first relevant at rank 4 counts at k = 2.
    Scores scores = scoresOf(Map.of("V-4", 1), List.of("V-1", "V-2", "V-3", "V-4"), 2);

    assertThat(scores.reciprocalRank()).isCloseTo(0.25, within(EXACT));
  }

  @Test
  void averagePrecisionDividesByEveryRelevantJudgedOpportunity() {
    // Relevant at ranks 1 and 3; V-9 is relevant but never ranked:
    // (1/1 + 2/3) / 3 = 0.5555...
    Scores scores =
        scoresOf(Map.of("V-1", 1, "V-3", 2, "V-9", 1), List.of("V-1", "V-2", "V-3"), 10);

    assertThat(scores.averagePrecision()).isCloseTo((1.0 + 2.0 / 3) / 3, within(EXACT));
  }

  @Test
  void averagePrecisionIsNotCutAtK() {
    // Relevant at ranks 1 and 3, k = 1: still (1/1 + 2/3) / 2.
    Scores scores = scoresOf(Map.of("V-1", 1, "V-3", 1), List.of("V-1", "V-2", "V-3"), 1);

    assertThat(scores.averagePrecision()).isCloseTo((1.0 + 2.0 / 3) / 2, within(EXACT));
  }

  @Test
  void ndcgTakesGradesAsGainsAndDiscountsByLog2OfTheRankPlusOne() {
    // Ranking V-4 (3), V-7 (unjudged), V-3 (1), V-2 (0), V-1 (2):
    // DCG = 3/log2(2) + 0 + 1/log2(4) + 0 + 2/log2(6);
    // ideal = 3, 2, 1, 1 (V-9 is judged 1, not ranked) = 3/log2(2) + 2/log2(3) + 1/log2(4)
    // + 1/log2(5).
    Map<String, Integer> grades = Map.of("V-1", 2, "V-2", 0, "V-3", 1, "V-4", 3, "V-9", 1);
    Scores scores = scoresOf(grades, List.of("V-4", "V-7", "V-3", "V-2", "V-1"), 5);

    double dcg = 3 + 1 / log2(4) + 2 / log2(6);
    double ideal = 3 + 2 / log2(3) + 1 / log2(4) + 1 / log2(5);
    assertThat(scores.ndcgAtK()).isCloseTo(dcg / ideal, within(EXACT));
    assertThat(scores.ndcgAtK()).as("trec_eval 9.0.4: ndcg_cut_5 P-1 0.8230")
        .isCloseTo(0.8230, within(0.00005));
  }

  @Test
  void ndcgDiscountsRankTwo() {
    // Grades 1 then 2: DCG 1 + 2/log2(3) is below the ideal 2 + 1/log2(3). (Jarvelin and
    // Kekalainen's original discount, log2(r) from rank 2 on, would give both 3, an nDCG of 1.)
    Scores scores = scoresOf(Map.of("V-1", 1, "V-2", 2), List.of("V-1", "V-2"), 10);

    assertThat(scores.ndcgAtK())
        .isCloseTo((1 + 2 / log2(3)) / (2 + 1 / log2(3)), within(EXACT))
        .isLessThan(1.0);
  }

  @Test
  void ndcgIdealIsCutAtKToo() {
    // k = 1: DCG = 1 (V-1, grade 1); ideal = the best grade alone, 3.
    Scores scores = scoresOf(Map.of("V-1", 1, "V-2", 3), List.of("V-1", "V-2"), 1);

    assertThat(scores.ndcgAtK()).isCloseTo(1.0 / 3, within(EXACT));
  }

  @Test
  void profileJudgedWithoutRelevantOpportunitiesScoresZeroAndCountsInTheMean() {
    Qrels qrels = Qrels.of(Map.of("P-1", Map.of("V-1", 1), "P-2", Map.of("V-1", 0, "V-2", 0)));
    Map<String, List<String>> rankings = Map.of("P-1", List.of("V-1"), "P-2", List.of("V-1"));

    Evaluation evaluation = Evaluation.of(rankings, qrels, 10);

    assertThat(evaluation.perProfile().get("P-2")).isEqualTo(Scores.ZERO);
    assertThat(evaluation.mean(Metric.MRR)).as("(1 + 0) / 2").isCloseTo(0.5, within(EXACT));
  }

  @Test
  void profilesWithoutJudgmentsAreLeftOut() {
    Qrels qrels = Qrels.of(Map.of("P-1", Map.of("V-1", 1)));
    Map<String, List<String>> rankings = Map.of("P-1", List.of("V-1"), "P-9", List.of("V-1"));

    Evaluation evaluation = Evaluation.of(rankings, qrels, 10);

    assertThat(evaluation.profiles()).containsExactly("P-1");
    assertThat(evaluation.profilesWithoutJudgments()).containsExactly("P-9");
    assertThat(evaluation.mean(Metric.MRR)).isCloseTo(1.0, within(EXACT));
  }

  @Test
  void judgedProfilesWithoutRankingAreLeftOutByDefault() {
    Qrels qrels = Qrels.of(Map.of("P-1", Map.of("V-1", 1), "P-2", Map.of("V-1", 1)));

    Evaluation evaluation = Evaluation.of(Map.of("P-1", List.of("V-1")), qrels, 10);

    assertThat(evaluation.profiles()).containsExactly("P-1");
    assertThat(evaluation.profilesWithoutRanking()).containsExactly("P-2");
    assertThat(evaluation.mean(Metric.PRECISION_AT_K)).isCloseTo(0.1, within(EXACT));
  }

  @Test
  void judgedProfilesWithoutRankingScoreZeroWhenAskedAsTrecEvalMinusC() {
    Qrels qrels = Qrels.of(Map.of("P-1", Map.of("V-1", 1), "P-2", Map.of("V-1", 1)));

    Evaluation evaluation = Evaluation.of(
        Map.of("P-1", List.of("V-1")), qrels, 10, MissingRankings.SCORE_ZERO);

    assertThat(evaluation.perProfile().get("P-2")).isEqualTo(Scores.ZERO);
    assertThat(evaluation.mean(Metric.MRR)).as("(1 + 0) / 2").isCloseTo(0.5, within(EXACT));
  }

  @Test
  void emptyRankingIsEvaluatedAndScoresZero() {
    Qrels qrels = Qrels.of(Map.of("P-1", Map.of("V-1", 1), "P-2", Map.of("V-1", 1)));
    Map<String, List<String>> rankings = Map.of("P-1", List.of("V-1"), "P-2", List.of());

    Evaluation evaluation = Evaluation.of(rankings, qrels, 10);

    assertThat(evaluation.perProfile().get("P-2")).isEqualTo(Scores.ZERO);
    assertThat(evaluation.profilesWithoutRanking()).isEmpty();
  }

  @Test
  void meanIsOverTheEvaluatedProfilesEachCountingOnce() {
    // p@2: P-1 has 2 of 2 relevant (1.0), P-2 none (0.0), P-3 1 of 2 (0.5): mean 0.5.
    Qrels qrels = Qrels.of(Map.of(
        "P-1", Map.of("V-1", 1, "V-2", 1),
        "P-2", Map.of("V-1", 0),
        "P-3", Map.of("V-2", 2)));
    Map<String, List<String>> rankings = Map.of(
        "P-1", List.of("V-1", "V-2"), "P-2", List.of("V-1", "V-2"), "P-3", List.of("V-1", "V-2"));

    Evaluation evaluation = Evaluation.of(rankings, qrels, 2);

    assertThat(evaluation.values(Metric.PRECISION_AT_K)).containsExactly(1.0, 0.0, 0.5);
    assertThat(evaluation.mean(Metric.PRECISION_AT_K)).isCloseTo(0.5, within(EXACT));
  }

  @Test
  void inMemoryRankingsKeepTheOrderGiven() {
    // Evaluation.of does not re-sort: V-2 first, as given.
    Scores scores = scoresOf(Map.of("V-1", 1), List.of("V-2", "V-1"), 10);

    assertThat(scores.reciprocalRank()).isCloseTo(0.5, within(EXACT));
  }

  @Test
  void rankingThatListsAnOpportunityTwiceIsRefused() {
    Qrels qrels = Qrels.of(Map.of("P-1", Map.of("V-1", 1)));

    assertThatThrownBy(() -> Evaluation.of(Map.of("P-1", List.of("V-1", "V-2", "V-1")), qrels, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("P-1").hasMessageContaining("V-1 twice");
  }

  @Test
  void rankingsWithoutAnyJudgedProfileAreRefused() {
    Qrels qrels = Qrels.of(Map.of("P-1", Map.of("V-1", 1)));

    assertThatThrownBy(() -> Evaluation.of(Map.of("P-2", List.of("V-1")), qrels, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no profile has both a ranking and judgments");
  }

  @Test
  void kBelowOneIsRefused() {
    Qrels qrels = Qrels.of(Map.of("P-1", Map.of("V-1", 1)));

    assertThatThrownBy(() -> Evaluation.of(Map.of("P-1", List.of("V-1")), qrels, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k must be 1 or more");
  }

  @Test
  void perProfileResultsCannotBeChanged() {
    Map<String, List<String>> rankings = new HashMap<>(Map.of("P-1", List.of("V-1")));
    Evaluation evaluation = Evaluation.of(rankings, Qrels.of(Map.of("P-1", Map.of("V-1", 1))), 10);
    rankings.put("P-1", List.of());

    assertThat(evaluation.mean(Metric.MRR)).as("unaffected by later changes").isEqualTo(1.0);
    assertThatThrownBy(() -> evaluation.perProfile().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
