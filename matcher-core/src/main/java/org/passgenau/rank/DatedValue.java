package org.passgenau.rank;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A legal parameter that holds from one date on, such as the income that lifts a residence
 * obligation. Rule sets keep a list of them; {@link #on(List, LocalDate)} picks the one in force.
 *
 * <pre>{@code
 * List<DatedValue> threshold = List.of(                  // illustrative figures
 *     new DatedValue(LocalDate.of(2025, 1, 1), 500, "the 2025 notice"),
 *     new DatedValue(LocalDate.of(2026, 1, 1), 520, "the 2026 notice"));
 * double inForce = DatedValue.on(threshold, LocalDate.of(2026, 11, 23));   // 520
 * }</pre>
 *
 * @param validFrom first day the value holds
 * @param value the value
 * @param source where the figure comes from, for the documentation of a rule set
 */
public record DatedValue(LocalDate validFrom, double value, String source) {

  public DatedValue {
    Objects.requireNonNull(validFrom, "validFrom");
    checkArgument(Double.isFinite(value), "value must be finite, was %s", value);
  }

  /**
   * The value in force on {@code day}: the latest whose {@code validFrom} is on or before it, or
   * the earliest when the day precedes them all.
   */
  public static double on(List<DatedValue> values, LocalDate day) {
    checkArgument(!values.isEmpty(), "no dated values");
    DatedValue best = null;
    DatedValue earliest = values.get(0);
    for (DatedValue v : values) {
      if (v.validFrom.isBefore(earliest.validFrom)) {
        earliest = v;
      }
      if (!v.validFrom.isAfter(day) && (best == null || v.validFrom.isAfter(best.validFrom))) {
        best = v;
      }
    }
    return (best == null ? earliest : best).value;
  }
}
