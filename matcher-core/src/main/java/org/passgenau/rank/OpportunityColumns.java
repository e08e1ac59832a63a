package org.passgenau.rank;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;
import org.passgenau.model.HoursRange;
import org.passgenau.model.LanguageRequirement;
import org.passgenau.model.Level;
import org.passgenau.model.Location;
import org.passgenau.model.Opportunity;
import org.passgenau.model.QualificationRequirement;
import org.passgenau.rank.spi.CustomRule;

/**
 * The ranking features of a block of opportunities (one index segment), one primitive array per
 * feature, indexed by row. The ranking loops read only these arrays, never objects. Unknown values
 * have sentinels: {@link #UNKNOWN} for small codes, NaN for numbers, {@link #NO_DAY} / {@link
 * #OPEN_DAY} for dates. Immutable after construction; safe to share.
 *
 * <p>The fields here are the columns several rules share: place, reach cells, kind, hours, pay,
 * level and flags, start days, the language requirements (floor and scorer) and the dense class
 * ids by which queries memoise decisions. A column that one rule alone reads belongs to that rule:
 * it declares it ({@link Rule#columns}), it is built here with the others, and the rule's loop
 * fetches it once per segment through {@link #group}.
 *
 * <p>Rows are in the spatial order of {@link ReachCells}, not in segment doc id order, so that
 * the opportunities near a person sit together: the reach scan decides whole areas at once, and
 * the filters after it read runs of neighbouring rows. {@link #segmentDoc} maps a row back to its
 * segment doc id, for the segment's live docs. Nothing else depends on the order: the heap breaks
 * ties by opportunity id.
 */
final class OpportunityColumns {

  static final byte UNKNOWN = -1;
  static final int NO_DAY = Integer.MIN_VALUE;
  static final int OPEN_DAY = Integer.MAX_VALUE;

  // flag bits
  static final int REMOTE = 1;
  static final int LANGUAGE_SUPPORT = 1 << 1;
  static final int REGULATED = 1 << 2;
  static final int RECOGNITION_PARTNERSHIP = 1 << 4;

  final int size;
  /** The segment doc id of each row. */
  final int[] segmentDoc;
  /** The inverse of {@link #segmentDoc}, once {@link #rowOf} was asked; else null. */
  private volatile int[] rowByDoc;
  /** The areas the rows are grouped in, for the reach scan. */
  final ReachCells cells;
  final String[] ids;
  final byte[] kind;
  final int[] flags;
  final float[] lat;
  final float[] lon;
  /**
   * The place as a point on the unit sphere, for the reach scan's chord test; NaN for remote work
   * and places without coordinates, which the commute filter admits whatever the distance.
   */
  final float[] unitX;
  final float[] unitY;
  final float[] unitZ;
  final int[] region;
  final int[] country;
  /** Place name id, for explanations. */
  final int[] place;
  final int[] isco;
  /**
   * Id in {@link Vocabulary#occupations} of the ISCO code with the recognition it needs: the index
   * of the query's occupation memos.
   */
  final int[] occupationClass;
  final byte[] level;
  final float[] hoursMin;
  final float[] hoursMax;
  final float[] grossEur;
  final int[] startDay;
  /** Id of (start day, kind, country) in {@link Vocabulary#starts}: the index of the date memo. */
  final int[] startClass;
  /** Language requirements of row d sit at [langStart[d], langStart[d + 1]). */
  final int[] langStart;
  final int[] langId;
  final byte[] langMin;
  /**
   * Id of row d's list of language requirements in {@link Vocabulary#languageRequirements}:
   * documents with equal lists share it, so a query decides a list once.
   */
  final int[] langSet;
  /**
   * The column groups of the built-in rules that declare their own ({@link Rule#columns}), by
   * {@link BuiltInRule} ordinal; null for a rule that reads only the shared columns.
   */
  private final Rule.ColumnGroup[] groups;
  /**
   * One column per custom rule of the engine's rule set, in {@link CompiledCustomRules#extracted}
   * order: what {@link CustomRule#extract} gave row d is at custom[rule][d].
   */
  final double[][] custom;

  private static final double[][] NO_CUSTOM = new double[0][];
  private static final CustomRule[] NO_RULES = new CustomRule[0];

