package org.passgenau.audit;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.passgenau.io.AtomicOutput;

/**
 * Writes an {@link AuditReport}: its tables as CSV ({@code groups.csv}, {@code exclusions.csv}),
 * a self-contained HTML page with charts ({@code audit.html}), or text tables for a terminal. All
 * are UTF-8 and depend only on the report, so the same report gives byte-identical files. The CSV
 * files end lines with LF, quote as RFC 4180, write numbers with a dot and four decimals and leave
 * an undefined value (such as a mean over nobody) empty.
 *
 * <p>The HTML page needs XChart on the class path (an optional dependency of this library).
 */
public final class AuditOutput {

  /** The file names {@link #writeDirectory} writes. */
  public static final String GROUPS_CSV = "groups.csv";
  public static final String EXCLUSIONS_CSV = "exclusions.csv";
  public static final String HTML = "audit.html";

  /** The file names of the tables of several rule sets' audits, as {@code compare} writes them. */
  public static final String RULE_SETS_GROUPS_CSV = "fairness.csv";
  public static final String RULE_SETS_EXCLUSIONS_CSV = "fairness_exclusions.csv";

  private AuditOutput() {}

  /**
   * Writes the two CSV tables and the HTML page into {@code dir}, creating it when missing and
   * replacing files of the same names. Each is written to a temporary file first and all three
   * are moved into place once all are written, so that a failure leaves the previous files as
   * they were ({@link AtomicOutput}).
   *
   * @param context lines that say what was audited (input files, reference date), shown at the
   *     top of the HTML page
   * @return the files written, in the order above
   */
  public static List<Path> writeDirectory(AuditReport report, Path dir, List<String> context)
      throws IOException {
    Files.createDirectories(dir);
    Path groups = dir.resolve(GROUPS_CSV);
    Path exclusions = dir.resolve(EXCLUSIONS_CSV);
    Path html = dir.resolve(HTML);
    try (AtomicOutput files = new AtomicOutput()) {
      try (Writer out = files.open(groups)) {
        writeGroupsCsv(report, out);
      }
      try (Writer out = files.open(exclusions)) {
        writeExclusionsCsv(report, out);
      }
      try (Writer out = files.open(html)) {
        writeHtml(report, context, out);
      }
      files.commit();
    }
    return List.of(groups, exclusions, html);
  }

  /**
   * One row for all profiles (attribute and group {@code (all)}), then one per attribute and
   * group, with the columns of {@link GroupStats}; {@code most_excluded_by} joins the filters
   * with {@code ;}, {@code small_group} says whether the group is below the report's threshold.
   */
  public static void writeGroupsCsv(AuditReport report, Writer out) throws IOException {
    CsvTables.writeGroups(report, out);
  }

  /** One row per group (all profiles first) and filter, with the columns of {@link FilterExclusion}. */
  public static void writeExclusionsCsv(AuditReport report, Writer out) throws IOException {
    CsvTables.writeExclusions(report, out);
  }

  /** The self-contained HTML page: inline CSS, charts as embedded PNG images, no script. */
  public static void writeHtml(AuditReport report, List<String> context, Writer out)
      throws IOException {
    HtmlReport.write(report, List.copyOf(context), out);
  }

  /** Text tables for a terminal: all profiles, then one table per attribute. */
  public static void writeText(AuditReport report, Writer out) throws IOException {
    TextTable.write(report, out);
  }

  /**
   * The group table of several rule sets' audits: a {@code rule_set} column (the label), then
   * the columns of {@link #writeGroupsCsv(AuditReport, Writer)}; per rule set in order, its rows
   * exactly as its own audit's table has them. Does not close {@code out}.
   */
  public static void writeGroupsCsv(RuleSetAudits audits, Writer out) throws IOException {
    CsvTables.writeGroups(audits, out);
  }

  /**
   * The exclusion table of several rule sets' audits: a {@code rule_set} column, then the columns
   * of {@link #writeExclusionsCsv(AuditReport, Writer)}, per rule set in order. Does not close
   * {@code out}.
   */
  public static void writeExclusionsCsv(RuleSetAudits audits, Writer out) throws IOException {
    CsvTables.writeExclusions(audits, out);
  }

  /**
   * The audits of several rule sets as a section of an HTML page, from an {@code <h2>} on: all
   * profiles per rule set, then per attribute a chart of exposure by group with the rule sets side
   * by side and a table of each group under each rule set; without audit fields, a line that says
   * there are no groups. Charts are embedded PNG images and marks inline styles, so the section
   * keeps a page self-contained whatever its style sheet. Needs XChart on the class path.
   */
  public static String toHtmlSection(RuleSetAudits audits) throws IOException {
    return RuleSetSection.render(audits);
  }

  /**
   * A short summary for a terminal: per rule set, the match rate and mean matches of all
   * profiles and, per attribute, the group with the lowest exposure ratio among groups that are
   * not small. Does not close {@code out}.
   */
  public static void writeText(RuleSetAudits audits, Writer out) throws IOException {
    TextTable.write(audits, out);
  }
}
