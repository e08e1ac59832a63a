package org.passgenau.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small ESCO download for tests: the watchmaker (ISCO-08 7311), which the shipped taxonomy does
 * not know, in the official export's layout (German, English, with a byte order mark and a quoted
 * multi-line field) and in a Dutch label file.
 */
final class EscoFixture {

  /** The titles the folder adds, none of which the shipped taxonomy holds. */
  static final int TITLES = 8;

  private EscoFixture() {}

  static Path write(Path dir) {
    try {
      Files.createDirectories(dir.resolve("labels"));
      String header = "\uFEFFconceptType,conceptUri,iscoGroup,preferredLabel,altLabels,"
          + "hiddenLabels,status,description\n";
      String uri = "http://data.europa.eu/esco/occupation/11eb55d3";
      Files.writeString(dir.resolve("occupations_de.csv"), header
          + "Occupation," + uri + ",7311,Uhrmacher/Uhrmacherin,\"Uhrmacherin\nUhrmacher\","
          + "Urmacher,released,\"repariert Uhren,\nauch antike\"\n", StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("occupations_en.csv"), header
          + "Occupation," + uri + ",7311,watchmaker,\"clockmaker\",,released,\n",
          StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("labels/occupations_nl.tsv"),
          "lang\tlabel\tisco4\tlabel_type\tesco_code\tesco_occupation_id\n"
              + "nl\thorlogemaker\t7311\tpreferred\t7311.1\t11eb55d3\n"
              + "nl\turwerkmaker\t7311\talt\t7311.1\t11eb55d3\n",
          StandardCharsets.UTF_8);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
