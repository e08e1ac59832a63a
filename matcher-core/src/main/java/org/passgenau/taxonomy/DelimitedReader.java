package org.passgenau.taxonomy;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads delimited text one record at a time, in two dialects:
 *
 * <ul>
 *   <li>{@link #csv}: RFC 4180, as ESCO exports it. Fields are separated by commas; a field in
 *       double quotes may hold commas and line breaks (kept as written), and a doubled quote
 *       stands for one. A quote inside an unquoted field is an ordinary character.
 *   <li>{@link #tsv}: the hand-written taxonomy. Fields are separated by tabs and have no quoting
 *       (titles may contain quotes); a line starting with {@code #} is a comment; fields are
 *       stripped of surrounding blanks.
 * </ul>
 *
 * <p>In both, empty lines between records are skipped and a line ends with LF, CRLF or CR. A
 * malformed record (an unclosed quote, text after a closing quote) is refused with a {@link
 * TaxonomyFormatException} naming the file and the line the record starts on.
 *
 * <p>The taxonomy's own reader, so that the library does not carry a CSV dependency for two
 * loaders. Not thread-safe.
 */
final class DelimitedReader implements Closeable {

  private static final int NONE = -2;

  private final Reader in;
  private final String file;
  private final char delimiter;
  private final boolean quoting;
  private final boolean commentsAndBlanks;

  /** The line of the next character to read. */
  private long line = 1;

  private long recordLine;
  private int pushedBack = NONE;

  private DelimitedReader(
      Reader in, String file, char delimiter, boolean quoting, boolean commentsAndBlanks) {
    this.in = in instanceof BufferedReader ? in : new BufferedReader(checkNotNull(in));
    this.file = checkNotNull(file);
    this.delimiter = delimiter;
    this.quoting = quoting;
    this.commentsAndBlanks = commentsAndBlanks;
  }

  /** RFC 4180 comma-separated values; {@code file} names the source in errors. */
  static DelimitedReader csv(Reader in, String file) {
    return new DelimitedReader(in, file, ',', true, false);
  }

  /** Tab-separated values without quoting, with {@code #} comments and stripped fields. */
  static DelimitedReader tsv(Reader in, String file) {
    return new DelimitedReader(in, file, '\t', false, true);
  }

  /** The 1-based line the record last returned by {@link #next()} starts on. */
  long recordLine() {
    return recordLine;
  }

  /** The next record's fields, or {@code null} after the last record. */
  List<String> next() throws IOException {
    int c = read();
    while (true) {
      if (c == -1) {
        return null;
      } else if (c == '\r' || c == '\n') {
        endLine(c);
        c = read();
      } else if (commentsAndBlanks && c == '#') {
        while (c != -1 && c != '\r' && c != '\n') {
          c = read();
        }
      } else {
        break;
      }
    }
    recordLine = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean fieldStart = true;
    while (true) {
      if (quoting && fieldStart && c == '"') {
        c = readQuoted(field);
        if (c != delimiter && c != '\r' && c != '\n' && c != -1) {
          throw new TaxonomyFormatException(
              file,
              recordLine,
              "field " + (fields.size() + 1),
              "unexpected '" + (char) c + "' after a closing quote (write a quote as \"\")");
        }
      }
      fieldStart = false;
      if (c == delimiter || c == '\r' || c == '\n' || c == -1) {
        fields.add(commentsAndBlanks ? field.toString().strip() : field.toString());
        field.setLength(0);
        if (c != delimiter) {
          if (c != -1) {
            endLine(c);
          }
          return fields;
        }
        fieldStart = true;
      } else {
        field.append((char) c);
      }
      c = read();
    }
  }

  /** Appends a quoted field's content; returns the character after its closing quote. */
  private int readQuoted(StringBuilder field) throws IOException {
    while (true) {
      int c = read();
      if (c == -1) {
        throw new TaxonomyFormatException(
            file, recordLine, "record", "a quoted field is not closed before the end of the file");
      } else if (c == '"') {
        int after = read();
        if (after != '"') {
          return after;
        }
        field.append('"');
      } else {
        if (c == '\n' || (c == '\r' && peek() != '\n')) {
          line++;
        }
        field.append((char) c);
      }
    }
  }

  /** Counts a line break that began with {@code c}, consuming the LF of a CRLF. */
  private void endLine(int c) throws IOException {
    if (c == '\r' && peek() == '\n') {
      read();
    }
    line++;
  }

  private int read() throws IOException {
    if (pushedBack != NONE) {
      int c = pushedBack;
      pushedBack = NONE;
      return c;
    }
    return in.read();
  }

  private int peek() throws IOException {
    if (pushedBack == NONE) {
      pushedBack = in.read();
    }
    return pushedBack;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
