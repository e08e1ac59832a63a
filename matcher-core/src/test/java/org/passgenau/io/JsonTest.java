package org.passgenau.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.passgenau.model.Cefr;
import org.passgenau.model.Family;
import org.passgenau.model.HoursRange;
import org.passgenau.model.Location;
import org.passgenau.model.Occupation;
import org.passgenau.model.Opportunity;
import org.passgenau.model.OpportunityKind;
import org.passgenau.model.PermitStatus;
import org.passgenau.model.Profile;
import org.passgenau.model.WorkBan;
import org.passgenau.model.WorkPermit;

class JsonTest {

  @Test
  void anOpportunityRoundTripsThroughTheContractFormat() {
    Opportunity nurseAide =
        Opportunity.builder("V-1", OpportunityKind.APPRENTICESHIP, "Pflegehelfer/in (m/w/d)")
            .occupation(Occupation.isco("5321"))
            .requireLanguage("de", Cefr.A2)
            .location(Location.of(51.2562, 6.3905, "DE-NW", "DE"))
            .hoursPerWeek(HoursRange.of(20, 39))
            .startDate(LocalDate.of(2027, 8, 1))
            .build();

    String line = Json.toLine(nurseAide);

    assertThat(line)
        .contains("\"kind\":\"apprenticeship\"")
        .contains("\"language_requirements\":[{\"language\":\"de\",\"min_level\":\"A2\"}]")
        .contains("\"hours_per_week\":{\"min\":20.0,\"max\":39.0}")
        .contains("\"start_date\":\"2027-08-01\"")
        .doesNotContain("null");
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    assertThat(Json.fromBytes(bytes, 0, bytes.length, Opportunity.class)).isEqualTo(nurseAide);
  }

  @Test
  void numbersInFieldNamesGetTheirOwnWord() {
    Profile mother =
        Profile.builder("P-1")
            .family(new Family(2, 1, false, true))
            .workPermit(new WorkPermit(PermitStatus.ASYLUM_PENDING, WorkBan.TEMPORARY, LocalDate.of(2027, 3, 1), true))
            .build();
    String line = Json.toLine(mother);
    assertThat(line).contains("\"children_under_3\":2").contains("\"work_ban\":\"temporary\"");
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    assertThat(Json.fromBytes(bytes, 0, bytes.length, Profile.class)).isEqualTo(mother);
  }

  @Test
  void anUnknownEnumCodeIsRefusedNamingTheValue() {
    byte[] bytes =
        "{\"id\":\"P-1\",\"languages\":[{\"language\":\"de\",\"level\":\"B3\"}]}"
            .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Json.fromBytes(bytes, 0, bytes.length, Profile.class))
        .hasMessageContaining("B3");
  }

  @Test
  void aNumberGivenAsTextIsNotSilentlyConverted() {
    byte[] bytes = "{\"id\":\"P-1\",\"birth_year\":\"1999\"}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Json.fromBytes(bytes, 0, bytes.length, Profile.class))
        .hasMessageContaining("birth_year");
  }
}
