package org.passgenau.audit;

import com.google.common.base.CharMatcher;
import com.google.common.base.Strings;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The report as plain text tables for a terminal: one per attribute, all profiles first. */
final class TextTable {

  private static final String NA = "-";
  private static final String[] HEADER = {
      "group", "profiles", "share", "match rate", "matches", "exposure share", "ratio",
      "top score", "occ. match", "1st occ. rank", "most excluded by"};

  private TextTable() {}

  static void write(AuditReport report, Writer out) throws IOException {
    out.write("Fairness audit: rule set " + report.ruleSet() + ", top " + report.topK()
        + ", attention " + report.attention().formula() + ", " + report.profiles()
        + " profiles\n");
    out.write("ratio = exposure share / share of profiles (1 = parity);"
        + " * = fewer than " + report.smallGroup() + " profiles\n");
    List<List<String>> rows = new ArrayList<>();
    rows.add(row(report, report.everyone()));
    table(HEADER, rows, out);
    for (String attribute : report.attributes()) {
      out.write("\n" + attribute + "\n");
      rows.clear();
      report.groupsOf(attribute).forEach(g -> rows.add(row(report, g)));
      table(HEADER, rows, out);
    }
    out.flush();
  }

  /**
   * A short summary of several rule sets' audits: per rule set the match rate and mean matches of
   * all profiles and, per attribute, the group that is not small with the lowest exposure ratio.
   */
  static void write(RuleSetAudits audits, Writer out) throws IOException {
    out.write("Fairness by group: top " + audits.topK() + ", attention "
        + audits.attention().formula() + ", " + audits.profiles() + " profiles\n");
    out.write("ratio = exposure share / share of profiles (1 = parity), lowest among groups of "
        + audits.smallGroup() + " or more profiles\n");
    List<List<String>> rows = new ArrayList<>();
    for (String ruleSet : audits.ruleSets()) {
      AuditReport report = audits.report(ruleSet);
      List<String> lowest = new ArrayList<>();
      for (String attribute : report.attributes()) {
        lowest.add(attribute + ": " + report.groupsOf(attribute).stream()
            .filter(g -> !report.isSmall(g) && !Double.isNaN(g.exposureRatio()))
            .min(Comparator.comparingDouble(GroupStats::exposureRatio))
            .map(g -> g.group() + " " + Numbers.fixed(g.exposureRatio(), 3, NA))
            .orElse("no group of " + report.smallGroup() + " or more"));
      }
      rows.add(List.of(ruleSet,
          Numbers.percent(report.everyone().matchRate(), NA),
          Numbers.fixed(report.everyone().meanMatches(), 2, NA),
          lowest.isEmpty() ? NA : String.join("; ", lowest)));
    }
    out.write("\n");
    table(new String[] {"rule set", "match rate", "matches", "lowest exposure ratio"}, rows, out);
    if (!audits.hasGroups()) {
      out.write("no groups: none of the " + audits.profiles()
          + " profiles carries audit fields\n");
    }
    out.flush();
  }

  private static List<String> row(AuditReport report, GroupStats g) {
    return List.of(
        (g.isEveryone() ? "all" : g.group()) + (report.isSmall(g) ? " *" : ""),
        Integer.toString(g.profiles()),
        Numbers.percent(g.profileShare(), NA),
        Numbers.percent(g.matchRate(), NA),
        Numbers.fixed(g.meanMatches(), 2, NA),
        Numbers.percent(g.exposureShare(), NA),
        Numbers.fixed(g.exposureRatio(), 2, NA),
        Numbers.fixed(g.meanTopScore(), 3, NA),
        Numbers.percent((double) g.profilesWithOccupationMatch() / g.profiles(), NA),
        Numbers.fixed(g.meanFirstOccupationMatchRank(), 2, NA),
        String.join(", ", g.mostExcludedBy()));
  }

  /** Columns padded to their widest cell: text left, numbers right. */
  private static void table(String[] header, List<List<String>> rows, Writer out)
      throws IOException {
    int[] widths = new int[header.length];
    for (int c = 0; c < header.length; c++) {
      widths[c] = header[c].length();
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    line(List.of(header), widths, out);
    for (List<String> row : rows) {
      line(row, widths, out);
    }
  }

  private static void line(List<String> cells, int[] widths, Writer out) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      boolean text = c == 0 || c == cells.size() - 1;
      String cell = cells.get(c);
      line.append(c == 0 ? "" : "  ")
          .append(text ? Strings.padEnd(cell, widths[c], ' ') : Strings.padStart(cell, widths[c], ' '));
    }
    out.write(CharMatcher.is(' ').trimTrailingFrom(line) + "\n");
  }
}
