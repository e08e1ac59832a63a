package org.passgenau.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableMap;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.passgenau.rank.Match;
import org.passgenau.rank.MatchResult;
import org.passgenau.rank.NextStep;
import org.passgenau.rank.Reason;

class TextResultWriterTest {

  private static String write(MatchResult result) {
    StringWriter out = new StringWriter();
    ResultWriter.of(ResultFormat.TEXT, out).write(result);
    return out.toString();
  }

  @Test
  void aPersonReadsEachMatchWithItsReasonsAndEffects() {
    String text = write(new MatchResult("P-17", "default",
        List.of(new Match(1, "V-203", 0.812, List.of(
            new Reason("language", -0.05, "German A2, B1 asked; the employer offers language training")))),
        ImmutableMap.of("commute", 412, "work_permit", 0)));

    assertThat(text)
        .contains("Profile P-17 (rule set default): 1 matches")
        .contains("   1. V-203        score 0.8120")
        .contains("-0.050 language: German A2, B1 asked; the employer offers language training")
        .contains("Excluded: commute 412")
        .doesNotContain("work_permit 0");
  }

  @Test
  void longReasonsAreWrappedUnderTheirRule() {
    String detail = "word ".repeat(40).trim();
    String text = write(new MatchResult("P-1", "default",
        List.of(new Match(1, "V-1", 0.5, List.of(new Reason("occupation", 0.3, detail)))), ImmutableMap.of()));
    assertThat(text.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
    assertThat(text.lines().filter(l -> l.startsWith("              word"))).isNotEmpty();
  }

  @Test
  void nextStepsAreListedWhenNothingFits() {
    String text = write(new MatchResult("P-1", "default", List.of(), ImmutableMap.of("language_floor", 37),
        List.of(new NextStep("language_floor", 37, "37 ask a higher language level"))));
    assertThat(text).contains("0 matches").contains("Next step: 37 ask a higher language level");
  }
}
