package org.passgenau.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passgenau.rank.Fixtures.TODAY;
import static org.passgenau.rank.Fixtures.ids;
import static org.passgenau.rank.Fixtures.person;
import static org.passgenau.rank.Fixtures.vacancy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.passgenau.model.Opportunity;
import org.passgenau.model.Profile;
import org.passgenau.rank.spi.CustomScorer;

/**
 * The engine ranks by the score as it writes it, to four decimals: opportunities whose written
 * scores are equal stand in id order, whatever their unwritten digits, in {@code match}, in the
 * top-k cut and in the feature log.
 */
class WrittenScoreOrderTest {

  /**
   * Six helper jobs alike in everything but a custom "nudge" that adds a few millionths to the
   * score, more for a later id: V-6 has the highest full score and V-1 the lowest, all within one
   * unit of the fourth decimal.
   */
  private static final List<Opportunity> NUDGED = List.of(
      vacancy("V-1").build(), vacancy("V-2").build(), vacancy("V-3").build(),
      vacancy("V-4").build(), vacancy("V-5").build(), vacancy("V-6").build());

  private static final RuleSet WITH_NUDGE =
      RuleSet.defaults().toBuilder().name("nudged").customWeight("nudge", 0.01).build();

  /**
   * The number in the id, times 1e-4, as the scorer's value; weighed 0.01 of 1.01, each step adds
   * about 1e-6 to the score.
   */
  private static final CustomScorer NUDGE = CustomRuleEngineTest.scorer("nudge",
      o -> Double.parseDouble(o.id().substring(2)), (p, day) -> x -> x * 1e-4);

  private static MatchingEngine engine() {
    MatchingEngine engine =
        MatchingEngine.builder().ruleSet(WITH_NUDGE).customRule(NUDGE).build();
    engine.upsertAll(NUDGED);
    engine.refresh();
    return engine;
  }

  private static final Profile PERSON = person("P-1").build();

  @Test
  void equalWrittenScoresStandInIdOrderThoughTheirFullScoresDiffer() {
    Features features;
    MatchResult result;
    try (MatchingEngine engine = engine()) {
      result = engine.match(PERSON, new MatchOptions(10, TODAY, Locale.ENGLISH));
      features = engine.features(PERSON, new MatchOptions(10, TODAY, Locale.ENGLISH));
    }
    Map<String, Double> full = new TreeMap<>();
    features.candidates().forEach(c -> full.put(c.opportunityId(), c.score()));

    assertThat(result.matches()).extracting(Match::score).as("one written score for all")
        .containsOnly(result.matches().get(0).score());
    assertThat(List.copyOf(full.values()))
        .as("the full scores, V-1 to V-6: they differ, and rise with the id")
        .hasSize(6).isSortedAccordingTo(Double::compare).doesNotHaveDuplicates();
    assertThat(ids(result)).containsExactly("V-1", "V-2", "V-3", "V-4", "V-5", "V-6");
    assertThat(features.candidates()).extracting(Features.Candidate::opportunityId)
        .as("the feature log in match's order").containsExactlyElementsOf(ids(result));
  }

  @Test
  void theTopKCutKeepsTheSmallestIdsAmongEqualWrittenScores() {
    MatchResult result;
    try (MatchingEngine engine = engine()) {
      result = engine.match(PERSON, new MatchOptions(2, TODAY, Locale.ENGLISH));
    }

    assertThat(ids(result)).as("not V-6 and V-5, whose unwritten digits are higher")
        .containsExactly("V-1", "V-2");
  }

  @Test
  void aHigherWrittenScoreStillComesFirst() {
    // V-900's nudge is worth about ten units of the fourth decimal: it is written higher.
    List<Opportunity> corpus = new ArrayList<>(NUDGED);
    corpus.add(vacancy("V-900").build());
    MatchResult result;
    try (MatchingEngine engine =
        MatchingEngine.builder().ruleSet(WITH_NUDGE).customRule(NUDGE).build()) {
      engine.upsertAll(corpus);
      engine.refresh();
      result = engine.match(PERSON, new MatchOptions(3, TODAY, Locale.ENGLISH));
    }

    assertThat(ids(result)).containsExactly("V-900", "V-1", "V-2");
    assertThat(result.matches().get(0).score()).isGreaterThan(result.matches().get(1).score());
  }
}
