package org.passgenau.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passgenau.rank.Fixtures.GRONINGEN;
import static org.passgenau.rank.Fixtures.HANNOVER;
import static org.passgenau.rank.Fixtures.TODAY;
import static org.passgenau.rank.Fixtures.WUPPERTAL;
import static org.passgenau.rank.Fixtures.apprenticeship;
import static org.passgenau.rank.Fixtures.availableFrom;
import static org.passgenau.rank.Fixtures.person;
import static org.passgenau.rank.Fixtures.vacancy;
import static org.passgenau.rank.Fixtures.volunteering;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.passgenau.model.Availability;
import org.passgenau.model.Cefr;
import org.passgenau.model.Demand;
import org.passgenau.model.Family;
import org.passgenau.model.Health;
import org.passgenau.model.HoursRange;
import org.passgenau.model.Level;
import org.passgenau.model.Location;
import org.passgenau.model.Mobility;
import org.passgenau.model.Occupation;
import org.passgenau.model.Opportunity;
import org.passgenau.model.PermitStatus;
import org.passgenau.model.Profile;
import org.passgenau.model.Qualification;
import org.passgenau.model.QualificationRequirement;
import org.passgenau.model.Recognition;
import org.passgenau.model.ResidenceObligation;
import org.passgenau.model.School;
import org.passgenau.model.WorkBan;
import org.passgenau.model.WorkPermit;

/** One nested class per hard filter of the default rule set. */
class HardFilterTest {

  private final RuleHarness rules = RuleHarness.defaults();

  private static Profile banned(WorkBan ban, LocalDate until) {
    return person("P-1").workPermit(new WorkPermit(PermitStatus.TOLERATION, ban, until, true)).build();
  }

  @Nested
  class WorkPermitFilter {
    @Test
    void anAbsoluteWorkBanLeavesOnlyVolunteering() {
      Profile p = banned(WorkBan.ABSOLUTE, null);
      assertThat(rules.exclusion(p, vacancy("V-1").build())).contains("work_permit");
      assertThat(rules.exclusion(p, apprenticeship("A-1").build())).contains("work_permit");
      assertThat(rules.exclusion(p, volunteering("E-1").build())).isEmpty();
    }

    @Test
    void aTemporaryBanAdmitsWhatStartsAfterItEnds() {
      Profile p = banned(WorkBan.TEMPORARY, LocalDate.of(2027, 3, 1));
      assertThat(rules.exclusion(p, vacancy("V-1").startDate(LocalDate.of(2027, 3, 2)).build())).isEmpty();
      assertThat(rules.exclusion(p, vacancy("V-2").startDate(LocalDate.of(2027, 3, 1)).build()))
          .contains("work_permit");
    }

    @Test
    void underATemporaryBanAnOpportunityWithoutStartDateIsAdmittedWithANote() {
      Profile p = banned(WorkBan.TEMPORARY, LocalDate.of(2027, 3, 1));
      Opportunity o = vacancy("V-1").build();
      assertThat(rules.exclusion(p, o)).isEmpty();
      assertThat(rules.details(p, o)).anyMatch(d -> d.contains("work ban must have ended"));
    }

    @Test
    void aTemporaryBanThatHasEndedNoLongerExcludes() {
      Profile p = banned(WorkBan.TEMPORARY, TODAY.minusDays(1));
      assertThat(rules.exclusion(p, vacancy("V-1").build())).isEmpty();
    }

    @Test
    void anApprovalToAskForIsANoteNotAnExclusion() {
      Profile p = person("P-1").workPermit(new WorkPermit(PermitStatus.ASYLUM_PENDING, WorkBan.NONE, null, true)).build();
      Opportunity o = vacancy("V-1").build();
      assertThat(rules.exclusion(p, o)).isEmpty();
      assertThat(rules.details(p, o)).anyMatch(d -> d.contains("approval"));
    }

