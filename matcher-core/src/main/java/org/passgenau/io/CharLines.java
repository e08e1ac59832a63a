package org.passgenau.io;

import java.io.IOException;
import java.io.Reader;

/**
 * Cuts a character stream into lines by the same rule as {@link LineBlocks} and {@link Utf8Lines}
 * cut bytes: only {@code \n} ends a line, and a {@code \r} right before it belongs to the line end;
 * a lone {@code \r} stays inside its line. {@link java.io.BufferedReader#readLine()} would also end
 * a line at a lone {@code \r}, so that line numbers would disagree with {@code wc -l}.
 *
 * <p>Not thread-safe: one reading thread.
 */
final class CharLines {

  private final Reader in;
  private final char[] buffer = new char[8192];
  private final StringBuilder line = new StringBuilder();

  /** Characters read and not yet taken are {@code [position, length)}. */
  private int position;

  private int length;
  private boolean endOfStream;

  CharLines(Reader in) {
    this.in = in;
  }

  /** The next line without its line end, or null after the last one. */
  String next() throws IOException {
    line.setLength(0);
    boolean any = false;
    while (true) {
      if (position == length) {
        if (endOfStream || !fill()) {
          return any ? line.toString() : null;
        }
      }
      any = true;
      int start = position;
      while (position < length && buffer[position] != '\n') {
        position++;
      }
      line.append(buffer, start, position - start);
      if (position < length) {
        position++; // the line feed
        int last = line.length() - 1;
        if (last >= 0 && line.charAt(last) == '\r') {
          line.setLength(last);
        }
        return line.toString();
      }
    }
  }

  /** Reads more characters; false at the end of the stream. */
  private boolean fill() throws IOException {
    int read;
    do {
      read = in.read(buffer, 0, buffer.length);
    } while (read == 0);
    if (read < 0) {
      endOfStream = true;
      return false;
    }
    position = 0;
    length = read;
    return true;
  }
}
