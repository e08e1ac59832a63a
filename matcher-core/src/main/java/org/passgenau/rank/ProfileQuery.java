package org.passgenau.rank;

import static org.passgenau.rank.OpportunityColumns.NO_DAY;
import static org.passgenau.rank.OpportunityColumns.UNKNOWN;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToIntFunction;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.SloppyMath;
import org.passgenau.model.Availability;
import org.passgenau.model.Experience;
import org.passgenau.model.Health;
import org.passgenau.model.LanguageSkill;
import org.passgenau.model.Location;
import org.passgenau.model.Mobility;
import org.passgenau.model.Occupation;
import org.passgenau.model.OpportunityKind;
import org.passgenau.model.PermitStatus;
import org.passgenau.model.Profile;
import org.passgenau.model.Qualification;
import org.passgenau.model.Recognition;
import org.passgenau.model.ResidenceObligation;
import org.passgenau.model.WorkBan;
import org.passgenau.model.WorkPermit;
import org.passgenau.taxonomy.IscoCode;

/**
 * A profile compiled for one query: the person's constraints as primitives, resolved against a
 * rule set and a reference date, so that rules compare numbers per opportunity. Never reads the
 * profile's {@code audit} field, nor birth year, gender or nationality.
 *
 * <p>Confined to the thread that runs the query (it caches the last opportunity's reach).
 */
final class ProfileQuery {

  /** How an opportunity can be reached. */
  static final int REACH_REMOTE = 0;
  static final int REACH_COMMUTE = 1;
  static final int REACH_RELOCATION = 2;
  static final int REACH_UNKNOWN = 3;
  static final int REACH_NONE = 4;

  /** Source of an occupation the person brings, for closeness and explanations. */
  static final byte FROM_QUALIFICATION = 0;
  static final byte FROM_EXPERIENCE = 1;
  static final byte FROM_WISH = 2;

  /** Licence classes that holding a class implies (EU directive 2006/126: B is a prerequisite). */
  private static final Map<String, List<String>> LICENCE_IMPLIES =
      Map.of(
          "BE", List.of("B"),
          "C1", List.of("B"),
          "C1E", List.of("C1", "BE", "B"),
          "C", List.of("C1", "B"),
          "CE", List.of("C", "C1", "C1E", "BE", "B"),
          "D1", List.of("B"),
          "D1E", List.of("D1", "BE", "B"),
          "D", List.of("D1", "B"),
          "DE", List.of("D", "D1", "D1E", "BE", "B"));

  private static final int APPRENTICESHIP = OpportunityKind.APPRENTICESHIP.ordinal();
  private static final int VOLUNTEERING = OpportunityKind.VOLUNTEERING.ordinal();

  final Profile profile;
  final RuleSet rules;
  /** For turning ids back into names in explanations. */
  final Vocabulary vocabulary;
  final LocalDate asOf;
  final int today;

  // work permit
  final boolean absoluteBan;
  /** Last day of a temporary ban still in force, or NO_DAY. */
  final int banUntilDay;
  final boolean approvalRequired;
  final boolean tolerated;
  final boolean mayWorkAbroad;
  final int homeCountry;

  // languages
  final int[] langIds;
  final byte[] langRanks;

  // place and travel
  final boolean located;
  final double lat;
  final double lon;
  final double commuteKmFullDay;
  final double commuteKmPartDay;
  final boolean commuteLimitStated;
  final boolean willingToRelocate;
  /** Willing to move and bound by no residence obligation: every place is within reach. */
  final boolean movesFreely;
  /** Region of a residence obligation in force, or ABSENT. */
  final int obligationRegion;
  final double liftMinHours;
  final double liftMinEur;

  // occupations
  final int[] occIsco;
  final float[] occWeight;
  final byte[] occSource;
  final int[] qualIsco;
  final byte[] qualRecognition;
  final int bestLevel;
  final int school;

  // availability, family and health
  final int availableFromDay;
  final float maxHours;
  final float minHours;
  final byte shiftOk;
  final byte nightOk;
  final byte weekendOk;
  /** Children without arranged care: employer childcare helps (a scorer). */
  final boolean needsChildcare;
  /**
   * Children under three without arranged care, and no statement about night work: night work
   * is ruled out unless the employer offers childcare. A stated night_ok stands.
   */
  final boolean childcareRulesOutNights;
  final byte maxDemand;
  final boolean needsAccessible;
  final int[] licences;
  /** Sorted {@link #bridgeKey} of the rule set's occupation bridges. */
  private final long[] bridges;
  private final int bridgeLevels;
  /** Sorted {@link #bridgeKey} of the rule set's recognition equivalences. */
  private final long[] equivalences;
  private final int recognitionLevels;

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

