package org.passgenau.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.passgenau.output.ResultFormat;
import org.passgenau.model.Coded;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Option values checked at parse time, so that a bad value is a usage error (exit 2) whose message
 * names the value; picocli prefixes it with the option.
 */
final class Converters {

  private Converters() {}

  /** {@code --top}: the library's bounds, checked before any file is read. */
  static final class TopK implements ITypeConverter<Integer> {
    static final int MAX = 10_000;

    @Override
    public Integer convert(String value) {
      return wholeNumber(value, 1, MAX);
    }
  }

  /**
   * A whole number from {@code min} to {@code max}.
   *
   * @throws TypeConversionException naming the value when it is not one
   */
  static int wholeNumber(String value, int min, int max) {
    int number;
    try {
      number = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value + "' is not a whole number");
    }
    if (number < min || number > max) {
      throw new TypeConversionException(
          "must be between " + min + " and " + max + ", was " + value);
    }
    return number;
  }

  /** {@code --as-of}: an ISO date, as everywhere in the data contract. */
  static final class IsoDate implements ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
      try {
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        throw new TypeConversionException("'" + value + "' is not a date as YYYY-MM-DD");
      }
    }
  }

  /** {@code --lang}: the languages explanations are written in. */
  static final class Language implements ITypeConverter<Locale> {
    static final Set<String> CODES = Set.of("en", "de", "nl");

    @Override
    public Locale convert(String value) {
      if (!CODES.contains(value)) {
        throw new TypeConversionException("expected en, de or nl, was '" + value + "'");
      }
      return Locale.forLanguageTag(value);
    }
  }

  /** {@code --format}: by the format's lower-case code, as in the documentation. */
  static final class Format implements ITypeConverter<ResultFormat> {
    @Override
    public ResultFormat convert(String value) {
      try {
        return Coded.parse(ResultFormat.class, value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("expected jsonl, csv or trec, was '" + value + "'");
      }
    }
  }

  /** The codes shown in help for {@code --format}. */
  static final class FormatCodes implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return List.of(ResultFormat.values()).stream().map(ResultFormat::code).iterator();
    }
  }
}
