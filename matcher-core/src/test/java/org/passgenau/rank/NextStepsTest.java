package org.passgenau.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passgenau.rank.Fixtures.TODAY;
import static org.passgenau.rank.Fixtures.person;
import static org.passgenau.rank.Fixtures.vacancy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.passgenau.io.Json;
import org.passgenau.model.Cefr;
import org.passgenau.model.Profile;

class NextStepsTest {

  private static MatchResult match(Profile p, int k) {
    try (MatchingEngine engine = MatchingEngine.builder().build()) {
      engine.upsertAll(List.of(
          vacancy("V-1").requireLanguage("de", Cefr.B2).build(),
          vacancy("V-2").requireLanguage("de", Cefr.B1).build(),
          vacancy("V-3").drivingLicense("C").build(),
          vacancy("V-4").build()));
      engine.refresh();
      return engine.match(p, new MatchOptions(k, TODAY, Locale.ENGLISH));
    }
  }

  @Test
  void whenFewerThanAskedFitTheFiltersThatRuledMostOutComeWithTheirNextStep() {
    MatchResult result = match(person("P-1").speaks("de", Cefr.A2).build(), 10);
    assertThat(result.matches()).extracting(Match::opportunityId).containsExactly("V-4");
    assertThat(result.nextSteps()).extracting(NextStep::rule).containsExactly("language_floor", "driving_license");
    assertThat(result.nextSteps().get(0).opportunities()).isEqualTo(2);
    assertThat(result.nextSteps().get(0).detail()).contains("language course");
  }

  @Test
  void whenEnoughFitThereAreNoNextStepsAndTheResultLineLeavesThemOut() {
    MatchResult result = match(person("P-1").speaks("de", Cefr.A2).build(), 1);
    assertThat(result.nextSteps()).isEmpty();
    assertThat(Json.toLine(result)).doesNotContain("next_steps");
  }

  @Test
  void nextStepsAreWrittenInTheResultLine() {
    MatchResult result = match(person("P-1").speaks("de", Cefr.A2).build(), 10);
    assertThat(Json.toLine(result)).contains("\"next_steps\":[{\"rule\":\"language_floor\",\"opportunities\":2,");
  }
}
