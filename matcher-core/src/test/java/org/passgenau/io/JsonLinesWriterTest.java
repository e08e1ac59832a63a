package org.passgenau.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passgenau.model.Availability;
import org.passgenau.model.Cefr;
import org.passgenau.model.Demand;
import org.passgenau.model.Employer;
import org.passgenau.model.Experience;
import org.passgenau.model.Family;
import org.passgenau.model.Health;
import org.passgenau.model.HoursRange;
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
import org.passgenau.model.ResidenceObligation;
import org.passgenau.model.School;
import org.passgenau.model.WorkBan;
import org.passgenau.model.WorkPermit;

class JsonLinesWriterTest {

  @Test
  void opportunitiesRoundTripThroughAFile(@TempDir Path dir) {
    Opportunity nurseAide =
        Opportunity.builder("V-1", OpportunityKind.VACANCY, "Pflegehelfer/in (m/w/d)")
            .description("Frühdienst, Station 3")
            .occupation(new Occupation("5321", "81301", null, "Pflegehelfer"))
            .level(Level.HELPER)
            .skills(List.of("Grundpflege", "رعاية"))
            .requireLanguage("de", Cefr.A2)
            .languageSupport(true)
            .qualification(new QualificationRequirement(false, true, Recognition.PARTIAL))
            .minSchool(School.LOWER_SECONDARY)
            .location(new Location(51.2562, 6.3905, "41747", "Viersen", "DE-NW", "DE"))
            .hoursPerWeek(HoursRange.of(20, 39))
            .shiftWork(true)
            .physicalDemand(Demand.HIGH)
            .monthlyGrossEur(2450.5)
            .startDate(LocalDate.of(2027, 8, 1))
            .openPositions(3)
            .employer(new Employer("E-1", "Klinikum Viersen"))
            .source("feed-a")
            .build();
    Opportunity volunteering =
        Opportunity.builder("V-2", OpportunityKind.VOLUNTEERING, "Tafel: Ausgabe").build();
    Path file = dir.resolve("opportunities.jsonl");

    JsonLinesWriter.writeAll(file, List.of(nurseAide, volunteering));
    ReadResult<Opportunity> read = JsonLinesReader.opportunities().read(file);

    assertThat(read.rejects()).as("rejects of written opportunities").isEmpty();
    assertThat(read.records()).as("opportunities read back").containsExactly(nurseAide, volunteering);
  }

  @Test
  void profilesRoundTripThroughAFile(@TempDir Path dir) throws Exception {
    Profile nurse =
        Profile.builder("P-17")
            .speaks("ar", Cefr.C2)
            .speaks("de", Cefr.A2)
            .qualification(new Qualification(Occupation.isco("2221"), Level.SPECIALIST, "SY", Recognition.PARTIAL, 3.0))
            .experience(List.of(new Experience(Occupation.isco("5321"), 6.0)))
            .desiredOccupations(List.of(Occupation.titled("Pflegefachfrau")))
            .school(School.UPPER_SECONDARY)
            .birthYear(1990)
            .location(Location.of(51.2562, 6.3905, "DE-NW", "DE"))
            .mobility(new Mobility(null, 45.0, List.of("B"), false, true))
            .residenceObligation(new ResidenceObligation("DE-NW", LocalDate.of(2027, 6, 30)))
            .workPermit(new WorkPermit(PermitStatus.ASYLUM_PENDING, WorkBan.TEMPORARY, LocalDate.of(2027, 3, 1), true))
            .availability(new Availability(LocalDate.of(2027, 1, 1), 30.0, 15.0, false, false, true))
            .family(new Family(1, 1, false, true))
            .health(new Health(Demand.MEDIUM, false))
            .audit(Map.of("gender", "f", "nationality", "SY"))
            .build();
    Path file = dir.resolve("profiles.jsonl");

    JsonLinesWriter.writeAll(file, List.of(nurse));
    ReadResult<Profile> read = JsonLinesReader.profiles().read(file);

    assertThat(read.records()).as("profiles read back").containsExactly(nurse);
    assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).as("lines written").hasSize(1);
  }

  @Test
  void aFileWhoseWritingFailsKeepsItsPreviousContentAndNothingIsLeftBeside(@TempDir Path dir)
      throws IOException {
    Path file = Files.writeString(dir.resolve("opportunities.jsonl"), "yesterday\n");
    Opportunity first = Opportunity.builder("V-1", OpportunityKind.VACANCY, "Koch").build();
    Iterable<Object> failingHalfWay = () -> new Iterator<>() {
      private int given;

      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public Object next() {
        if (given++ == 1) {
          throw new UncheckedIOException(new IOException("No space left on device"));
        }
        return first;
      }
    };

    assertThatThrownBy(() -> JsonLinesWriter.writeAll(file, failingHalfWay))
        .isInstanceOf(UncheckedIOException.class).hasMessageContaining(file.toString());

    assertThat(Files.readString(file)).as("the previous content").isEqualTo("yesterday\n");
    try (var left = Files.list(dir)) {
      assertThat(left).as("no temporary file left").containsExactly(file);
    }
  }
}
