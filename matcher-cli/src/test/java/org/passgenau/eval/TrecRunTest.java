package org.passgenau.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.common.collect.ImmutableMap;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passgenau.output.ResultFormat;
import org.passgenau.output.ResultWriter;
import org.passgenau.rank.Match;
import org.passgenau.rank.MatchResult;

/** Reading TREC run files as trec_eval reads them, and refusing malformed lines by name. */
class TrecRunTest {

  @TempDir Path dir;

  private static TrecRun run(String... lines) throws IOException {
    return TrecRun.read(new BufferedReader(new StringReader(String.join("\n", lines))), "run.txt");
  }

  private static String failureOf(String... lines) {
    Throwable failure = catchThrowable(() -> run(lines));
    assertThat(failure).isInstanceOf(TrecFormatException.class);
    return failure.getMessage();
  }

  @Test
  void opportunitiesAreRankedByScoreHighestFirst() throws IOException {
    TrecRun run = run(
        "P-1 Q0 V-1 1 0.2 default",
        "P-1 Q0 V-2 2 0.9 default",
        "P-1 Q0 V-3 3 0.5 default");

    assertThat(run.ranking("P-1")).containsExactly("V-2", "V-3", "V-1");
  }

  @Test
  void equalScoresAreBrokenByOpportunityIdDescendingAsTrecEvalDoes() throws IOException {
    // trec_eval compares ids as strings (strcmp) and ranks the greater first: "V-9" > "V-10".
    TrecRun run = run(
        "P-1 Q0 V-10 1 0.5 default",
        "P-1 Q0 V-9 2 0.5 default",
        "P-1 Q0 V-2 3 0.5 default");

    assertThat(run.ranking("P-1")).containsExactly("V-9", "V-2", "V-10");
  }

  @Test
  void theRankColumnIsIgnored() throws IOException {
    TrecRun run = run("P-1 Q0 V-1 1 0.1 default", "P-1 Q0 V-2 7 0.8 default");

    assertThat(run.ranking("P-1")).containsExactly("V-2", "V-1");
  }

  @Test
  void linesOfProfilesMayBeInterleaved() throws IOException {
    TrecRun run = run(
        "P-2 Q0 V-1 1 0.9 default",
        "P-1 Q0 V-1 1 0.9 default",
        "P-2 Q0 V-2 2 0.8 default");

    assertThat(run.rankings()).containsOnlyKeys("P-1", "P-2");
    assertThat(run.ranking("P-2")).containsExactly("V-1", "V-2");
  }

  @Test
  void scoresMayHaveAnExponentOrASign() throws IOException {
    TrecRun run = run(
        "P-1 Q0 V-1 1 5e-1 default",
        "P-1 Q0 V-2 2 +0.6 default",
        "P-1 Q0 V-3 3 -.4 default");

    assertThat(run.ranking("P-1")).containsExactly("V-2", "V-1", "V-3");
  }

  @Test
  void scoresThatOnlyADoubleTellsApartTieAsInTrecEval() throws IOException {
    // trec_eval 9.0.4 keeps scores as C floats: 16777217 is 16777216 there, and 0.30000002 is
    // 0.30000001, so ids decide. 0.3000001 stays above 0.3.
    TrecRun run = run(
        "P-1 Q0 V-1 1 16777217 default",
        "P-1 Q0 V-2 2 16777216 default",
        "P-2 Q0 V-1 1 0.30000002 default",
        "P-2 Q0 V-2 2 0.30000001 default",
        "P-3 Q0 V-1 1 0.3000001 default",
        "P-3 Q0 V-2 2 0.3 default");

    assertThat(run.ranking("P-1")).containsExactly("V-2", "V-1");
    assertThat(run.ranking("P-2")).containsExactly("V-2", "V-1");
    assertThat(run.ranking("P-3")).containsExactly("V-1", "V-2");
  }

  @Test
  void negativeZeroTiesZeroAsInC() throws IOException {
    TrecRun run = run("P-1 Q0 V-1 1 0.0 default", "P-1 Q0 V-2 2 -0.0 default");

    assertThat(run.ranking("P-1")).as("tie, so V-2 first").containsExactly("V-2", "V-1");
  }

  @Test
  void fieldsMayBeSeparatedByTabsAndSeveralBlanks() throws IOException {
    TrecRun run = run("P-1\tQ0   V-1 1\t0.5  default  ");

    assertThat(run.ranking("P-1")).containsExactly("V-1");
  }

  @Test
  void blankLinesAndCommentLinesAreSkipped() throws IOException {
    TrecRun run = run("# made by hand", "", "P-1 Q0 V-1 1 0.5 default", "   ");

    assertThat(run.size()).isEqualTo(1);
  }

  @Test
  void theRuleSetIsTheLastColumn() throws IOException {
    assertThat(run("P-1 Q0 V-1 1 0.5 weights-b").ruleSet()).contains("weights-b");
  }