  /**
   * What this query decided for each job ISCO code with its recognition needs, by {@link
   * OpportunityColumns#occupationClass}: the occupation scorer's value (NaN while not computed),
   * the best recognition ({@link #UNDECIDED} while not computed) and the recognition filter's
   * verdict (0 while undecided). Sized when the query is compiled, like {@link #floorMemo}.
   */
  private final double[] occupationMemo;
  private final int[] recognitionMemo;
  private final byte[] recognitionVerdicts;
  private static final int UNDECIDED = Integer.MIN_VALUE;
  private static final byte ADMITS = 1;
  private static final byte EXCLUDES = 2;
  /**
   * What this query decided for each (start day, kind, country), by {@link
   * OpportunityColumns#startClass}: {@link #START_DECIDED} and the other START_ bits, 0 while
   * undecided.
   */
  private final byte[] startMemo;
  static final int START_DECIDED = 1;
  /** The work permit filter admits it (see {@link WorkPermitFilter}). */
  static final int START_PERMITTED = 1 << 1;
  /** Can still be joined when the person is available (see {@link DateFilters.Start}). */
  static final int START_JOINABLE = 1 << 2;
  /**
   * What this query decided for each list of language requirements, by {@link
   * OpportunityColumns#langSet} id, so that each list is judged once: the language floor's
   * verdict (at 2 id + 1 with language support, at 2 id without; 0 while undecided) and the
   * language scorer's value (NaN while not computed). Sized when the query is compiled, after its
   * snapshot was taken, so every list the snapshot's columns hold has a slot.
   */
  final byte[] floorMemo;
  final double[] languageMemo;
  /** The skill terms the person brings, as a bit set over term ids. */
  private final long[] skillBits;

  private OpportunityColumns cachedColumns;
  private int cachedDoc = -1;
  private int cachedReach;
  private double cachedDistance;

