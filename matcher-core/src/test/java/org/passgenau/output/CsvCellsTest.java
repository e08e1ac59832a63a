package org.passgenau.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.passgenau.rank.Match;
import org.passgenau.rank.MatchResult;
import org.passgenau.rank.Reason;

/**
 * A text cell that a spreadsheet would evaluate as a formula is written with a single quote in
 * front; other text and the numbers the library writes are written as they are.
 */
class CsvCellsTest {

  @ParameterizedTest
  @ValueSource(strings = {"=HYPERLINK(\"http://x\",\"y\")", "+1", "-2", "@SUM(A1)", "\tX", "\rX"})
  void aCellThatAFormulaCouldStartGetsAQuoteInFront(String cell) {
    assertThat(CsvCells.text(cell)).isEqualTo("'" + cell);
  }

  @ParameterizedTest
  @ValueSource(strings = {"P-17", "V-203", "", "a=b", "1+1", "'=already quoted", " =x"})
  void otherTextIsLeftAlone(String cell) {
    assertThat(CsvCells.text(cell)).isEqualTo(cell);
  }

  @Test
  void matchCsvNeutralisesIdsRuleSetAndReasonsButNotTheScore() throws IOException {
    MatchResult hostile = new MatchResult("=HYPERLINK(\"http://x\",\"y\")", "-minus",
        List.of(new Match(1, "@SUM(A1)", -0.25, List.of(new Reason("note", 0, "+1 call me")))),
        ImmutableMap.of());

    StringWriter out = new StringWriter();
    try (ResultWriter writer = ResultWriter.of(ResultFormat.CSV, out)) {
      writer.write(hostile);
    }

    assertThat(out.toString()).as("the row, the id quoted for CSV as well")
        .endsWith("\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",1,'@SUM(A1),-0.25,'-minus,"
            + "'+1 call me\n");
  }

  @Test
  void aPlainRowIsUnchanged() throws IOException {
    MatchResult plain = new MatchResult("P-17", "default",
        List.of(new Match(1, "V-203", 0.5, List.of(new Reason("distance", 0.1, "12 km")))),
        ImmutableMap.of());

    StringWriter out = new StringWriter();
    try (ResultWriter writer = ResultWriter.of(ResultFormat.CSV, out)) {
      writer.write(plain);
    }

    assertThat(out.toString()).endsWith("\nP-17,1,V-203,0.5,default,12 km\n");
  }
}
