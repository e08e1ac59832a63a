package org.passgenau.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.passgenau.rank.Fixtures.HANNOVER;
import static org.passgenau.rank.Fixtures.MOENCHENGLADBACH;
import static org.passgenau.rank.Fixtures.apprenticeship;
import static org.passgenau.rank.Fixtures.person;
import static org.passgenau.rank.Fixtures.vacancy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.passgenau.model.Availability;
import org.passgenau.model.Cefr;
import org.passgenau.model.Experience;
import org.passgenau.model.Family;
import org.passgenau.model.HoursRange;
import org.passgenau.model.Level;
import org.passgenau.model.Mobility;
import org.passgenau.model.Occupation;
import org.passgenau.model.Opportunity;
import org.passgenau.model.PermitStatus;
import org.passgenau.model.Profile;
import org.passgenau.model.Qualification;
import org.passgenau.model.Recognition;
import org.passgenau.model.WorkBan;
import org.passgenau.model.WorkPermit;

/** One or more tests per scorer of the default rule set, through its effect in the explanation. */
class ScorerTest {

  private final RuleHarness rules = RuleHarness.defaults();

  private static Profile cookByQualification() {
    return person("P-1").qualification(new Qualification(Occupation.isco("5120"), Level.SKILLED, "SY", Recognition.PARTIAL, 3.0)).build();
  }

  @Test
  void theSameUnitGroupIsCloserThanTheSameMajorGroup() {
    Profile cook = cookByQualification();
    double sameUnit = rules.effect(cook, vacancy("V-1").occupation(Occupation.isco("5120")).build(), "occupation");
    double sameMinor = rules.effect(cook, vacancy("V-2").occupation(Occupation.isco("5131")).build(), "occupation"); // waiter: 51
    double sameMajor = rules.effect(cook, vacancy("V-3").occupation(Occupation.isco("5223")).build(), "occupation"); // sales: 5
    double unrelated = rules.effect(cook, vacancy("V-4").occupation(Occupation.isco("7411")).build(), "occupation");
    assertThat(sameUnit).as("same unit group").isGreaterThan(sameMinor);
    assertThat(sameMinor).as("same sub-major group").isGreaterThan(sameMajor);
    assertThat(sameMajor).as("same major group").isGreaterThan(unrelated);
    assertThat(unrelated).isZero();
  }

  @Test
  void aNursesQualificationIsCloseToTheCareHelperRoleInHerOwnField() {
    Profile nurse = person("P-1").qualification(new Qualification(Occupation.isco("2221"), Level.EXPERT, "SY", Recognition.PARTIAL, 4.0)).build();
    Opportunity careHelper = vacancy("V-1").occupation(Occupation.isco("5321")).build();
    Opportunity cleaner = vacancy("V-2").occupation(Occupation.isco("9112")).build();
    assertThat(rules.effect(nurse, careHelper, "occupation")).as("bridged like a minor group").isCloseTo(0.3 * 0.75, within(0.0001));
    assertThat(rules.effect(nurse, cleaner, "occupation")).isZero();
    RuleHarness unbridged = new RuleHarness(RuleSet.defaults().toBuilder().occupationBridges(List.of(), 3).build());
    assertThat(unbridged.effect(nurse, careHelper, "occupation")).isZero();
  }

  @Test
  void closenessIsTheSameWhetherMemoisedOrForCodesFirstSeenAfterTheQueryWasCompiled() {
    Vocabulary vocabulary = new Vocabulary(text -> List.of(text));
    Profile cook = cookByQualification();
    // Compiled before any column exists: every code is beyond its memo.
    Rule.BoundScorer early = BuiltInRule.OCCUPATION.newScorer().bind(
        new ProfileQuery(cook, RuleSet.defaults(), Fixtures.TODAY, vocabulary, RuleHarness::isco));
    List<Opportunity> jobs = new ArrayList<>();
    for (int code = 1000; code < 4000; code++) { // 3,000 distinct 4-digit codes
      jobs.add(vacancy("V-" + code).occupation(Occupation.isco(Integer.toString(code))).build());
    }
    OpportunityColumns c = OpportunityColumns.of(jobs, vocabulary, RuleHarness::isco);
    Rule.BoundScorer memoised = BuiltInRule.OCCUPATION.newScorer().bind(
        new ProfileQuery(cook, RuleSet.defaults(), Fixtures.TODAY, vocabulary, RuleHarness::isco));
    int cook5120 = org.passgenau.taxonomy.IscoCode.encode("5120");
    for (int round = 0; round < 2; round++) {
      for (int d = 0; d < c.size; d++) {
        double expected = org.passgenau.taxonomy.IscoCode.sharedLevels(cook5120, c.isco[d]) / 4.0;
        assertThat(early.value(c, d)).as("%s, early query", c.ids[d]).isEqualTo(expected);
        assertThat(memoised.value(c, d)).as("%s, round %d", c.ids[d], round).isEqualTo(expected);
      }
    }
  }

