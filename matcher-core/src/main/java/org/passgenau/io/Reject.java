package org.passgenau.io;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * An input line that could not be read as a record, as one line of a reject file: {@code
 * {"file":"opportunities.jsonl","line":7,"id":"V-7","field":"location.lat","reason":"..."}}.
 *
 * <pre>{@code
 * ReadResult<Opportunity> read =
 *     JsonLinesReader.opportunities().read(Path.of("opportunities.jsonl"));
 * try (RejectWriter out = new RejectWriter(Files.newBufferedWriter(Path.of("rejects.jsonl")))) {
 *   read.rejects().forEach(out::write);
 * }
 * }</pre>
 *
 * <p>A reject names the bad value so that the producer can fix it without the source, but a reader
 * never logs it: reject files can hold personal data and are handled like the input.
 *
 * <p>Immutable and safe to share between threads.
 *
 * @param file the path or source name the line came from
 * @param line 1-based line number, blank lines included
 * @param id the record's {@code id}, or null when it could not be found
 * @param field the contract field path such as {@code language_requirements[0].min_level}, or null
 *     when the line as a whole is bad (malformed JSON)
 * @param reason a sentence naming the bad value
 */
public record Reject(String file, long line, String id, String field, String reason) {

  public Reject {
    checkNotNull(file, "file");
    checkArgument(line >= 1, "line must be at least 1, was %s", line);
    checkArgument(id == null || !id.isBlank(), "id must be null or non-blank, was '%s'", id);
    id = id == null ? null : writable(id);
    checkArgument(
        field == null || !field.isBlank(), "field must be null or non-blank, was '%s'", field);
    checkNotNull(reason, "reason");
    checkArgument(!reason.isBlank(), "reason must not be blank");
  }

  /**
   * The id as it can be written anywhere: an unpaired surrogate (which no UTF-8 writer can encode)
   * and a control character (which would break a line of a report) become a backslash, a u and
   * the four hex digits of the character, as text; everything else is kept. Such an id is why its
   * record was rejected.
   */
  private static String writable(String id) {
    StringBuilder out = null;
    for (int i = 0; i < id.length(); ) {
      int c = id.codePointAt(i); // an unpaired surrogate comes back as itself
      boolean bad = Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE;
      if (bad && out == null) {
        out = new StringBuilder(id.length() + 8).append(id, 0, i);
      }
      if (bad) {
        out.append(String.format("\\u%04X", c));
      } else if (out != null) {
        out.appendCodePoint(c);
      }
      i += Character.charCount(c);
    }
    return out == null ? id : out.toString();
  }
}
