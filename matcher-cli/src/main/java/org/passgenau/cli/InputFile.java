package org.passgenau.cli;

import com.google.common.collect.ImmutableList;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.passgenau.io.JsonLinesReader;
import org.passgenau.io.ReadResult;
import org.passgenau.io.ReadSummary;
import org.passgenau.io.Reject;

/**
 * One JSON Lines input as read, with what the summary says about it. The records of a streamed
 * input went elsewhere as they were read, so that its {@code read} holds its rejects only.
 *
 * @param kind what the file holds, "opportunities" or "profiles"
 * @param source the file, or what stands for standard input
 * @param personal whether its records are personal data, whose values must stay out of logs
 * @param accepted how many records were read
 */
record InputFile<T>(
    String kind, String source, boolean personal, ReadResult<T> read, long accepted) {

  /** What names standard input in summaries and rejects. */
  static final String STDIN = "<stdin>";

  static <T> InputFile<T> read(String kind, Path path, boolean personal, JsonLinesReader<T> reader) {
    ReadResult<T> read = reader.read(path);
    return new InputFile<>(kind, path.toString(), personal, read, read.records().size());
  }

  /** An input whose records were streamed to a consumer while it was read. */
  static <T> InputFile<T> streamed(
      String kind, String source, boolean personal, ReadSummary summary, List<Reject> rejects) {
    ReadResult<T> read = new ReadResult<>(
        ImmutableList.of(), rejects, summary.unknownFields(), summary.linesRead());
    return new InputFile<>(kind, source, personal, read, summary.records());
  }

  /** One line for stderr: counts and the names of ignored fields, never values. */
  String summary() {
    int rejected = read.rejects().size();
    StringBuilder line = new StringBuilder()
        .append(kind).append(' ').append(source).append(": ")
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
