package org.passgenau.rank;

import java.time.LocalDate;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.SloppyMath;
import org.passgenau.model.Location;
import org.passgenau.model.Mobility;
import org.passgenau.model.OpportunityKind;
import org.passgenau.model.Profile;
import org.passgenau.model.ResidenceObligation;

/**
 * Where one person can work, for one query: home, commuting limits and the freedom to move,
 * resolved against a rule set and a reference date. Shared by the commute filter, which admits
 * by it, and the distance scorer, which scores by it; both ask for the same row in turn when an
 * admitted opportunity is explained, so the last row's reach is kept.
 *
 * <p>Confined to the thread that runs the query.
 */
final class Reach {

  /** How an opportunity can be reached. */
  static final int REMOTE = 0;
  static final int COMMUTE = 1;
  static final int RELOCATION = 2;
  static final int UNKNOWN = 3;
  static final int NONE = 4;

  private static final int APPRENTICESHIP = OpportunityKind.APPRENTICESHIP.ordinal();
  private static final int VOLUNTEERING = OpportunityKind.VOLUNTEERING.ordinal();

  final boolean located;
  private final double lat;
  private final double lon;
  final double commuteKmFullDay;
  final double commuteKmPartDay;
  final boolean willingToRelocate;
  /** Willing to move and bound by no residence obligation: every place is within reach. */
  final boolean movesFreely;
  /** Region of a residence obligation in force, or ABSENT. */
  final int obligationRegion;
  private final double liftMinHours;
  private final double liftMinEur;

  /** The radius of the sphere SloppyMath's haversine uses, km. */
  private static final double EARTH_RADIUS_KM = 6371.0087714;

  /** Home as a point on the unit sphere (NaN when not located), for the chord test. */
  private final double homeX;
  private final double homeY;
  private final double homeZ;
  /**
   * Squared chords on the unit sphere within which a job of part-day or full-day hours is surely
   * within commuting reach ({@code Inside2}), or beyond which surely not ({@code Outside2}). The
   * chord grows strictly with the great-circle distance, so comparing chords decides exactly,
   * up to the rounding of the float columns (well under a metre) and the haversine's own error
   * (at most 40 cm); {@link #CHORD_MARGIN_KM} covers both, and only the documents in the thin
   * ring between the two chords take the haversine.
   */
  private final double partInside2;
  private final double partOutside2;
  private final double fullInside2;
  private final double fullOutside2;
  private final double fullDayHours;
  /** Below this squared chord a job of any hours is surely within reach; above the next, not. */
  private final double surelyInside2;
  private final double surelyOutside2;
  private static final double CHORD_MARGIN_KM = 0.005;
  private static final double CHORD_MARGIN_RELATIVE = 1e-4;

  private OpportunityColumns cachedColumns;
  private int cachedDoc = -1;
  private int cachedReach;
  private double cachedDistance;

  Reach(Profile p, RuleSet rules, LocalDate asOf, Vocabulary vocabulary) {
    Location home = p.location();
    this.located = home != null && home.hasCoordinates();
    this.lat = located ? home.lat() : Double.NaN;
    this.lon = located ? home.lon() : Double.NaN;
    double[] limits = commuteLimitsKm(p, rules);
    this.commuteKmFullDay = limits[0];
    this.commuteKmPartDay = limits[1];
    Mobility m = p.mobility();
    this.willingToRelocate = m != null && Boolean.TRUE.equals(m.willingToRelocate());
    ResidenceObligation obligation = p.residenceObligation();
    this.obligationRegion =
        obligation != null && obligation.inForceOn(asOf)
            ? vocabulary.regions.intern(obligation.region())
            : Interner.ABSENT;
    this.movesFreely = willingToRelocate && obligationRegion == Interner.ABSENT;
    double phi = Math.toRadians(lat);
    double lambda = Math.toRadians(lon);
    this.homeX = Math.cos(phi) * Math.cos(lambda);
    this.homeY = Math.cos(phi) * Math.sin(lambda);
    this.homeZ = Math.sin(phi);
    this.partInside2 = squaredChord(commuteKmPartDay, -1);
    this.partOutside2 = squaredChord(commuteKmPartDay, 1);
    this.fullInside2 = squaredChord(commuteKmFullDay, -1);
    this.fullOutside2 = squaredChord(commuteKmFullDay, 1);
    this.fullDayHours = rules.fullDayHoursPerWeek();
    this.surelyInside2 = Math.min(partInside2, fullInside2);
    this.surelyOutside2 = Math.max(partOutside2, fullOutside2);
    this.liftMinHours = rules.residenceLiftMinHoursPerWeek();
    this.liftMinEur = rules.residenceLiftMinMonthlyEur(asOf);
  }

