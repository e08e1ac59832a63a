package org.passgenau.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelValidationTest {

  @org.junit.jupiter.params.ParameterizedTest(name = "id {0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {
      "P-1\nP-2 Q0 V-1 1 9.9 fake", "P 1", "P-1\t", "P-\u00a01", "P-\ud800", "P-\u0007",
      "P-\u200b1"})
  void anIdThatCouldBreakALineOrAFieldIsRefused(String id) {
    assertThatThrownBy(() -> Profile.builder(id).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("id must be printable, without whitespace, was a value with U+");
    assertThatThrownBy(() -> Opportunity.builder(id, OpportunityKind.VACANCY, "Koch").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("id must be printable, without whitespace");
  }

  @Test
  void idsOfLettersDigitsAndPunctuationInAnyScriptAreKept() {
    for (String id : List.of("P-17", "V-0001", "DE-18119", "ÄÖÜ-ß", "职位-42", "P_1.2/3", "😀-1")) {
      assertThat(Profile.builder(id).build().id()).isEqualTo(id);
    }
  }

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