  private OpportunityColumns(int n, int langs, int customRules, int[] segmentDoc,
      int[] cellKeys, List<Opportunity> rows) {
    size = n;
    this.segmentDoc = segmentDoc;
    ids = new String[n];
    kind = new byte[n];
    flags = new int[n];
    lat = new float[n];
    lon = new float[n];
    unitX = new float[n];
    unitY = new float[n];
    unitZ = new float[n];
    region = new int[n];
    country = new int[n];
    place = new int[n];
    isco = new int[n];
    occupationClass = new int[n];
    level = new byte[n];
    hoursMin = new float[n];
    hoursMax = new float[n];
    grossEur = new float[n];
    startDay = new int[n];
    startClass = new int[n];
    langStart = new int[n + 1];
    langId = new int[langs];
    langMin = new byte[langs];
    langSet = new int[n];
    custom = customRules == 0 ? NO_CUSTOM : new double[customRules][n];
    groups = new Rule.ColumnGroup[BuiltInRule.values().length];
    for (int d = 0; d < n; d++) {
      Opportunity o = rows.get(d);
      Location loc = o.location();
      lat[d] = loc != null && loc.hasCoordinates() ? loc.lat().floatValue() : Float.NaN;
      lon[d] = loc != null && loc.hasCoordinates() ? loc.lon().floatValue() : Float.NaN;
      boolean remote = Boolean.TRUE.equals(o.remote());
      double phi = Math.toRadians(lat[d]);
      double lambda = Math.toRadians(lon[d]);
      unitX[d] = remote ? Float.NaN : (float) (Math.cos(phi) * Math.cos(lambda));
      unitY[d] = remote ? Float.NaN : (float) (Math.cos(phi) * Math.sin(lambda));
      unitZ[d] = remote ? Float.NaN : (float) Math.sin(phi);
    }
    cells = ReachCells.of(cellKeys, unitX, unitY, unitZ);
  }

  /**
   * Builds the columns of {@code docs}, the documents of a segment in doc id order; {@code isco}
   * resolves each opportunity's ISCO code (classifying titles when no code is given) to its {@code
   * IscoCode} encoding.
   */
  static OpportunityColumns of(
      List<Opportunity> docs, Vocabulary vocabulary, ToIntFunction<Opportunity> isco) {
    return of(docs, vocabulary, isco, NO_RULES);
  }

  /** As {@link #of(List, Vocabulary, ToIntFunction)}, with a column for each custom rule. */
  static OpportunityColumns of(
      List<Opportunity> docs, Vocabulary vocabulary, ToIntFunction<Opportunity> isco,
      CustomRule[] customRules) {
    int n = docs.size();
    // Rows sorted by area, then by doc id: (key << 32 | doc) sorts both at once.
    long[] order = new long[n];
    for (int d = 0; d < n; d++) {
      Opportunity o = docs.get(d);
      Location loc = o.location();
      boolean located = loc != null && loc.hasCoordinates();
      int key = ReachCells.key(located ? loc.lat().floatValue() : Float.NaN,
          located ? loc.lon().floatValue() : Float.NaN, Boolean.TRUE.equals(o.remote()));
      order[d] = (long) key << 32 | d;
    }
    Arrays.sort(order);
    int[] segmentDoc = new int[n];
    int[] cellKeys = new int[n];
    List<Opportunity> rows = new ArrayList<>(n);
    for (int r = 0; r < n; r++) {
      segmentDoc[r] = (int) order[r];
      cellKeys[r] = (int) (order[r] >>> 32);
      rows.add(docs.get(segmentDoc[r]));
    }
    int langs = 0;
    for (int d = 0; d < n; d++) {
      Opportunity o = rows.get(d);
      langs += o.languageRequirements().size();
    }
    int lp = 0;
    OpportunityColumns c = new OpportunityColumns(n, langs, customRules.length, segmentDoc,
        cellKeys, rows);
    for (int d = 0; d < n; d++) {
      Opportunity o = rows.get(d);
      c.ids[d] = o.id();
      c.kind[d] = (byte) o.kind().ordinal();
      int f = 0;
      if (Boolean.TRUE.equals(o.remote())) f |= REMOTE;
      if (Boolean.TRUE.equals(o.languageSupport())) f |= LANGUAGE_SUPPORT;
      if (Boolean.TRUE.equals(o.recognitionPartnership())) f |= RECOGNITION_PARTNERSHIP;
      QualificationRequirement q = o.qualification();
      if (q != null && q.regulatedProfession()) f |= REGULATED;
      c.flags[d] = f;
      Location loc = o.location();
      c.region[d] = vocabulary.regions.intern(loc == null ? null : loc.region());
      c.country[d] = vocabulary.countries.intern(loc == null ? null : loc.country());
      c.place[d] = vocabulary.places.intern(loc == null ? null : loc.place());
      c.isco[d] = isco.applyAsInt(o);
      Level level = o.requirementLevel();
      c.level[d] = level == null ? UNKNOWN : (byte) level.rank();
      c.occupationClass[d] = vocabulary.occupations.intern(new int[] {c.isco[d],
          RecognitionFilter.needsRecognition(c, d) ? 1 : 0,
          c.has(d, RECOGNITION_PARTNERSHIP) ? 1 : 0});
      HoursRange h = o.hoursPerWeek();
      c.hoursMin[d] = h == null || h.min() == null ? Float.NaN : h.min().floatValue();
      c.hoursMax[d] = h == null || h.max() == null ? Float.NaN : h.max().floatValue();
      c.grossEur[d] = o.monthlyGrossEur() == null ? Float.NaN : o.monthlyGrossEur().floatValue();
      c.startDay[d] = day(o.startDate(), NO_DAY);
      c.startClass[d] =
          vocabulary.starts.intern(new int[] {c.startDay[d], c.kind[d], c.country[d]});
      c.langStart[d] = lp;
      int[] pairs = new int[2 * o.languageRequirements().size()];
      for (LanguageRequirement r : o.languageRequirements()) {
        c.langId[lp] = vocabulary.languages.intern(r.language());
        c.langMin[lp] = (byte) r.minLevel().rank();
        pairs[2 * (lp - c.langStart[d])] = c.langId[lp];
        pairs[2 * (lp - c.langStart[d]) + 1] = c.langMin[lp];
        lp++;
      }
      c.langSet[d] = vocabulary.languageRequirements.intern(pairs);
    }
    c.langStart[n] = lp;
    for (BuiltInRule rule : BuiltInRule.values()) {
      c.groups[rule.ordinal()] = rule.columns(rows, vocabulary);
    }
    for (int r = 0; r < customRules.length; r++) {
      extract(customRules[r], rows, c.custom[r]);
    }
    return c;
  }