  /**
   * The one-way commuting limits in km for a full-day and a part-day job: the person's stated
   * limit (km, or minutes at the speed of car or public transport, the stricter of both) for
   * either, or else the legal norms of the rule set for a daily round trip.
   */
  static double[] commuteLimitsKm(Profile p, RuleSet rules) {
    Location home = p.location();
    Mobility m = p.mobility();
    boolean car = m != null && Boolean.TRUE.equals(m.car());
    double speed = car ? rules.carKmh() : rules.publicTransportKmh();
    Double statedKm = m == null ? null : m.maxCommuteKm();
    Double statedMinutes = m == null ? null : m.maxCommuteMinutes();
    if (statedKm != null || statedMinutes != null) {
      double km = Double.POSITIVE_INFINITY;
      if (statedKm != null) {
        km = statedKm;
      }
      if (statedMinutes != null) {
        km = Math.min(km, statedMinutes / 60.0 * speed);
      }
      return new double[] {km, km};
    }
    boolean netherlands = home != null && "NL".equals(home.country());
    // The legal norms speak of a daily round trip; the limit is one way.
    double full = netherlands ? rules.dailyCommuteMinutesNl() : rules.dailyCommuteMinutesFullDay();
    double part = netherlands ? rules.dailyCommuteMinutesNl() : rules.dailyCommuteMinutesPartDay();
    return new double[] {full / 2 / 60.0 * speed, part / 2 / 60.0 * speed};
  }

  /** One-way commuting limit in km for a job of this opportunity's weekly hours. */
  double commuteLimitKm(OpportunityColumns c, int d) {
    float hours = c.hoursMax[d];
    boolean partDay = !Float.isNaN(hours) && hours <= fullDayHours;
    return partDay ? commuteKmPartDay : commuteKmFullDay;
  }

  /** Great-circle distance in km from home, NaN when either place lacks coordinates. */
  double distanceKm(OpportunityColumns c, int d) {
    reach(c, d);
    return cachedDistance;
  }

  /** How the person can get to opportunity {@code d}: one of the constants above. */
  int reach(OpportunityColumns c, int d) {
    if (c == cachedColumns && d == cachedDoc) {
      return cachedReach;
    }
    double km = Double.NaN;
    int reach;
    if (c.has(d, OpportunityColumns.REMOTE)) {
      reach = REMOTE;
    } else if (!located || Float.isNaN(c.lat[d])) {
      reach = UNKNOWN;
    } else {
      km = SloppyMath.haversinMeters(lat, lon, c.lat[d], c.lon[d]) / 1000.0;
      if (km <= commuteLimitKm(c, d)) {
        reach = COMMUTE;
      } else if (canMoveFor(c, d)) {
        reach = RELOCATION;
      } else {
        reach = NONE;
      }
    }
    cachedColumns = c;
    cachedDoc = d;
    cachedReach = reach;
    cachedDistance = km;
    return reach;
  }

  /**
   * Whether the commute filter admits opportunity {@code d}: the same answer as {@code reach(c, d)
   * != NONE}, but without a distance when the answer cannot depend on it (remote work, a person
   * who would and may move anywhere).
   */
  boolean reachable(OpportunityColumns c, int d) {
    if (movesFreely || !located || Float.isNaN(c.unitX[d])) {
      return true; // also remote work and places without coordinates
    }
    boolean partDay = c.hoursMax[d] <= fullDayHours;
    double chord2 = squaredChordTo(c, d);
    if (chord2 <= (partDay ? partInside2 : fullInside2)) {
      return true;
    }
    if (chord2 >= (partDay ? partOutside2 : fullOutside2)) {
      return canMoveFor(c, d);
    }
    return reach(c, d) != NONE;
  }

