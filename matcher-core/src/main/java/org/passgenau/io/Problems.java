package org.passgenau.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.common.base.Strings;
import com.google.common.base.Throwables;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.passgenau.model.Coded;

/**
 * Turns what went wrong with one line into the {@code field} and {@code reason} of a {@link Reject}.
 * The model's constructors already name the field and the bad value; Jackson's own messages name
 * Java types, so for type mismatches the reason is rewritten in the contract's words.
 *
 * <p>Stateless and thread-safe.
 */
final class Problems {

  /** A contract field path at the start of a model message: {@code language_requirements.min_level}. */
  private static final Pattern LEADING_FIELD =
      Pattern.compile("^([a-z][a-z0-9_]*(?:\\[\\d+])?(?:\\.[a-z][a-z0-9_]*(?:\\[\\d+])?)*)(?=\\s)");

  /** Where Jackson says which of its settings set a limit. */
  private static final Pattern JAVA_SOURCE = Pattern.compile(", from `[^`]*`");

  /** Long strings in reasons are cut: a reason names the value, it does not copy the record. */
  private static final int MAX_VALUE_CODE_POINTS = 60;

  private Problems() {}

  /** A field and a reason; the field may be null. */
  record Problem(String field, String reason) {}

  /** A line that is not one JSON value. */
  static Problem malformed(JsonProcessingException e) {
    if (e instanceof MismatchedInputException) {
      // The only mapping error while reading a tree: a second value after the first.
      return new Problem(null, "malformed JSON" + at(e.getLocation()) + ": more than one value on the line");
    }
    return new Problem(
        null, "malformed JSON" + at(e.getLocation()) + ": " + withoutJavaNames(e.getOriginalMessage()));
  }

  /**
   * A parser limit's message without the Java method it names: {@code ... exceeds the maximum
   * allowed (1000, from `StreamReadConstraints.getMaxNestingDepth()`)} ends in {@code (1000)}.
   */
  private static String withoutJavaNames(String message) {
    return message == null ? "" : JAVA_SOURCE.matcher(message).replaceAll("");
  }

  /**
   * A line whose bytes are not UTF-8, from {@code value} at the 0-based {@code offset} within the
   * line on. Only the byte is named: the line is not text, so nothing else of it is quoted.
   */
  static Problem notUtf8(byte value, int offset) {
    return new Problem(
        null, String.format("not UTF-8: byte 0x%02X at byte %d of the line", value & 0xFF, offset + 1));
  }

  /** A line longer than the limit, whose bytes were not kept. */
  static Problem tooLong(int maxLineBytes) {
    int mebibyte = 1 << 20;
    return new Problem(
        null,
        "line is longer than the limit of "
            + maxLineBytes
            + " bytes"
            + (maxLineBytes % mebibyte == 0 ? " (" + maxLineBytes / mebibyte + " MiB)" : ""));
  }

  /** A value that is JSON but not an object. */
  static Problem notAnObject(JsonNode node) {
    return new Problem(null, "a record must be a JSON object, was " + describe(node));
  }

  /** A record that Jackson or a model constructor refused. */
  static Problem refused(JsonMappingException e, JsonNode tree) {
    String path = pathOf(e.getPath());
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      JsonNode value = nodeAt(tree, e.getPath());
      String was = value == null ? "of another type" : describe(value);
      return new Problem(
          Strings.emptyToNull(path),
          (path.isEmpty() ? "" : path + " ")
              + "must be "
              + expected(mismatch.getTargetType())
              + ", was "
              + was);
    }
    Throwable root = Throwables.getRootCause(e);
    if (e instanceof ValueInstantiationException || !(root instanceof JsonProcessingException)) {
      // A model constructor's message starts with the field and names the value.
      String message = root.getMessage();
      if (message == null || message.isBlank()) {
        return new Problem(Strings.emptyToNull(path), root.getClass().getSimpleName());
      }
      return new Problem(merge(path, leadingField(message)), message);
    }
    return new Problem(Strings.emptyToNull(path), e.getOriginalMessage());
  }

  /** Jackson's reference chain as a contract path: {@code language_requirements[0].min_level}. */
  static String pathOf(List<JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : references) {
      if (reference.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /**
   * Combines where Jackson was (the object being built, {@code language_requirements[0]}) with the
   * field the model's message names ({@code language_requirements.min_level}). Model messages
   * qualify a field by the usual name of its object, so only the part after the first dot is
   * kept; a message naming just the object ({@code occupation needs ...}) means the object itself.
   */
  static String merge(String path, String messageField) {
    if (messageField == null) {
      return Strings.emptyToNull(path);
    }
    if (path.isEmpty()) {
      return messageField;
    }
    int dot = messageField.indexOf('.');
    return dot < 0 ? path : path + messageField.substring(dot);
  }

  static String leadingField(String message) {
    Matcher matcher = LEADING_FIELD.matcher(message);
    return matcher.find() ? matcher.group(1) : null;
  }

  /** What the contract expects for a Java type, in words. */
  static String expected(Class<?> raw) {
    if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
      return "a list";
    }
    if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
      return "a whole number";
    }
    if (Number.class.isAssignableFrom(raw) || raw == double.class || raw == float.class) {
      return "a number";
    }
    if (raw == Boolean.class || raw == boolean.class) {
      return "true or false";
    }
    if (raw == String.class) {
      return "a string";
    }
    if (raw == LocalDate.class) {
      return "an ISO-8601 date such as 2027-08-01";
    }
    if (raw.isEnum() && Coded.class.isAssignableFrom(raw)) {
      return "one of "
          + Arrays.stream(raw.getEnumConstants())
              .map(constant -> ((Coded) constant).code())
              .collect(Collectors.joining(", "));
    }
    if (Map.class.isAssignableFrom(raw) || raw.isRecord()) {
      return "an object";
    }
    return "a " + raw.getSimpleName();
  }

  /** A JSON value in a few words: strings quoted and cut, containers by kind only. */
  static String describe(JsonNode node) {
    if (node.isTextual()) {
      String text = node.textValue();
      if (text.codePointCount(0, text.length()) > MAX_VALUE_CODE_POINTS) {
        text = text.substring(0, text.offsetByCodePoints(0, MAX_VALUE_CODE_POINTS)) + "...";
      }
      return TextNode.valueOf(text).toString(); // quoted and escaped as in JSON
    }
    if (node.isObject()) {
      return "an object";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isMissingNode()) {
      return "absent";
    }
    return node.toString();
  }

  private static JsonNode nodeAt(JsonNode tree, List<JsonMappingException.Reference> references) {
    JsonNode node = tree;
    for (JsonMappingException.Reference reference : references) {
      if (node == null) {
        return null;
      }
      node = reference.getFieldName() != null ? node.get(reference.getFieldName()) : node.get(reference.getIndex());
    }
    return node;
  }

  private static String at(JsonLocation location) {
    return location == null || location.getColumnNr() < 1 ? "" : " at column " + location.getColumnNr();
  }
}
