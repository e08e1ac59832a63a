package org.passgenau.model;

import java.util.List;

/**
 * How far and how a person can travel to work.
 *
 * @param maxCommuteKm one-way distance limit, or null
 * @param maxCommuteMinutes one-way travel time limit, or null
 * @param drivingLicense licence classes held, such as {@code B} or {@code CE}
 * @param car whether the person has a car; without one, travel is by public transport
 * @param willingToRelocate whether the person would move for a job
 */
public record Mobility(
    Double maxCommuteKm,
    Double maxCommuteMinutes,
    List<String> drivingLicense,
    Boolean car,
    Boolean willingToRelocate) {

  public Mobility {
    Checks.range("mobility.max_commute_km", maxCommuteKm, 0, 1000);
    Checks.range("mobility.max_commute_minutes", maxCommuteMinutes, 0, 600);
    drivingLicense = Checks.list("mobility.driving_license", drivingLicense);
  }
}
