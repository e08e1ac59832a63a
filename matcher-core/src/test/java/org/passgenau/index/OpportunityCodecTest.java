package org.passgenau.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.passgenau.model.Cefr;
import org.passgenau.model.Demand;
import org.passgenau.model.Employer;
import org.passgenau.model.HoursRange;
import org.passgenau.model.LanguageRequirement;
import org.passgenau.model.Level;
import org.passgenau.model.Location;
import org.passgenau.model.Occupation;
import org.passgenau.model.Opportunity;
import org.passgenau.model.OpportunityKind;
import org.passgenau.model.QualificationRequirement;
import org.passgenau.model.Recognition;
import org.passgenau.model.School;

class OpportunityCodecTest {

  /** Every field of the contract given, so that the pinned bytes cover the whole layout. */
  static Opportunity everyFieldGiven() {
    return Opportunity.builder("V-77", OpportunityKind.APPRENTICESHIP, "Pflegefachmann/-frau")
        .description("Ausbildung zur Pflegefachkraft, Beginn im Herbst")
        .occupation(new Occupation("2221", "81302", "http://data.europa.eu/esco/occupation/x",
            "Pflegefachkraft"))
        .level(Level.SKILLED)
        .skills(List.of("Grundpflege", "Dokumentation"))
        .languageRequirements(List.of(LanguageRequirement.of("de", Cefr.B1),
            LanguageRequirement.of("en", Cefr.A2)))
        .languageSupport(true)
        .qualification(new QualificationRequirement(true, false, Recognition.PARTIAL))
        .recognitionPartnership(false)
        .minSchool(School.LOWER_SECONDARY)
        .location(new Location(51.2562, 6.3905, "41747", "Viersen", "DE-NW", "DE"))
        .remote(false)
        .hoursPerWeek(new HoursRange(30.0, 39.5))
        .shiftWork(true)
        .nightWork(false)
        .weekendWork(true)
        .flexibleHours(false)
        .childcareSupport(true)
        .drivingLicense("B")
        .physicalDemand(Demand.HIGH)
        .accessible(false)
        .monthlyGrossEur(1340.69)
        .startDate(LocalDate.of(2027, 9, 1))
        .applicationDeadline(LocalDate.of(2027, 6, 30))
        .postedDate(LocalDate.of(1969, 12, 24))
        .openPositions(3)
        .employer(new Employer("E-12", "Klinikum"))
        .source("ba-jobboerse")
        .build();
  }

  @Test
  void aRecordWithEveryFieldRoundTripsExactly() {
    Opportunity o = everyFieldGiven();
    byte[] record = OpportunityCodec.encode(o);
    assertThat(OpportunityCodec.decode(record, 0, record.length)).isEqualTo(o);
    assertThat(OpportunityCodec.id(record, 0, record.length)).isEqualTo("V-77");
  }

  @Test
  void aRecordWithOnlyTheRequiredFieldsRoundTripsExactly() {
    Opportunity o = Opportunity.builder("T-1", OpportunityKind.TRAINING, "Deutschkurs B1").build();
    byte[] record = OpportunityCodec.encode(o);
    assertThat(OpportunityCodec.decode(record, 0, record.length)).isEqualTo(o);
  }

  /**
   * Pins the layout of {@link OpportunityCodec#FORMAT}: saved indexes hold these bytes. When this
   * fails after a change to the layout, to the order of an enum's constants or to the model,
   * bump {@code FORMAT} (old indexes are then refused with a message to rebuild them) and pin
   * the new bytes.
   */
  @Test
  void theLayoutOfFormatOneIsPinned() {
    assertThat(OpportunityCodec.FORMAT).isEqualTo(1);
    assertThat(HexFormat.of().formatHex(OpportunityCodec.encode(everyFieldGiven())))
        .isEqualTo(PINNED_FORMAT_1);
  }

  @Test
  void everyFieldOfTheModelHasItsPlaceInTheLayout() {
    // A component added to a record would be silently dropped by the codec: count them.
    assertThat(Opportunity.class.getRecordComponents()).hasSize(30);
    assertThat(Occupation.class.getRecordComponents()).hasSize(4);
    assertThat(LanguageRequirement.class.getRecordComponents()).hasSize(2);
    assertThat(QualificationRequirement.class.getRecordComponents()).hasSize(3);
    assertThat(Location.class.getRecordComponents()).hasSize(6);
    assertThat(HoursRange.class.getRecordComponents()).hasSize(2);
    assertThat(Employer.class.getRecordComponents()).hasSize(2);
    assertThat(Recognition.values()).as("four bits hold the recognition").hasSizeLessThan(16);
  }

  @Test
  void aRecordOfAnotherFormatIsRefusedWithAMessageToRebuild() {
    byte[] record = OpportunityCodec.encode(everyFieldGiven());
    record[0] = 7;
    assertThatThrownBy(() -> OpportunityCodec.decode(record, 0, record.length))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("format 7")
        .hasMessageContaining("rebuild the index");
  }

  @Test
  void aTruncatedRecordIsReportedAsDamaged() {
    byte[] record = OpportunityCodec.encode(everyFieldGiven());
    byte[] half = java.util.Arrays.copyOf(record, record.length / 2);
    assertThatThrownBy(() -> OpportunityCodec.decode(half, 0, half.length))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("damaged");
    assertThatThrownBy(() -> OpportunityCodec.decode(record, 0, record.length - 1))
        .as("a record whose fields run past its length")
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("damaged");
  }

