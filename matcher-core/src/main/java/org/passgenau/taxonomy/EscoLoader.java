package org.passgenau.taxonomy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads an ESCO folder into a taxonomy: the ISCO-08 groups of {@code ISCOGroups*.csv} (official
 * export or Tabiya layout, told apart by their header), then the occupations' titles in every
 * language {@link EscoLabels} finds, and each occupation's URI with its unit group.
 */
final class EscoLoader {

  private static final Pattern GROUPS_FILE =
      Pattern.compile("iscogroups(?:_([a-z]{2}))?\\.csv", Pattern.CASE_INSENSITIVE);

  /** The columns read, by layout: logical name to header name (matched ignoring case). */
  private enum Layout {
    OFFICIAL("conceptUri", "code", "preferredLabel"),
    TABIYA("ORIGINURI", "CODE", "PREFERREDLABEL");

    final String uri;
    final String code;
    final String preferred;

    Layout(String uri, String code, String preferred) {
      this.uri = uri;
      this.code = code;
      this.preferred = preferred;
    }
  }

  private EscoLoader() {}

  static void loadDirectory(Path directory, OccupationTaxonomy.Builder sink) throws IOException {
    Map<String, Path> groupFiles = new TreeMap<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : (Iterable<Path>) files.sorted()::iterator) {
        Matcher groups = GROUPS_FILE.matcher(file.getFileName().toString());
        if (groups.matches() && Files.isRegularFile(file)) {
          groupFiles.put(language(groups), file);
        }
      }
    }
    if (groupFiles.isEmpty() && !EscoLabels.holdsLabels(directory)) {
      throw new IOException("no ESCO files (ISCOGroups*.csv, occupations*.csv, occupations_xx.tsv"
          + " here or in labels/) in " + directory);
    }
    // English first, so that English labels win where a group is also named in other languages.
    List<String> languages = new ArrayList<>(groupFiles.keySet());
    languages.sort((a, b) -> a.equals("en") ? -1 : b.equals("en") ? 1 : a.compareTo(b));
    Set<String> groups = new HashSet<>();
    for (String lang : languages) {
      loadGroups(groupFiles.get(lang), lang, sink, groups);
    }
    // Checked against this folder's groups only: other sources of the builder, such as the
    // shipped file, know just a few unit groups.
    List<OccupationLabel> labels =
        EscoLabels.read(directory, groups.isEmpty() ? null : groups::contains);
    sink.addLabels(labels);
    for (OccupationLabel label : labels) {
      sink.addEsco(EscoLabels.occupationUri(label.occupation()), label.isco());
    }
  }

  private static String language(Matcher matcher) {
    return matcher.group(1) == null ? "en" : matcher.group(1).toLowerCase(Locale.ROOT);
  }

  static void loadGroups(Path file, String lang, OccupationTaxonomy.Builder sink,
      Set<String> codes) throws IOException {
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
          codes.add(code);
          sink.addLabel(code, lang, label);
          if (code.length() == 4) {
            // Unit group names ("Welders and flame cutters") also classify titles.
            sink.addTitle(code, lang, label, null);
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