  private double squaredChordTo(OpportunityColumns c, int d) {
    double dx = c.unitX[d] - homeX;
    double dy = c.unitY[d] - homeY;
    double dz = c.unitZ[d] - homeZ;
    return dx * dx + dy * dy + dz * dz;
  }

  /**
   * The squared chord on the unit sphere of a great-circle distance of {@code km}, widened
   * ({@code side} 1) or narrowed (-1) by the margin.
   */
  static double squaredChord(double km, int side) {
    double withMargin = km + side * (CHORD_MARGIN_KM + km * CHORD_MARGIN_RELATIVE);
    if (withMargin <= 0) {
      return side < 0 ? -1 : 0;
    }
    double half = Math.min(withMargin / (2 * EARTH_RADIUS_KM), Math.PI / 2);
    double chord = 2 * Math.sin(half);
    return chord * chord;
  }

  /**
   * The reach scan of the commute filter: writes to {@code docs} the rows of a segment whose
   * documents are live ({@code live} by segment doc id, null when all are) and that {@link
   * #reachable} admits, in row order, and returns how many. Areas of {@link ReachCells} surely
   * within reach are taken whole; areas surely beyond it are skipped, or for a person who may move
   * tested for a possible move alone; only the rows of areas the limit crosses take the chord
   * test. Remote work and places without coordinates, the last rows, always pass.
   */
  int scanReachable(OpportunityColumns c, Bits live, int[] docs) {
    if (!located) {
      return allLive(c, live, docs);
    }
    ReachCells cells = c.cells;
    int[] firstRow = cells.cellFirstRow;
    int[] firstCell = cells.blockFirstCell;
    int kept = 0;
    for (int b = 0; b < cells.blocks(); b++) {
      int area = classify(cells.blockBounds, b);
      int from = firstRow[firstCell[b]];
      int to = firstRow[firstCell[b + 1]];
      if (area == SURELY_INSIDE) {
        kept = keepLive(c, live, from, to, docs, kept);
      } else if (area == SURELY_OUTSIDE) {
        kept = willingToRelocate ? keepMovable(c, live, from, to, docs, kept) : kept;
      } else {
        for (int i = firstCell[b]; i < firstCell[b + 1]; i++) {
          int cell = classify(cells.cellBounds, i);
          int cellFrom = firstRow[i];
          int cellTo = firstRow[i + 1];
          if (cell == SURELY_INSIDE) {
            kept = keepLive(c, live, cellFrom, cellTo, docs, kept);
          } else if (cell == SURELY_OUTSIDE) {
            kept = willingToRelocate ? keepMovable(c, live, cellFrom, cellTo, docs, kept) : kept;
          } else {
            kept = keepWithinReach(c, live, cellFrom, cellTo, docs, kept);
          }
        }
      }
    }
    return keepLive(c, live, cells.locatedRows, c.size, docs, kept);
  }

  /** Writes the rows of the segment's live documents to {@code docs} and returns how many. */
  static int allLive(OpportunityColumns c, Bits live, int[] docs) {
    return keepLive(c, live, 0, c.size, docs, 0);
  }

  static final int SURELY_INSIDE = 0;
  static final int SURELY_OUTSIDE = 1;
  static final int CROSSED = 2;

  /**
   * Whether every row of area {@code i} (centre and radius at {@code bounds[4 i ..]}) is surely
   * within commuting reach, surely beyond it, or neither, whatever its hours.
   */
  int classify(double[] bounds, int i) {
    double dx = bounds[4 * i] - homeX;
    double dy = bounds[4 * i + 1] - homeY;
    double dz = bounds[4 * i + 2] - homeZ;
    double centre = Math.sqrt(dx * dx + dy * dy + dz * dz);
    double radius = bounds[4 * i + 3];
    double farthest = centre + radius;
    double nearest = centre - radius;
    if (farthest * farthest <= surelyInside2) {
      return SURELY_INSIDE;
    }
    return nearest > 0 && nearest * nearest >= surelyOutside2 ? SURELY_OUTSIDE : CROSSED;
  }

