package org.passgenau.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelValidationTest {

  @Test
  void volunteeringAndCoursesAreNotEmploymentButInternshipsAndApprenticeshipsAre() {
    assertThat(Arrays.stream(OpportunityKind.values())
            .filter(kind -> !kind.isEmployment()))
        .containsExactlyInAnyOrder(OpportunityKind.VOLUNTEERING, OpportunityKind.TRAINING);
  }


  @Test
  void anOpportunityWithoutATitleIsRefusedNamingTheField() {
    assertThatThrownBy(() -> Opportunity.builder("V-1", OpportunityKind.VACANCY, " ").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("title");
  }

  @Test
  void hoursOutOfRangeAreRefusedNamingFieldAndValue() {
    assertThatThrownBy(() -> HoursRange.of(10, 200))
        .hasMessageContaining("hours_per_week.max")
        .hasMessageContaining("200");
  }

  @Test
  void anIscoCodeMustHaveOneToFourDigits() {
    assertThatThrownBy(() -> Occupation.isco("53210")).hasMessageContaining("'53210'");
    assertThat(Occupation.isco("53").isco()).isEqualTo("53");
  }

  @Test
  void latitudeWithoutLongitudeIsRefused() {
    assertThatThrownBy(() -> new Location(51.0, null, null, null, null, null))
        .hasMessageContaining("location.lon");
  }

  @Test
  void aTemporaryBanNeedsItsEndDate() {
    assertThatThrownBy(() -> new WorkPermit(PermitStatus.ASYLUM_PENDING, WorkBan.TEMPORARY, null, null))
        .hasMessageContaining("work_ban_until");
  }

  @Test
  void absentListsAreEmptyAndListsAreImmutable() {
    Opportunity o = Opportunity.builder("V-1", OpportunityKind.VACANCY, "Koch (m/w/d)").build();
    assertThat(o.skills()).isEmpty();
    assertThatThrownBy(() -> o.skills().add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aProfileKnowsItsBestLevelInALanguage() {
    Profile p =
        Profile.builder("P-1").speaks("de", Cefr.A2).speaks("de", Cefr.B1).speaks("ar", Cefr.C2).build();
    assertThat(p.levelIn("de")).isEqualTo(Cefr.B1);
    assertThat(p.levelIn("nl")).isNull();
  }

  @Test
  void codedEnumsParseByTheirContractCode() {
    assertThat(Coded.parse(PermitStatus.class, "asylum_pending")).isEqualTo(PermitStatus.ASYLUM_PENDING);
    assertThatThrownBy(() -> Coded.parse(Cefr.class, "B3"))
        .hasMessageContaining("'B3'")
        .hasMessageContaining("A1, A2, B1, B2, C1, C2");
  }

  @Test
  void aResidenceObligationBindsUntilItsLastDay() {
    ResidenceObligation obligation = new ResidenceObligation("DE-NW", LocalDate.of(2027, 3, 31));
    assertThat(obligation.inForceOn(LocalDate.of(2027, 3, 31))).isTrue();
    assertThat(obligation.inForceOn(LocalDate.of(2027, 4, 1))).isFalse();
  }

  @Test
  void childcareIsNeededOnlyWhenChildrenAreNotCaredFor() {
    assertThat(new Family(1, 0, false, true).needsChildcare()).isTrue();
    assertThat(new Family(1, 2, true, false).needsChildcare()).isFalse();
    assertThat(new Family(0, 0, null, null).needsChildcare()).isFalse();
  }

  @Test
  void anAbsentListOfLicencesIsEmpty() {
    assertThat(new Mobility(null, null, null, null, null).drivingLicense()).isEqualTo(List.of());
  }
}
