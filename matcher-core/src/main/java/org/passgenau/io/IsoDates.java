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
 * A quick reader of dates written exactly as {@code 2027-08-01}, for the direct parse of a line
 * only: {@link java.time.format.DateTimeFormatter} spends more time on one date than Jackson on the
 * rest of the record. Anything else, valid or not, fails the direct parse, so that the line is read
 * again through the contract's mapping and ends exactly as it always did.
 *
 * <p>Stateless and thread-safe.
 */
final class IsoDates extends JsonDeserializer<LocalDate> {

  private IsoDates() {}

  /** A module that reads {@link LocalDate} this way; register it after the contract's modules. */
  static SimpleModule module() {
    return new SimpleModule("iso-dates").addDeserializer(LocalDate.class, new IsoDates());
  }

  @Override
  public LocalDate deserialize(JsonParser parser, DeserializationContext context)
      throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_STRING && parser.getTextLength() == 10) {
      char[] text = parser.getTextCharacters();
      int at = parser.getTextOffset();
      int year = digits(text, at, 4);
      int month = digits(text, at + 5, 2);
      int day = digits(text, at + 8, 2);
      if (year >= 0 && month >= 0 && day >= 0 && text[at + 4] == '-' && text[at + 7] == '-') {
        try {
          return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
          // An impossible date: the contract's mapping words the reject.
        }
      }
    }
    return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
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