    @Test
    void theRightToWorkIsNationalSoEmploymentAcrossTheBorderNeedsEuCitizenship() {
      Profile refugee = person("P-1").workPermit(new WorkPermit(PermitStatus.RESIDENCE_PERMIT, null, null, null))
          .mobility(new Mobility(null, null, null, false, true)).build();
      Opportunity groningen = vacancy("V-1").location(GRONINGEN).build();
      assertThat(rules.exclusion(refugee, groningen)).contains("work_permit");
      Profile european = refugee.toBuilder().workPermit(new WorkPermit(PermitStatus.EU_CITIZEN, null, null, null)).build();
      assertThat(rules.exclusion(european, groningen)).isEmpty();
    }

    @Test
    void anUnknownResidenceStatusDoesNotRestrictWorkAbroad() {
      Profile unknown = person("P-1").mobility(new Mobility(null, null, null, false, true)).build();
      assertThat(rules.exclusion(unknown, vacancy("V-1").location(GRONINGEN).build())).isEmpty();
    }
  }

  @Nested
  class CommuteFilter {
    @Test
    void withoutAStatedLimitTheLegalNormForPublicTransportApplies() {
      // 150 min a day round trip = 75 min one way at 25 km/h = 31 km: Krefeld (15 km) yes, Wuppertal (53 km) no.
      Profile p = person("P-1").build();
      assertThat(rules.exclusion(p, vacancy("V-1").build())).isEmpty();
      assertThat(rules.exclusion(p, vacancy("V-2").location(WUPPERTAL).build())).contains("commute");
    }

    @Test
    void aCarMakesTheLegalNormReachFurther() {
      Profile p = person("P-1").mobility(new Mobility(null, null, List.of("B"), true, false)).build();
      assertThat(rules.exclusion(p, vacancy("V-1").location(WUPPERTAL).build())).isEmpty();
    }

    @Test
    void aStatedLimitInKilometresIsKept() {
      Profile p = person("P-1").mobility(new Mobility(10.0, null, null, false, false)).build();
      assertThat(rules.exclusion(p, vacancy("V-1").build())).contains("commute");
    }

    @Test
    void aStatedLimitInMinutesUsesTheSpeedOfPublicTransport() {
      Profile p = person("P-1").mobility(new Mobility(null, 30.0, null, false, false)).build();
      // 30 min at 25 km/h = 12.5 km < 15 km to Krefeld
      assertThat(rules.exclusion(p, vacancy("V-1").build())).contains("commute");
    }

    @Test
    void remoteWorkNeedsNoCommute() {
      Profile p = person("P-1").build();
      assertThat(rules.exclusion(p, vacancy("V-1").location(HANNOVER).remote(true).build())).isEmpty();
    }

    @Test
    void aPersonWillingToMoveWithoutObligationCanTakeAJobFarAway() {
      Profile p = person("P-1").mobility(new Mobility(null, null, null, false, true)).build();
      Opportunity o = vacancy("V-1").location(HANNOVER).build();
      assertThat(rules.exclusion(p, o)).isEmpty();
      assertThat(rules.details(p, o)).anyMatch(d -> d.contains("move to Hannover"));
    }

    @Test
    void aResidenceObligationKeepsAMoveWithinTheAssignedState() {
      Profile p = person("P-1").mobility(new Mobility(null, null, null, false, true))
          .residenceObligation(new ResidenceObligation("DE-NW", LocalDate.of(2028, 1, 1))).build();
      Opportunity helperJobInHannover = vacancy("V-1").location(HANNOVER).hoursPerWeek(HoursRange.of(10, 12)).build();
      assertThat(rules.exclusion(p, helperJobInHannover)).contains("commute");
    }

    @Test
    void anApprenticeshipLiftsTheResidenceObligation() {
      Profile p = person("P-1").mobility(new Mobility(null, null, null, false, true))
          .residenceObligation(new ResidenceObligation("DE-NW", LocalDate.of(2028, 1, 1))).build();
      assertThat(rules.exclusion(p, apprenticeship("A-1").location(HANNOVER).build())).isEmpty();
    }

