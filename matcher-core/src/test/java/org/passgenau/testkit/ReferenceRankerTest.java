package org.passgenau.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.passgenau.model.Availability;
import org.passgenau.model.Family;
import org.passgenau.model.Level;
import org.passgenau.model.Location;
import org.passgenau.model.Mobility;
import org.passgenau.model.Occupation;
import org.passgenau.model.Opportunity;
import org.passgenau.model.OpportunityKind;
import org.passgenau.model.PermitStatus;
import org.passgenau.model.Profile;
import org.passgenau.model.Qualification;
import org.passgenau.model.QualificationRequirement;
import org.passgenau.model.Recognition;
import org.passgenau.model.School;
import org.passgenau.model.WorkBan;
import org.passgenau.model.WorkPermit;
import org.passgenau.rank.RuleSet;
import org.passgenau.rank.spi.CustomRules;
import org.passgenau.taxonomy.OccupationTaxonomy;

/**
 * The reference reads as the documented rules: a few of them, stated in the domain's words and
 * checked on the reference alone (the property tests check that the engine agrees with it).
 */
class ReferenceRankerTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
  private static final Location VIERSEN =
      new Location(51.2562, 6.3905, "41747", "Viersen", "DE-NW", "DE");
  private static final Location KREFELD =
      new Location(51.3388, 6.5853, "47798", "Krefeld", "DE-NW", "DE");
  private static final ReferenceRanker REFERENCE =
      new ReferenceRanker(RuleSet.defaults(), OccupationTaxonomy.builder().build());
  private static final QualificationRequirement REGULATED =
      new QualificationRequirement(true, true, Recognition.FULL);

  /** A post in Krefeld, about 15 km from Viersen, with nothing asked. */
  private static Opportunity.Builder post(String id, OpportunityKind kind, String isco) {
    return Opportunity.builder(id, kind, "Stelle").occupation(Occupation.isco(isco))
        .location(KREFELD);
  }

  /** A person in Viersen who travels by public transport, with nothing else recorded. */
  private static Profile.Builder person() {
    return Profile.builder("P-1").location(VIERSEN)
        .mobility(new Mobility(null, null, null, false, false));
  }

  private static Profile nurse(Recognition recognition) {
    return person().qualification(
        new Qualification(Occupation.isco("2221"), Level.SPECIALIST, "SY", recognition, 4.0))
        .build();
  }

  private static List<String> offered(List<Opportunity> corpus, Profile p) {
    return REFERENCE.rank(corpus, p, TODAY).admitted().stream()
        .map(ReferenceRanker.Scored::id).sorted().toList();
  }

  @Test
  void aFullyRecognisedNurseIsNotOfferedARegulatedMidwifePostButANursingAssociatesPost() {
    List<Opportunity> corpus = List.of(
        post("midwife", OpportunityKind.VACANCY, "2222").level(Level.SPECIALIST)
            .qualification(REGULATED).build(),
        post("nursing-associate", OpportunityKind.VACANCY, "3221").level(Level.SKILLED)
            .qualification(REGULATED).build(),
        post("nurse", OpportunityKind.VACANCY, "2221").level(Level.SPECIALIST)
            .qualification(REGULATED).build());

    assertThat(offered(corpus, nurse(Recognition.FULL)))
        .containsExactly("nurse", "nursing-associate");
    assertThat(REFERENCE.violations(nurse(Recognition.FULL), corpus.get(0), TODAY))
        .containsExactly("recognition");
  }

  @Test
  void aRegulatedPostWithoutALevelTakesItFromTheFifthDigitOfItsKldbCode() {
    Opportunity helper = post("helper", OpportunityKind.VACANCY, "2221")
        .occupation(new Occupation("2221", "81301", null, null)).qualification(REGULATED).build();
    Opportunity skilled = post("skilled", OpportunityKind.VACANCY, "2221")
        .occupation(new Occupation("2221", "81302", null, null)).qualification(REGULATED).build();

    assertThat(offered(List.of(helper, skilled), nurse(Recognition.NOT_APPLIED)))
        .as("a helper role in the field is open without recognition")
        .containsExactly("helper");
  }

  @Test
  void underAnAbsoluteWorkBanCoursesAndVolunteeringStayOpen() {
    Profile banned = person()
        .workPermit(new WorkPermit(PermitStatus.TOLERATION, WorkBan.ABSOLUTE, null, null)).build();
    List<Opportunity> corpus = List.of(
        post("course", OpportunityKind.TRAINING, "9333").build(),
        post("tafel", OpportunityKind.VOLUNTEERING, "9333").build(),
        post("job", OpportunityKind.VACANCY, "9333").build());

    assertThat(offered(corpus, banned)).containsExactly("course", "tafel");
    assertThat(REFERENCE.rank(corpus, banned, TODAY).excluded())
        .containsEntry("work_permit", 1);
  }

  @Test
  void underATemporaryBanAJobWithoutAStartDateIsAdmittedButNotOneStartingDuringTheBan() {
    Profile waiting = person().workPermit(new WorkPermit(
        PermitStatus.ASYLUM_PENDING, WorkBan.TEMPORARY, TODAY.plusDays(60), true)).build();
    List<Opportunity> corpus = List.of(
        post("undated", OpportunityKind.VACANCY, "9333").build(),
        post("during", OpportunityKind.VACANCY, "9333").startDate(TODAY.plusDays(10)).build(),
        post("after", OpportunityKind.VACANCY, "9333").startDate(TODAY.plusDays(61)).build());

    assertThat(offered(corpus, waiting)).containsExactly("after", "undated");
  }

  @Test
  void aParentWhoSaidTheyCanWorkNightsIsOfferedNightWorkAndSilenceLetsSmallChildrenDecide() {
    Opportunity nights = post("nights", OpportunityKind.VACANCY, "9333").nightWork(true).build();
    Family toddlerWithoutCare = new Family(1, 0, false, true);
    Profile saidYes = person().family(toddlerWithoutCare)
        .availability(new Availability(null, null, null, null, true, null)).build();
    Profile saidNothing = person().family(toddlerWithoutCare).build();

    assertThat(REFERENCE.violations(saidYes, nights, TODAY)).isEmpty();
    assertThat(REFERENCE.violations(saidNothing, nights, TODAY)).containsExactly("childcare");
  }

  @Test
  void eachExclusionIsCountedOnceUnderTheFirstFilterInCountingOrder() {
    Profile noSchool = person().school(School.NONE).build();
    List<Opportunity> corpus = List.of(
        post("closed-and-asks-school", OpportunityKind.VACANCY, "9333")
            .applicationDeadline(TODAY.minusDays(1)).minSchool(School.UPPER_SECONDARY).build(),
        post("asks-school", OpportunityKind.VACANCY, "9333")
            .minSchool(School.UPPER_SECONDARY).build(),
        post("open", OpportunityKind.VACANCY, "9333").build());

    ReferenceRanker.Ranking ranking = REFERENCE.rank(corpus, noSchool, TODAY);

    assertThat(REFERENCE.violations(noSchool, corpus.get(0), TODAY))
        .containsExactly("application_deadline", "school");
    assertThat(ranking.excluded().keySet()).containsExactlyElementsOf(RuleSet.FILTERS);
    assertThat(ranking.excluded()).containsEntry("application_deadline", 1)
        .containsEntry("school", 1);
    int excluded = ranking.excluded().values().stream().mapToInt(Integer::intValue).sum();
    assertThat(excluded + ranking.admitted().size()).as("exclusions and matches add up")
        .isEqualTo(corpus.size());
  }

  @Test
  void weightsAreDividedByTheirSumSoARemoteJobWeighedOnlyByDistanceScoresOne() {
    RuleSet.Builder onlyDistance = RuleSet.defaults().toBuilder();
    RuleSet.SCORERS.forEach(s -> onlyDistance.weight(s, 0));
    ReferenceRanker reference = new ReferenceRanker(onlyDistance.weight("distance", 0.3).build(),
        OccupationTaxonomy.builder().build());
    Opportunity remote = post("remote", OpportunityKind.VACANCY, "9333").remote(true).build();

    assertThat(reference.rank(List.of(remote), person().build(), TODAY).admitted())
        .containsExactly(new ReferenceRanker.Scored("remote", 1.0));
  }

  @Test
  void aRuleSetNamingACustomRuleTheReferenceWasNotGivenIsRefused() {
    RuleSet withPay = RuleSet.defaults().toBuilder().name("with-pay")
        .customWeight("pay", 0.1).build();

    assertThatThrownBy(() -> new ReferenceRanker(
            withPay, OccupationTaxonomy.builder().build(), CustomRules.none()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rule set with-pay names the custom rule 'pay'");
  }

  @Test
  void theAuditFieldsChangeNothing() {
    List<Opportunity> corpus = List.of(post("job", OpportunityKind.VACANCY, "9333").build());
    Profile audited = person().audit(Map.of("gender", "f", "nationality", "SY")).build();

    assertThat(REFERENCE.rank(corpus, audited, TODAY))
        .isEqualTo(REFERENCE.rank(corpus, person().build(), TODAY));
  }
}
