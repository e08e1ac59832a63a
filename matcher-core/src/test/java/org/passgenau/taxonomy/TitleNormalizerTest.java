package org.passgenau.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.passgenau.model.Level;

class TitleNormalizerTest {

  @ParameterizedTest(name = "''{0}'' is ''{1}''")
  @CsvSource(delimiter = '|', value = {
    "Verkäufer/Verkäuferin | Verkäufer",
    "Pfleger/in (m/w/d) | Pfleger",
    "medewerker/ster | medewerker",
    "kapper/kapster | kapper",
    "Magazijnmedewerker 32 uur | magazijnmedewerker",
    "Verkäufer (m/w/d) Minijob ab sofort | Verkäufer",
    "Koch 20-30 Std. Teilzeit | Koch",
    "Arzt/Ärztin | Arzt",
  })
  void postingNoiseAndGenderPairsFoldToTheWordsOfTheOccupation(String posted, String plain) {
    assertThat(TitleNormalizer.words(posted))
        .as("words of '%s'", posted)
        .isEqualTo(TitleNormalizer.words(plain))
        .isNotEmpty();
  }

  @Test
  void twoDifferentWordsJoinedBySlashBothStay() {
    assertThat(TitleNormalizer.words("Maler/Lackierer"))
        .as("not a gender pair")
        .hasSize(2);
  }

  @ParameterizedTest(name = "''{0}'' is {1}")
  @CsvSource({
    "Helfer Lager (m/w/d), HELPER",
    "Küchenhilfe, HELPER",
    "keukenhulp, HELPER",
    "Fachkraft für Lagerlogistik, SKILLED",
    "Logistiek medewerker MBO 2, SKILLED",
    "Assistent MBO 1, HELPER",
    "Elektrotechnikermeister, SPECIALIST",
    "Data scientist (Master), EXPERT",
  })
  void levelWordsGiveTheLevel(String title, Level level) {
    assertThat(TitleNormalizer.level(title)).as("level of '%s'", title).isEqualTo(level);
  }

  @Test
  void aTitleWithoutLevelWordsStatesNoLevel() {
    assertThat(TitleNormalizer.level("Verkäufer (m/w/d)")).as("no level word").isNull();
  }
}
