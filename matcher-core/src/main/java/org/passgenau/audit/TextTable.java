package org.passgenau.audit;

import com.google.common.base.CharMatcher;
import com.google.common.base.Strings;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
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
