package org.passgenau.model;

/** Weekly working hours, each bound optional, within 0 to 168. */
public record HoursRange(Double min, Double max) {

  public HoursRange {
    Checks.range("hours_per_week.min", min, 0, 168);
    Checks.range("hours_per_week.max", max, 0, 168);
    if (min != null && max != null && min > max) {
      throw new IllegalArgumentException(
          "hours_per_week.min must not exceed max, was min="
              + Checks.fmt(min)
              + ", max="
              + Checks.fmt(max));
    }
  }

  public static HoursRange of(double min, double max) {
    return new HoursRange(min, max);
  }
}