    @Test
    void aJobOfFifteenHoursPayingAboveTheThresholdLiftsTheResidenceObligation() {
      Profile p = person("P-1").mobility(new Mobility(null, null, null, false, true))
          .residenceObligation(new ResidenceObligation("DE-NW", LocalDate.of(2028, 1, 1))).build();
      Opportunity paid = vacancy("V-1").location(HANNOVER).hoursPerWeek(HoursRange.of(20, 30)).monthlyGrossEur(1800.0).build();
      Opportunity underpaid = paid.toBuilder().id("V-2").monthlyGrossEur(600.0).build();
      assertThat(rules.exclusion(p, paid)).isEmpty();
      assertThat(rules.exclusion(p, underpaid)).contains("commute");
    }

    @Test
    void aJobOfUpToTwentyHoursDoesNotShowTheFifteenHoursThatLiftTheObligation() {
      Profile p = person("P-1").mobility(new Mobility(null, null, null, false, true))
          .residenceObligation(new ResidenceObligation("DE-NW", LocalDate.of(2028, 1, 1))).build();
      Opportunity upToTwenty = vacancy("V-1").location(HANNOVER).hoursPerWeek(new HoursRange(null, 20.0)).monthlyGrossEur(1800.0).build();
      assertThat(rules.exclusion(p, upToTwenty)).contains("commute");
    }

    @Test
    void anExpiredResidenceObligationNoLongerBinds() {
      Profile p = person("P-1").mobility(new Mobility(null, null, null, false, true))
          .residenceObligation(new ResidenceObligation("DE-NW", TODAY.minusDays(1))).build();
      assertThat(rules.exclusion(p, vacancy("V-1").location(HANNOVER).build())).isEmpty();
    }
  }

  @Nested
  class DateFilters {
    @Test
    void anOpportunityPastItsApplicationDeadlineIsExcluded() {
      Profile p = person("P-1").build();
      assertThat(rules.exclusion(p, vacancy("V-1").applicationDeadline(TODAY.minusDays(1)).build()))
          .contains("application_deadline");
      assertThat(rules.exclusion(p, vacancy("V-2").applicationDeadline(TODAY).build())).isEmpty();
    }

    @Test
    void anApprenticeshipCanBeJoinedUntilOctoberButNotLater() {
      Profile p = person("P-1").build();
      Opportunity august = apprenticeship("A-1").startDate(LocalDate.of(2026, 8, 1)).build();
      assertThat(rules.exclusion(p, august)).contains("start_date");
      Opportunity september = apprenticeship("A-2").startDate(LocalDate.of(2026, 9, 30)).build();
      assertThat(rules.exclusion(p, september)).isEmpty();
    }

    @Test
    void aPersonAvailableOnlyAfterTheStartIsExcluded() {
      Profile late = person("P-1").availability(availableFrom(LocalDate.of(2027, 11, 1))).build();
      assertThat(rules.exclusion(late, apprenticeship("A-1").build())).contains("start_date");
      Profile ready = person("P-2").availability(availableFrom(LocalDate.of(2027, 7, 1))).build();
      assertThat(rules.exclusion(ready, apprenticeship("A-1").build())).isEmpty();
    }
  }

  @Nested
  class RecognitionFilter {
    private final Opportunity nurseJob =
        vacancy("V-1").occupation(Occupation.isco("2221")).level(Level.SKILLED)
            .qualification(new QualificationRequirement(true, true, Recognition.FULL)).build();

    private Profile nurse(Recognition recognition) {
      return person("P-1").qualification(new Qualification(Occupation.isco("2221"), Level.EXPERT, "SY", recognition, 4.0)).build();
    }

    @Test
    void aRegulatedSkilledJobNeedsFullRecognition() {
      assertThat(rules.exclusion(nurse(Recognition.FULL), nurseJob)).isEmpty();
      assertThat(rules.exclusion(nurse(Recognition.PARTIAL), nurseJob)).contains("recognition");
      assertThat(rules.exclusion(person("P-2").build(), nurseJob)).contains("recognition");
    }

