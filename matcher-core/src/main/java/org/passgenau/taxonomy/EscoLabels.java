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
  private static final Splitter LINES =
      Splitter.on(Pattern.compile("\r?\n")).trimResults().omitEmptyStrings();

  private EscoLabels() {}

  /**
   * All labels of the ESCO files in {@code directory} (and its {@code labels/} folder), files in
   * name order, rows in file order.
   *
   * @throws TaxonomyFormatException naming file, line and field of a malformed record
   * @throws IOException if the directory holds no such file or cannot be read
   */
  public static List<OccupationLabel> read(Path directory) throws IOException {
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
        readCsv(file, csv.group(1) == null ? "en" : csv.group(1).toLowerCase(Locale.ROOT), read);
      } else if (tsv.matches()) {
        readTsv(file, read);
      }
    }
    if (read.isEmpty()) {
      throw new IOException("no ESCO occupation titles (occupations*.csv, occupations_xx.tsv) in "
          + directory);
    }
    return read;
  }

  private static List<Path> list(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static void readCsv(Path file, String language, List<OccupationLabel> sink)
      throws IOException {
    String name = file.toString();
    try (DelimitedReader rows =
        DelimitedReader.csv(Files.newBufferedReader(file, StandardCharsets.UTF_8), name)) {
      Map<String, Integer> columns = header(rows.next(), name);
      boolean official = columns.containsKey("concepturi");
      String uriColumn = official ? "concepturi" : "originuri";
      String iscoColumn = official ? "iscogroup" : "iscogroupcode";
      for (List<String> row = rows.next(); row != null; row = rows.next()) {
        long line = rows.recordLine();
        String isco = field(row, columns, iscoColumn, name, line);
        String occupation = occupationId(field(row, columns, uriColumn, name, line));
        // Each title of an occupation once: the Tabiya layout repeats the preferred label among
        // the alternatives, which would let a held-out title be found under its own words.
        Set<String> seen = new HashSet<>();
        String preferred = field(row, columns, "preferredlabel", name, line);
        seen.add(preferred.toLowerCase(Locale.ROOT));
        add(sink, language, preferred, isco, LabelType.PREFERRED, occupation, name, line);
        for (String label : LINES.split(optional(row, columns, "altlabels"))) {
          if (seen.add(label.toLowerCase(Locale.ROOT))) {
            add(sink, language, label, isco, LabelType.ALTERNATIVE, occupation, name, line);
          }
        }
        for (String label : LINES.split(optional(row, columns, "hiddenlabels"))) {
          if (seen.add(label.toLowerCase(Locale.ROOT))) {
            add(sink, language, label, isco, LabelType.HIDDEN, occupation, name, line);
          }
        }
      }
    }
  }

  private static void readTsv(Path file, List<OccupationLabel> sink) throws IOException {
    String name = file.toString();
    try (DelimitedReader rows =
        DelimitedReader.tsv(Files.newBufferedReader(file, StandardCharsets.UTF_8), name)) {
      Map<String, Integer> columns = header(rows.next(), name);
      for (List<String> row = rows.next(); row != null; row = rows.next()) {
        long line = rows.recordLine();
        String type = field(row, columns, "label_type", name, line);
        LabelType labelType = switch (type) {
          case "preferred" -> LabelType.PREFERRED;
          case "alt" -> LabelType.ALTERNATIVE;
          case "hidden" -> LabelType.HIDDEN;
          default -> throw new TaxonomyFormatException(name, line, "label_type",
              "must be preferred, alt or hidden, was '" + type + "'");
        };
        add(sink, field(row, columns, "lang", name, line), field(row, columns, "label", name, line),
            field(row, columns, "isco4", name, line), labelType,
            occupationId(field(row, columns, "esco_occupation_id", name, line)), name, line);
      }
    }
  }

  private static void add(List<OccupationLabel> sink, String language, String text, String isco,
      LabelType type, String occupation, String file, long line) {
    if (isco.length() != 4 || !IscoCode.isValid(isco)) {
      throw new TaxonomyFormatException(file, line, "isco",
          "must be an ISCO-08 unit group of 4 digits, was '" + isco + "'");
    }
    sink.add(new OccupationLabel(language, text, isco, type, occupation));
  }

  /** The identifier after {@code /occupation/} in an ESCO URI, else the value as it is. */
  private static String occupationId(String uriOrId) {
    int at = uriOrId.lastIndexOf("/occupation/");
    return at < 0 ? uriOrId : uriOrId.substring(at + "/occupation/".length());
  }

  private static Map<String, Integer> header(List<String> header, String file) {
    if (header == null) {
      throw new TaxonomyFormatException(file, 1, "header", "file is empty");
    }
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      columns.putIfAbsent(
          header.get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT), i);
    }
    return columns;
  }

  private static String field(
      List<String> row, Map<String, Integer> columns, String column, String file, long line) {
    Integer index = columns.get(column);
    if (index == null) {
      throw new TaxonomyFormatException(file, 1, column, "column missing from the header");
    }
    String value = index < row.size() ? row.get(index).strip() : "";
    if (value.isEmpty()) {
      throw new TaxonomyFormatException(file, line, column, "must not be empty");
    }
    return value;
  }

  private static String optional(List<String> row, Map<String, Integer> columns, String column) {
    Integer index = columns.get(column);
    return index == null || index >= row.size() ? "" : row.get(index);
  }
}
