package org.passgenau.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.passgenau.model.Coded;
import org.passgenau.rank.Match;
import org.passgenau.rank.MatchResult;
import org.passgenau.rank.Reason;

class ResultWriterTest {

  private static final MatchResult NURSE =
      new MatchResult(
          "P-17",
          "default",
          List.of(
              new Match(
                  1,
                  "V-203",
                  0.812,
                  List.of(
                      new Reason(
                          "language",
                          -0.05,
                          "German A2, B1 asked; employer offers language training")))),
          ImmutableMap.of("commute", 412, "work_permit", 0, "language_floor", 37));

  private static String write(ResultFormat format, MatchResult... results) throws IOException {
    StringWriter out = new StringWriter();
    try (ResultWriter writer = ResultWriter.of(format, out)) {
      for (MatchResult result : results) {
        writer.write(result);
      }
    }
    return out.toString();
  }

  @Test
  void theJsonLineIsExactlyTheContractsResultLine() throws IOException {
    assertThat(write(ResultFormat.JSONL, NURSE))
        .as("result line")
        .isEqualTo(
            "{\"profile_id\":\"P-17\",\"rule_set\":\"default\",\"matches\":[{\"rank\":1,"
                + "\"opportunity_id\":\"V-203\",\"score\":0.812,\"explanation\":[{\"rule\":\"language\","
                + "\"effect\":-0.05,\"detail\":\"German A2, B1 asked; employer offers language training\"}]}],"
                + "\"excluded\":{\"commute\":412,\"work_permit\":0,\"language_floor\":37}}\n");
  }

  @Test
  void aProfileWithoutMatchesStillGetsAJsonLine() throws IOException {
    MatchResult nothing = new MatchResult("P-1", "default", List.of(), ImmutableMap.of("work_permit", 900));

    assertThat(write(ResultFormat.JSONL, nothing))
        .as("result line of a profile without matches")
        .isEqualTo("{\"profile_id\":\"P-1\",\"rule_set\":\"default\",\"matches\":[],\"excluded\":{\"work_permit\":900}}\n");
  }

  @Test
  void aTrecRunHasSixColumnsAndSixDecimals() throws IOException {
    MatchResult two =
        new MatchResult(
            "P-17",
            "strict",
            List.of(new Match(1, "V-203", 0.812, List.of()), new Match(2, "V-7", 1.0 / 3, List.of())),
            ImmutableMap.of());

    assertThat(write(ResultFormat.TREC, two))
        .as("TREC run")
        .isEqualTo("P-17 Q0 V-203 1 0.812000 strict\nP-17 Q0 V-7 2 0.333333 strict\n");
  }

  @Test
  void aTrecRunRefusesAnIdWithASpaceBeforeWritingAnything() {
    MatchResult spaced =
        new MatchResult("P-17", "default", List.of(new Match(1, "V 203", 0.5, List.of())), ImmutableMap.of());
    StringWriter out = new StringWriter();
    ResultWriter writer = ResultWriter.of(ResultFormat.TREC, out);

    assertThatThrownBy(() -> writer.write(spaced))
        .as("writing an id with a space")
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'V 203'");
    assertThat(out.toString()).as("output after the refusal").isEmpty();
  }

  @Test
  void csvHasTheHeaderAndOneRowPerMatch() throws IOException {
    MatchResult two =
        new MatchResult(
            "P-17",
            "default",
            List.of(
                new Match(1, "V-203", 0.812, List.of(new Reason("distance", 0.1, "12 km"), new Reason("level", 0, "helper role"))),
                new Match(2, "V-7", 0.5, List.of())),
            ImmutableMap.of());

    assertThat(write(ResultFormat.CSV, two))
        .as("CSV")
        .isEqualTo(
            "profile_id,rank,opportunity_id,score,rule_set,reasons\n"
                + "P-17,1,V-203,0.812,default,12 km | helper role\n"
                + "P-17,2,V-7,0.5,default,\n");
  }

  @Test
  void csvQuotesADetailWithACommaAndAQuote() throws IOException {
    MatchResult quoted =
        new MatchResult(
            "P-17",
            "default",
            List.of(new Match(1, "V-203", 0.812, List.of(new Reason("language", -0.05, "German A2, \"B1\" asked")))),
            ImmutableMap.of());

    assertThat(write(ResultFormat.CSV, quoted))
        .as("CSV row with a comma and quotes in a detail")
        .endsWith("P-17,1,V-203,0.812,default,\"German A2, \"\"B1\"\" asked\"\n");
  }

  @Test
  void csvQuotesALineBreakAndABlankAtTheEdgeSoThatReadersKeepThem() throws IOException {
    MatchResult odd =
        new MatchResult(
            "P-17",
            " default",
            List.of(new Match(1, "V-203", 0.5, List.of(new Reason("note", 0, "line one\nline two")))),
            ImmutableMap.of());

    assertThat(write(ResultFormat.CSV, odd))
        .as("CSV row with a line break in a detail and a leading blank in the rule set")
        .endsWith("P-17,1,V-203,0.5,\" default\",\"line one\nline two\"\n");
  }

  @Test
  void aProfileWithoutMatchesGivesNoCsvRow() throws IOException {
    MatchResult nothing = new MatchResult("P-1", "default", List.of(), ImmutableMap.of());

    assertThat(write(ResultFormat.CSV, nothing))
        .as("CSV of a profile without matches")
        .isEqualTo("profile_id,rank,opportunity_id,score,rule_set,reasons\n");
  }

  @Test
  void formatsAreNamedByTheirCodes() {
    assertThat(Coded.parse(ResultFormat.class, "trec")).as("format for 'trec'").isEqualTo(ResultFormat.TREC);
    assertThat(ResultFormat.JSONL.code()).as("code of JSONL").isEqualTo("jsonl");
    assertThat(ResultFormat.CSV.code()).as("code of CSV").isEqualTo("csv");
  }
}
