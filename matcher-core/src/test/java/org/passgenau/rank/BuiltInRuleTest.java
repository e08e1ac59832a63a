package org.passgenau.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.lucene.util.FixedBitSet;
import org.junit.jupiter.api.Test;
import org.passgenau.model.Cefr;
import org.passgenau.model.Demand;
import org.passgenau.model.Level;
import org.passgenau.model.Location;
import org.passgenau.model.Occupation;
import org.passgenau.model.Opportunity;
import org.passgenau.model.OpportunityKind;
import org.passgenau.model.Profile;
import org.passgenau.model.Qualification;
import org.passgenau.model.Recognition;
import org.passgenau.rank.BuiltInRule.Capability;
import org.passgenau.rank.BuiltInRule.Kind;
import org.passgenau.taxonomy.IscoCode;

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

  @Test
  void everyFilterSaysItsOwnNextStepInEnglishGermanAndDutch() {
    for (Locale locale : List.of(Locale.ENGLISH, Locale.GERMAN, Locale.forLanguageTag("nl"))) {
      Messages m = new Messages(locale, (isco, l) -> Optional.empty());
      for (BuiltInRule rule : BuiltInRule.FILTERS) {
        assertThat(rule.newFilter().nextStep(17, m)).as("next step of %s in %s", rule, locale)
            .isEqualTo(m.text("next." + rule.ruleName(), 17))
            .contains("17");
      }
    }
  }

  /**
   * A rule's own columns are built per segment from the opportunities in row order, which is the
   * spatial order of the reach cells, not the order in which the opportunities came.
   */
  @Test
  void aRulesOwnColumnFollowsTheRowsOfItsSegment() {
    Vocabulary vocabulary = new Vocabulary(text -> List.of(text.toLowerCase(Locale.ROOT)));
    Location[] towns = {Fixtures.HANNOVER, Fixtures.VIERSEN, Fixtures.GRONINGEN, Fixtures.KREFELD};
    Demand[] demands = Demand.values();
    List<Opportunity> opportunities = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      opportunities.add(Fixtures.vacancy("V-" + i)
          .location(towns[i % towns.length])
          .physicalDemand(demands[i % demands.length])
          .nightWork(i % 3 == 0)
          .childcareSupport(i % 2 == 0)
          .build());
    }
    OpportunityColumns c = OpportunityColumns.of(opportunities, vocabulary, o -> -1);
    byte[] demand = c.bytes(BuiltInRule.PHYSICAL_DEMAND);
    boolean[] nightsWithoutCare = c.booleans(BuiltInRule.CHILDCARE);
    boolean reordered = false;
    for (int r = 0; r < c.size; r++) {
      Opportunity o = opportunities.get(Integer.parseInt(c.ids[r].substring(2)));
      reordered |= !o.id().equals("V-" + r);
      assertThat(demand[r]).as("demand of row %d (%s)", r, o.id())
          .isEqualTo((byte) o.physicalDemand().ordinal());
      assertThat(nightsWithoutCare[r]).as("night work without childcare, row %d (%s)", r, o.id())
          .isEqualTo(o.nightWork() && !o.childcareSupport());
    }
    assertThat(reordered).as("rows in spatial order, not in the order given").isTrue();
    assertThat(c.group(BuiltInRule.COMMUTE)).as("the commute filter reads shared columns").isNull();
  }

  /**
   * Each query binds its own rule objects, with its own memos: two people ranked on the same
   * columns, turn by turn, each get their own closeness, decided once per ISCO code.
   */
  @Test
  void twoQueriesOnTheSameColumnsKeepTheirMemosApart() {
    Vocabulary vocabulary = new Vocabulary(text -> List.of(text));
    List<Opportunity> jobs = new ArrayList<>();
    for (String isco : List.of("5120", "2221", "5120", "3221", "9333", "2221")) {
      jobs.add(Fixtures.vacancy("V-" + jobs.size()).occupation(Occupation.isco(isco)).build());
    }
    OpportunityColumns c = OpportunityColumns.of(jobs, vocabulary, RuleHarness::isco);
    Rule.BoundScorer cook = bindOccupation(vocabulary, "5120");
    Rule.BoundScorer nurse = bindOccupation(vocabulary, "2221");
    for (int round = 0; round < 2; round++) {
      for (int d = 0; d < c.size; d++) {
        int job = c.isco[d];
        assertThat(cook.value(c, d)).as("cook, %s, round %d", c.ids[d], round)
            .isEqualTo(IscoCode.sharedLevels(IscoCode.encode("5120"), job) / 4.0);
        assertThat(nurse.value(c, d)).as("nurse, %s, round %d", c.ids[d], round)
            .isEqualTo(IscoCode.sharedLevels(IscoCode.encode("2221"), job) / 4.0);
      }
    }
    assertThat(cook.value(c, 0)).isNotEqualTo(nurse.value(c, 0));
  }

  private static Rule.BoundScorer bindOccupation(Vocabulary vocabulary, String isco) {
    Profile p = Fixtures.person("P-" + isco).qualification(
        new Qualification(Occupation.isco(isco), Level.SKILLED, "SY", Recognition.FULL, 3.0))
        .build();
    RuleSet unbridged = RuleSet.defaults().toBuilder().occupationBridges(List.of(), 3).build();
    return BuiltInRule.OCCUPATION.newScorer().bind(new ProfileQuery(
        p, unbridged, Fixtures.TODAY, vocabulary, RuleHarness::isco));
  }
}
