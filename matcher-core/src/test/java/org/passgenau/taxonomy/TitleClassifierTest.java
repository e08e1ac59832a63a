package org.passgenau.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.passgenau.model.Level;

/** Classification of free titles against a few labels in German, Dutch and English. */
class TitleClassifierTest {

  private static final List<OccupationLabel> LABELS = List.of(
      label("de", "Lagerarbeiter/Lagerarbeiterin", "9333", "warehouse"),
      label("de", "Lagerhelfer", "9333", "warehouse"),
      label("nl", "magazijnmedewerker", "9333", "warehouse"),
      label("en", "warehouse worker", "9333", "warehouse"),
      label("de", "Fachkraft für Lagerlogistik", "4321", "stock"),
      label("nl", "medewerker voorraadbeheer", "4321", "stock"),
      label("de", "Koch/Köchin", "5120", "cook"),
      label("nl", "kok", "5120", "cook"),
      label("en", "cook", "5120", "cook"),
      label("de", "Verkäufer/Verkäuferin", "5223", "sales"),
      label("nl", "verkoper", "5223", "sales"),
      label("en", "shop assistant", "5223", "sales"),
      label("de", "Pflegehelfer/Pflegehelferin", "5321", "care"),
      label("en", "care assistant", "5321", "care"));

  private final OccupationTaxonomy taxonomy =
      OccupationTaxonomy.builder().addLabels(LABELS).build();

  private static OccupationLabel label(String lang, String text, String isco, String occupation) {
    return new OccupationLabel(lang, text, isco, LabelType.PREFERRED, occupation);
  }

  @Test
  void aPostedTitleWithNoiseIsClassifiedWithItsConfidence() {
    TitleClassification c = taxonomy.classifyTitle("Verkäuferin (m/w/d) Minijob ab sofort", "de");

    assertThat(c.unitGroup()).as("unit group").contains("5223");
    assertThat(c.confidence()).as("an exact match after normalising").isGreaterThan(0.9);
  }

  @Test
  void aCompoundInEitherOrderFindsTheSameGroup() {
    assertThat(taxonomy.classifyTitle("medewerker magazijn 32 uur", "nl").unitGroup())
        .as("the parts of magazijnmedewerker, reversed")
        .contains("9333");
  }

  @Test
  void theReasonNamesTheWordsAndTheMatchedTitle() {
    TitleClassification c = taxonomy.classifyTitle("Lagerarbeiterin", "de");

    assertThat(c.reason())
        .as("reason")
        .contains("'lagerarbeit")
        .contains("'Lagerarbeiter/Lagerarbeiterin'")
        .contains("9333");
  }

  @Test
  void aTitleLikeNoKnownTitleIsUnknown() {
    TitleClassification c = taxonomy.classifyTitle("Zauberkünstler", "de");

    assertThat(c.known()).as("nothing like a magician is known: %s", c).isFalse();
    assertThat(c.unitGroup()).isEmpty();
    assertThat(c.reason()).startsWith("unknown");
  }

  @Test
  void levelWordsGiveTheLevelAndTheRestStillClassifies() {
    TitleClassification c = taxonomy.classifyTitle("Helfer Lager (m/w/d)", "de");

    assertThat(c.impliedLevel()).as("Helfer").contains(Level.HELPER);
    assertThat(c.unitGroup()).as("a helper in a warehouse").contains("9333");
  }

  @Test
  void runnersUpAreOrderedAndNeverMoreLikelyThanTheWinner() {
    TitleClassification c = taxonomy.classifyTitle("Lagerlogistik Helfer", "de");

    assertThat(c.alternatives()).as("runners-up").isNotEmpty();
    assertThat(c.alternatives()).extracting(TitleClassification.Alternative::isco)
        .doesNotContain(c.isco());
    for (int i = 1; i < c.alternatives().size(); i++) {
      assertThat(c.alternatives().get(i).confidence())
          .isLessThanOrEqualTo(c.alternatives().get(i - 1).confidence());
    }
    assertThat(c.alternatives().get(0).confidence()).isLessThanOrEqualTo(c.confidence());
  }

  @Test
  void calibrationIsMonotoneFromZeroToOne() {
    double previous = -1;
    for (int i = 0; i <= 100; i++) {
      double p = TitleClassifier.calibrate(i / 100.0);
      assertThat(p).as("calibrated %s", i / 100.0).isBetween(0.0, 1.0)
          .isGreaterThanOrEqualTo(previous);
      previous = p;
    }
  }

  @Test
  void buildingTwiceGivesTheSameAnswers() {
    OccupationTaxonomy again = OccupationTaxonomy.builder().addLabels(LABELS).build();
    for (String title : List.of("kok", "Lagerlogistik", "verkoopster", "care worker", "xyz")) {
      assertThat(again.classifyTitle(title, null))
          .as("'%s' on a second build", title)
          .isEqualTo(taxonomy.classifyTitle(title, null));
    }
  }
}