  @Property(tries = 300)
  void everyOpportunityRoundTrips(@ForAll("opportunities") Opportunity o) {
    byte[] record = OpportunityCodec.encode(o);
    assertThat(OpportunityCodec.decode(record, 0, record.length)).isEqualTo(o);
    assertThat(OpportunityCodec.id(record, 0, record.length)).isEqualTo(o.id());
  }

  @Provide
  Arbitrary<Opportunity> opportunities() {
    Arbitrary<String> text = Arbitraries.strings().ofMinLength(1).ofMaxLength(40)
        .withCharRange(' ', 'ÿ').withChars('€', '中', 'ł').filter(s -> !s.isBlank());
    Arbitrary<Boolean> yesNo = Arbitraries.of(Boolean.TRUE, Boolean.FALSE).injectNull(0.3);
    Arbitrary<LocalDate> dates = Arbitraries.longs().between(-40_000, 80_000)
        .map(LocalDate::ofEpochDay).injectNull(0.3);
    Arbitrary<Occupation> occupations = Combinators.combine(
            Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(4).injectNull(0.3),
            Arbitraries.strings().numeric().ofLength(5).injectNull(0.5),
            text.injectNull(0.5), text.injectNull(0.3))
        .as(Occupation::new)
        .ignoreException(IllegalArgumentException.class)
        .injectNull(0.2);
    Arbitrary<Location> locations = Combinators.combine(
            Arbitraries.doubles().between(-90, 90).injectNull(0.2),
            Arbitraries.doubles().between(-180, 180), text.injectNull(0.5),
            text.injectNull(0.5), text.injectNull(0.5), text.injectNull(0.5))
        .as((lat, lon, postal, place, region, country) ->
            new Location(lat, lat == null ? null : lon, postal, place, region, country))
        .injectNull(0.2);
    Arbitrary<QualificationRequirement> qualifications =
        Combinators.combine(yesNo, yesNo, Arbitraries.of(Recognition.class).injectNull(0.3))
            .as(QualificationRequirement::new)
            .injectNull(0.3);
    Arbitrary<HoursRange> hours = Combinators.combine(
            Arbitraries.doubles().between(0, 80).injectNull(0.3),
            Arbitraries.doubles().between(80, 168).injectNull(0.3))
        .as(HoursRange::new)
        .injectNull(0.3);
    Arbitrary<List<LanguageRequirement>> languages = Combinators.combine(
            Arbitraries.of("de", "nl", "en", "ar", "uk"), Arbitraries.of(Cefr.class))
        .as(LanguageRequirement::new)
        .list().ofMaxSize(3);
    Arbitrary<Opportunity.Builder> base = Combinators.combine(
            Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12),
            Arbitraries.of(OpportunityKind.class), text)
        .as(Opportunity::builder);
    Arbitrary<Opportunity.Builder> withText = Combinators.combine(base, text.injectNull(0.4),
            occupations, Arbitraries.of(Level.class).injectNull(0.3), text.list().ofMaxSize(4),
            languages, qualifications, locations)
        .as((b, description, occupation, level, skills, requirements, qualification, location)
            -> b.description(description).occupation(occupation).level(level).skills(skills)
                .languageRequirements(requirements).qualification(qualification)
                .location(location));
    // Nine yes/no/unknown values; jqwik's lists hold nulls, as the record's fields do.
    Arbitrary<Opportunity.Builder> withFlags = Combinators.combine(withText,
            yesNo.list().ofSize(9))
        .as((b, f) -> b.languageSupport(f.get(0)).recognitionPartnership(f.get(1))
            .remote(f.get(2)).shiftWork(f.get(3)).nightWork(f.get(4)).weekendWork(f.get(5))
            .flexibleHours(f.get(6)).childcareSupport(f.get(7)).accessible(f.get(8)));
    Arbitrary<Opportunity.Builder> withNumbers = Combinators.combine(withFlags, hours,
            Arbitraries.doubles().between(0, 1_000_000).injectNull(0.3),
            Arbitraries.integers().between(1, 100_000).injectNull(0.3), dates, dates, dates)
        .as((b, h, gross, positions, start, deadline, posted) ->
            b.hoursPerWeek(h).monthlyGrossEur(gross)
                .openPositions(positions).startDate(start).applicationDeadline(deadline)
                .postedDate(posted));
    return Combinators.combine(withNumbers, text.injectNull(0.5),
            Arbitraries.of(Demand.class).injectNull(0.4), Arbitraries.of(School.class).injectNull(0.4),
            Combinators.combine(text.injectNull(0.4), text.injectNull(0.4)).as(Employer::new)
                .injectNull(0.4),
            text.injectNull(0.5))
        .as((b, licence, demand, school, employer, source) -> b.drivingLicense(licence)
            .physicalDemand(demand).minSchool(school).employer(employer).source(source).build());
  }

  private static final String PINNED_FORMAT_1 = "01ffffff0fa90104562d3737011450666c656765666163"
      + "686d616e6e2f2d667261753041757362696c64756e67207a75722050666c656765666163686b726166742c20"
      + "426567696e6e20696d204865726273740f043232323105383133303227687474703a2f2f646174612e657572"
      + "6f70612e65752f6573636f2f6f636375706174696f6e2f780f50666c656765666163686b7261667401020b47"
      + "72756e6470666c6567650d446f6b756d656e746174696f6e020264650202656e012d02011b9e5e29cba04940"
      + "1d5a643bdf8f19400f053431373437075669657273656e0544452d4e57024445030000000000003e40000000"
      + "0000c04340014202f6285c8fc2f294408cc9028ec8020f030304452d3132084b6c696e696b756d0c62612d6a"
      + "6f62626f65727365";
}
