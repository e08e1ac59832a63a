package org.passgenau.io;

/**
 * Line ends, UTF-8 validity and blankness of byte ranges. Only {@code \n} ends a line (the reader
 * drops the {@code \r} of a {@code \r\n}); a lone {@code \r} is part of its line, so that line
 * numbers agree with {@code wc -l}. UTF-8 is checked as strictly as the JDK's decoder checks it.
 * Reading bytes splits and skips lines exactly as reading characters through {@link CharLines}
 * does.
 *
 * <p>Stateless and thread-safe.
 */
final class Utf8Lines {

  private Utf8Lines() {}

  /**
   * The index of the first {@code '\n'} in {@code [from, to)}, or {@code to} when
   * there is none, checking on the way that the bytes are well-formed UTF-8 (no overlong forms, no
   * surrogates, nothing above U+10FFFF, the strict decoder's rules). When they are not, returns
   * {@code ~i} (a negative number) for the index {@code i} of the first bad byte.
   */
  static int scanLine(byte[] bytes, int from, int to) {
    int i = from;
    while (i < to) {
      byte b = bytes[i];
      if (b >= 0) {
        if (b == '\n') {
          return i;
        }
        i++;
      } else {
        int length = sequenceLength(bytes, i, to);
        if (length == 0) {
          return ~i;
        }
        i += length;
      }
    }
    return to;
  }

  /** The index of the first line end in {@code [from, to)}, or {@code to}, UTF-8 or not. */
  static int lineEnd(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return to;
  }

  /** The length of the well-formed multi-byte sequence at {@code i}, or 0 when it is not one. */
  private static int sequenceLength(byte[] bytes, int i, int to) {
    int lead = bytes[i] & 0xFF;
    if (lead < 0xC2) {
      return 0; // a continuation byte out of place, or the start of an overlong form
    }
    if (lead < 0xE0) {
      return i + 1 < to && isContinuation(bytes[i + 1]) ? 2 : 0;
    }
    if (lead < 0xF0) {
      if (i + 2 >= to) {
        return 0;
      }
      int second = bytes[i + 1] & 0xFF;
      int low = lead == 0xE0 ? 0xA0 : 0x80; // no overlong forms
      int high = lead == 0xED ? 0x9F : 0xBF; // no surrogates
      return second >= low && second <= high && isContinuation(bytes[i + 2]) ? 3 : 0;
    }
    if (lead < 0xF5) {
      if (i + 3 >= to) {
        return 0;
      }
      int second = bytes[i + 1] & 0xFF;
      int low = lead == 0xF0 ? 0x90 : 0x80; // no overlong forms
      int high = lead == 0xF4 ? 0x8F : 0xBF; // nothing above U+10FFFF
      return second >= low
              && second <= high
              && isContinuation(bytes[i + 2])
              && isContinuation(bytes[i + 3])
          ? 4
          : 0;
    }
    return 0;
  }

  private static boolean isContinuation(byte b) {
    return (b & 0xC0) == 0x80;
  }

  /**
   * Whether {@code [from, to)} is blank: spaces and tabs only. Other white space, control
   * characters and Unicode spaces make a line that is not blank, and so a reject, not a line
   * skipped without a trace.
   */
  static boolean isBlank(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != ' ' && bytes[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  /** {@link #isBlank(byte[], int, int)} for a line read as characters. */
  static boolean isBlank(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) != ' ' && line.charAt(i) != '\t') {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code [from, to)} starts with the UTF-8 byte order mark. */
  static boolean startsWithBom(byte[] bytes, int from, int to) {
    return to - from >= 3
        && bytes[from] == (byte) 0xEF
        && bytes[from + 1] == (byte) 0xBB
        && bytes[from + 2] == (byte) 0xBF;
  }
}
