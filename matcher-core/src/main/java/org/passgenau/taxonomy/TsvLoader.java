package org.passgenau.taxonomy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.passgenau.model.Coded;
import org.passgenau.model.Level;

/** Reads the project's hand-written TSV taxonomy ({@code isco kldb level lang title}). */
final class TsvLoader {

  static final List<String> HEADER = List.of("isco", "kldb", "level", "lang", "title");

  private static final Pattern KLDB = Pattern.compile("\\d{5}");
  private static final Pattern LANG = Pattern.compile("[a-z]{2}");

  private TsvLoader() {}

  static void load(Path file, OccupationTaxonomy.Builder sink) throws IOException {
    load(Files.newBufferedReader(file, StandardCharsets.UTF_8), file.toString(), sink);
  }

  /** Reads {@code text} to its end and closes it; errors name the source as {@code name}. */
  static void load(Reader text, String name, OccupationTaxonomy.Builder sink)
      throws IOException {
    // No quoting: titles are plain text and may contain quotes; tabs never occur in them.
    try (DelimitedReader parser = DelimitedReader.tsv(text, name)) {
      boolean header = true;
      for (List<String> record = parser.next(); record != null; record = parser.next()) {
        long line = parser.recordLine();
        if (header) {
          if (!record.equals(HEADER)) {
            throw new TaxonomyFormatException(
                name, line, "header", "expected " + HEADER + ", was " + record);
          }
          header = false;
          continue;
        }
        readRow(name, line, record, sink);
      }
      if (header) {
        throw new TaxonomyFormatException(name, 1, "header", "file is empty");
      }
    }
  }

  private static void readRow(
      String file, long line, List<String> record, OccupationTaxonomy.Builder sink) {
    if (record.size() != HEADER.size()) {
      throw new TaxonomyFormatException(
          file, line, "columns", "expected 5 tab-separated columns, found " + record.size());
    }
    String isco = record.get(0);
    String kldb = record.get(1);
    String levelCode = record.get(2);
    String lang = record.get(3);
    String title = record.get(4);
    if (!IscoCode.isValid(isco) || isco.length() != 4) {
      throw new TaxonomyFormatException(
          file, line, "isco", "must be an ISCO-08 unit group of 4 digits, was '" + isco + "'");
    }
    if (!kldb.isEmpty() && !KLDB.matcher(kldb).matches()) {
      throw new TaxonomyFormatException(
          file, line, "kldb", "must have 5 digits or be empty, was '" + kldb + "'");
    }
    Level level = null;
    if (!levelCode.isEmpty()) {
      try {
        level = Coded.parse(Level.class, levelCode);
      } catch (IllegalArgumentException e) {
        throw new TaxonomyFormatException(file, line, "level", e.getMessage());
      }
    }
    if (!kldb.isEmpty()) {
      Level stated = OccupationTaxonomy.kldbLevel(kldb).orElse(null);
      if (level == null) {
        level = stated;
      } else if (stated != null && stated != level) {
        throw new TaxonomyFormatException(
            file,
            line,
            "level",
            "'" + levelCode + "' contradicts kldb " + kldb + ", whose fifth digit means '"
                + stated.code() + "'");
      }
    }
    if (!LANG.matcher(lang).matches()) {
      throw new TaxonomyFormatException(
          file,
          line,
          "lang",
          "must be a lower-case ISO 639-1 code such as 'de', was '" + lang + "'");
    }
    if (title.isEmpty()) {
      throw new TaxonomyFormatException(file, line, "title", "must not be empty");
    }
    sink.addLabel(isco, lang, title);
    sink.addTitle(isco, lang, title, level);
    if (!kldb.isEmpty()) {
      sink.addKldb(kldb, isco);
    }
  }
}
