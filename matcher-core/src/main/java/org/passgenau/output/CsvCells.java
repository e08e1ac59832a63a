package org.passgenau.output;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.CharMatcher;

/**
 * Makes a text cell of a CSV file safe to open in a spreadsheet. A cell that begins with {@code
 * =}, {@code +}, {@code -} or {@code @} is read by Excel, LibreOffice and Google Sheets as a
 * formula, which can fetch a URL or run a command when someone opens the file; one that begins
 * with a tab or carriage return can hide such a start. Such a cell gets a single quote in front,
 * which spreadsheets show as text, so that {@code =HYPERLINK("http://x","y")} is written as
 * {@code '=HYPERLINK("http://x","y")}; quoting for CSV (commas, quotes, line breaks) is still up
 * to the writer and is applied after this.
 *
 * <p>Only text that comes from the data goes through here (ids, rule set names, audit values,
 * explanations, paths, labels). Numbers the library writes itself, such as a score of {@code
 * -0.25}, are not text and stay as they are: a reader must parse them back exactly.
 *
 * <p>Stateless and thread-safe.
 */
public final class CsvCells {

  /** Starts that make a spreadsheet evaluate the cell, or that can hide such a start. */
  private static final CharMatcher FORMULA_START = CharMatcher.anyOf("=+-@\t\r");

  private CsvCells() {}

  /**
   * The cell as written: {@code value} itself, or with a single quote in front when it begins
   * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return.
   *
   * @throws NullPointerException when {@code value} is null
   */
  public static String text(String value) {
    checkNotNull(value, "value");
    return !value.isEmpty() && FORMULA_START.matches(value.charAt(0)) ? "'" + value : value;
  }
}