  /** Appends the live rows of [from, to) to {@code docs[kept..]}; returns the new count. */
  private static int keepLive(
      OpportunityColumns c, Bits live, int from, int to, int[] docs, int kept) {
    if (live == null) {
      for (int r = from; r < to; r++) {
        docs[kept++] = r;
      }
      return kept;
    }
    int[] segmentDoc = c.segmentDoc;
    for (int r = from; r < to; r++) {
      docs[kept] = r;
      kept += live.get(segmentDoc[r]) ? 1 : 0;
    }
    return kept;
  }

  /** Appends the live rows of [from, to), all beyond commuting reach, the person may move for. */
  private int keepMovable(
      OpportunityColumns c, Bits live, int from, int to, int[] docs, int kept) {
    for (int r = from; r < to; r++) {
      docs[kept] = r;
      kept += movable(c, r) & (live == null || live.get(c.segmentDoc[r])) ? 1 : 0;
    }
    return kept;
  }

  /**
   * Appends the live rows of [from, to) within reach. The chord test decides nearly all rows, and
   * its outcome is added, not branched on, since it varies from row to row; only the thin ring
   * around the limit takes the exact path.
   */
  private int keepWithinReach(
      OpportunityColumns c, Bits live, int from, int to, int[] docs, int kept) {
    float[] xs = c.unitX;
    float[] ys = c.unitY;
    float[] zs = c.unitZ;
    float[] hoursMax = c.hoursMax;
    boolean mayMove = willingToRelocate;
    for (int r = from; r < to; r++) {
      double dx = xs[r] - homeX;
      double dy = ys[r] - homeY;
      double dz = zs[r] - homeZ;
      double chord2 = dx * dx + dy * dy + dz * dz;
      boolean partDay = hoursMax[r] <= fullDayHours; // unknown hours (NaN): the full-day norm
      // Booleans, not a choice between two doubles: x86 has no conditional move for doubles,
      // so that choice would become a branch, mispredicted as often as job lengths vary.
      boolean inside = (partDay & chord2 <= partInside2) | (!partDay & chord2 <= fullInside2);
      boolean outside = (partDay & chord2 >= partOutside2) | (!partDay & chord2 >= fullOutside2);
      boolean pass = inside | (mayMove && movable(c, r));
      if (!pass & !outside) {
        pass = reach(c, r) != NONE; // the ring around the limit
      }
      docs[kept] = r;
      kept += pass & (live == null || live.get(c.segmentDoc[r])) ? 1 : 0;
    }
    return kept;
  }

  /**
   * {@link #canMoveFor} for a person who would move, without branches: the obligation's region,
   * or a job that lifts the obligation (see {@link #liftsResidenceObligation}).
   */
  private boolean movable(OpportunityColumns c, int r) {
    int kind = c.kind[r];
    boolean lifts = (kind == APPRENTICESHIP)
        | ((kind != VOLUNTEERING) & (c.hoursMin[r] >= liftMinHours)
            & (c.grossEur[r] >= liftMinEur));
    return (obligationRegion == Interner.ABSENT) | (c.region[r] == obligationRegion) | lifts;
  }

  /** Whether the person would and may move for this opportunity. */
  boolean canMoveFor(OpportunityColumns c, int d) {
    if (!willingToRelocate) {
      return false;
    }
    return obligationRegion == Interner.ABSENT
        || c.region[d] == obligationRegion
        || liftsResidenceObligation(c, d);
  }

  /**
   * Section 12a AufenthG: an apprenticeship, or a job of at least 15 h a week paying at least
   * the dated threshold, lifts the obligation. Unknown minimum hours or pay cannot show that it
   * does.
   */
  boolean liftsResidenceObligation(OpportunityColumns c, int d) {
    if (c.kind[d] == APPRENTICESHIP) {
      return true;
    }
    // The guaranteed (minimum) hours count; "up to 20 h" does not show 15 h.
    return c.kind[d] != VOLUNTEERING
        && c.hoursMin[d] >= liftMinHours
        && c.grossEur[d] >= liftMinEur;
  }
}
