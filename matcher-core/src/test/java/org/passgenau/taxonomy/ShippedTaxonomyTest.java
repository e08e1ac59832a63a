package org.passgenau.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.passgenau.model.Level;
import org.passgenau.model.Occupation;

/** The hand-written taxonomy in data/taxonomy/occupations.tsv. */
class ShippedTaxonomyTest {

  private final OccupationTaxonomy taxonomy = Fixtures.shipped();

  @Test
  void theFileCoversFortyToSixtyUnitGroups() {
    assertThat(taxonomy.groups())
        .as("occupations typical for refugees' job search, by unit group")
        .hasSizeBetween(40, 60)
        .allSatisfy(code -> assertThat(code).hasSize(4));
  }

  @Test
  void everyUnitGroupHasTitlesInGermanDutchAndEnglish() {
    for (String isco : taxonomy.groups()) {
      for (String lang : List.of("de", "nl", "en")) {
        assertThat(taxonomy.titles(isco, lang))
            .as("titles of %s in %s", isco, lang)
            .isNotEmpty();
      }
    }
  }

  @Test
  void theFirstTitleIsTheLabel() {
    assertThat(taxonomy.label("5321", "de")).as("German label").contains("Pflegehelfer");
    assertThat(taxonomy.label("5321", "nl")).as("Dutch label").contains("zorghulp");
    assertThat(taxonomy.label("5321", "en")).as("English label").contains("care assistant");
  }

  @Test
  void aLabelInAnUnknownLanguageFallsBackToEnglish() {
    assertThat(taxonomy.label("7212", "ar")).as("no Arabic titles yet").contains("welder");
  }

  @Test
  void anUnknownGroupHasNoLabel() {
    assertThat(taxonomy.label("0110", "en")).as("armed forces are not in the file").isEmpty();
  }

  @Test
  void kldbCodesMapToTheirUnitGroup() {
    assertThat(taxonomy.iscoForKldb("81301")).as("Pflegehelfer").contains("5321");
    assertThat(taxonomy.iscoForKldb("29302")).as("Koch").contains("5120");
    assertThat(taxonomy.iscoForKldb("51301")).as("Lagerhelfer").contains("9333");
    assertThat(taxonomy.iscoForKldb("99999")).as("unknown").isEmpty();
  }

  @ParameterizedTest(name = "KldB {0} is {1}")
  @CsvSource({"81301, HELPER", "29302, SKILLED", "84393, SPECIALIST", "81404, EXPERT"})
  void theFifthKldbDigitIsTheRequirementLevel(String kldb, Level level) {
    assertThat(OccupationTaxonomy.kldbLevel(kldb)).as("fifth digit of %s", kldb).contains(level);
  }

  @ParameterizedTest(name = "''{0}'' is {1}")
  @CsvSource({
    "Pflegehelfer/in (m/w/d), 5321",
    "Altenpflegehelferin, 5321",
    "Pflegefachfrau, 2221",
    "Verkäufer*in, 5223",
    "Schweißer:in, 7212",
    "Erzieher_in, 2342",
    "Kok (m/v/x), 5120",
    "Nurse (m/f/d), 2221",
    "Fachkraft Lagerlogistik (m/w/d), 4321",
    "Lagerhelfer (w/m/d), 9333",
    "Staplerfahrer, 8344",
    "Berufskraftfahrerin CE, 8332",
    "vrachtwagenchauffeur, 8332",
    "magazijnmedewerkers, 9333",
    "Küchenhilfe / Spülkraft, 9412",
    "Zahnmedizinische Fachangestellte (ZFA), 3251",
    "Softwareentwickler Java, 2512",
    "Dolmetscherin Arabisch, 2643",
  })
  void aPostedTitleIsClassifiedToItsUnitGroup(String title, String isco) {
    assertThat(taxonomy.classify(title))
        .as("classification of '%s'", title)
        .hasValueSatisfying(c -> assertThat(c.isco()).isEqualTo(isco));
  }

  @Test
  void aClassificationCarriesTheLevelOfTheMatchedTitle() {
    assertThat(taxonomy.classify("Pflegehelferin (m/w/d)"))
        .as("Pflegehelferin is a helper title")
        .hasValueSatisfying(c -> assertThat(c.level()).contains(Level.HELPER));
  }

  @Test
  void aTitleSharingNoWordWithTheTaxonomyIsNotClassified() {
    assertThat(taxonomy.classify("Zauberkünstler")).as("no known word").isEmpty();
    assertThat(taxonomy.classify("(m/w/d)")).as("a gender marker alone").isEmpty();
  }

  @Test
  void theSameTitleIsAlwaysClassifiedTheSameWay() {
    assertThat(taxonomy.classify("Helfer (m/w/d)"))
        .as("ties are broken by code, so repeated calls agree")
        .isEqualTo(taxonomy.classify("Helfer (m/w/d)"));
  }

  @Test
  void classificationGivesTheSameAnswersFromManyThreads() throws Exception {
    List<String> titles =
        List.of("Pflegehelfer/in (m/w/d)", "Kok (m/v/x)", "welder", "Verkäufer*in", "Lagerhelfer");
    List<Optional<Classification>> expected = titles.stream().map(taxonomy::classify).toList();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<Optional<Classification>>>> runs = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        runs.add(pool.submit(() -> titles.stream().map(taxonomy::classify).toList()));
      }
      for (Future<List<Optional<Classification>>> run : runs) {
        assertThat(run.get())
            .as("a shared taxonomy answers alike on every thread")
            .isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void resolvingPrefersTheGivenIscoCode() {
    Occupation occupation = new Occupation("2221", "81301", null, "Koch");

    assertThat(taxonomy.resolveIsco(occupation)).as("isco wins").contains("2221");
  }

  @Test
  void resolvingUsesTheKldbCodeBeforeTheTitle() {
    Occupation occupation = new Occupation(null, "81301", null, "Koch");

    assertThat(taxonomy.resolveIsco(occupation)).as("kldb before title").contains("5321");
  }

  @Test
  void resolvingClassifiesTheTitleWhenNoCodeIsKnown() {
    Occupation occupation = new Occupation(null, "99991", null, "Verkäuferin (m/w/d)");

    assertThat(taxonomy.resolveIsco(occupation))
        .as("unknown kldb, title classified")
        .contains("5223");
  }
}
