package org.passgenau.rank;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import org.passgenau.model.Availability;
import org.passgenau.model.Cefr;
import org.passgenau.model.Demand;
import org.passgenau.model.Experience;
import org.passgenau.model.Family;
import org.passgenau.model.Health;
import org.passgenau.model.HoursRange;
import org.passgenau.model.LanguageRequirement;
import org.passgenau.model.LanguageSkill;
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

/**
 * jqwik generators for opportunities, corpora and profiles around a few places of the Lower Rhine,
 * the Bergisches Land, Lower Saxony and Groningen. Every field the ranking rules read varies,
 * absent values included (absent means "no constraint"), and the values cluster around the
 * thresholds of the rules: commuting limits, the 15-hour and income threshold of the residence
 * obligation, one CEFR level of tolerance, start dates around the joining period.
 */
final class ArbitrariesForRanking {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  static final List<Location> PLACES = List.of(
      Fixtures.VIERSEN, Fixtures.KREFELD, Fixtures.MOENCHENGLADBACH, Fixtures.WUPPERTAL,
      Fixtures.HANNOVER, Fixtures.GRONINGEN,
      new Location(null, null, "41747", "Viersen", "DE-NW", "DE"));

  /** Care, nursing, warehouse, driving, kitchen and medicine: related and unrelated groups. */
  static final List<String> ISCO = List.of("5321", "2221", "3221", "2222", "2211", "2261", "2262",
      "9333", "4321", "8332", "5120", "9412");

  static final List<String> TITLES = List.of(
      "Pflegehelfer (m/w/d)", "Pflegefachkraft", "Lagerhelfer/in", "LKW-Fahrer", "Koch (m/w/d)",
      "Küchenhilfe", "magazijnmedewerker", "Bürokraft");

  static final List<String> SKILLS = List.of("Grundpflege", "Kommissionierung", "Staplerschein", "Hygiene", "Kochen", "Deutsch");

  static final List<String> LANGUAGES = List.of("de", "nl", "en");

  private ArbitrariesForRanking() {}

  // ---------------------------------------------------------------- opportunities

  /** Corpora of up to {@code max} opportunities with distinct ids O-00, O-01, ... */
  static Arbitrary<List<Opportunity>> corpora(int max) {
    return opportunities().list().ofMinSize(1).ofMaxSize(max).map(ArbitrariesForRanking::numbered);
  }

  static List<Opportunity> numbered(List<Opportunity> opportunities) {
    List<Opportunity> out = new ArrayList<>();
    for (int i = 0; i < opportunities.size(); i++) {
      out.add(opportunities.get(i).toBuilder().id(String.format("O-%02d", i)).build());
    }
    return out;
  }