  private static void extract(CustomRule rule, List<Opportunity> docs, double[] column) {
    for (int d = 0; d < column.length; d++) {
      try {
        column[d] = rule.extract(docs.get(d));
      } catch (RuntimeException e) {
        throw new IllegalStateException("custom rule " + rule.name() + " (" + rule.getClass().getName()
            + ") failed to extract its value from opportunity " + docs.get(d).id() + ": " + e, e);
      }
    }
  }

  /**
   * Reads every element of every array once, sequentially, and folds them into a checksum: the
   * cost of touching all ranking data of the segment, for the benchmarks' SnapshotProbe.
   */
  long checksum() {
    long sum = 0;
    for (byte[] column : new byte[][] {kind, level, langMin}) {
      for (byte v : column) {
        sum += v;
      }
    }
    for (int[] column : new int[][] {segmentDoc, flags, region, country, place, isco,
        occupationClass, startDay, startClass, langStart, langId, langSet}) {
      for (int v : column) {
        sum += v;
      }
    }
    for (float[] column :
        new float[][] {lat, lon, unitX, unitY, unitZ, hoursMin, hoursMax, grossEur}) {
      for (float v : column) {
        sum += Float.floatToRawIntBits(v);
      }
    }
    for (double[] column : custom) {
      for (double v : column) {
        sum += Double.doubleToRawLongBits(v);
      }
    }
    for (Rule.ColumnGroup group : groups) {
      sum += group == null ? 0 : group.checksum();
    }
    return sum + cells.checksum();
  }

  /** The column group {@code rule} declared, as its rule's own class reads it. */
  Rule.ColumnGroup group(BuiltInRule rule) {
    return groups[rule.ordinal()];
  }

  /** The one byte column {@code rule} declared. */
  byte[] bytes(BuiltInRule rule) {
    return ((RuleColumns.Bytes) groups[rule.ordinal()]).values;
  }

  /** The one int column {@code rule} declared. */
  int[] ints(BuiltInRule rule) {
    return ((RuleColumns.Ints) groups[rule.ordinal()]).values;
  }

  /** The one boolean column {@code rule} declared. */
  boolean[] booleans(BuiltInRule rule) {
    return ((RuleColumns.Booleans) groups[rule.ordinal()]).values;
  }

  /**
   * The row of the document with segment doc id {@code doc}, or -1. Rows are in spatial order, so
   * this needs the inverse of {@link #segmentDoc}, built at the first lookup: reverse matching
   * looks up one opportunity per query, an assignment one per proposal.
   */
  int rowOf(int doc) {
    int[] rows = rowByDoc;
    if (rows == null) {
      int docs = 0;
      for (int r = 0; r < size; r++) {
        docs = Math.max(docs, segmentDoc[r] + 1);
      }
      rows = new int[docs];
      Arrays.fill(rows, -1);
      for (int r = 0; r < size; r++) {
        rows[segmentDoc[r]] = r;
      }
      rowByDoc = rows; // threads that race here build equal arrays
    }
    return doc >= 0 && doc < rows.length ? rows[doc] : -1;
  }

  boolean has(int doc, int flag) {
    return (flags[doc] & flag) != 0;
  }

  private static int day(LocalDate date, int absent) {
    return date == null ? absent : (int) date.toEpochDay();
  }
}
