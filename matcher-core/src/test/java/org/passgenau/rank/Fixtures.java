package org.passgenau.rank;

import java.time.LocalDate;
import java.util.List;
import org.passgenau.model.Availability;
import org.passgenau.model.Location;
import org.passgenau.model.Mobility;
import org.passgenau.model.Occupation;
import org.passgenau.model.Opportunity;
import org.passgenau.model.OpportunityKind;
import org.passgenau.model.Profile;

/** Small builders for the places, people and posts the tests talk about. */
final class Fixtures {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

  static final Location VIERSEN = new Location(51.2562, 6.3905, "41747", "Viersen", "DE-NW", "DE");
  static final Location KREFELD = new Location(51.3388, 6.5853, "47798", "Krefeld", "DE-NW", "DE");
  static final Location MOENCHENGLADBACH = new Location(51.1805, 6.4428, "41061", "Mönchengladbach", "DE-NW", "DE");
  static final Location WUPPERTAL = new Location(51.2562, 7.1508, "42103", "Wuppertal", "DE-NW", "DE");
  static final Location HANNOVER = new Location(52.3745, 9.7386, "30159", "Hannover", "DE-NI", "DE");
  static final Location GRONINGEN = new Location(53.2192, 6.5667, "9711", "Groningen", "NL-GR", "NL");

  private Fixtures() {}

  /** A helper vacancy in Krefeld, about 15 km from Viersen, with nothing else asked. */
  static Opportunity.Builder vacancy(String id) {
    return Opportunity.builder(id, OpportunityKind.VACANCY, "Lagerhelfer (m/w/d)")
        .occupation(Occupation.isco("9333"))
        .location(KREFELD);
  }

  static Opportunity.Builder apprenticeship(String id) {
    return Opportunity.builder(id, OpportunityKind.APPRENTICESHIP, "Ausbildung Pflegefachmann/-frau (m/w/d)")
        .occupation(Occupation.isco("2221"))
        .location(KREFELD)
        .startDate(LocalDate.of(2027, 8, 1));
  }

  static Opportunity.Builder volunteering(String id) {
    return Opportunity.builder(id, OpportunityKind.VOLUNTEERING, "Ehrenamt Tafel Viersen")
        .location(VIERSEN);
  }

  /** A person in Viersen who travels by public transport, with no other constraint recorded. */
  static Profile.Builder person(String id) {
    return Profile.builder(id)
        .location(VIERSEN)
        .mobility(new Mobility(null, null, null, false, false));
  }

  static Availability availableFrom(LocalDate day) {
    return new Availability(day, null, null, null, null, null);
  }

  /** The ids of a result's matches, best first. */
  static List<String> ids(MatchResult result) {
    return result.matches().stream().map(Match::opportunityId).toList();
  }
}
