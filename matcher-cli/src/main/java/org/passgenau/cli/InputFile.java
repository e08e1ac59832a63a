package org.passgenau.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.passgenau.io.JsonLinesReader;
import org.passgenau.io.ReadResult;

/**
 * One JSON Lines input as read, with what the summary says about it.
 *
 * @param kind what the file holds, "opportunities" or "profiles"
 * @param personal whether its records are personal data, whose values must stay out of logs
 */
record InputFile<T>(String kind, Path path, boolean personal, ReadResult<T> read) {

  static <T> InputFile<T> read(String kind, Path path, boolean personal, JsonLinesReader<T> reader) {
    return new InputFile<>(kind, path, personal, reader.read(path));
  }

  /** One line for stderr: counts and the names of ignored fields, never values. */
  String summary() {
    int accepted = read.records().size();
    int rejected = read.rejects().size();
    StringBuilder line = new StringBuilder()
        .append(kind).append(' ').append(path).append(": ")
        .append(accepted + rejected).append(" read, ")
        .append(accepted).append(" accepted, ")
        .append(rejected).append(" rejected");
    if (!read.unknownFields().isEmpty()) {
      line.append("; unknown fields ignored: ").append(unknownFields(read.unknownFields()));
    }
    return line.toString();
  }

  private static String unknownFields(Map<String, Long> counts) {
    return counts.entrySet().stream()
        .map(e -> e.getKey() + " (" + e.getValue() + ")")
        .collect(Collectors.joining(", "));
  }
}