    @Test
    void aRecognitionPartnershipAdmitsPartialButNotRejectedRecognition() {
      Opportunity partnership = nurseJob.toBuilder().recognitionPartnership(true).build();
      assertThat(rules.exclusion(nurse(Recognition.PARTIAL), partnership)).isEmpty();
      assertThat(rules.exclusion(nurse(Recognition.PENDING), partnership)).isEmpty();
      assertThat(rules.exclusion(nurse(Recognition.REJECTED), partnership)).contains("recognition");
    }

    @Test
    void helperRolesInARegulatedFieldAreOpenWithoutRecognition() {
      Opportunity helper = nurseJob.toBuilder().level(Level.HELPER).build();
      assertThat(rules.exclusion(nurse(Recognition.PARTIAL), helper)).isEmpty();
    }

    @Test
    void trainingThatCompletesRecognitionIsOpenWithPartialRecognition() {
      Opportunity adaptation = nurseJob.toBuilder().kind(org.passgenau.model.OpportunityKind.TRAINING).build();
      assertThat(rules.exclusion(nurse(Recognition.PARTIAL), adaptation)).isEmpty();
    }

    @Test
    void nonRegulatedJobsNeedNoRecognition() {
      Opportunity cook = vacancy("V-2").occupation(Occupation.isco("5120")).level(Level.SKILLED)
          .qualification(new QualificationRequirement(true, false, null)).build();
      assertThat(rules.exclusion(person("P-1").build(), cook)).isEmpty();
    }
  }

  @Nested
  class LanguageFloorFilter {
    private final Opportunity asksB1 = vacancy("V-1").requireLanguage("de", Cefr.B1).build();

    @Test
    void aLevelBelowTheAskedOneExcludes() {
      assertThat(rules.exclusion(person("P-1").speaks("de", Cefr.A2).build(), asksB1)).contains("language_floor");
      assertThat(rules.exclusion(person("P-2").speaks("de", Cefr.B1).build(), asksB1)).isEmpty();
    }

    @Test
    void oneLevelShortIsToleratedWhenTheEmployerOffersLanguageTraining() {
      Opportunity supported = asksB1.toBuilder().languageSupport(true).build();
      assertThat(rules.exclusion(person("P-1").speaks("de", Cefr.A2).build(), supported)).isEmpty();
      assertThat(rules.exclusion(person("P-2").speaks("de", Cefr.A1).build(), supported)).contains("language_floor");
    }

    @Test
    void anAbsentLanguageIsNoKnowledge() {
      Opportunity asksA1 = vacancy("V-2").requireLanguage("nl", Cefr.A1).build();
      assertThat(rules.exclusion(person("P-1").speaks("de", Cefr.C1).build(), asksA1)).contains("language_floor");
    }
  }

  @Nested
  class WorkingTimeFilters {
    @Test
    void aJobAskingMoreHoursThanThePersonCanWorkIsExcluded() {
      Profile p = person("P-1").availability(new Availability(null, 25.0, null, null, null, null)).build();
      assertThat(rules.exclusion(p, vacancy("V-1").hoursPerWeek(HoursRange.of(30, 40)).build())).contains("hours");
      assertThat(rules.exclusion(p, vacancy("V-2").hoursPerWeek(HoursRange.of(20, 40)).build())).isEmpty();
    }

    @Test
    void aJobWithFewerHoursThanThePersonNeedsIsExcluded() {
      Profile p = person("P-1").availability(new Availability(null, null, 30.0, null, null, null)).build();
      assertThat(rules.exclusion(p, vacancy("V-1").hoursPerWeek(HoursRange.of(10, 20)).build())).contains("hours");
    }

    @Test
    void shiftNightAndWeekendWorkAreExcludedWhenThePersonCannotDoThem() {
      Profile p = person("P-1").availability(new Availability(null, null, null, false, false, false)).build();
      assertThat(rules.exclusion(p, vacancy("V-1").shiftWork(true).build())).contains("shift_work");
      assertThat(rules.exclusion(p, vacancy("V-2").nightWork(true).build())).contains("night_work");
      assertThat(rules.exclusion(p, vacancy("V-3").weekendWork(true).build())).contains("weekend_work");
      assertThat(rules.exclusion(p, vacancy("V-4").shiftWork(false).build())).isEmpty();
    }

