package org.passgenau.model;

import java.time.LocalDate;

/** When and how much a person can work; family and health constraints end up here. */
public record Availability(
    LocalDate availableFrom,
    Double maxHoursPerWeek,
    Double minHoursPerWeek,
    Boolean shiftOk,
    Boolean nightOk,
    Boolean weekendOk) {

  public Availability {
    Checks.range("availability.max_hours_per_week", maxHoursPerWeek, 0, 168);
    Checks.range("availability.min_hours_per_week", minHoursPerWeek, 0, 168);
    if (maxHoursPerWeek != null && minHoursPerWeek != null && minHoursPerWeek > maxHoursPerWeek) {
      throw new IllegalArgumentException(
          "availability.min_hours_per_week must not exceed max_hours_per_week, was "
              + Checks.fmt(minHoursPerWeek)
              + " > "
              + Checks.fmt(maxHoursPerWeek));
    }
  }
}
