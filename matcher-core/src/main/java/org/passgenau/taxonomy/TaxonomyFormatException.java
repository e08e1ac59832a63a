package org.passgenau.taxonomy;

/**
 * A taxonomy file that cannot be read: names the file, the line (1-based; for a record spanning
 * several lines, the line it starts on), the field and what is wrong, so the file can be fixed
 * without a debugger.
 *
 * <pre>{@code
 * try {
 *   OccupationTaxonomy.fromTsv(Path.of("occupations.tsv"));
 * } catch (TaxonomyFormatException e) {
 *   System.err.println(e.file() + ":" + e.line() + ": " + e.field());   // also in getMessage()
 * }
 * }</pre>
 */
public final class TaxonomyFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final long line;
  private final String field;

  TaxonomyFormatException(String file, long line, String field, String reason) {
    super(file + ":" + line + ": field '" + field + "': " + reason);
    this.file = file;
    this.line = line;
    this.field = field;
  }

  /** The file as given to the loader. */
  public String file() {
    return file;
  }

  /** The 1-based line the bad record starts on. */
  public long line() {
    return line;
  }

  /** The column, as the file's header names it (or {@code header} / {@code columns}). */
  public String field() {
    return field;
  }
}