  @Test
  void experienceAndWishesCountTowardsOccupationalCloseness() {
    Profile experienced = person("P-1").experience(List.of(Experience.of(Occupation.isco("9333"), 4))).build();
    Profile wishing = person("P-2").desiredOccupations(List.of(Occupation.isco("9333"))).build();
    Opportunity warehouse = vacancy("V-1").build();
    assertThat(rules.effect(experienced, warehouse, "occupation")).isPositive();
    assertThat(rules.effect(wishing, warehouse, "occupation")).isPositive();
    assertThat(rules.details(experienced, warehouse)).anyMatch(d -> d.contains("experience"));
  }

  @Test
  void sharedSkillsRaiseTheScore() {
    Opportunity o = vacancy("V-1").skills(List.of("Staplerschein", "Kommissionierung")).build();
    Profile some = person("P-1").skills(List.of("kommissionierung")).build();
    Profile none = person("P-2").skills(List.of("kochen")).build();
    assertThat(rules.effect(some, o, "skills")).isPositive();
    assertThat(rules.effect(none, o, "skills")).isZero();
  }

  @Test
  void overAndUnderQualificationBothCostScore() {
    Profile skilled = cookByQualification();
    double fit = rules.effect(skilled, vacancy("V-1").level(Level.SKILLED).build(), "qualification_level");
    double over = rules.effect(skilled, vacancy("V-2").level(Level.HELPER).build(), "qualification_level");
    double under = rules.effect(skilled, vacancy("V-3").level(Level.EXPERT).build(), "qualification_level");
    assertThat(fit).isGreaterThan(over).isGreaterThan(under);
  }

  @Test
  void recognitionIsASignalWhereItIsNoGate() {
    Opportunity cookJob = vacancy("V-1").occupation(Occupation.isco("5120")).build();
    Profile partial = cookByQualification();
    Profile full = person("P-2").qualification(new Qualification(Occupation.isco("5120"), Level.SKILLED, "SY", Recognition.FULL, 3.0)).build();
    assertThat(rules.effect(full, cookJob, "recognition_signal")).isGreaterThan(rules.effect(partial, cookJob, "recognition_signal"));
    assertThat(rules.effect(partial, cookJob, "recognition_signal")).isPositive();
  }

  @Test
  void aLanguageMarginAboveTheAskedLevelScoresMoreAndAToleratedGapCostsScore() {
    Opportunity asksB1 = vacancy("V-1").requireLanguage("de", Cefr.B1).languageSupport(true).build();
    double gap = rules.effect(person("P-1").speaks("de", Cefr.A2).build(), asksB1, "language");
    double meets = rules.effect(person("P-2").speaks("de", Cefr.B1).build(), asksB1, "language");
    double above = rules.effect(person("P-3").speaks("de", Cefr.C1).build(), asksB1, "language");
    assertThat(gap).as("one level short with support").isNegative();
    assertThat(meets).isPositive().isLessThan(above);
    assertThat(rules.details(person("P-1").speaks("de", Cefr.A2).build(), asksB1))
        .contains("German A2, B1 asked; the employer offers language training");
  }

  @Test
  void nearerIsBetterAndRemoteIsBest() {
    Profile p = person("P-1").build();
    double krefeld = rules.effect(p, vacancy("V-1").build(), "distance"); // ~15 km
    double gladbach = rules.effect(p, vacancy("V-2").location(MOENCHENGLADBACH).build(), "distance"); // ~9 km
    double remote = rules.effect(p, vacancy("V-3").location(HANNOVER).remote(true).build(), "distance");
    assertThat(gladbach).isGreaterThan(krefeld);
    assertThat(remote).isGreaterThan(gladbach);
  }