  static Arbitrary<Opportunity> opportunities() {
    return Builders.withBuilder(() -> Opportunity.builder("O", OpportunityKind.VACANCY, "Stelle"))
        .use(Arbitraries.of(OpportunityKind.class)).in(Opportunity.Builder::kind)
        .use(Arbitraries.of(TITLES)).in(Opportunity.Builder::title)
        .use(postedOccupations().injectNull(0.2)).in(Opportunity.Builder::occupation)
        .use(Arbitraries.of(Level.class).injectNull(0.2)).in(Opportunity.Builder::level)
        .use(Arbitraries.of(SKILLS).list().ofMaxSize(3)).in(Opportunity.Builder::skills)
        .use(languageRequirements()).in(Opportunity.Builder::languageRequirements)
        .use(maybe()).in(Opportunity.Builder::languageSupport)
        .use(qualificationRequirements()).in(Opportunity.Builder::qualification)
        .use(maybe()).in(Opportunity.Builder::recognitionPartnership)
        .use(Arbitraries.of(School.class).injectNull(0.6)).in(Opportunity.Builder::minSchool)
        .use(Arbitraries.of(PLACES).injectNull(0.05)).in(Opportunity.Builder::location)
        .use(Arbitraries.of(true, false).injectNull(0.6)).in(Opportunity.Builder::remote)
        .use(hoursRanges()).in(Opportunity.Builder::hoursPerWeek)
        .use(maybe()).in(Opportunity.Builder::shiftWork)
        .use(maybe()).in(Opportunity.Builder::nightWork)
        .use(maybe()).in(Opportunity.Builder::weekendWork)
        .use(maybe()).in(Opportunity.Builder::childcareSupport)
        .use(Arbitraries.of("B", "c", "CE", "C1", "D").injectNull(0.7)).in(Opportunity.Builder::drivingLicense)
        .use(Arbitraries.of(Demand.class).injectNull(0.4)).in(Opportunity.Builder::physicalDemand)
        .use(maybe()).in(Opportunity.Builder::accessible)
        .use(Arbitraries.of(450.0, 784.0, 785.0, 1500.0, 2600.0).injectNull(0.3)).in(Opportunity.Builder::monthlyGrossEur)
        .use(days(-150, 400).injectNull(0.3)).in(Opportunity.Builder::startDate)
        .use(days(-20, 90).injectNull(0.5)).in(Opportunity.Builder::applicationDeadline)
        .build(Opportunity.Builder::build);
  }

  /** An ISCO code, some with a KldB code whose fifth digit states the requirement level. */
  static Arbitrary<Occupation> postedOccupations() {
    Arbitrary<String> kldb = Arbitraries.of("81301", "81302", "81313", "51314").injectNull(0.6);
    return Combinators.combine(Arbitraries.of(ISCO), kldb)
        .as((isco, code) -> new Occupation(isco, code, null, null));
  }

  static Arbitrary<List<LanguageRequirement>> languageRequirements() {
    return Combinators.combine(Arbitraries.of(LANGUAGES), Arbitraries.of(Cefr.class))
        .as(LanguageRequirement::of)
        .list().ofMaxSize(2);
  }

  static Arbitrary<QualificationRequirement> qualificationRequirements() {
    return Combinators.combine(maybe(), Arbitraries.of(true, false).injectNull(0.1),
            Arbitraries.of(Recognition.class).injectNull(0.5))
        .as(QualificationRequirement::new)
        .injectNull(0.3);
  }

  static Arbitrary<HoursRange> hoursRanges() {
    Arbitrary<Double> bound = Arbitraries.of(5.0, 10.0, 15.0, 20.0, 30.0, 38.5, 40.0).injectNull(0.25);
    return Combinators.combine(bound, bound)
        .as((a, b) -> a != null && b != null && a > b ? new HoursRange(b, a) : new HoursRange(a, b))
        .injectNull(0.3);
  }

  // ---------------------------------------------------------------- profiles

  static Arbitrary<Profile> profiles() {
    return Builders.withBuilder(() -> Profile.builder("P"))
        .use(languageSkills()).in(Profile.Builder::languages)
        .use(qualifications().list().ofMaxSize(2)).in(Profile.Builder::qualifications)
        .use(experience().list().ofMaxSize(2)).in(Profile.Builder::experience)
        .use(Arbitraries.of(SKILLS).list().ofMaxSize(3)).in(Profile.Builder::skills)
        .use(Arbitraries.of(ISCO).map(Occupation::isco).list().ofMaxSize(2)).in(Profile.Builder::desiredOccupations)
        .use(Arbitraries.of(School.class).injectNull(0.3)).in(Profile.Builder::school)
        .use(Arbitraries.of(PLACES).injectNull(0.05)).in(Profile.Builder::location)
        .use(mobility().injectNull(0.2)).in(Profile.Builder::mobility)
        .use(residenceObligations().injectNull(0.6)).in(Profile.Builder::residenceObligation)
        .use(workPermits().injectNull(0.2)).in(Profile.Builder::workPermit)
        .use(availability().injectNull(0.3)).in(Profile.Builder::availability)
        .use(family().injectNull(0.4)).in(Profile.Builder::family)
        .use(health().injectNull(0.4)).in(Profile.Builder::health)
        .use(audits()).in(Profile.Builder::audit)
        .build(Profile.Builder::build);
  }

