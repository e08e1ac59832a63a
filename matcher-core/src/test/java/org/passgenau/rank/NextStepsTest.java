package org.passgenau.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passgenau.rank.Fixtures.TODAY;
import static org.passgenau.rank.Fixtures.person;
import static org.passgenau.rank.Fixtures.vacancy;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.passgenau.model.Cefr;
import org.passgenau.model.Profile;
import org.passgenau.output.ResultFormat;
import org.passgenau.output.ResultWriter;

class NextStepsTest {

  /** The contract's result line, as the JSON Lines result writer writes it. */
  private static String resultLine(MatchResult result) throws IOException {
    StringWriter line = new StringWriter();
    try (ResultWriter out = ResultWriter.of(ResultFormat.JSONL, line)) {
      out.write(result);
    }
    return line.toString();
  }

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
  void whenEnoughFitThereAreNoNextStepsAndTheResultLineLeavesThemOut() throws IOException {
    MatchResult result = match(person("P-1").speaks("de", Cefr.A2).build(), 1);
    assertThat(result.nextSteps()).isEmpty();
    assertThat(resultLine(result)).doesNotContain("next_steps");
  }

  @Test
  void nextStepsAreWrittenInTheResultLine() throws IOException {
    MatchResult result = match(person("P-1").speaks("de", Cefr.A2).build(), 10);
    assertThat(resultLine(result)).contains("\"next_steps\":[{\"rule\":\"language_floor\",\"opportunities\":2,");
  }
}
