package org.passgenau.io;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;

/**
 * Writes model records (opportunities, profiles) as JSON Lines in the contract's format, so that
 * what it writes reads back through {@link JsonLinesReader} into equal records.
 *
 * <pre>{@code
 * JsonLinesWriter.writeAll(Path.of("opportunities.jsonl"), opportunities);
 * }</pre>
 *
 * <p>Closing closes the underlying writer. Not thread-safe: one writer per output, used from one
 * thread at a time.
 */
public final class JsonLinesWriter implements Closeable, Flushable {

  private final Writer out;

  public JsonLinesWriter(Writer out) {
    this.out = checkNotNull(out, "out");
  }

  /**
   * Writes {@code records} to {@code file} in UTF-8, replacing it atomically: when writing fails,
   * the file keeps its previous content.
   *
   * @throws UncheckedIOException naming the file when it cannot be written
   */
  public static void writeAll(Path file, Iterable<?> records) {
    checkNotNull(file, "file");
    checkNotNull(records, "records");
    try (AtomicOutput output = new AtomicOutput()) {
      JsonLinesWriter writer = new JsonLinesWriter(output.open(file));
      for (Object record : records) {
        writer.write(record);
      }
      output.commit();
    } catch (IOException | UncheckedIOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), asIo(e));
    }
  }

  /**
   * Appends one record as a line.
   *
   * @throws UncheckedIOException when the underlying writer fails
   */
  public void write(Object record) {
    checkNotNull(record, "record");
    try {
      out.write(Json.toLine(record));
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  private static IOException asIo(Exception e) {
    return e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
  }
}
