package org.passgenau.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passgenau.rank.Fixtures.KREFELD;
import static org.passgenau.rank.Fixtures.VIERSEN;
import static org.passgenau.rank.Fixtures.ids;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passgenau.model.Availability;
import org.passgenau.model.Cefr;
import org.passgenau.model.Family;
import org.passgenau.model.Level;
import org.passgenau.model.Mobility;
import org.passgenau.model.Occupation;
import org.passgenau.model.Opportunity;
import org.passgenau.model.OpportunityKind;
import org.passgenau.model.PermitStatus;
import org.passgenau.model.Profile;
import org.passgenau.model.Qualification;
import org.passgenau.model.QualificationRequirement;
import org.passgenau.model.Recognition;
import org.passgenau.model.WorkBan;
import org.passgenau.model.WorkPermit;

/**
 * The domain rules as corrected: recognition for one profession, a posting's level from its KldB
 * code, toleration, courses under a work ban, the person's own availability, children as counts
 * and explanations without placeholders. One caseworker's question per test, answered through
 * the public {@link MatchingEngine}.
 */
class CorrectedDomainRulesTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
  private static final MatchOptions OPTIONS = new MatchOptions(50, TODAY, Locale.ENGLISH);

  private final ScenarioEngines engines = new ScenarioEngines();

  @AfterEach
  void closeEngines() {
    engines.close();
  }

  // ---------------------------------------------------------------- recognition of one profession

  @Test
  void aFullyRecognisedNurseIsNotOfferedARegulatedMidwifePost() {
    MatchResult result = match(recognised("2221", Recognition.FULL).build(),
        regulatedPost("V-MIDWIFE", "2222", "Hebamme (m/w/d)").build());

    assertThat(result.excluded())
        .as("a nursing licence does not open a midwife's post, though both are health"
            + " professionals of minor group 222")
        .containsEntry("recognition", 1);
  }

  @Test
  void aFullyRecognisedPharmacistIsNotOfferedADentistsPost() {
    MatchResult result = match(recognised("2262", Recognition.FULL).build(),
        regulatedPost("V-DENTIST", "2261", "Zahnarzt (m/w/d)").build());

    assertThat(result.excluded())
        .as("a pharmacist's licence does not open a dentist's post (both in minor group 226)")
        .containsEntry("recognition", 1);
  }

  @Test
  void aFullyRecognisedNurseIsOfferedTheRegulatedPostOfHerOwnUnitGroup() {
    MatchResult result = match(recognised("2221", Recognition.FULL).build(),
        regulatedPost("V-NURSE", "2221", "Pflegefachkraft (m/w/d)").build());

    assertThat(ids(result)).as("recognition opens the posts of its own profession")
        .containsExactly("V-NURSE");
    assertThat(result.matches().get(0).explanation())
        .as("and the recognition is a signal for the employer as well")
        .anyMatch(r -> r.rule().equals("recognition_signal") && r.effect() > 0);
  }

  @Test
  void aFullyRecognisedNurseIsOfferedANursingAssociatePostThroughTheListedEquivalence() {
    MatchResult result = match(recognised("2221", Recognition.FULL).build(),
        regulatedPost("V-ASSOCIATE", "3221", "Pflegefachkraft Altenpflege (m/w/d)").build());

    assertThat(ids(result))
        .as("one German nursing licence covers posts coded 2221 and 3221: a listed equivalence")
        .containsExactly("V-ASSOCIATE");
  }

  @Test
  void theNursingEquivalenceHoldsBothWays() {
    MatchResult result = match(recognised("3221", Recognition.FULL).build(),
        regulatedPost("V-NURSE", "2221", "Pflegefachkraft (m/w/d)").build());

    assertThat(ids(result)).as("an equivalence is a pair, not a direction")
        .containsExactly("V-NURSE");
  }

  @Test
  void withoutTheListedEquivalenceANurseIsNotOfferedANursingAssociatePost() {
    RuleSet noEquivalences = RuleSet.defaults().toBuilder()
        .recognitionEquivalences(List.of()).build();
    MatchingEngine engine = engines.track(MatchingEngine.builder().ruleSet(noEquivalences).build());
    engine.upsert(regulatedPost("V-ASSOCIATE", "3221", "Pflegefachkraft Altenpflege").build());
    engine.refresh();

    MatchResult result = engine.match(recognised("2221", Recognition.FULL).build(), OPTIONS);

    assertThat(result.excluded())
        .as("the equivalence comes from the rule set, not from the ISCO tree")
        .containsEntry("recognition", 1);
  }

  @Test
  void aNurseRecognitionIsNoSignalForAMidwifePostThatNeedsNoRecognition() {
    MatchResult result = match(recognised("2221", Recognition.FULL).build(),
        regulatedPost("V-MIDWIFE", "2222", "Hebammenhilfe").level(Level.HELPER).build());

    assertThat(result.matches().get(0).explanation())
        .as("the helper post is open, but a nurse's recognition says nothing about midwifery")
        .noneMatch(r -> r.rule().equals("recognition_signal"));
  }

  @Test
  void theDefaultRuleSetCountsRecognitionInTheSameUnitGroupOnly() {
    RuleSet defaults = RuleSet.defaults();

    assertThat(defaults.recognitionSharedLevels()).as("same unit group").isEqualTo(4);
    assertThat(defaults.recognitionEquivalences()).as("nursing 2221/3221")
        .containsExactly(List.of("2221", "3221"));
  }

  // ---------------------------------------------------------------- a posting's level

  @Test
  void aRegulatedPostWithoutALevelButAHelperKldbCodeIsOpenWithoutRecognition() {
    Opportunity kldbHelper = regulatedPost("V-HELPER", "5321", "Pflegehilfe (m/w/d)")
        .occupation(new Occupation("2221", "81301", null, null)).level(null).build();
    MatchResult result = match(recognised("2221", Recognition.PARTIAL).build(), kldbHelper);

    assertThat(ids(result))
        .as("KldB 81301 ends in 1: a helper post, which needs no recognition")
        .containsExactly("V-HELPER");
  }

  @Test
  void aRegulatedPostWithoutALevelButASkilledKldbCodeNeedsFullRecognition() {
    Opportunity kldbSkilled = regulatedPost("V-SKILLED", "2221", "Pflegefachkraft (m/w/d)")
        .occupation(new Occupation("2221", "81302", null, null)).level(null).build();
    MatchResult result = match(recognised("2221", Recognition.PARTIAL).build(), kldbSkilled);

    assertThat(result.excluded())
        .as("KldB 81302 ends in 2: a skilled post, closed to partial recognition")
        .containsEntry("recognition", 1);
  }

  @Test
  void theQualificationLevelScorerReadsTheLevelFromTheKldbCode() {
    Opportunity expertPost = Opportunity.builder("V-EXPERT", OpportunityKind.VACANCY, "Ingenieur")
        .occupation(new Occupation("2142", "32104", null, null)).location(KREFELD).build();
    MatchResult result = match(recognised("2142", Recognition.FULL).build(), expertPost);

    assertThat(result.matches().get(0).explanation())
        .as("the fifth digit 4 makes it an expert post, above the skilled qualification")
        .anyMatch(r -> r.rule().equals("qualification_level")
            && r.detail().equals("Job at expert level is above the qualification level (skilled)"));
  }

  @Test
  void aGivenLevelWinsOverTheKldbDigitAndIsKeptAsGiven() {
    Opportunity given = Opportunity.builder("V-1", OpportunityKind.VACANCY, "Pflegehilfe")
        .occupation(new Occupation(null, "81302", null, null)).level(Level.HELPER).build();
    Opportunity fromCode = given.toBuilder().level(null).build();
    Opportunity unknown = given.toBuilder().level(null).occupation(Occupation.isco("5321")).build();

    assertThat(given.requirementLevel()).as("the stated level").isEqualTo(Level.HELPER);
    assertThat(fromCode.requirementLevel()).as("from the fifth digit").isEqualTo(Level.SKILLED);
    assertThat(fromCode.level()).as("the record keeps what was given").isNull();
    assertThat(unknown.requirementLevel()).as("neither known").isNull();
  }

  // ---------------------------------------------------------------- toleration

  @Test
  void aToleratedPersonWhoseRecordSaysNoApprovalIsStillToldToAskTheForeignersAuthority() {
    Profile tolerated = person("P-DULDUNG")
        .workPermit(new WorkPermit(PermitStatus.TOLERATION, WorkBan.NONE, null, null)).build();
    MatchResult result = match(tolerated, warehouse("V-STORE").build());

    assertThat(result.matches().get(0).explanation())
        .as("toleration always needs the foreigners' authority's permit: a note, effect 0")
        .anyMatch(r -> r.rule().equals("work_permit") && r.effect() == 0
            && r.detail().contains("Ausländerbehörde")
            && r.detail().contains("employment agency's approval;"));
  }

  @Test
  void aToleratedPersonWithApprovalRequiredGetsOneTolerationNoteNotTwo() {
    Profile tolerated = person("P-DULDUNG")
        .workPermit(new WorkPermit(PermitStatus.TOLERATION, WorkBan.NONE, null, true)).build();
    MatchResult result = match(tolerated, warehouse("V-STORE").build());

    assertThat(result.matches().get(0).explanation())
        .as("the toleration note says all the approval note would")
        .filteredOn(r -> r.rule().equals("work_permit"))
        .extracting(Reason::detail)
        .containsExactly("Toleration (Duldung): needs an employment permit from the foreigners'"
            + " authority (Ausländerbehörde), with the employment agency's approval; it is"
            + " normally granted");
  }

  @Test
  void forAToleratedApprenticeTheNoteSaysTheAgencysConsentIsNotNeeded() {
    Profile tolerated = person("P-DULDUNG")
        .workPermit(new WorkPermit(PermitStatus.TOLERATION, WorkBan.NONE, null, false)).build();
    MatchResult result = match(tolerated, apprenticeship("A-LAGER").build());

    assertThat(result.matches().get(0).explanation())
        .as("a qualified apprenticeship needs no consent of the employment agency (§32(2) BeschV)")
        .anyMatch(r -> r.rule().equals("work_permit") && r.effect() == 0
            && r.detail().contains("Ausländerbehörde")
            && r.detail().contains("approval is not needed (§32(2) BeschV)"));
  }

  @Test
  void theTolerationNoteIsWordedInGermanAndDutch() {
    Profile tolerated = person("P-DULDUNG")
        .workPermit(new WorkPermit(PermitStatus.TOLERATION, WorkBan.NONE, null, null)).build();
    MatchingEngine engine = engines.holding(apprenticeship("A-LAGER").build());

    assertThat(engine.match(tolerated, OPTIONS.in(Locale.GERMAN)).matches().get(0).explanation())
        .anyMatch(r -> r.detail().equals("Duldung: Eine Erlaubnis der Ausländerbehörde ist nötig;"
            + " für eine qualifizierte Berufsausbildung ist die Zustimmung der Bundesagentur für"
            + " Arbeit nicht erforderlich (§ 32 Abs. 2 BeschV)"));
    assertThat(engine.match(tolerated, OPTIONS.in(new Locale("nl"))).matches().get(0).explanation())
        .anyMatch(r -> r.detail().startsWith("Gedoogstatus (Duldung): een vergunning van de Duitse"
            + " vreemdelingendienst (Ausländerbehörde) is nodig"));
  }

  @Test
  void anAsylumSeekerNeedingApprovalIsToldWhichAuthorityIssuesThePermit() {
    Profile seeker = person("P-ASYL")
        .workPermit(new WorkPermit(PermitStatus.ASYLUM_PENDING, WorkBan.NONE, null, true)).build();
    MatchResult result = match(seeker, warehouse("V-STORE").build());

    assertThat(result.matches().get(0).explanation())
        .as("the flag names the authority to ask")
        .anyMatch(r -> r.rule().equals("work_permit")
            && r.detail().contains("foreigners' authority (Ausländerbehörde)"));
  }

  // ---------------------------------------------------------------- courses under a work ban

  @Test
  void aLanguageCourseStaysOpenUnderAnAbsoluteWorkBan() {
    Profile banned = person("P-BAN")
        .workPermit(new WorkPermit(PermitStatus.TOLERATION, WorkBan.ABSOLUTE, null, null)).build();
    MatchResult result =
        match(banned, warehouse("V-STORE").build(), languageCourse("T-DEUTSCH").build());

    assertThat(ids(result))
        .as("a course is not employment, so a work ban does not close it")
        .containsExactly("T-DEUTSCH");
    assertThat(result.matches().get(0).explanation())
        .anyMatch(r -> r.rule().equals("work_permit") && r.effect() == 0
            && r.detail().equals("A course is not employment and stays open despite the work ban"));
  }

  @Test
  void aCourseStartingDuringATemporaryBanIsOpen() {
    Profile seeker = asylumSeekerBannedUntil(LocalDate.of(2027, 3, 15));
    MatchResult result = match(seeker,
        languageCourse("T-JANUARY").startDate(LocalDate.of(2027, 1, 11)).build());

    assertThat(ids(result)).as("a course is no employment, whenever it starts")
        .containsExactly("T-JANUARY");
  }

  @Test
  void aJobWithoutAStartDateIsOfferedUnderATemporaryBanWithANote() {
    Profile seeker = asylumSeekerBannedUntil(LocalDate.of(2027, 3, 15));
    MatchResult result = match(seeker, warehouse("V-ANYTIME").build());

    assertThat(ids(result)).as("without a start date the job may begin after the ban")
        .containsExactly("V-ANYTIME");
    assertThat(result.matches().get(0).explanation())
        .as("the note says the ban must have ended first")
        .anyMatch(r -> r.rule().equals("work_permit") && r.effect() == 0
            && r.detail().equals("No start date is given: the work ban must have ended"
                + " (on 2027-03-15) before work begins"));
  }

  @Test
  void aJobStartingDuringATemporaryBanIsStillNotOffered() {
    Profile seeker = asylumSeekerBannedUntil(LocalDate.of(2027, 3, 15));
    MatchResult result = match(seeker,
        warehouse("V-JANUARY").startDate(LocalDate.of(2027, 1, 15)).build());

    assertThat(result.excluded()).as("employment that starts within the ban stays closed")
        .containsEntry("work_permit", 1);
  }

  // ---------------------------------------------------------------- availability and family

  @Test
  void aMotherOfASmallChildWhoSaysSheCanWorkNightsIsOfferedTheNightShift() {
    Profile mother = person("P-MOTHER")
        .availability(new Availability(null, null, null, null, true, null))
        .family(new Family(1, 0, false, true)).build();
    MatchResult result = match(mother, warehouse("V-NIGHT").nightWork(true).build());

    assertThat(ids(result))
        .as("her own statement that she can work nights stands; family status never overrides it")
        .containsExactly("V-NIGHT");
  }

  @Test
  void aMotherOfASmallChildWhoStatedNothingIsNotOfferedTheNightShift() {
    Profile mother = person("P-MOTHER").family(new Family(1, 0, false, true)).build();
    MatchResult result = match(mother, warehouse("V-NIGHT").nightWork(true).build());

    assertThat(result.excluded())
        .as("where she stated nothing, a child under 3 without arranged care rules out nights")
        .containsEntry("childcare", 1);
  }

  @Test
  void aFatherWhoSaysHeCannotWorkNightsIsNotOfferedTheNightShiftWhateverHisFamily() {
    Profile father = person("P-FATHER")
        .availability(new Availability(null, null, null, null, false, null))
        .family(new Family(0, 0, null, false)).build();
    MatchResult result = match(father, warehouse("V-NIGHT").nightWork(true).build());

    assertThat(result.excluded()).as("his statement stands the other way too")
        .containsEntry("night_work", 1);
  }

  @Test
  void schoolChildrenAloneDoNotRuleOutNightWork() {
    Profile mother = person("P-MOTHER").family(new Family(0, 2, false, true)).build();
    MatchResult result = match(mother, warehouse("V-NIGHT").nightWork(true).build());

    assertThat(ids(result))
        .as("the childcare rule is about children under three; two school children are no such"
            + " child")
        .containsExactly("V-NIGHT");
  }

  @Test
  void noChildrenUnderThreeCountedAsZeroRuleOutNothing() {
    Profile parent = person("P-PARENT").family(new Family(0, null, false, false)).build();
    MatchResult result = match(parent, warehouse("V-NIGHT").nightWork(true).build());

    assertThat(ids(result)).as("a count of 0 is no child").containsExactly("V-NIGHT");
  }

  @Test
  void twoSmallChildrenWithoutCareCountLikeOne() {
    Profile mother = person("P-MOTHER").family(new Family(2, 0, false, true)).build();
    MatchResult result = match(mother, warehouse("V-NIGHT").nightWork(true).build(),
        warehouse("V-NIGHT-KITA").nightWork(true).childcareSupport(true).build());

    assertThat(ids(result))
        .as("any count above 0 needs care; employer childcare opens the night shift again")
        .containsExactly("V-NIGHT-KITA");
  }

  // ---------------------------------------------------------------- people

  /** Someone in Viersen who travels by public transport, German B2, free to work. */
  private static Profile.Builder person(String id) {
    return Profile.builder(id).location(VIERSEN)
        .mobility(new Mobility(null, null, List.of(), false, false))
        .speaks("de", Cefr.B2)
        .workPermit(new WorkPermit(PermitStatus.RESIDENCE_PERMIT, WorkBan.NONE, null, false));
  }

  /** A person with one qualification in {@code isco} at skilled level. */
  private static Profile.Builder recognised(String isco, Recognition recognition) {
    return person("P-" + isco)
        .qualification(
            new Qualification(Occupation.isco(isco), Level.SKILLED, "SY", recognition, 5.0));
  }

  private static Profile asylumSeekerBannedUntil(LocalDate until) {
    return person("P-ASYL")
        .workPermit(new WorkPermit(PermitStatus.ASYLUM_PENDING, WorkBan.TEMPORARY, until, false))
        .build();
  }

  // ---------------------------------------------------------------- posts

  private static Opportunity.Builder warehouse(String id) {
    return Opportunity.builder(id, OpportunityKind.VACANCY, "Lagerhelfer (m/w/d)")
        .occupation(Occupation.isco("9333")).level(Level.HELPER).location(KREFELD);
  }

  private static Opportunity.Builder apprenticeship(String id) {
    return Opportunity.builder(id, OpportunityKind.APPRENTICESHIP,
            "Ausbildung Fachkraft für Lagerlogistik")
        .occupation(Occupation.isco("4321")).level(Level.SKILLED)
        .location(KREFELD).startDate(LocalDate.of(2027, 8, 1));
  }

  /** A German course at an education provider in Viersen: training, not employment. */
  private static Opportunity.Builder languageCourse(String id) {
    return Opportunity.builder(id, OpportunityKind.TRAINING, "Berufssprachkurs Deutsch B1")
        .location(VIERSEN);
  }

  /** A skilled vacancy in a regulated profession in Krefeld that needs full recognition. */
  private static Opportunity.Builder regulatedPost(String id, String isco, String title) {
    return Opportunity.builder(id, OpportunityKind.VACANCY, title)
        .occupation(Occupation.isco(isco)).level(Level.SKILLED)
        .qualification(new QualificationRequirement(true, true, Recognition.FULL))
        .location(KREFELD);
  }

  // ---------------------------------------------------------------- engine

  private MatchResult match(Profile profile, Opportunity... opportunities) {
    return engines.holding(opportunities).match(profile, OPTIONS);
  }
}
