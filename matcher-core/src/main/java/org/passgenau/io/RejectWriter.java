package org.passgenau.io;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes {@link Reject}s as a reject file, one JSON object per line with all five fields, {@code
 * id} and {@code field} as {@code null} when unknown, so that every line has the same shape:
 *
 * <pre>{@code
 * {"file":"profiles.jsonl","line":12,"id":"P-12","field":"birth_year","reason":"birth_year must be a whole number, was \"1999\""}
 * }</pre>
 *
 * <p>{@link #write(Reject)} throws unchecked, so it can be handed to {@link
 * JsonLinesReader#read(java.nio.file.Path, java.util.function.Consumer, java.util.function.Consumer)}
 * as the reject consumer. Closing closes the underlying writer.
 *
 * <p>Not thread-safe: one writer per output, used from one thread at a time.
 */
public final class RejectWriter implements Closeable, Flushable {

  private final Writer out;

  public RejectWriter(Writer out) {
    this.out = checkNotNull(out, "out");
  }

  /**
   * Appends one reject line.
   *
   * @throws UncheckedIOException when the underlying writer fails
   */
  public void write(Reject reject) {
    checkNotNull(reject, "reject");
    try {
      out.write(toLine(reject));
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One reject as a JSON line, without the line break. */
  static String toLine(Reject reject) {
    // Written field by field: the shared mapper leaves nulls out, the reject format keeps them.
    StringWriter line = new StringWriter();
    try (JsonGenerator json = Json.mapper().getFactory().createGenerator(line)) {
      json.writeStartObject();
      json.writeStringField("file", reject.file());
      json.writeNumberField("line", reject.line());
      json.writeStringField("id", reject.id());
      json.writeStringField("field", reject.field());
      json.writeStringField("reason", reject.reason());
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen on a StringWriter
    }
    return line.toString();
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
