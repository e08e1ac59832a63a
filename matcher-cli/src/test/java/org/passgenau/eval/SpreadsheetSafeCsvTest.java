package org.passgenau.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.passgenau.rank.Features;

/**
 * Ids and labels written into CSV come from the data: one that a spreadsheet would run as a
 * formula is written with a {@code '} in front and stays correctly quoted; numbers such as a
 * negative difference or feature value are written as they are.
 */
class SpreadsheetSafeCsvTest {

  private static final String LINK = "=HYPERLINK(\"http://x\",\"y\")";

  private static List<CSVRecord> rows(String csv) throws IOException {
    return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
        .parse(new StringReader(csv)).getRecords();
  }

  @Test
  void featureRowsNeutraliseIdsButNotNegativeValues() throws IOException {
    List<String> names = List.of("occupation", "distance");
    StringWriter out = new StringWriter();
    try (FeatureWriter writer = FeatureWriter.of(FeatureWriter.Format.CSV, out, names)) {
      writer.write(new Features(LINK, "default", names, List.of(
          new Features.Candidate(1, "+1", 0.5, List.of(1.0, -0.25)),
          new Features.Candidate(2, "@SUM(A1)", 0.25, List.of(0.0, 0.5)))), 1, (p, o) -> 0);
    }

    List<CSVRecord> rows = rows(out.toString());
    assertThat(rows).extracting(row -> row.get("profile_id")).containsOnly("'" + LINK);
    assertThat(rows).extracting(row -> row.get("opportunity_id"))
        .containsExactly("'+1", "'@SUM(A1)");
    assertThat(rows.get(0).get("distance")).as("a number the writer computed").isEqualTo("-0.25");
  }

  @Test
  void comparisonTablesNeutraliseProfilesAndLabels() throws IOException {
    Qrels qrels = Qrels.of(Map.of("-2", Map.of("V-1", 1), "P-1", Map.of("V-1", 1)));
    RuleSetComparison.Variant baseline = new RuleSetComparison.Variant("@base", "base.json",
        Evaluation.of(Map.of("-2", List.of("V-1"), "P-1", List.of("V-1")), qrels, 10));
    RuleSetComparison.Variant worse = new RuleSetComparison.Variant("-worse", "worse.json",
        Evaluation.of(Map.of("-2", List.of("V-9"), "P-1", List.of("V-9")), qrels, 10));
    RuleSetComparison comparison = RuleSetComparison.of(baseline, List.of(worse), 0.05);
    StringWriter compare = new StringWriter();
    ComparisonWriter.writeCsv(comparison, compare);
    StringWriter perQuery = new StringWriter();
    ComparisonWriter.writePerQueryCsv(comparison, perQuery);

    List<CSVRecord> rows = rows(compare.toString());
    assertThat(rows).extracting(row -> row.get("baseline")).containsOnly("'@base");
    assertThat(rows).extracting(row -> row.get("candidate")).containsOnly("'-worse");
    assertThat(rows).extracting(row -> row.get("difference"))
        .as("the candidate is worse: negative numbers, not text").allMatch(d -> d.startsWith("-"));
    assertThat(rows(perQuery.toString())).extracting(row -> row.get("profile_id"))
        .containsOnly("'-2", "P-1");
  }

  @Test
  void evaluationTableNeutralisesProfiles() throws IOException {
    Evaluation evaluation = Evaluation.of(Map.of("\tX", List.of("V-1"), "P-1", List.of("V-2")),
        Qrels.of(Map.of("\tX", Map.of("V-1", 1), "P-1", Map.of("V-1", 1))), 5);
    StringWriter out = new StringWriter();
    EvaluationWriter.writeCsv(evaluation, out);

    assertThat(CSVFormat.RFC4180.parse(new StringReader(out.toString())).getRecords())
        .extracting(row -> row.get(0)).contains("'\tX", "P-1");
  }
}
