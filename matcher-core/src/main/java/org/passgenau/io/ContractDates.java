package org.passgenau.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * The contract's dates: ISO-8601 calendar dates written as a string, {@code 2027-08-01}, and
 * nothing else. Jackson's own reading takes a number as days since 1970 ({@code 0} becomes
 * 1970-01-01, {@code 20270117} a year far in the future), a list as year, month and day, an empty
 * string as absent and a date with a time as its day; each of these is refused here, so that the
 * record is rejected with the field named.
 *
 * <p>Stateless and thread-safe.
 */
final class ContractDates extends JsonDeserializer<LocalDate> {

  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private ContractDates() {}

  /** A module that reads {@link LocalDate} this way; register it after {@code JavaTimeModule}. */
  static SimpleModule module() {
    return new SimpleModule("contract-dates").addDeserializer(LocalDate.class, new ContractDates());
  }

  @Override
  public LocalDate deserialize(JsonParser parser, DeserializationContext context)
      throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
    }
    String text = parser.getText();
    if (ISO_DATE.matcher(text).matches()) {
      try {
        return LocalDate.parse(text);
      } catch (DateTimeException e) {
        // An impossible day, such as 2027-02-30: refused below like any other string.
      }
    }
    return (LocalDate) context.handleWeirdStringValue(
        LocalDate.class, text, "not an ISO-8601 date such as 2027-08-01");
  }
}
