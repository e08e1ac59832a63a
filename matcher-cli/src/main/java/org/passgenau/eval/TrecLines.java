package org.passgenau.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The line format shared by run files and qrels: fields separated by blanks or tabs (C's {@code
 * isspace}, as {@code trec_eval} splits them); blank lines and lines starting with {@code #} are
 * skipped. Files are read as UTF-8.
 */
final class TrecLines {

  /** A finite decimal number as C's {@code atof} reads it, without hexadecimal or "inf". */
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern WHOLE = Pattern.compile("[+-]?\\d+");

  /** Receives the fields of one content line. */
  interface Handler {
    void line(int number, List<String> fields) throws TrecFormatException;
  }

  private TrecLines() {}

  static void read(Path path, Handler handler) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      read(in, handler);
    }
  }

  static void read(BufferedReader in, Handler handler) throws IOException {
    int number = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      number++;
      List<String> fields = split(line);
      if (fields.isEmpty() || fields.get(0).startsWith("#")) {
        continue;
      }
      handler.line(number, fields);
    }
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  static List<String> split(String line) {
    List<String> fields = new ArrayList<>(6);
    int start = -1;
    for (int i = 0; i < line.length(); i++) {
      if (isSpace(line.charAt(i))) {
        if (start >= 0) {
          fields.add(line.substring(start, i));
          start = -1;
        }
      } else if (start < 0) {
        start = i;
      }
    }
    if (start >= 0) {
      fields.add(line.substring(start));
    }
    return fields;
  }

  static boolean isDecimal(String value) {
    return DECIMAL.matcher(value).matches();
  }

  static boolean isWhole(String value) {
    return WHOLE.matcher(value).matches();
  }
}
