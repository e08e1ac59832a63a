package org.passgenau.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passgenau.rank.Fixtures.TODAY;
import static org.passgenau.rank.Fixtures.person;
import static org.passgenau.rank.Fixtures.vacancy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.passgenau.model.Experience;
import org.passgenau.model.Occupation;
import org.passgenau.model.Profile;

/**
 * Feature values are the numbers the rules state, without float noise: a wished-for occupation
 * counts 0.9, three years of experience 0.6 + 0.1 * 3 = 0.9, and both are logged as 0.9, not as
 * 0.8999999761581421 (0.9 held in single precision) or 0.9000000000000001.
 */
class FeatureValuesTest {

  private static final MatchOptions OPTIONS = new MatchOptions(10, TODAY, Locale.ENGLISH);

  private static double occupationFeature(Profile profile) {
    try (MatchingEngine engine = MatchingEngine.builder().build()) {
      engine.upsert(vacancy("V-1").build());
      engine.refresh();
      Features features = engine.features(profile, OPTIONS);
      return features.candidates().get(0).value(features.names().indexOf("occupation"));
    }
  }

  @Test
  void aWishedForOccupationCountsNineTenthsExactly() {
    double value = occupationFeature(
        person("P-1").desiredOccupations(List.of(Occupation.isco("9333"))).build());

    assertThat(value).isEqualTo(0.9);
    assertThat(Double.toString(value)).isEqualTo("0.9");
  }

  @Test
  void threeYearsOfExperienceCountNineTenthsExactly() {
    double value = occupationFeature(person("P-1")
        .experience(List.of(new Experience(Occupation.isco("9333"), 3.0))).build());

    assertThat(Double.toString(value)).isEqualTo("0.9");
  }

  @Test
  void halfAYearMoreCountsItsOwnDecimal() {
    double value = occupationFeature(person("P-1")
        .experience(List.of(new Experience(Occupation.isco("9333"), 2.5))).build());

    assertThat(Double.toString(value)).isEqualTo("0.85");
  }
}
