package org.passgenau.eval;

import java.io.IOException;

/**
 * A line of a run or qrels file that does not follow the format. The message names the file, the
 * line, the field and the value, as in {@code run.txt line 7: score "abc" is not a number}.
 *
 * <p>An {@link IOException}: the input, not the program, is at fault, as with a file that cannot
 * be read.
 */
public final class TrecFormatException extends IOException {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;

  TrecFormatException(String file, int line, String problem) {
    super(file + " line " + line + ": " + problem);
    this.file = file;
    this.line = line;
  }

  /** The file as it was named to the reader. */
  public String file() {
    return file;
  }

  /** The line number, from 1. */
  public int line() {
    return line;
  }
}