  static Arbitrary<List<LanguageSkill>> languageSkills() {
    return Combinators.combine(Arbitraries.of("de", "nl", "en", "ar"), Arbitraries.of(Cefr.class))
        .as(LanguageSkill::of)
        .list().ofMaxSize(3);
  }

  static Arbitrary<Qualification> qualifications() {
    return Combinators.combine(
            Arbitraries.of(ISCO).map(Occupation::isco),
            Arbitraries.of(Level.class).injectNull(0.2),
            Arbitraries.of("SY", "AF", "UA", "DE"),
            Arbitraries.of(Recognition.class).injectNull(0.2),
            Arbitraries.of(1.0, 3.0, 8.0).injectNull(0.3))
        .as(Qualification::new);
  }

  static Arbitrary<Experience> experience() {
    return Combinators.combine(Arbitraries.of(ISCO).map(Occupation::isco), Arbitraries.of(0.5, 2.0, 6.0).injectNull(0.3))
        .as(Experience::new);
  }

  static Arbitrary<Mobility> mobility() {
    return Combinators.combine(
            Arbitraries.of(5.0, 15.0, 20.0, 40.0, 60.0).injectNull(0.6),
            Arbitraries.of(20.0, 45.0, 90.0).injectNull(0.7),
            Arbitraries.of("B", "BE", "C", "CE", "c1", "D").list().ofMaxSize(2),
            maybe(),
            maybe())
        .as(Mobility::new);
  }

  static Arbitrary<ResidenceObligation> residenceObligations() {
    return Combinators.combine(Arbitraries.of("DE-NW", "DE-NI"), days(-60, 900).injectNull(0.2))
        .as(ResidenceObligation::new);
  }

  static Arbitrary<WorkPermit> workPermits() {
    return Combinators.combine(
            Arbitraries.of(PermitStatus.class),
            Arbitraries.of(WorkBan.class).injectNull(0.2),
            days(-30, 300),
            maybe())
        .as((status, ban, until, approval) ->
            new WorkPermit(status, ban, ban == WorkBan.NONE ? null : until, approval));
  }

  static Arbitrary<Availability> availability() {
    Arbitrary<Double> hours = Arbitraries.of(10.0, 15.0, 20.0, 30.0, 40.0).injectNull(0.5);
    return Combinators.combine(days(-30, 400).injectNull(0.5), hours, hours, maybe(), maybe(), maybe())
        .as((from, a, b, shift, night, weekend) -> {
          boolean swap = a != null && b != null && a < b;
          return new Availability(from, swap ? b : a, swap ? a : b, shift, night, weekend);
        });
  }

  static Arbitrary<Family> family() {
    return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 2), maybe(), maybe())
        .as(Family::new);
  }

  static Arbitrary<Health> health() {
    return Combinators.combine(Arbitraries.of(Demand.class).injectNull(0.4), maybe()).as(Health::new);
  }

  /** Attributes for fairness audits: gender, nationality, religion, in any combination. */
  static Arbitrary<Map<String, String>> audits() {
    return Arbitraries.maps(Arbitraries.of("gender", "nationality", "religion", "birth_country"),
            Arbitraries.of("f", "m", "x", "SY", "AF", "UA", "ER", "muslim", "christian"))
        .ofMaxSize(4);
  }

  // ---------------------------------------------------------------- values

  /** True, false or absent. */
  static Arbitrary<Boolean> maybe() {
    return Arbitraries.of(true, false).injectNull(0.4);
  }

  static Arbitrary<LocalDate> days(int fromToday, int toToday) {
    return Arbitraries.integers().between(fromToday, toToday).map(TODAY::plusDays);
  }
}