  @Test
  void scoreThatIsNotANumberIsRefusedNamingFileLineFieldAndValue() {
    String message = failureOf(
        "P-1 Q0 V-1 1 0.5 default",
        "P-1 Q0 V-2 2 abc default");

    assertThat(message).isEqualTo("run.txt line 2: score \"abc\" is not a number");
  }

  @Test
  void scoreOfNotANumberIsRefused() {
    assertThat(failureOf("P-1 Q0 V-1 1 NaN default"))
        .isEqualTo("run.txt line 1: score \"NaN\" is not a number");
  }

  @Test
  void scoreWithJavaTypeSuffixIsRefused() {
    assertThat(failureOf("P-1 Q0 V-1 1 0.5d default")).contains("score \"0.5d\"");
  }

  @Test
  void rankThatIsNotAWholeNumberIsRefused() {
    assertThat(failureOf("P-1 Q0 V-1 first 0.5 default"))
        .isEqualTo("run.txt line 1: rank \"first\" is not a whole number");
  }

  @Test
  void lineWithMissingFieldIsRefused() {
    assertThat(failureOf("P-1 Q0 V-1 1 0.5"))
        .isEqualTo("run.txt line 1: expected 6 fields"
            + " (profile_id Q0 opportunity_id rank score rule_set), found 5");
  }

  @Test
  void opportunityRankedTwiceForAProfileIsRefusedNamingBothLines() {
    assertThat(failureOf(
        "P-1 Q0 V-1 1 0.5 default",
        "P-1 Q0 V-2 2 0.4 default",
        "P-1 Q0 V-1 3 0.3 default"))
        .isEqualTo("run.txt line 3: opportunity_id \"V-1\" is ranked again for profile_id \"P-1\""
            + " (first on line 1)");
  }

  @Test
  void sameOpportunityForDifferentProfilesIsFine() throws IOException {
    TrecRun run = run("P-1 Q0 V-1 1 0.5 default", "P-2 Q0 V-1 1 0.5 default");

    assertThat(run.size()).isEqualTo(2);
  }

  @Test
  void secondRuleSetInOneFileIsRefused() {
    assertThat(failureOf("P-1 Q0 V-1 1 0.5 default", "P-2 Q0 V-1 1 0.5 weights-b"))
        .isEqualTo("run.txt line 2: rule_set \"weights-b\" differs from \"default\" on line 1;"
            + " a run file holds one rule set");
  }

  @Test
  void errorsNameTheFileAsItWasGiven() throws IOException {
    Path file = dir.resolve("broken.run");
    Files.writeString(file, "P-1 Q0 V-1 1 x default\n");

    assertThatThrownBy(() -> TrecRun.read(file))
        .isInstanceOf(TrecFormatException.class)
        .hasMessage(file + " line 1: score \"x\" is not a number");
  }

  @Test
  void builderRanksAsTheReaderDoes() throws IOException {
    TrecRun built = TrecRun.builder()
        .add("P-1", "V-10", 0.5).add("P-1", "V-9", 0.5).add("P-1", "V-1", 0.7).build();

    assertThat(built.rankings()).isEqualTo(run(
        "P-1 Q0 V-10 1 0.5 x", "P-1 Q0 V-9 2 0.5 x", "P-1 Q0 V-1 3 0.7 x").rankings());
  }

  @Test
  void builderRefusesAnOpportunityTwice() {
    TrecRun.Builder builder = TrecRun.builder().add("P-1", "V-1", 0.5);

    assertThatThrownBy(() -> builder.add("P-1", "V-1", 0.4))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("V-1 twice");
  }

  @Test
  void readsTheRunFilesThatMatchWrites() throws IOException {
    StringWriter written = new StringWriter();
    try (ResultWriter out = ResultWriter.of(ResultFormat.TREC, written)) {
      out.write(new MatchResult("P-17", "default", List.of(
          new Match(1, "V-203", 0.812, List.of()),
          new Match(2, "V-7", 0.5, List.of()),
          new Match(3, "V-31", 0.5, List.of())), ImmutableMap.of()));
    }

    TrecRun run = TrecRun.read(new BufferedReader(new StringReader(written.toString())), "run");

    assertThat(run.ruleSet()).contains("default");
    assertThat(run.ranking("P-17")).as("V-7 > V-31 as strings").containsExactly("V-203", "V-7", "V-31");
  }

  @Test
  void idsCompareByCodePointAsStrcmpOnUtf8Does() {
    // U+FF21 (one UTF-16 unit) sorts before U+1F600 (a surrogate pair) by code point and in
    // UTF-8, but after it by String.compareTo.
    String fullwidthA = "\uFF21";
    String emoji = "\uD83D\uDE00";

    assertThat(Ids.CODE_POINT_ORDER.compare(fullwidthA, emoji)).isNegative();
    assertThat(fullwidthA.compareTo(emoji)).as("UTF-16 order differs").isPositive();
  }
}
