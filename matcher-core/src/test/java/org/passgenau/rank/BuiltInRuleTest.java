package org.passgenau.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.util.FixedBitSet;
import org.junit.jupiter.api.Test;
import org.passgenau.model.Cefr;
import org.passgenau.model.Opportunity;
import org.passgenau.model.OpportunityKind;
import org.passgenau.model.Profile;
import org.passgenau.rank.BuiltInRule.Capability;
import org.passgenau.rank.BuiltInRule.Kind;

/** The registry of built-in rules: order, names, default weights, factories and capabilities. */
class BuiltInRuleTest {

  @Test
  void exclusionsAreCountedInTheRegistrysFilterOrderStartingWithTheCommute() {
    assertThat(RuleSet.FILTERS).as("filters in counting order").containsExactly(
        "commute", "work_permit", "application_deadline", "start_date", "recognition",
        "language_floor", "hours", "shift_work", "night_work", "weekend_work", "childcare",
        "physical_demand", "accessibility", "driving_license", "school");
    assertThat(RuleSet.SCORERS).as("scorers in explanation order").containsExactly(
        "occupation", "skills", "qualification_level", "recognition_signal", "language",
        "distance", "hours_fit", "apprenticeship_residence", "childcare_support");
  }

  @Test
  void everyRegistryLineMakesARuleObjectOfItsOwnNameAndKind() {
    for (BuiltInRule rule : BuiltInRule.values()) {
      Rule made = rule.kind() == Kind.FILTER ? rule.newFilter() : rule.newScorer();
      assertThat(made.name()).as("rule object of %s", rule).isEqualTo(rule.ruleName());
      assertThat(BuiltInRule.named(rule.ruleName())).as("looked up by name").contains(rule);
    }
    assertThatThrownBy(BuiltInRule.DISTANCE::newFilter).hasMessage("distance is a scorer");
    assertThatThrownBy(BuiltInRule.COMMUTE::newScorer).hasMessage("commute is a filter");
    assertThat(BuiltInRule.named("gender")).as("no such rule").isEmpty();
  }

  @Test
  void theDefaultRuleSetWeighsEachScorerByItsRegistryWeightAndTheWeightsSumToOne() {
    double sum = 0;
    for (BuiltInRule scorer : BuiltInRule.SCORERS) {
      assertThat(RuleSet.defaults().weight(scorer.ruleName())).as("default weight of %s", scorer)
          .isEqualTo(scorer.defaultWeight());
      sum += scorer.defaultWeight();
    }
    assertThat(sum).as("sum of the default weights").isCloseTo(1.0, within(1e-12));
    assertThat(BuiltInRule.OCCUPATION.defaultWeight()).isEqualTo(0.30);
    assertThat(BuiltInRule.DISTANCE.defaultWeight()).isEqualTo(0.15);
  }

  @Test
  void onlyTheCommuteScansWholeSegmentsAndOnlyTheDistanceIsDeferred() {
    assertThat(Arrays.stream(BuiltInRule.values()).filter(r -> r.has(Capability.SCANS_SEGMENT)))
        .containsExactly(BuiltInRule.COMMUTE);
    assertThat(Arrays.stream(BuiltInRule.values()).filter(r -> r.has(Capability.DEFERRABLE)))
        .containsExactly(BuiltInRule.DISTANCE);
    assertThat(BuiltInRule.COMMUTE.indexInKind()).isZero();
    assertThat(BuiltInRule.DISTANCE.indexInKind()).isEqualTo(RuleSet.SCORERS.indexOf("distance"));
  }

  /**
   * A filter without a scan of its own keeps, when it scans a segment, exactly the live rows its
   * admits accepts; the commute filter's own scan over its reach cells agrees with it too.
   */
  @Test
  void aSegmentScanKeepsTheLiveRowsTheFilterAdmits() {
    Vocabulary vocabulary = new Vocabulary(text -> List.of(text.toLowerCase(Locale.ROOT)));
    Cefr[] levels = Cefr.values();
    List<Opportunity> opportunities = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      opportunities.add(Opportunity.builder("O-" + i, OpportunityKind.VACANCY, "Stelle")
          .requireLanguage("de", levels[i % levels.length])
          .languageSupport(i % 4 == 0)
          .build());
    }
    Profile person = Profile.builder("P-1").speaks("de", Cefr.A2).build();
    OpportunityColumns c = OpportunityColumns.of(opportunities, vocabulary, o -> -1);
    ProfileQuery q = new ProfileQuery(
        person, RuleSet.defaults(), LocalDate.of(2026, 11, 23), vocabulary, o -> -1);
    FixedBitSet live = new FixedBitSet(c.size);
    for (int d = 0; d < c.size; d++) {
      if (d % 3 != 0) {
        live.set(d);
      }
    }
    for (BuiltInRule rule : List.of(BuiltInRule.LANGUAGE_FLOOR, BuiltInRule.COMMUTE)) {
      Rule.BoundFilter filter = rule.newFilter().bind(q);
      List<Integer> admitted = new ArrayList<>();
      for (int r = 0; r < c.size; r++) {
        if (live.get(c.segmentDoc[r]) && filter.admits(c, r)) {
          admitted.add(r);
        }
      }
      int[] docs = new int[c.size];
      int n = filter.scan(c, live, docs);

      assertThat(Arrays.stream(docs, 0, n).boxed().toList()).as("scan of %s", rule)
          .isEqualTo(admitted);
      if (rule == BuiltInRule.LANGUAGE_FLOOR) {
        assertThat(n).as("not a vacuous pass").isBetween(1, c.size - 1);
      }
    }
  }
}
