package org.passgenau.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passgenau.rank.Fixtures.KREFELD;
import static org.passgenau.rank.Fixtures.VIERSEN;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passgenau.io.JsonLinesReader;
import org.passgenau.model.Cefr;
import org.passgenau.model.Level;
import org.passgenau.model.Location;
import org.passgenau.model.Mobility;
import org.passgenau.model.Occupation;
import org.passgenau.model.Opportunity;
import org.passgenau.model.OpportunityKind;
import org.passgenau.model.Profile;
import org.passgenau.model.ResidenceObligation;
import org.passgenau.model.School;
import org.passgenau.taxonomy.OccupationTaxonomy;

/**
 * An explanation names things: a place, a region, a distance, a level in words. It never shows a
 * placeholder ("?", "null", an unfilled "{0}", "NaN" or a dash for a missing level).
 */
class ExplanationWordingTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
  private static final MatchOptions OPTIONS = new MatchOptions(50, TODAY, Locale.ENGLISH);
  private static final List<Locale> LANGUAGES =
      List.of(Locale.ENGLISH, Locale.GERMAN, new Locale("nl"));
  /** What a placeholder or an unfilled argument looks like in a sentence. */
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\?|\\bnull\\b|\\{|\\}|NaN|Infinity|∞|(^|\\s)-($|[\\s,;])");

  /** Hannover's coordinates, but neither place nor postal code: only the region is known. */
  private static final Location HANNOVER_UNNAMED =
      new Location(52.3745, 9.7386, null, null, "DE-NI", "DE");
  private static final Location HANNOVER_BARE =
      new Location(52.3745, 9.7386, null, null, null, null);

  private final ScenarioEngines engines = new ScenarioEngines();

  @AfterEach
  void closeEngines() {
    engines.close();
  }

  @Test
  void aMoveToAPostWhosePlaceHasNoNameNamesItsRegion() {
    MatchResult result = match(mover(), apprenticeshipAt("A-NI", HANNOVER_UNNAMED));

    assertThat(details(result))
        .as("the region is named where the place is not, never '?'")
        .anyMatch(d -> d.startsWith("Beyond daily commuting (")
            && d.contains("needs a move to Lower Saxony, which this job allows"));
  }

  @Test
  void theRegionIsNamedInGermanAndDutchToo() {
    MatchingEngine engine = engines.holding(apprenticeshipAt("A-NI", HANNOVER_UNNAMED));

    assertThat(details(engine.match(mover(), OPTIONS.in(Locale.GERMAN))))
        .anyMatch(d -> d.contains("erfordert einen Umzug nach Niedersachsen"));
    assertThat(details(engine.match(mover(), OPTIONS.in(new Locale("nl")))))
        .anyMatch(d -> d.contains("vraagt een verhuizing naar Nedersaksen"));
  }

  @Test
  void aMoveToAPostWithNeitherPlaceNorRegionIsExplainedByTheDistance() {
    Profile mover = person("P-MOVER").mobility(new Mobility(null, null, List.of(), false, true))
        .build();
    MatchResult result = match(mover, apprenticeshipAt("A-FAR", HANNOVER_BARE));

    assertThat(details(result))
        .as("the distance says it where nothing names the place")
        .anyMatch(d -> d.matches("Beyond daily commuting \\(\\d+ km\\): needs a move"));
  }

  @Test
  void aLanguageThePersonDoesNotSpeakYetIsSaidInWords() {
    Profile newcomer = person("P-NEW").speaks("ar", Cefr.C2).build();
    Opportunity course = Opportunity.builder("V-HELP", OpportunityKind.VACANCY, "Küchenhilfe")
        .occupation(Occupation.isco("9412")).level(Level.HELPER).location(KREFELD)
        .requireLanguage("de", Cefr.A1).languageSupport(true).build();
    MatchResult result = match(newcomer, course);

    assertThat(details(result))
        .as("no German at all is said in words, not as a dash for a level")
        .contains("No German yet, A1 asked; the employer offers language training");
  }

  @Test
  void anAskedSchoolLevelIsNamedInWordsNotAsACode() {
    Opportunity apprenticeship = apprenticeshipAt("A-SCHOOL", KREFELD).toBuilder()
        .minSchool(School.LOWER_SECONDARY).build();
    MatchingEngine engine = engines.holding(apprenticeship);
    Profile unrecorded = person("P-NOSCHOOL").build();

    assertThat(details(engine.match(unrecorded, OPTIONS)))
        .contains("The employer asks for this school level: lower secondary school; the person's"
            + " school level is not recorded");
    assertThat(details(engine.match(unrecorded, OPTIONS.in(Locale.GERMAN))))
        .anyMatch(d -> d.startsWith("Der Arbeitgeber verlangt diesen Schulabschluss:"
            + " Hauptschulabschluss;"));
  }

  @Test
  void noExplanationOrNextStepOfTheSampleDataShowsAPlaceholderInAnyLanguage() throws IOException {
    Path data = Path.of(System.getProperty("passgenau.data", "../data"));
    MatchingEngine engine = engines.track(MatchingEngine.builder()
        .taxonomy(OccupationTaxonomy.fromTsv(data.resolve("taxonomy/occupations.tsv"))).build());
    engine.upsertAll(JsonLinesReader.opportunities().read(data.resolve("opportunities.jsonl"))
        .records());
    engine.refresh();
    List<Profile> profiles =
        JsonLinesReader.profiles().read(data.resolve("profiles.jsonl")).records();
    List<String> shown = new ArrayList<>();
    for (Locale language : LANGUAGES) {
      for (Profile p : profiles) {
        MatchResult result = engine.match(p, new MatchOptions(100, TODAY, language));
        result.matches().forEach(m -> m.explanation().forEach(r -> shown.add(r.detail())));
        result.nextSteps().forEach(s -> shown.add(s.detail()));
      }
    }

    assertThat(shown).as("sentences checked").hasSizeGreaterThan(10_000);
    assertThat(shown).as("sentences with a placeholder")
        .noneMatch(d -> PLACEHOLDER.matcher(d).find());
  }

  // ---------------------------------------------------------------- fixtures

  private static Profile.Builder person(String id) {
    return Profile.builder(id).location(VIERSEN)
        .mobility(new Mobility(null, null, List.of(), false, false));
  }

  /** A recognised refugee bound to North Rhine-Westphalia who would move for work. */
  private static Profile mover() {
    return person("P-MOVER")
        .mobility(new Mobility(null, null, List.of(), false, true))
        .residenceObligation(new ResidenceObligation("DE-NW", LocalDate.of(2028, 6, 30)))
        .build();
  }

  private static Opportunity apprenticeshipAt(String id, Location location) {
    return Opportunity.builder(id, OpportunityKind.APPRENTICESHIP, "Ausbildung Lagerlogistik")
        .occupation(Occupation.isco("4321")).level(Level.SKILLED)
        .location(location).startDate(LocalDate.of(2027, 8, 1)).build();
  }

  private MatchResult match(Profile profile, Opportunity... opportunities) {
    return engines.holding(opportunities).match(profile, OPTIONS);
  }

  private static List<String> details(MatchResult result) {
    return result.matches().stream()
        .flatMap(m -> m.explanation().stream()).map(Reason::detail).toList();
  }
}
