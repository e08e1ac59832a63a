package org.passgenau.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading graded judgments, and refusing malformed lines by name. */
class QrelsTest {

  private static Qrels qrels(String... lines) throws IOException {
    return Qrels.read(new BufferedReader(new StringReader(String.join("\n", lines))), "qrels.txt");
  }

  private static String failureOf(String... lines) {
    Throwable failure = catchThrowable(() -> qrels(lines));
    assertThat(failure).isInstanceOf(TrecFormatException.class);
    return failure.getMessage();
  }

  @Test
  void judgmentsAreReadPerProfile() throws IOException {
    Qrels qrels = qrels("P-1 0 V-1 2", "P-1 0 V-2 0", "P-2 0 V-1 1");

    assertThat(qrels.profiles()).containsExactly("P-1", "P-2");
    assertThat(qrels.judgments("P-1")).isEqualTo(Map.of("V-1", 2, "V-2", 0));
  }

  @Test
  void theSecondFieldIsIgnored() throws IOException {
    assertThat(qrels("P-1 iter-7 V-1 1").judgments("P-1")).isEqualTo(Map.of("V-1", 1));
  }

  @Test
  void profileWithOnlyGradeZeroIsStillJudged() throws IOException {
    assertThat(qrels("P-1 0 V-1 0").judges("P-1")).isTrue();
  }

  @Test
  void blankLinesAndCommentLinesAreSkipped() throws IOException {
    assertThat(qrels("# pool of 2026", "", "P-1 0 V-1 1").size()).isEqualTo(1);
  }

  @Test
  void gradeThatIsNotAWholeNumberIsRefused() {
    assertThat(failureOf("P-1 0 V-1 1", "P-1 0 V-2 2.5"))
        .isEqualTo("qrels.txt line 2: grade \"2.5\" is not a whole number");
  }

  @Test
  void negativeGradeIsRefused() {
    assertThat(failureOf("P-1 0 V-1 -1"))
        .isEqualTo("qrels.txt line 1: grade \"-1\" is negative;"
            + " leave unjudged opportunities out instead");
  }

  @Test
  void lineWithExtraFieldIsRefused() {
    assertThat(failureOf("P-1 0 V-1 1 extra"))
        .isEqualTo("qrels.txt line 1: expected 4 fields"
            + " (profile_id 0 opportunity_id grade), found 5");
  }

  @Test
  void secondJudgmentOfTheSameOpportunityIsRefusedNamingBothLines() {
    assertThat(failureOf("P-1 0 V-1 1", "P-2 0 V-1 1", "P-1 0 V-1 2"))
        .isEqualTo("qrels.txt line 3: opportunity_id \"V-1\" is judged again for"
            + " profile_id \"P-1\" (first on line 1)");
  }

  @Test
  void judgmentsFromMemoryRefuseANegativeGrade() {
    assertThatThrownBy(() -> Qrels.of(Map.of("P-1", Map.of("V-1", -2))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("grade must be 0 or more, was -2");
  }

  @Test
  void unjudgedProfileHasNoJudgments() throws IOException {
    assertThat(qrels("P-1 0 V-1 1").judgments("P-9")).isEmpty();
  }
}