  @Test
  void aMoveScoresLessThanAnyCommute() {
    Profile mover = person("P-1").mobility(new Mobility(null, null, null, false, true)).build();
    double move = rules.effect(mover, vacancy("V-1").location(HANNOVER).build(), "distance");
    double commute = rules.effect(mover, vacancy("V-2").build(), "distance");
    assertThat(commute).isGreaterThan(move);
  }

  @Test
  void hoursWithinTheAvailableRangeFitBest() {
    Profile partTime = person("P-1").availability(new Availability(null, 30.0, 15.0, null, null, null)).build();
    double fits = rules.effect(partTime, vacancy("V-1").hoursPerWeek(HoursRange.of(20, 25)).build(), "hours_fit");
    double partly = rules.effect(partTime, vacancy("V-2").hoursPerWeek(HoursRange.of(25, 38)).build(), "hours_fit");
    assertThat(fits).isGreaterThan(partly);
  }

  @Test
  void anApprenticeshipIsWorthMoreToAToleratedPerson() {
    Profile tolerated = person("P-1").workPermit(new WorkPermit(PermitStatus.TOLERATION, WorkBan.NONE, null, true)).build();
    Profile recognised = person("P-2").workPermit(new WorkPermit(PermitStatus.RESIDENCE_PERMIT, null, null, null)).build();
    Opportunity training = apprenticeship("A-1").build();
    assertThat(rules.effect(tolerated, training, "apprenticeship_residence")).isPositive();
    assertThat(rules.effect(recognised, training, "apprenticeship_residence")).isZero();
    assertThat(rules.effect(tolerated, vacancy("V-1").build(), "apprenticeship_residence")).isZero();
  }

  @Test
  void employerChildcareCountsForParentsWhoseCareIsNotArranged() {
    Profile mother = person("P-1").family(new Family(1, 0, false, true)).build();
    Opportunity withCare = vacancy("V-1").childcareSupport(true).build();
    assertThat(rules.effect(mother, withCare, "childcare_support")).isPositive();
    assertThat(rules.effect(person("P-2").build(), withCare, "childcare_support")).isZero();
  }

  @Test
  void effectsAddUpToTheScore() {
    Profile cook = cookByQualification().toBuilder().speaks("de", Cefr.B1).skills(List.of("kochen")).build();
    Opportunity o = vacancy("V-1").occupation(Occupation.isco("5120")).level(Level.SKILLED)
        .requireLanguage("de", Cefr.A2).skills(List.of("kochen", "hygiene")).hoursPerWeek(HoursRange.of(30, 39)).build();
    double sum = rules.explain(cook, o, Locale.ENGLISH).stream().mapToDouble(Reason::effect).sum();
    assertThat(sum).isCloseTo(rules.score(cook, o), within(0.001));
  }

  @Test
  void explanationsAreWrittenInGermanAndDutchToo() {
    Profile p = person("P-1").speaks("de", Cefr.A2).build();
    Opportunity o = vacancy("V-1").requireLanguage("de", Cefr.B1).languageSupport(true).build();
    assertThat(rules.explain(p, o, Locale.GERMAN)).extracting(Reason::detail)
        .contains("Deutsch A2, verlangt B1; der Arbeitgeber bietet Sprachförderung");
    assertThat(rules.explain(p, o, Locale.forLanguageTag("nl"))).extracting(Reason::detail)
        .contains("Duits A2, gevraagd B1; de werkgever biedt taalondersteuning");
  }

  @Test
  void theWeightsOfARuleSetChangeTheScore() {
    RuleHarness distanceOnly = new RuleHarness(allWeightsZeroBut("distance"));
    Profile p = person("P-1").build();
    Opportunity o = vacancy("V-1").build();
    assertThat(distanceOnly.score(p, o)).isCloseTo(distanceOnly.effect(p, o, "distance"), within(0.0001));
  }

  private static RuleSet allWeightsZeroBut(String scorer) {
    RuleSet.Builder b = RuleSet.builder();
    for (String s : RuleSet.SCORERS) {
      b.weight(s, s.equals(scorer) ? 1 : 0);
    }
    return b.build();
  }
}
