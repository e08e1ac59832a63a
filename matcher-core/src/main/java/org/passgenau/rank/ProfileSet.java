package org.passgenau.rank;

import java.util.Arrays;
import org.passgenau.model.Location;
import org.passgenau.model.Mobility;
import org.passgenau.model.Profile;

/**
 * One published state of the profiles for reverse matching: the profiles in id order (so that
 * an index order is an id order, and ties break by it), and their homes grouped by area with
 * the farthest one-way commute of each, so that a query for one opportunity skips whole areas
 * whose people surely cannot commute to it. Immutable.
 *
 * <p>Only people who would not move and have a finite commuting limit are grouped: anyone else
 * may reach any place (by moving, or from an unknown home) and is always decided in full.
 */
final class ProfileSet {

  /** Areas are 0.5 degrees square, about 55 km north to south, near a day's commute. */
  private static final double AREA_DEGREES = 0.5;

  final Profile[] profiles;
  /** People decided in full for every opportunity, ascending. */
  final int[] alwaysDecided;
  /** People grouped by area: area a holds {@code grouped[areaStart[a] .. areaStart[a + 1])}. */
  final int[] grouped;
  final int[] areaStart;
  /**
   * Per area: centre on the unit sphere (x, y, z), the largest chord from it to a member's home,
   * and the largest chord beyond which a member surely cannot commute.
   */
  final double[] areas;
  /** Per person: home on the unit sphere (x, y, z); NaN for the always decided. */
  final double[] homes;
  /** Per person: the squared chord beyond which the person surely cannot commute. */
  final double[] beyond2;
  /** Per person: the squared chord within which the person surely can commute to any job. */
  final double[] within2;
  /**
   * The people in the order a query meets them: the always decided, then the grouped area by
   * area. Reverse matching keeps its per-person arrays in this order, so that a query reads them
   * front to back.
   */
  final int[] scanOrder;

  private ProfileSet(Profile[] profiles, int[] alwaysDecided, int[] grouped, int[] areaStart,
      double[] areas, double[] homes, double[] beyond2, double[] within2) {
    this.profiles = profiles;
    this.alwaysDecided = alwaysDecided;
    this.grouped = grouped;
    this.areaStart = areaStart;
    this.areas = areas;
    this.homes = homes;
    this.beyond2 = beyond2;
    this.within2 = within2;
    this.scanOrder = new int[profiles.length];
    System.arraycopy(alwaysDecided, 0, scanOrder, 0, alwaysDecided.length);
    System.arraycopy(grouped, 0, scanOrder, alwaysDecided.length, grouped.length);
  }

  int size() {
    return profiles.length;
  }

  int areaCount() {
    return areaStart.length - 1;
  }

  /** Groups {@code byId} (sorted by id, no duplicates) by area. */
  static ProfileSet of(Profile[] byId, RuleSet rules) {
    int n = byId.length;
    double[] homes = new double[3 * n];
    double[] beyond2 = new double[n];
    double[] within2 = new double[n];
    long[] keyed = new long[n];
    int groupedCount = 0;
    int[] always = new int[n];
    int alwaysCount = 0;
    for (int i = 0; i < n; i++) {
      Profile p = byId[i];
      Location home = p.location();
      Mobility m = p.mobility();
      boolean mayMove = m != null && Boolean.TRUE.equals(m.willingToRelocate());
      double[] limits = Reach.commuteLimitsKm(p, rules);
      double farthest = Math.max(limits[0], limits[1]);
      if (home == null || !home.hasCoordinates() || mayMove || !(farthest < 20_000)) {
        always[alwaysCount++] = i;
        homes[3 * i] = homes[3 * i + 1] = homes[3 * i + 2] = Double.NaN;
        continue;
      }
      double phi = Math.toRadians(home.lat());
      double lambda = Math.toRadians(home.lon());
      homes[3 * i] = Math.cos(phi) * Math.cos(lambda);
      homes[3 * i + 1] = Math.cos(phi) * Math.sin(lambda);
      homes[3 * i + 2] = Math.sin(phi);
      beyond2[i] = Reach.squaredChord(farthest, 1);
      within2[i] = Reach.squaredChord(Math.min(limits[0], limits[1]), -1);
      long row = (long) Math.floor((home.lat() + 90) / AREA_DEGREES);
      long column = (long) Math.floor((home.lon() + 180) / AREA_DEGREES);
      // Area key in the high bits, person in the low 32: sorting groups areas, ids ascending.
      keyed[groupedCount++] = ((row * 1024 + column) << 32) | i;
    }
    Arrays.sort(keyed, 0, groupedCount);
    int[] grouped = new int[groupedCount];
    int[] areaStart = new int[groupedCount + 1];
    int areaCount = 0;
    for (int j = 0; j < groupedCount; j++) {
      grouped[j] = (int) keyed[j];
      if (j == 0 || (keyed[j] >>> 32) != (keyed[j - 1] >>> 32)) {
        areaStart[areaCount++] = j;
      }
    }
    areaStart[areaCount] = groupedCount;
    int[] starts = Arrays.copyOf(areaStart, areaCount + 1);
    double[] areas = new double[5 * areaCount];
    for (int a = 0; a < areaCount; a++) {
      double x = 0;
      double y = 0;
      double z = 0;
      for (int j = starts[a]; j < starts[a + 1]; j++) {
        int i = grouped[j];
        x += homes[3 * i];
        y += homes[3 * i + 1];
        z += homes[3 * i + 2];
      }
      double norm = Math.sqrt(x * x + y * y + z * z);
      x /= norm;
      y /= norm;
      z /= norm;
      double radius = 0;
      double reach = 0;
      for (int j = starts[a]; j < starts[a + 1]; j++) {
        int i = grouped[j];
        double dx = homes[3 * i] - x;
        double dy = homes[3 * i + 1] - y;
        double dz = homes[3 * i + 2] - z;
        radius = Math.max(radius, Math.sqrt(dx * dx + dy * dy + dz * dz));
        reach = Math.max(reach, Math.sqrt(beyond2[i]));
      }
      areas[5 * a] = x;
      areas[5 * a + 1] = y;
      areas[5 * a + 2] = z;
      areas[5 * a + 3] = radius;
      areas[5 * a + 4] = reach;
    }
    return new ProfileSet(byId, Arrays.copyOf(always, alwaysCount), grouped, starts, areas,
        homes, beyond2, within2);
  }
}