  ProfileQuery(
      Profile p,
      RuleSet rules,
      LocalDate asOf,
      Vocabulary vocabulary,
      ToIntFunction<Occupation> isco) {
    this.profile = p;
    this.rules = rules;
    this.vocabulary = vocabulary;
    this.asOf = asOf;
    this.today = (int) asOf.toEpochDay();

    WorkPermit permit = p.workPermit();
    WorkBan ban = permit == null ? WorkBan.NONE : permit.ban();
    this.absoluteBan = ban == WorkBan.ABSOLUTE;
    this.banUntilDay =
        ban == WorkBan.TEMPORARY && !permit.workBanUntil().isBefore(asOf)
            ? (int) permit.workBanUntil().toEpochDay()
            : NO_DAY;
    this.approvalRequired = permit != null && Boolean.TRUE.equals(permit.approvalRequired());
    this.tolerated = permit != null && permit.status() == PermitStatus.TOLERATION;
    // Only a known non-EU status restricts work abroad: an absent status is no constraint.
    this.mayWorkAbroad =
        permit == null || permit.status() == null || permit.status() == PermitStatus.EU_CITIZEN;

    List<LanguageSkill> langs = p.languages();
    this.langIds = new int[langs.size()];
    this.langRanks = new byte[langs.size()];
    for (int i = 0; i < langs.size(); i++) {
      langIds[i] = vocabulary.languages.lookup(langs.get(i).language());
      langRanks[i] = (byte) langs.get(i).level().rank();
    }

    Location home = p.location();
    this.located = home != null && home.hasCoordinates();
    this.lat = located ? home.lat() : Double.NaN;
    this.lon = located ? home.lon() : Double.NaN;
    this.homeCountry = vocabulary.countries.intern(home == null ? null : home.country());
    Mobility m = p.mobility();
    boolean car = m != null && Boolean.TRUE.equals(m.car());
    double speed = car ? rules.carKmh() : rules.publicTransportKmh();
    Double statedKm = m == null ? null : m.maxCommuteKm();
    Double statedMinutes = m == null ? null : m.maxCommuteMinutes();
    this.commuteLimitStated = statedKm != null || statedMinutes != null;
    if (commuteLimitStated) {
      double km = Double.POSITIVE_INFINITY;
      if (statedKm != null) {
        km = statedKm;
      }
      if (statedMinutes != null) {
        km = Math.min(km, statedMinutes / 60.0 * speed);
      }
      this.commuteKmFullDay = km;
      this.commuteKmPartDay = km;
    } else {
      boolean netherlands = home != null && "NL".equals(home.country());
      // The legal norms speak of a daily round trip; the limit is one way.
      double full = netherlands ? rules.dailyCommuteMinutesNl() : rules.dailyCommuteMinutesFullDay();
      double part = netherlands ? rules.dailyCommuteMinutesNl() : rules.dailyCommuteMinutesPartDay();
      this.commuteKmFullDay = full / 2 / 60.0 * speed;
      this.commuteKmPartDay = part / 2 / 60.0 * speed;
    }
    this.willingToRelocate = m != null && Boolean.TRUE.equals(m.willingToRelocate());
    ResidenceObligation obligation = p.residenceObligation();
    this.obligationRegion =
        obligation != null && obligation.inForceOn(asOf)
            ? vocabulary.regions.intern(obligation.region())
            : Interner.ABSENT;
    this.movesFreely = willingToRelocate && obligationRegion == Interner.ABSENT;
    this.startMemo = new byte[vocabulary.starts.size()];
    int occupations = vocabulary.occupations.size();
    this.occupationMemo = new double[occupations];
    Arrays.fill(occupationMemo, Double.NaN);
    this.recognitionMemo = new int[occupations];
    Arrays.fill(recognitionMemo, UNDECIDED);
    this.recognitionVerdicts = new byte[occupations];
    int languageLists = vocabulary.languageRequirements.size();
    this.floorMemo = new byte[2 * languageLists];
    this.languageMemo = new double[languageLists];
    Arrays.fill(languageMemo, Double.NaN);
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

    // Every occupation the person brings, with how much it counts: a qualification fully, an
    // experience more with more years, a wish a little less than a qualification.
    List<Brought> brought = new ArrayList<>();
    int best = 1;
    this.qualIsco = new int[p.qualifications().size()];
    this.qualRecognition = new byte[p.qualifications().size()];
    for (int i = 0; i < p.qualifications().size(); i++) {
      Qualification q = p.qualifications().get(i);
      qualIsco[i] = isco.applyAsInt(q.occupation());
      // An unknown status is treated as not applied for: it proves nothing.
      qualRecognition[i] =
          (byte) (q.recognition() == null ? Recognition.NOT_APPLIED : q.recognition()).ordinal();
      if (q.level() != null) {
        best = Math.max(best, q.level().rank());
      }
      brought.add(new Brought(qualIsco[i], 1.0f, FROM_QUALIFICATION));
    }
    for (Experience e : p.experience()) {
      double years = e.years() == null ? 1 : e.years();
      brought.add(new Brought(isco.applyAsInt(e.occupation()), (float) Math.min(1.0, 0.6 + 0.1 * years), FROM_EXPERIENCE));
    }
    for (Occupation wish : p.desiredOccupations()) {
      brought.add(new Brought(isco.applyAsInt(wish), 0.9f, FROM_WISH));
    }
    brought.removeIf(b -> b.isco() == IscoCode.NONE);
    this.occIsco = new int[brought.size()];
    this.occWeight = new float[brought.size()];
    this.occSource = new byte[brought.size()];
    for (int i = 0; i < brought.size(); i++) {
      occIsco[i] = brought.get(i).isco();
      occWeight[i] = brought.get(i).weight();
      occSource[i] = brought.get(i).source();
    }
    this.bestLevel = best;
    this.school = p.school() == null ? UNKNOWN : p.school().ordinal();

    Availability a = p.availability();
    this.availableFromDay =
        a == null || a.availableFrom() == null ? NO_DAY : (int) a.availableFrom().toEpochDay();
    this.maxHours = a == null || a.maxHoursPerWeek() == null ? Float.NaN : a.maxHoursPerWeek().floatValue();
    this.minHours = a == null || a.minHoursPerWeek() == null ? Float.NaN : a.minHoursPerWeek().floatValue();
    this.shiftOk = tri(a == null ? null : a.shiftOk());
    this.nightOk = tri(a == null ? null : a.nightOk());
    this.weekendOk = tri(a == null ? null : a.weekendOk());
    this.needsChildcare = p.family() != null && p.family().needsChildcare();
    this.childcareRulesOutNights =
        nightOk == UNKNOWN && p.family() != null && p.family().smallChildrenWithoutCare();
    Health h = p.health();
    this.maxDemand = h == null || h.maxPhysicalDemand() == null ? UNKNOWN : (byte) h.maxPhysicalDemand().ordinal();
    this.needsAccessible = h != null && Boolean.TRUE.equals(h.needsAccessibleWorkplace());

    TreeSet<Integer> held = new TreeSet<>();
    if (m != null) {
      for (String l : m.drivingLicense()) {
        String cls = Vocabulary.licence(l);
        held.add(vocabulary.licences.intern(cls));
        for (String implied : LICENCE_IMPLIES.getOrDefault(cls, List.of())) {
          held.add(vocabulary.licences.intern(implied));
        }
      }
    }
    this.licences = held.stream().mapToInt(Integer::intValue).toArray();

    TreeSet<Integer> terms = new TreeSet<>();
    for (String skill : p.skills()) {
      for (String term : vocabulary.skillTerms(skill)) {
        int id = vocabulary.skillTerms.lookup(term);
        if (id >= 0) {
          terms.add(id);
        }
      }
    }
    this.skillBits = new long[terms.isEmpty() ? 0 : (terms.last() >>> 6) + 1];
    for (int term : terms) {
      skillBits[term >>> 6] |= 1L << term;
    }
    this.bridges = rules.occupationBridges().stream()
        .mapToLong(pair -> bridgeKey(IscoCode.encode(pair.get(0)), IscoCode.encode(pair.get(1))))
        .sorted()
        .toArray();
    this.bridgeLevels = rules.bridgeLevels();
    this.equivalences = rules.recognitionEquivalences().stream()
        .mapToLong(pair -> bridgeKey(IscoCode.encode(pair.get(0)), IscoCode.encode(pair.get(1))))
        .sorted()
        .toArray();
    this.recognitionLevels = rules.recognitionSharedLevels();
  }

