package org.passgenau.taxonomy;

import com.google.common.base.Splitter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads ESCO CSV files in two layouts, told apart by their header: the official ESCO export
 * ({@code conceptUri}, {@code iscoGroup}, {@code preferredLabel}, ... one file per language) and
 * the Tabiya open dataset ({@code ORIGINURI}, {@code ISCOGROUPCODE}, {@code PREFERREDLABEL}, ...,
 * English). Labels in {@code altLabels} and {@code hiddenLabels} are separated by line breaks in
 * both.
 */
final class EscoLoader {

  private static final Pattern GROUPS_FILE =
      Pattern.compile("iscogroups(?:_([a-z]{2}))?\\.csv", Pattern.CASE_INSENSITIVE);
  private static final Pattern OCCUPATIONS_FILE =
      Pattern.compile("occupations(?:_([a-z]{2}))?\\.csv", Pattern.CASE_INSENSITIVE);

  private static final Splitter LABELS =
      Splitter.on(Pattern.compile("\r?\n")).trimResults().omitEmptyStrings();

  /** The columns read, by layout: logical name to header name (matched ignoring case). */
  private enum Layout {
    OFFICIAL("conceptUri", "iscoGroup", "code", "preferredLabel", "altLabels", "hiddenLabels"),
    TABIYA("ORIGINURI", "ISCOGROUPCODE", "CODE", "PREFERREDLABEL", "ALTLABELS", null);

    final String uri;
    final String iscoGroup;
    final String code;
    final String preferred;
    final String alt;
    final String hidden;

    Layout(String uri, String iscoGroup, String code, String preferred, String alt, String hidden) {
      this.uri = uri;
      this.iscoGroup = iscoGroup;
      this.code = code;
      this.preferred = preferred;
      this.alt = alt;
      this.hidden = hidden;
    }
  }

  private EscoLoader() {}

  static void loadDirectory(Path directory, OccupationTaxonomy.Builder sink) throws IOException {
    Map<String, Path> groupFiles = new TreeMap<>();
    Map<String, Path> occupationFiles = new TreeMap<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : (Iterable<Path>) files.sorted()::iterator) {
        String name = file.getFileName().toString();
        Matcher groups = GROUPS_FILE.matcher(name);
        Matcher occupations = OCCUPATIONS_FILE.matcher(name);
        if (groups.matches()) {
          groupFiles.put(language(groups), file);
        } else if (occupations.matches()) {
          occupationFiles.put(language(occupations), file);
        }
      }
    }
    if (groupFiles.isEmpty() && occupationFiles.isEmpty()) {
      throw new IOException(
          "no ESCO files (ISCOGroups*.csv, occupations*.csv) in " + directory);
    }
    // English first, so that English labels win where a group is also named in other languages.
    List<String> languages = new ArrayList<>(groupFiles.keySet());
    languages.sort((a, b) -> a.equals("en") ? -1 : b.equals("en") ? 1 : a.compareTo(b));
    for (String lang : languages) {
      loadGroups(groupFiles.get(lang), lang, sink);
    }
    for (Map.Entry<String, Path> file : occupationFiles.entrySet()) {
      loadOccupations(file.getValue(), file.getKey(), sink);
    }
  }

  private static String language(Matcher matcher) {
    return matcher.group(1) == null ? "en" : matcher.group(1).toLowerCase(Locale.ROOT);
  }

  static void loadGroups(Path file, String lang, OccupationTaxonomy.Builder sink)
      throws IOException {
    read(
        file,
        (name, layout, columns, line, record) -> {
          String code = field(name, line, record, columns, layout.code, true);
          if (!IscoCode.isValid(code)) {
            throw new TaxonomyFormatException(
                name,
                line,
                layout.code,
                "must be an ISCO-08 code of 1 to 4 digits, was '" + code + "'");
          }
          String label = field(name, line, record, columns, layout.preferred, true);
          sink.addGroup(code);
          sink.addLabel(code, lang, label);
          if (code.length() == 4) {
            // Unit group names ("Welders and flame cutters") also classify titles.
            sink.addTitle(code, lang, label, null);
          }
        });
  }

  static void loadOccupations(Path file, String lang, OccupationTaxonomy.Builder sink)
      throws IOException {
    read(
        file,
        (name, layout, columns, line, record) -> {
          String isco = field(name, line, record, columns, layout.iscoGroup, true);
          if (!IscoCode.isValid(isco) || isco.length() != 4) {
            throw new TaxonomyFormatException(
                name,
                line,
                layout.iscoGroup,
                "must be an ISCO-08 unit group of 4 digits, was '" + isco + "'");
          }
          if (sink.hasGroups() && !sink.hasGroup(isco)) {
            throw new TaxonomyFormatException(
                name, line, layout.iscoGroup, "unknown ISCO-08 group '" + isco + "'");
          }
          String uri = field(name, line, record, columns, layout.uri, true);
          sink.addEsco(uri, isco);
          String preferred = field(name, line, record, columns, layout.preferred, true);
          sink.addTitle(isco, lang, preferred, null, uri);
          for (String column : new String[] {layout.alt, layout.hidden}) {
            if (column != null && columns.containsKey(column.toLowerCase(Locale.ROOT))) {
              for (String label : LABELS.split(field(name, line, record, columns, column, false))) {
                sink.addTitle(isco, lang, label, null, uri);
              }
            }
          }
        });
  }

  @FunctionalInterface
  private interface RowReader {
    void read(
        String file, Layout layout, Map<String, Integer> columns, long line, List<String> record);
  }

  private static void read(Path file, RowReader rows) throws IOException {
    String name = file.toString();
    try (DelimitedReader parser =
        DelimitedReader.csv(Files.newBufferedReader(file, StandardCharsets.UTF_8), name)) {
      Layout layout = null;
      Map<String, Integer> columns = new TreeMap<>();
      for (List<String> record = parser.next(); record != null; record = parser.next()) {
        // Labels and descriptions span lines: errors name the line a record starts on.
        long line = parser.recordLine();
        if (layout == null) {
          for (int i = 0; i < record.size(); i++) {
            // A byte order mark is common in exported CSV files.
            String header = record.get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
            columns.putIfAbsent(header, i);
          }
          layout = detect(name, columns);
          continue;
        }
        rows.read(name, layout, columns, line, record);
      }
      if (layout == null) {
        throw new TaxonomyFormatException(name, 1, "header", "file is empty");
      }
    }
  }

  private static Layout detect(String file, Map<String, Integer> columns) {
    for (Layout layout : Layout.values()) {
      if (columns.containsKey(layout.uri.toLowerCase(Locale.ROOT))) {
        return layout;
      }
    }
    throw new TaxonomyFormatException(
        file,
        1,
        "header",
        "neither the official ESCO export (conceptUri, ...) nor the Tabiya layout (ORIGINURI, ...),"
            + " columns were " + columns.keySet());
  }

  private static String field(
      String file,
      long line,
      List<String> record,
      Map<String, Integer> columns,
      String column,
      boolean required) {
    Integer index = columns.get(column.toLowerCase(Locale.ROOT));
    if (index == null) {
      throw new TaxonomyFormatException(file, 1, column, "column missing from the header");
    }
    String value = index < record.size() ? record.get(index).strip() : "";
    if (required && value.isEmpty()) {
      throw new TaxonomyFormatException(file, line, column, "must not be empty");
    }
    return value;
  }
}
