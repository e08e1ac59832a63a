package org.passgenau.taxonomy;

import com.google.common.base.Splitter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the titles of ESCO occupations, in every language found, from a directory:
 *
 * <ul>
 *   <li>{@code occupations_xx.csv} of the official ESCO CSV export ({@code conceptUri}, {@code
 *       iscoGroup}, {@code preferredLabel}, {@code altLabels}, {@code hiddenLabels}), language
 *       {@code xx} from the file name;
 *   <li>{@code occupations.csv} of the Tabiya layout ({@code ORIGINURI}, {@code ISCOGROUPCODE},
 *       {@code PREFERREDLABEL}, {@code ALTLABELS}), English;
 *   <li>{@code occupations_xx.tsv}, here or in a folder {@code labels/}: one label a row, header
 *       {@code lang label isco4 label_type esco_code esco_occupation_id}.
 * </ul>
 *
 * <p>Labels of one occupation share its {@link OccupationLabel#occupation() occupation}: the
 * identifier after {@code /occupation/} in its URI, so that the languages agree.
 *
 * <pre>{@code
 * List<OccupationLabel> labels = EscoLabels.read(Path.of("esco"));
 * OccupationTaxonomy taxonomy = OccupationTaxonomy.builder().addLabels(labels).build();
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class EscoLabels {

  private static final Pattern CSV_FILE =
      Pattern.compile("occupations(?:_([a-z]{2}))?\\.csv", Pattern.CASE_INSENSITIVE);
  private static final Pattern TSV_FILE =
      Pattern.compile("occupations_([a-z]{2})\\.tsv", Pattern.CASE_INSENSITIVE);
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
  private static final Splitter LINES =
      Splitter.on(Pattern.compile("\r?\n")).trimResults().omitEmptyStrings();
  private static final String OCCUPATION_PATH = "/occupation/";

  /** The columns read from a CSV file, by layout, as its header spells them. */
  private enum Layout {
    OFFICIAL("conceptUri", "iscoGroup", "preferredLabel", "altLabels", "hiddenLabels"),
    TABIYA("ORIGINURI", "ISCOGROUPCODE", "PREFERREDLABEL", "ALTLABELS", "HIDDENLABELS");

    final String uri;
    final String isco;
    final String preferred;
    final String alternative;
    final String hidden;

    Layout(String uri, String isco, String preferred, String alternative, String hidden) {
      this.uri = uri;
      this.isco = isco;
      this.preferred = preferred;
      this.alternative = alternative;
      this.hidden = hidden;
    }
  }

  private EscoLabels() {}

  /**
   * All labels of the ESCO files in {@code directory} (and its {@code labels/} folder), files in
   * name order, rows in file order.
   *
   * @throws TaxonomyFormatException naming file, line and column of a malformed record
   * @throws IOException if the directory holds no such file or cannot be read
   */
  public static List<OccupationLabel> read(Path directory) throws IOException {
    List<OccupationLabel> read = read(directory, null);
    if (read.isEmpty()) {
      throw new IOException("no ESCO occupation titles (occupations*.csv, occupations_xx.tsv) in "
          + directory);
    }
    return read;
  }

  /**
   * As {@link #read(Path)}, but empty when there are no such files, and refusing a label whose
   * unit group {@code knownGroup} does not accept (unless it is null).
   */
  static List<OccupationLabel> read(Path directory, Predicate<String> knownGroup)
      throws IOException {
    List<Path> files = new ArrayList<>(list(directory));
    Path labels = directory.resolve("labels");
    if (Files.isDirectory(labels)) {
      files.addAll(list(labels));
    }
    List<OccupationLabel> read = new ArrayList<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      Matcher csv = CSV_FILE.matcher(name);
      Matcher tsv = TSV_FILE.matcher(name);
      if (csv.matches()) {
        String language = csv.group(1) == null ? "en" : csv.group(1).toLowerCase(Locale.ROOT);
        readCsv(file, language, knownGroup, read);
      } else if (tsv.matches()) {
        readTsv(file, knownGroup, read);
      }
    }
    return read;
  }

  /** Whether {@code directory} or its {@code labels/} folder holds a file of titles. */
  static boolean holdsLabels(Path directory) throws IOException {
    List<Path> files = new ArrayList<>(list(directory));
    Path labels = directory.resolve("labels");
    if (Files.isDirectory(labels)) {
      files.addAll(list(labels));
    }
    return files.stream().map(file -> file.getFileName().toString())
        .anyMatch(name -> CSV_FILE.matcher(name).matches() || TSV_FILE.matcher(name).matches());
  }

  /** The ESCO URI of an occupation identifier from {@link OccupationLabel#occupation()}. */
  static String occupationUri(String occupation) {
    return occupation.contains(":") ? occupation
        : "http://data.europa.eu/esco" + OCCUPATION_PATH + occupation;
  }

  private static List<Path> list(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static void readCsv(Path file, String language, Predicate<String> knownGroup,
      List<OccupationLabel> sink) throws IOException {
    String name = file.toString();
    try (DelimitedReader rows =
        DelimitedReader.csv(Files.newBufferedReader(file, StandardCharsets.UTF_8), name)) {
      Columns columns = new Columns(rows.next(), name);
      Layout layout = detect(columns, name);
      for (List<String> row = rows.next(); row != null; row = rows.next()) {
        // Labels span lines: errors name the line a record starts on.
        long line = rows.recordLine();
        String isco = columns.required(row, layout.isco, line);
        checkIsco(isco, knownGroup, name, line, columns.spelling(layout.isco));
        String occupation = occupationId(columns.required(row, layout.uri, line));
        // Each title of an occupation once: the Tabiya layout repeats the preferred label among
        // the alternatives, which would let a held-out title be found under its own words.
        Set<String> seen = new HashSet<>();
        String preferred = columns.required(row, layout.preferred, line);
        seen.add(preferred.toLowerCase(Locale.ROOT));
        sink.add(new OccupationLabel(language, preferred, isco, LabelType.PREFERRED, occupation));
        for (String label : LINES.split(columns.optional(row, layout.alternative))) {
          if (seen.add(label.toLowerCase(Locale.ROOT))) {
            sink.add(new OccupationLabel(language, label, isco, LabelType.ALTERNATIVE, occupation));
          }
        }
        for (String label : LINES.split(columns.optional(row, layout.hidden))) {
          if (seen.add(label.toLowerCase(Locale.ROOT))) {
            sink.add(new OccupationLabel(language, label, isco, LabelType.HIDDEN, occupation));
          }
        }
      }
    }
  }

  private static Layout detect(Columns columns, String file) {
    for (Layout layout : Layout.values()) {
      if (columns.has(layout.uri)) {
        return layout;
      }
    }
    throw new TaxonomyFormatException(file, 1, "header",
        "neither the official ESCO export (conceptUri, iscoGroup, preferredLabel, ...) nor the"
            + " Tabiya layout (ORIGINURI, ISCOGROUPCODE, PREFERREDLABEL, ...); columns were "
            + columns.names());
  }

  private static void readTsv(Path file, Predicate<String> knownGroup, List<OccupationLabel> sink)
      throws IOException {
    String name = file.toString();
    try (DelimitedReader rows =
        DelimitedReader.tsv(Files.newBufferedReader(file, StandardCharsets.UTF_8), name)) {
      Columns columns = new Columns(rows.next(), name);
      for (List<String> row = rows.next(); row != null; row = rows.next()) {
        long line = rows.recordLine();
        String type = columns.required(row, "label_type", line);
        LabelType labelType = switch (type) {
          case "preferred" -> LabelType.PREFERRED;
          case "alt" -> LabelType.ALTERNATIVE;
          case "hidden" -> LabelType.HIDDEN;
          default -> throw new TaxonomyFormatException(name, line, "label_type",
              "must be preferred, alt or hidden, was '" + type + "'");
        };
        String language = columns.required(row, "lang", line);
        if (!LANGUAGE.matcher(language).matches()) {
          throw new TaxonomyFormatException(name, line, "lang",
              "must be a lower-case ISO 639-1 code such as 'de', was '" + language + "'");
        }
        String isco = columns.required(row, "isco4", line);
        checkIsco(isco, knownGroup, name, line, "isco4");
        sink.add(new OccupationLabel(language, columns.required(row, "label", line), isco,
            labelType, occupationId(columns.required(row, "esco_occupation_id", line))));
      }
    }
  }

  private static void checkIsco(
      String isco, Predicate<String> knownGroup, String file, long line, String column) {
    if (isco.length() != 4 || !IscoCode.isValid(isco)) {
      throw new TaxonomyFormatException(file, line, column,
          "must be an ISCO-08 unit group of 4 digits, was '" + isco + "'");
    }
    if (knownGroup != null && !knownGroup.test(isco)) {
      throw new TaxonomyFormatException(file, line, column,
          "unknown ISCO-08 group '" + isco + "', not among the ISCO groups of the folder");
    }
  }

  /** The identifier after {@code /occupation/} in an ESCO URI, else the value as it is. */
  private static String occupationId(String uriOrId) {
    int at = uriOrId.lastIndexOf(OCCUPATION_PATH);
    return at < 0 ? uriOrId : uriOrId.substring(at + OCCUPATION_PATH.length());
  }

  /** A file's header: columns found ignoring case, named in errors as the file spells them. */
  private static final class Columns {
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, String> spelling = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final String file;

    Columns(List<String> header, String file) {
      if (header == null) {
        throw new TaxonomyFormatException(file, 1, "header", "file is empty");
      }
      this.file = file;
      for (int i = 0; i < header.size(); i++) {
        // A byte order mark is common in exported CSV files.
        String name = header.get(i).replace("\uFEFF", "").strip();
        String key = name.toLowerCase(Locale.ROOT);
        if (index.putIfAbsent(key, i) == null) {
          spelling.put(key, name);
          names.add(name);
        }
      }
    }

    boolean has(String column) {
      return index.containsKey(column.toLowerCase(Locale.ROOT));
    }

    List<String> names() {
      return names;
    }

    String spelling(String column) {
      return spelling.getOrDefault(column.toLowerCase(Locale.ROOT), column);
    }

    String required(List<String> row, String column, long line) {
      Integer at = index.get(column.toLowerCase(Locale.ROOT));
      if (at == null) {
        throw new TaxonomyFormatException(file, 1, column, "column missing from the header");
      }
      String value = at < row.size() ? row.get(at).strip() : "";
      if (value.isEmpty()) {
        throw new TaxonomyFormatException(file, line, spelling(column), "must not be empty");
      }
      return value;
    }

    String optional(List<String> row, String column) {
      Integer at = index.get(column.toLowerCase(Locale.ROOT));
      return at == null || at >= row.size() ? "" : row.get(at);
    }
  }
}