  /** The person's CEFR rank (0 = none) in the language with id {@code languageId}. */
  int languageRank(int languageId) {
    int best = 0;
    for (int i = 0; i < langIds.length; i++) {
      if (langIds[i] == languageId && langRanks[i] > best) {
        best = langRanks[i];
      }
    }
    return best;
  }

  /**
   * The occupation scorer's value for opportunity {@code d}: the best closeness of any occupation
   * the person brings to the job's ISCO code, weighted. Memoised per code, since a corpus has a
   * few hundred codes at most and each query meets them thousands of times; the lookup is kept
   * apart from the computation so that it stays small enough to inline in the ranking loops.
   */
  double occupationValue(OpportunityColumns c, int d) {
    int id = c.occupationClass[d];
    double value = id < occupationMemo.length ? occupationMemo[id] : Double.NaN;
    return value == value ? value : decideOccupationValue(c, d);
  }

  private double decideOccupationValue(OpportunityColumns c, int d) {
    double value = computeOccupationValue(c.isco[d]);
    int id = c.occupationClass[d];
    if (id < occupationMemo.length) { // else the columns were built after the query was compiled
      occupationMemo[id] = value;
    }
    return value;
  }

  private double computeOccupationValue(int jobIsco) {
    double value = 0;
    for (int i = 0; i < occIsco.length; i++) {
      value = Math.max(value, closeness(occIsco[i], jobIsco) / 4.0 * occWeight[i]);
    }
    return value;
  }

  /**
   * Occupational closeness in shared ISCO levels (4 = same unit group), raised for pairs the
   * rule set bridges, such as nurse and care helper, which the ISCO tree puts far apart.
   */
  int closeness(int personIsco, int jobIsco) {
    int shared = IscoCode.sharedLevels(personIsco, jobIsco);
    return shared >= bridgeLevels || !bridged(personIsco, jobIsco) ? shared : bridgeLevels;
  }

  private boolean bridged(int a, int b) {
    return Arrays.binarySearch(bridges, bridgeKey(a, b)) >= 0;
  }

