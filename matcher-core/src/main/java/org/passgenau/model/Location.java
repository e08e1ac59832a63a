package org.passgenau.model;

/**
 * A place. {@code lat} and {@code lon} (WGS84) come together or not at all; distance rules need
 * them.
 *
 * @param region ISO 3166-2 code of the federal state or province, such as {@code DE-NW}
 * @param country ISO 3166-1 alpha-2 code, such as {@code DE}
 */
public record Location(
    Double lat, Double lon, String postalCode, String place, String region, String country) {

  public Location {
    Checks.range("location.lat", lat, -90, 90);
    Checks.range("location.lon", lon, -180, 180);
    if ((lat == null) != (lon == null)) {
      throw new IllegalArgumentException(
          "location.lat and location.lon come together, was lat=" + lat + ", lon=" + lon);
    }
  }

  /** A point with region and country, the common case for matching. */
  public static Location of(double lat, double lon, String region, String country) {
    return new Location(lat, lon, null, null, region, country);
  }

  /** Whether the coordinates are known. */
  public boolean hasCoordinates() {
    return lat != null;
  }
}
