package org.passgenau.index.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OpportunityAnalyzerTest {

  // --- gender suffixes and markers

  @Test
  void aPostingForPflegehelferInWithGenderSuffixMatchesThePlainTitle() {
    TitleSearch postings = TitleSearch.of("Pflegehelfer/in (m/w/d)");

    assertThat(postings.search("Pflegehelfer"))
        .as("the masculine plain title finds the posting with /in and (m/w/d)")
        .containsExactly("Pflegehelfer/in (m/w/d)");
  }

  @Test
  void aPostingForPflegehelferInIsFoundByTheFeminineTitle() {
    TitleSearch postings = TitleSearch.of("Pflegehelfer/in (m/w/d)");

    assertThat(postings.search("Pflegehelferin"))
        .as("the feminine title finds the posting written with /in")
        .containsExactly("Pflegehelfer/in (m/w/d)");
  }

  @ParameterizedTest(name = "{0} is found by {1}")
  @CsvSource({
    "Verkäufer*in, Verkäuferin",
    "Verkäufer*in, Verkäufer",
    "Schweißer:in, Schweißer",
    "Erzieher_in, Erzieherin",
    "Erzieher_in, Erzieher",
    "ErzieherInnen, Erzieherin",
    "Pflegehelfer/-in, Pflegehelferin",
    "Lagerhelfer (w/m/d), Lagerhelfer",
    "Kok (m/v/x), kok",
    "Nurse (m/f/d), nurse",
    "Köchin, Koch",
    "Koch/Köchin, Köchin",
    "Ärztin, Arzt",
    "Kauffrau für Büromanagement, Kaufmann",
    "Kaufmann/-frau im Einzelhandel, Kauffrau",
    "Fachinformatiker (all genders), Fachinformatikerin",
  })
  void aPostingWithAGenderSuffixIsFoundByThePlainOrFeminineTitle(String posting, String query) {
    TitleSearch postings = TitleSearch.of(posting);

    assertThat(postings.search(query))
        .as("a search for '%s' finds the posting '%s'", query, posting)
        .containsExactly(posting);
  }

  @ParameterizedTest
  @ValueSource(strings = {"(m/w/d)", "(w/m/d)", "(m/v/x)", "(m/f/d)", "(d/m/w)", "(m/w/divers)",
      "(gn)", "(all genders)", "m/w/d", "(M/W/D)"})
  void aGenderMarkerProducesNoTokens(String marker) {
    assertThat(Terms.analyze(OpportunityAnalyzer.forIndexing(), marker))
        .as("the marker %s carries no meaning for matching", marker)
        .isEmpty();
  }

  @Test
  void aGenderMarkerLeavesTheTitleBesideIt() {
    assertThat(Terms.analyze(OpportunityAnalyzer.forQueries(), "Lagerhelfer (w/m/d) Krefeld"))
        .as("only the marker is removed")
        .containsExactly("lagerhelf", "krefeld");
  }

  @Test
  void wordsEndingInInThatAreNoFeminineFormsStayIntact() {
    assertThat(Terms.analyze(OpportunityAnalyzer.forQueries(), "Medizin Termin Platin Login"))
        .as("medizin, termin, platin and login are not feminine forms of anything")
        .containsExactly("medizin", "termin", "platin", "login");
  }

  // --- compounds

  @Test
  void anAltenpflegehelferinPostingIsFoundByPflegehelfer() {
    TitleSearch postings = TitleSearch.of("Altenpflegehelferin");

    assertThat(postings.search("Pflegehelfer"))
        .as("the head of the compound finds it")
        .containsExactly("Altenpflegehelferin");
  }

  @Test
  void anAltenpflegehelferinPostingIsFoundByAltenpflege() {
    TitleSearch postings = TitleSearch.of("Altenpflegehelferin");

    assertThat(postings.search("Altenpflege"))
        .as("the modifier of the compound finds it")
        .containsExactly("Altenpflegehelferin");
  }

  @Test
  void aLagerlogistikPostingIsFoundByLager() {
    TitleSearch postings = TitleSearch.of("Fachkraft für Lagerlogistik (m/w/d)");

    assertThat(postings.search("Lager"))
        .as("Lagerlogistik contains Lager")
        .containsExactly("Fachkraft für Lagerlogistik (m/w/d)");
  }

  @Test
  void aDutchHospitalCompoundIsFoundByItsParts() {
    TitleSearch postings = TitleSearch.of("Ziekenhuismedewerker (m/v/x)", "Kinderverpleegkundige");

    assertThat(postings.search("ziekenhuis"))
        .as("ziekenhuismedewerker contains ziekenhuis")
        .containsExactly("Ziekenhuismedewerker (m/v/x)");
    assertThat(postings.search("verpleegkundige"))
        .as("kinderverpleegkundige contains verpleegkundige")
        .containsExactly("Kinderverpleegkundige");
  }

  @Test
  void theQueryAnalyzerKeepsCompoundsWhole() {
    TitleSearch postings = TitleSearch.of("Küchenhelfer", "Pflegehelfer");

    assertThat(postings.search("Pflegehelfer"))
        .as("a search for Pflegehelfer does not ask for every Helfer")
        .containsExactly("Pflegehelfer");
  }

  @Test
  void theIndexAnalyzerKeepsTheWholeCompoundBesideItsParts() {
    assertThat(Terms.analyze(OpportunityAnalyzer.forIndexing(), "Altenpflegehelferin"))
        .as("the original word is kept, its parts are added")
        .contains("altenpflegehelf", "altenpfleg", "pflegehelf", "helf");
  }

  // --- normalisation

  @Test
  void umlautsAndSharpSMatchTheirTranscriptions() {
    TitleSearch postings = TitleSearch.of("Verkäufer", "Schweißer");

    assertThat(postings.search("Verkaeufer")).as("ae for ä").containsExactly("Verkäufer");
    assertThat(postings.search("Schweisser")).as("ss for ß").containsExactly("Schweißer");
  }

  @ParameterizedTest(name = "{0} ~ {1}")
  @CsvSource({
    "Pflegekräfte, Pflegekraft",
    "assistants, assistant",
    "nurses, nurse",
    "Verkäuferinnen, Verkäufer",
    "verpleegkundigen, verpleegkundige",
    "chauffeurs, chauffeur",
    "Altenpfleger, Altenpflegers",
  })
  void pluralsMatchTheirSingular(String posting, String query) {
    TitleSearch postings = TitleSearch.of(posting);

    assertThat(postings.search(query))
        .as("'%s' and '%s' are the same word", posting, query)
        .containsExactly(posting);
  }

  @Test
  void upperAndLowerCaseMatch() {
    TitleSearch postings = TitleSearch.of("LAGERHELFER");

    assertThat(postings.search("lagerhelfer")).as("case is ignored").containsExactly("LAGERHELFER");
  }

  @Test
  void stopWordsOfAllThreeLanguagesAreDropped() {
    String text = "Helfer für die Küche and the of de";
    assertThat(Terms.analyze(OpportunityAnalyzer.forQueries(), text))
        .as("für, die, and, the, of, de carry no meaning for matching")
        .containsExactly("helf", "kuch");
  }
}
