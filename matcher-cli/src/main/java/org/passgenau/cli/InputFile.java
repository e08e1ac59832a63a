package org.passgenau.cli;

import com.google.common.collect.ImmutableList;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
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
      line.append("; unknown fields ignored: ").append(personal
          ? withheldFields(read.unknownFields())
          : unknownFields(read.unknownFields()));
    }
    return line.toString();
  }

  /**
   * Unknown field names of personal data, which may themselves carry it (a name, a birth date
   * typed as a key): counted, and named only by a short hash, which tells two names apart and
   * finds one the producer knows, without showing it.
   */
  private static String withheldFields(Map<String, Long> counts) {
    return counts.size() + (counts.size() == 1 ? " name" : " names") + ", withheld as they may"
        + " carry personal data: " + counts.entrySet().stream()
            .map(e -> "#" + Hashing.sha256().hashString(e.getKey(), StandardCharsets.UTF_8)
                .toString().substring(0, 8) + " (" + e.getValue() + ")")
            .collect(Collectors.joining(", "));
  }

  private static String unknownFields(Map<String, Long> counts) {
    return counts.entrySet().stream()
        .map(e -> e.getKey() + " (" + e.getValue() + ")")
        .collect(Collectors.joining(", "));
  }
}
