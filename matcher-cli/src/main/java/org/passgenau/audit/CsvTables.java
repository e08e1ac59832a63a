package org.passgenau.audit;

import com.google.common.collect.ObjectArrays;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.passgenau.output.CsvCells;

/**
 * The report's tables as CSV: RFC 4180 quoting, LF line ends (as {@code match --format csv}), a
 * header row, numbers with a dot and four decimals, an empty cell for an undefined value. Text
 * cells (audit values, filters, labels) that a spreadsheet would run as a formula get a {@code '}
 * in front ({@link CsvCells}).
 */
final class CsvTables {

  static final String[] GROUP_HEADER = {
      "attribute", "group", "profiles", "profile_share", "profiles_with_match", "match_rate",
      "match_rate_low", "match_rate_high", "mean_matches", "mean_exposure", "exposure_share",
      "exposure_ratio", "mean_top_score", "profiles_with_occupation_match",
      "mean_first_occupation_match_rank", "most_excluded_by", "small_group"};

  static final String[] EXCLUSION_HEADER = {
      "attribute", "group", "filter", "excluded", "mean_per_profile", "share_of_exclusions",
      "ratio_to_all"};

  /** The first column of the tables of several rule sets. */
  static final String RULE_SET = "rule_set";

  private CsvTables() {}

  private static CSVFormat format(String... header) {
    return CSVFormat.RFC4180.builder().setHeader(header).setRecordSeparator('\n').build();
  }

  /** One row for everyone, then one per attribute and group. */
  static void writeGroups(AuditReport report, Writer out) throws IOException {
    CSVPrinter csv = new CSVPrinter(out, format(GROUP_HEADER));
    printGroups(csv, List.of(), report);
    csv.flush();
  }

  /**
   * Per rule set, in order, its rows of {@link #writeGroups(AuditReport, Writer)} after a {@code
   * rule_set} column: each rule set's rows are its own audit's table.
   */
  static void writeGroups(RuleSetAudits audits, Writer out) throws IOException {
    CSVPrinter csv = new CSVPrinter(out, format(withRuleSet(GROUP_HEADER)));
    for (Map.Entry<String, AuditReport> audit : audits.reports().entrySet()) {
      printGroups(csv, List.of(audit.getKey()), audit.getValue());
    }
    csv.flush();
  }

  private static void printGroups(CSVPrinter csv, List<String> first, AuditReport report)
      throws IOException {
    csv.printRecord(groupRow(first, report, report.everyone()));
    for (GroupStats group : report.groups()) {
      csv.printRecord(groupRow(first, report, group));
    }
  }

  private static List<String> groupRow(List<String> first, AuditReport report, GroupStats g) {
    List<String> row = texts(first);
    row.add(CsvCells.text(g.attribute()));
    row.add(CsvCells.text(g.group()));
    row.add(Integer.toString(g.profiles()));
    row.add(number(g.profileShare()));
    row.add(Integer.toString(g.profilesWithMatch()));
    row.add(number(g.matchRate()));
    row.add(number(g.matchRateLow()));
    row.add(number(g.matchRateHigh()));
    row.add(number(g.meanMatches()));
    row.add(number(g.meanExposure()));
    row.add(number(g.exposureShare()));
    row.add(number(g.exposureRatio()));
    row.add(number(g.meanTopScore()));
    row.add(Integer.toString(g.profilesWithOccupationMatch()));
    row.add(number(g.meanFirstOccupationMatchRank()));
    row.add(CsvCells.text(String.join(";", g.mostExcludedBy())));
    row.add(Boolean.toString(report.isSmall(g)));
    return row;
  }

  /** One row per group and filter, everyone first. */
  static void writeExclusions(AuditReport report, Writer out) throws IOException {
    CSVPrinter csv = new CSVPrinter(out, format(EXCLUSION_HEADER));
    printExclusions(csv, List.of(), report);
    csv.flush();
  }

  /** Per rule set, in order, its rows of {@link #writeExclusions(AuditReport, Writer)}. */
  static void writeExclusions(RuleSetAudits audits, Writer out) throws IOException {
    CSVPrinter csv = new CSVPrinter(out, format(withRuleSet(EXCLUSION_HEADER)));
    for (Map.Entry<String, AuditReport> audit : audits.reports().entrySet()) {
      printExclusions(csv, List.of(audit.getKey()), audit.getValue());
    }
    csv.flush();
  }

  private static void printExclusions(CSVPrinter csv, List<String> first, AuditReport report)
      throws IOException {
    for (FilterExclusion e : report.exclusions()) {
      List<String> row = texts(first);
      row.addAll(List.of(CsvCells.text(e.attribute()), CsvCells.text(e.group()),
          CsvCells.text(e.filter()), Long.toString(e.excluded()),
          number(e.meanPerProfile()), number(e.shareOfExclusions()), number(e.ratioToAll())));
      csv.printRecord(row);
    }
  }

  /** Text cells as written: data, such as a rule set's label, that a spreadsheet must not run. */
  private static List<String> texts(List<String> cells) {
    List<String> row = new ArrayList<>(cells.size() + GROUP_HEADER.length);
    cells.forEach(cell -> row.add(CsvCells.text(cell)));
    return row;
  }

  private static String[] withRuleSet(String[] header) {
    return ObjectArrays.concat(RULE_SET, header);
  }

  private static String number(double value) {
    return Numbers.fixed(value, 4, "");
  }
}
