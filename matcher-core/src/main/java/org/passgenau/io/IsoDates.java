package org.passgenau.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The contract's dates: ISO-8601 calendar dates written as a string, {@code 2027-08-01}, and
 * nothing else. Jackson's own reading takes a number as days since 1970 ({@code 0} becomes
 * 1970-01-01, {@code 20270117} a year far in the future), a list as year, month and day, an empty
 * string as absent and a date with a time as its day; each of these is refused here, so that the
 * record is rejected with the field named. Read from the parser's characters, without a string
 * or a {@link java.time.format.DateTimeFormatter}, which costs more than the rest of a record.
 *
 * <p>Stateless and thread-safe.
 */
final class IsoDates extends JsonDeserializer<LocalDate> {

  private IsoDates() {}

  /** A module that reads {@link LocalDate} this way; register it after {@code JavaTimeModule}. */
  static SimpleModule module() {
    return new SimpleModule("iso-dates").addDeserializer(LocalDate.class, new IsoDates());
  }

  @Override
  public LocalDate deserialize(JsonParser parser, DeserializationContext context)
      throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
    }
    if (parser.getTextLength() == 10) {
      char[] text = parser.getTextCharacters();
      int at = parser.getTextOffset();
      int year = digits(text, at, 4);
      int month = digits(text, at + 5, 2);
      int day = digits(text, at + 8, 2);
      if (year >= 0 && month >= 0 && day >= 0 && text[at + 4] == '-' && text[at + 7] == '-') {
        try {
          return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
          // An impossible day, such as 2027-02-30: refused below like any other string.
        }
      }
    }
    return (LocalDate) context.handleWeirdStringValue(
        LocalDate.class, parser.getText(), "not an ISO-8601 date such as 2027-08-01");
  }

  /** The number written by {@code count} ASCII digits at {@code from}, or -1. */
  private static int digits(char[] text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text[i];
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