  static long bridgeKey(int a, int b) {
    return ((long) Math.min(a, b) << 32) | (Math.max(a, b) & 0xffffffffL);
  }

  boolean holdsLicence(int licenceId) {
    return Arrays.binarySearch(licences, licenceId) >= 0;
  }

  /** One-way commuting limit in km for a job of this opportunity's weekly hours. */
  double commuteLimitKm(OpportunityColumns c, int d) {
    float hours = c.hoursMax[d];
    boolean partDay = !Float.isNaN(hours) && hours <= rules.fullDayHoursPerWeek();
    return partDay ? commuteKmPartDay : commuteKmFullDay;
  }

  /** Largest commuting radius over all job lengths: the index's candidate radius. */
  double maxCommuteKm() {
    return Math.max(commuteKmFullDay, commuteKmPartDay);
  }

  /** Great-circle distance in km from home, NaN when either place lacks coordinates. */
  double distanceKm(OpportunityColumns c, int d) {
    reach(c, d);
    return cachedDistance;
  }

  /** How the person can get to opportunity {@code d}: one of the REACH_ constants. */
  int reach(OpportunityColumns c, int d) {
    if (c == cachedColumns && d == cachedDoc) {
      return cachedReach;
    }
    double km = Double.NaN;
    int reach;
    if (c.has(d, OpportunityColumns.REMOTE)) {
      reach = REACH_REMOTE;
    } else if (!located || Float.isNaN(c.lat[d])) {
      reach = REACH_UNKNOWN;
    } else {
      km = SloppyMath.haversinMeters(lat, lon, c.lat[d], c.lon[d]) / 1000.0;
      if (km <= commuteLimitKm(c, d)) {
        reach = REACH_COMMUTE;
      } else if (canMoveFor(c, d)) {
        reach = REACH_RELOCATION;
      } else {
        reach = REACH_NONE;
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
   * != REACH_NONE}, but without a distance when the answer cannot depend on it (remote work, a
   * person who would and may move anywhere).
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
    return reach(c, d) != REACH_NONE;
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
  private static double squaredChord(double km, int side) {
    double withMargin = km + side * (CHORD_MARGIN_KM + km * CHORD_MARGIN_RELATIVE);
    if (withMargin <= 0) {
      return side < 0 ? -1 : 0;
    }
    double half = Math.min(withMargin / (2 * EARTH_RADIUS_KM), Math.PI / 2);
    double chord = 2 * Math.sin(half);
    return chord * chord;
  }

  /**
   * The reach scan of {@link CommuteFilter#scan}: writes to {@code docs} the rows of a segment
   * whose documents are live ({@code live} by segment doc id, null when all are) and that {@link
   * #reachable} admits, in row order, and returns how many. Areas of {@link ReachCells} surely
   * within reach are taken whole; areas surely beyond it are skipped, or for a person who may move
   * tested for a possible move alone; only the rows of areas the limit crosses take the chord
   * test. Remote work and places without coordinates, the last rows, always pass.
   */
  int scanReachable(OpportunityColumns c, Bits live, int[] docs) {
    if (!located) {
      return CommuteFilter.allLive(c, live, docs);
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
          if (cell == SURELY_INSIDE) {
            kept = keepLive(c, live, firstRow[i], firstRow[i + 1], docs, kept);
          } else if (cell == SURELY_OUTSIDE) {
            kept = willingToRelocate ? keepMovable(c, live, firstRow[i], firstRow[i + 1], docs, kept) : kept;
          } else {
            kept = keepWithinReach(c, live, firstRow[i], firstRow[i + 1], docs, kept);
          }
        }
      }
    }
    return keepLive(c, live, cells.locatedRows, c.size, docs, kept);
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
  private static int keepLive(OpportunityColumns c, Bits live, int from, int to, int[] docs, int kept) {
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
  private int keepMovable(OpportunityColumns c, Bits live, int from, int to, int[] docs, int kept) {
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
        pass = reach(c, r) != REACH_NONE; // the ring around the limit
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
        | ((kind != VOLUNTEERING) & (c.hoursMin[r] >= liftMinHours) & (c.grossEur[r] >= liftMinEur));
    return (obligationRegion == Interner.ABSENT) | (c.region[r] == obligationRegion) | lifts;
  }

  /** Whether the person brings any skill term an opportunity of the snapshot names. */
  boolean bringsSkills() {
    return skillBits.length > 0;
  }

  /** How many of the skill terms with ids {@code terms[from..to)} the person brings. */
  int skillsBrought(int[] terms, int from, int to) {
    long[] bits = skillBits;
    int n = 0;
    for (int i = from; i < to; i++) {
      int word = terms[i] >>> 6;
      n += word < bits.length ? (int) (bits[word] >>> terms[i]) & 1 : 0;
    }
    return n;
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

  /**
   * The START_ bits of opportunity {@code d}: what the work permit and start date filters decide
   * from its start day, kind and country. Memoised per (start day, kind, country), as {@link
   * #occupationValue}.
   */
  int startVerdict(OpportunityColumns c, int d) {
    int id = c.startClass[d];
    int verdict = id < startMemo.length ? startMemo[id] : 0;
    return verdict != 0 ? verdict : decideStart(c, d);
  }

  private int decideStart(OpportunityColumns c, int d) {
    int start = c.startDay[d];
    int kind = c.kind[d];
    int verdict = START_DECIDED
        | (WorkPermitFilter.permits(this, start, kind, c.country[d]) ? START_PERMITTED : 0)
        | (DateFilters.Start.joinable(this, start, kind) ? START_JOINABLE : 0);
    int id = c.startClass[d];
    if (id < startMemo.length) { // else the columns were built after the query was compiled
      startMemo[id] = (byte) verdict;
    }
    return verdict;
  }

  /**
   * The best recognition status (lowest {@link Recognition} ordinal) among the person's
   * qualifications close enough to the ISCO code of opportunity {@code d} to count, or -1 when
   * none is. Memoised per code, as {@link #occupationValue}.
   */
  int bestRecognitionFor(OpportunityColumns c, int d) {
    int id = c.occupationClass[d];
    int best = id < recognitionMemo.length ? recognitionMemo[id] : UNDECIDED;
    return best != UNDECIDED ? best : decideBestRecognition(c, d);
  }

  private int decideBestRecognition(OpportunityColumns c, int d) {
    int best = computeBestRecognition(c.isco[d]);
    int id = c.occupationClass[d];
    if (id < recognitionMemo.length) {
      recognitionMemo[id] = best;
    }
    return best;
  }

  /** The recognition filter's verdict on opportunity {@code d}, memoised as {@link #occupationValue}. */
  boolean recognitionAdmits(OpportunityColumns c, int d) {
    int id = c.occupationClass[d];
    byte verdict = id < recognitionVerdicts.length ? recognitionVerdicts[id] : 0;
    return verdict != 0 ? verdict == ADMITS : decideRecognition(c, d);
  }

  private boolean decideRecognition(OpportunityColumns c, int d) {
    boolean admits = RecognitionFilter.decide(bestRecognitionFor(c, d),
        RecognitionFilter.needsRecognition(c, d), c.has(d, OpportunityColumns.RECOGNITION_PARTNERSHIP));
    int id = c.occupationClass[d];
    if (id < recognitionVerdicts.length) {
      recognitionVerdicts[id] = admits ? ADMITS : EXCLUDES;
    }
    return admits;
  }

  private int computeBestRecognition(int isco) {
    int best = -1;
    for (int i = 0; i < qualIsco.length; i++) {
      if (recognitionCounts(qualIsco[i], isco) && (best == -1 || qualRecognition[i] < best)) {
        best = qualRecognition[i]; // Recognition is ordered from FULL (0) downwards
      }
    }
    return best;
  }

  /**
   * Whether a recognition of a qualification in {@code qualificationIsco} counts for a job in
   * {@code jobIsco}: recognition is granted for one profession, so the same unit group (or as
   * close as the rule set allows), or a pair the rule set lists as equivalent.
   */
  boolean recognitionCounts(int qualificationIsco, int jobIsco) {
    return closeness(qualificationIsco, jobIsco) >= recognitionLevels
        || Arrays.binarySearch(equivalences, bridgeKey(qualificationIsco, jobIsco)) >= 0;
  }

  static boolean recognised(int recognition) {
    return recognition == Recognition.FULL.ordinal();
  }

  /** An occupation the person brings, before it is spread into the arrays. */
  private record Brought(int isco, float weight, byte source) {}

  private static byte tri(Boolean value) {
    return value == null ? UNKNOWN : (byte) (value ? 1 : 0);
  }
}
