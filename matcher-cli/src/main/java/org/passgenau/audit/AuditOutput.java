package org.passgenau.audit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
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
   * The tables of {@link #writeGroupsCsv(RuleSetAudits, Writer)} and {@link
   * #writeExclusionsCsv(RuleSetAudits, Writer)} as JSON, {@code {"groups": [...], "exclusions":
   * [...]}}: an object per row, keyed by the column names, holding the values the tables write
   * (numbers with their four decimals, an undefined value as null, {@code small_group} as a
   * boolean, the names and {@code most_excluded_by} as text). Built from the tables themselves, so
   * that the two cannot differ.
   */
  public static ObjectNode toJson(RuleSetAudits audits) throws IOException {
    StringWriter groups = new StringWriter();
    writeGroupsCsv(audits, groups);
    StringWriter exclusions = new StringWriter();
    writeExclusionsCsv(audits, exclusions);
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.set("groups", rows(groups.toString()));
    json.set("exclusions", rows(exclusions.toString()));
    return json;
  }

  private static final Set<String> TEXT_COLUMNS =
      Set.of("rule_set", "attribute", "group", "filter", "most_excluded_by");

  private static ArrayNode rows(String csv) throws IOException {
    ArrayNode rows = JsonNodeFactory.instance.arrayNode();
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
    try (CSVParser parser = CSVParser.parse(new StringReader(csv), format)) {
      for (CSVRecord record : parser) {
        ObjectNode row = rows.addObject();
        for (String column : parser.getHeaderNames()) {
          String value = record.get(column);
          if (TEXT_COLUMNS.contains(column)) {
            row.put(column, value);
          } else if (value.isEmpty()) {
            row.putNull(column);
          } else if (value.equals("true") || value.equals("false")) {
            row.put(column, Boolean.parseBoolean(value));
          } else {
            row.put(column, new BigDecimal(value));
          }
        }
      }
    }
    return rows;
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
