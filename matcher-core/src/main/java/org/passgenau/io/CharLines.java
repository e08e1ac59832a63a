package org.passgenau.io;

import java.io.IOException;
import java.io.Reader;

/**
 * Cuts a character stream into lines by the same rules as {@link LineBlocks} and {@link Utf8Lines}
 * cut bytes, so that a text reads the same as its UTF-8 bytes. Only {@code \n} ends a line, and a
 * {@code \r} right before it belongs to the line end; a lone {@code \r} stays inside its line.
 * ({@link java.io.BufferedReader#readLine()} would also end a line at a lone {@code \r}, so that
 * line numbers would disagree with {@code wc -l}.) Lengths are measured in the line's UTF-8 bytes:
 * a line longer than {@code maxLineBytes} is dropped as it is read and comes back as {@link
 * LineBlocks.Kind#TOO_LONG}, and one with more than {@code maxSkippedBytes} before its line end as
 * {@link LineBlocks.Kind#ENDLESS}, after which nothing more is read.
 *
 * <p>Not thread-safe: one reading thread.
 */
final class CharLines {

  private final Reader in;
  private final int maxLineBytes;
  private final long maxSkippedBytes;
  private final char[] buffer = new char[8192];
  private final StringBuilder line = new StringBuilder();

  /** Characters read and not yet taken are {@code [position, length)}. */
  private int position;

  private int length;
  private boolean endOfStream;
  private boolean endless;
  private LineBlocks.Kind kind;

  CharLines(Reader in, int maxLineBytes, long maxSkippedBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
    this.maxSkippedBytes = maxSkippedBytes;
  }

  /**
   * The next line without its line end, or null after the last one (and after an endless line).
   * Empty for a line of {@link #kind()} other than {@link LineBlocks.Kind#LINES}.
   */
  String next() throws IOException {
    if (endless) {
      return null;
    }
    line.setLength(0);
    long bytes = 0;
    boolean any = false;
    boolean tooLong = false;
    while (true) {
      if (position == length && (endOfStream || !fill())) {
        return any ? finish(tooLong, bytes, false) : null;
      }
      any = true;
      int from = position;
      while (position < length && buffer[position] != '\n') {
        position++;
      }
      bytes += utf8Length(from, position);
      if (bytes > maxSkippedBytes) {
        endless = true;
        kind = LineBlocks.Kind.ENDLESS;
        return "";
      }
      if (!tooLong && bytes > maxLineBytes + 1L) {
        tooLong = true; // too long even without the CR of a CRLF: stop keeping it
        line.setLength(0);
      }
      if (!tooLong) {
        line.append(buffer, from, position - from);
      }
      if (position < length) {
        position++; // the line feed
        return finish(tooLong, bytes, true);
      }
    }
  }

  /** What the line {@link #next()} returned is. */
  LineBlocks.Kind kind() {
    return kind;
  }

  private String finish(boolean tooLong, long bytes, boolean lineEnd) {
    int last = line.length() - 1;
    if (!tooLong && lineEnd && last >= 0 && line.charAt(last) == '\r') {
      line.setLength(last);
      bytes--;
    }
    if (tooLong || bytes > maxLineBytes) {
      kind = LineBlocks.Kind.TOO_LONG;
      return "";
    }
    kind = LineBlocks.Kind.LINES;
    return line.toString();
  }

  /** The UTF-8 length of {@code buffer[from, to)}; each half of a surrogate pair counts 2. */
  private int utf8Length(int from, int to) {
    int bytes = 0;
    for (int i = from; i < to; i++) {
      char c = buffer[i];
      bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
    }
    return bytes;
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
