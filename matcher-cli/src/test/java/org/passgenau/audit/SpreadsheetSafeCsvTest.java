package org.passgenau.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passgenau.audit.Results.builder;
import static org.passgenau.audit.Results.person;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Audit values come from the profiles and labels from rule files: a value that a spreadsheet
 * would run as a formula is written with a {@code '} in front, still quoted for CSV; the numbers
 * the audit computes are written as they are.
 */
class SpreadsheetSafeCsvTest {

  private static final String LINK = "=HYPERLINK(\"http://x\",\"y\")";

  private static final AuditReport REPORT = FairnessAudit.builder().topK(3).build().newTally()
      .add(person("P-1", "gender", LINK, "nationality", "+1"),
          builder("P-1").matches(2).excluded("commute", 3).build())
      .add(person("P-2", "gender", "-2", "nationality", "@SUM(A1)"),
          builder("P-2").excluded("commute", 5).build())
      .add(person("P-3", "gender", "\tX", "nationality", "SY"),
          builder("P-3").match(true).build())
      .report();

  private static List<CSVRecord> rows(String csv) throws IOException {
    return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
        .parse(new StringReader(csv)).getRecords();
  }

  @Test
  void groupValuesThatAFormulaCouldStartAreQuotedOutOfIt() throws IOException {
    StringWriter out = new StringWriter();
    AuditOutput.writeGroupsCsv(REPORT, out);

    assertThat(rows(out.toString())).extracting(row -> row.get("group"))
        .contains("'" + LINK, "'+1", "'-2", "'@SUM(A1)", "'\tX", "SY", "(all)");
  }

  @Test
  void exclusionRowsAndTheTablesOfSeveralRuleSetsAreNeutralisedToo() throws IOException {
    StringWriter exclusions = new StringWriter();
    AuditOutput.writeExclusionsCsv(REPORT, exclusions);
    Map<String, AuditReport> byLabel = new LinkedHashMap<>();
    byLabel.put("default", REPORT);
    byLabel.put("-strict", REPORT);
    StringWriter groups = new StringWriter();
    AuditOutput.writeGroupsCsv(RuleSetAudits.of(byLabel), groups);

    assertThat(rows(exclusions.toString())).extracting(row -> row.get("group"))
        .contains("'" + LINK, "'@SUM(A1)");
    assertThat(rows(groups.toString())).extracting(row -> row.get("rule_set"))
        .containsOnly("default", "'-strict");
  }

  @Test
  void numbersAreNotText() throws IOException {
    StringWriter out = new StringWriter();
    AuditOutput.writeGroupsCsv(REPORT, out);

    assertThat(rows(out.toString())).allSatisfy(row -> {
      assertThat(row.get("profiles")).doesNotStartWith("'");
      assertThat(row.get("match_rate")).matches("\\d\\.\\d{4}");
    });
  }
}