    @Test
    void childrenWithoutArrangedCareRuleOutNightWorkUnlessTheEmployerOffersChildcare() {
      Profile mother = person("P-1").family(new Family(1, 1, false, true)).build();
      assertThat(rules.exclusion(mother, vacancy("V-1").nightWork(true).build())).contains("childcare");
      assertThat(rules.exclusion(mother, vacancy("V-2").nightWork(true).childcareSupport(true).build())).isEmpty();
      Profile cared = person("P-2").family(new Family(1, 1, true, true)).build();
      assertThat(rules.exclusion(cared, vacancy("V-1").nightWork(true).build())).isEmpty();
    }
  }

  @Nested
  class EntryFilters {
    @Test
    void aJobMoreDemandingThanHealthAllowsIsExcluded() {
      Profile p = person("P-1").health(new Health(Demand.MEDIUM, false)).build();
      assertThat(rules.exclusion(p, vacancy("V-1").physicalDemand(Demand.HIGH).build())).contains("physical_demand");
      assertThat(rules.exclusion(p, vacancy("V-2").physicalDemand(Demand.LOW).build())).isEmpty();
    }

    @Test
    void aWheelchairUserIsNotOfferedAnInaccessibleWorkplace() {
      Profile p = person("P-1").health(new Health(null, true)).build();
      assertThat(rules.exclusion(p, vacancy("V-1").accessible(false).build())).contains("accessibility");
      Opportunity unknown = vacancy("V-2").build();
      assertThat(rules.exclusion(p, unknown)).isEmpty();
      assertThat(rules.details(p, unknown)).anyMatch(d -> d.contains("accessible"));
    }

    @Test
    void aTruckLicenceCoversTheCarLicenceButNotTheOtherWayRound() {
      Profile trucker = person("P-1").mobility(new Mobility(null, null, List.of("CE"), false, false)).build();
      Profile driver = person("P-2").mobility(new Mobility(null, null, List.of("B"), false, false)).build();
      assertThat(rules.exclusion(trucker, vacancy("V-1").drivingLicense("B").build())).isEmpty();
      assertThat(rules.exclusion(trucker, vacancy("V-2").drivingLicense("C").build())).isEmpty();
      assertThat(rules.exclusion(driver, vacancy("V-2").drivingLicense("C").build())).contains("driving_license");
      assertThat(rules.exclusion(person("P-3").build(), vacancy("V-1").drivingLicense("B").build())).contains("driving_license");
    }

    @Test
    void anEmployersSchoolRequirementExcludesALowerSchoolLevel() {
      Opportunity asksIntermediate = apprenticeship("A-1").minSchool(School.INTERMEDIATE).build();
      assertThat(rules.exclusion(person("P-1").school(School.LOWER_SECONDARY).build(), asksIntermediate)).contains("school");
      assertThat(rules.exclusion(person("P-2").school(School.UPPER_SECONDARY).build(), asksIntermediate)).isEmpty();
      assertThat(rules.exclusion(person("P-3").build(), asksIntermediate)).isEmpty();
    }
  }

  @Test
  void aRuleSetCanSwitchAFilterOff() {
    RuleHarness lenient = new RuleHarness(RuleSet.defaults().toBuilder().filter("language_floor", false).build());
    Opportunity asksB2 = vacancy("V-1").requireLanguage("de", Cefr.B2).build();
    assertThat(lenient.exclusion(person("P-1").build(), asksB2)).isEmpty();
    assertThat(rules.exclusion(person("P-1").build(), asksB2)).contains("language_floor");
  }

  @Test
  void unknownCoordinatesPassWithANote() {
    Profile p = person("P-1").build();
    Opportunity nowhere = vacancy("V-1").location(new Location(null, null, null, "Viersen", "DE-NW", "DE")).build();
    assertThat(rules.exclusion(p, nowhere)).isEmpty();
    assertThat(rules.details(p, nowhere)).anyMatch(d -> d.contains("no coordinates"));
  }
}
