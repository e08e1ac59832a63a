package org.passgenau.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validation shared by the model's constructors. Every message names the field as the data
 * contract spells it and the bad value, so a reject line can be acted on without the source.
 */
final class Checks {

  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

  private Checks() {}

  static String requireText(String field, String value) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    return value;
  }

  /**
   * A record's id: required, printable, without whitespace, control characters or unpaired
   * surrogates, since ids are written into run files (one line, fields split at whitespace),
   * reports for people and CSV. The message names the offending character by its code point,
   * never the whole id.
   */
  static String requireId(String field, String value) {
    requireText(field, value);
    for (int i = 0; i < value.length(); ) {
      int c = value.codePointAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
          || Character.getType(c) == Character.SURROGATE
          || Character.getType(c) == Character.FORMAT) {
        throw new IllegalArgumentException(field + " must be printable, without whitespace, was "
            + "a value with U+" + String.format("%04X", c) + " at position " + (i + 1));
      }
      i += Character.charCount(c);
    }
    return value;
  }

  static Double range(String field, Double value, double min, double max) {
    if (value != null && !(value >= min && value <= max)) {
      throw new IllegalArgumentException(
          field + " must be between " + fmt(min) + " and " + fmt(max) + ", was " + fmt(value));
    }
    return value;
  }

  static Integer range(String field, Integer value, int min, int max) {
    if (value != null && (value < min || value > max)) {
      throw new IllegalArgumentException(
          field + " must be between " + min + " and " + max + ", was " + value);
    }
    return value;
  }

  static String language(String field, String code) {
    requireText(field, code);
    if (!LANGUAGE.matcher(code).matches()) {
      throw new IllegalArgumentException(
          field + " must be a lower-case ISO 639 code such as 'de', was '" + code + "'");
    }
    return code;
  }

  static <T> ImmutableList<T> list(String field, List<T> values) {
    if (values == null) {
      return ImmutableList.of();
    }
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null) {
        throw new IllegalArgumentException(field + "[" + i + "] must not be null");
      }
    }
    return ImmutableList.copyOf(values);
  }

  static ImmutableMap<String, String> map(String field, Map<String, String> values) {
    if (values == null) {
      return ImmutableMap.of();
    }
    values.forEach(
        (k, v) -> {
          if (k == null || v == null) {
            throw new IllegalArgumentException(field + " must not hold nulls, was " + values);
          }
        });
    return ImmutableMap.copyOf(values);
  }

  static String fmt(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : Double.toString(value);
  }
}
