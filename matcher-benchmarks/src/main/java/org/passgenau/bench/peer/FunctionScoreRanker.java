package org.passgenau.bench.peer;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.FloatPoint;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.SloppyMath;
import org.passgenau.index.analysis.OpportunityAnalyzer;
import org.passgenau.index.analysis.Terms;
import org.passgenau.model.HoursRange;
import org.passgenau.model.LanguageRequirement;
import org.passgenau.model.Level;
import org.passgenau.model.Location;
import org.passgenau.model.Opportunity;
import org.passgenau.model.OpportunityKind;
import org.passgenau.model.Profile;
import org.passgenau.model.Recognition;
import org.passgenau.rank.RuleSet;
import org.passgenau.taxonomy.IscoCode;
import org.passgenau.taxonomy.OccupationTaxonomy;
import org.passgenau.testkit.PersonFacts;

/**
 * The peer: the default rule set as a competent Elasticsearch or Solr user would run it, on a
 * plain Lucene index built here from the corpus. The mapping is one document per opportunity with
 * keyword fields for codes and flags, point fields for numbers and dates, a geo point, doc values
 * for everything a score reads, and the skills as analysed text.
 *
 * <p>A query is a {@code bool} of FILTER and MUST_NOT clauses (term, point-range and geo-distance
 * queries) for the hard filters, and the soft scores are {@code function_score} functions: value
 * sources over doc values (the equivalent of {@code field_value_factor}, {@code decay} and
 * {@code script_score} functions), summed with the rule set's normalised weights ({@code
 * score_mode: sum}), plus the skills match taken from the inverted index. Hits are sorted by that
 * function, then by id, and the top k are returned.
 *
 * <p>Modelling choices that keep it equal to the engine, each something an ES user would do:
 *
 * <ul>
 *   <li>The ISCO code is resolved at ingest (an ingest pipeline classifying titles with the same
 *       taxonomy) and indexed as all its prefixes, so "same minor group" is a term query.
 *   <li>Coordinates are indexed as the float values the engine holds; the distance function is
 *       a linear decay (1 at the door, 0 at the limit) computed with Lucene's own haversine over
 *       float doc values, the formula ES's decay functions use.
 *   <li>The skills function counts matched distinct skill terms with a constant-score {@code
 *       bool/should} of term queries over the analysed skills field, divided by the posting's
 *       term count from doc values. BM25 would rank by term rarity and field length, which is not
 *       the rule ("share of the posting's skills the person brings"); a constant-score disjunction
 *       is how ES users express coverage.
 *   <li>The sort is on the double-valued function, not on the float {@code _score}: summing nine
 *       weighted functions in float would reorder near-ties (ES users sort by a numeric script
 *       for the same reason when exact order matters). The script rounds the sum to the four
 *       decimals the engine writes and ranks by, so that equal written scores go by id.
 * </ul>
 *
 * <p>Difference from the engine: no per-filter exclusion counts and no explanations (ES would
 * need a separate aggregation per filter and the {@code explain} API, both costly); the peer is
 * thus spared work the engine does.
 */
public final class FunctionScoreRanker implements Closeable {

  private static final int FLAG_REMOTE = 1;
  private static final int FLAG_CHILDCARE = 2;

  private static final String ID = "id";
  private static final String KIND = "kind";
  private static final String FLAG = "flag";
  private static final String FLAG_BITS = "flag_bits";
  private static final String REGION = "region";
  private static final String COUNTRY = "country";
  private static final String GEO = "geo";
  private static final String LAT = "lat";
  private static final String LON = "lon";
  private static final String ISCO = "isco";
  private static final String ISCO_PREFIX = "isco_prefix";
  private static final String LEVEL = "level";
  private static final String LEVEL_RANK = "level_rank";
  private static final String SCHOOL = "min_school";
  private static final String HMIN = "hours_min";
  private static final String HMAX = "hours_max";
  private static final String GROSS = "gross";
  private static final String DEMAND = "demand";
  private static final String LICENCE = "licence";
  private static final String START = "start";
  private static final String DEADLINE = "deadline";
  private static final String LANG_PREFIX = "lang.";
  private static final String LANG_REQ = "lang_req";
  private static final String SKILLS = "skills";
  private static final String SKILL_TERMS = "skill_terms";

  private final RuleSet rules;
  private final OccupationTaxonomy taxonomy;
  private final Analyzer analyzer = OpportunityAnalyzer.forIndexing();
  private final Directory directory = new ByteBuffersDirectory();
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  /** Languages that some posting asks for, in index order of the lang_req doc values. */
  private final List<String> languages;
  private final String[] scorers;
  private final double[] weights;

  public FunctionScoreRanker(Iterable<Opportunity> corpus, RuleSet rules,
      OccupationTaxonomy taxonomy) {
    this.rules = rules;
    this.taxonomy = taxonomy;
    Set<String> langs = new TreeSet<>();
    for (Opportunity o : corpus) {
      for (LanguageRequirement r : o.languageRequirements()) {
        langs.add(r.language());
      }
    }
    this.languages = List.copyOf(langs);
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
        .setRAMBufferSizeMB(256))) {
      for (Opportunity o : corpus) {
        writer.addDocument(document(o));
      }
      // A read-only corpus is force-merged to one segment, as an ES user would for a static index.
      writer.forceMerge(1);
      writer.commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      this.reader = DirectoryReader.open(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.searcher = new IndexSearcher(reader);
    List<String> s = new ArrayList<>();
    List<Double> w = new ArrayList<>();
    double total = 0;
    for (String name : RuleSet.SCORERS) {
      double weight = rules.weight(name);
      if (weight > 0) {
        s.add(name);
        w.add(weight);
        total += weight;
      }
    }
    this.scorers = s.toArray(new String[0]);
    this.weights = new double[w.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = w.get(i) / total;
    }
  }

  /** Documents indexed. */
  public int size() {
    return reader.numDocs();
  }

  // --- mapping ---

  private Document document(Opportunity o) {
    Document doc = new Document();
    doc.add(new StringField(ID, o.id(), Store.NO));
    doc.add(new SortedDocValuesField(ID, new BytesRef(o.id())));
    doc.add(new StringField(KIND, o.kind().code(), Store.NO));
    doc.add(new NumericDocValuesField(KIND, o.kind().ordinal()));
    int flags = 0;
    if (Boolean.TRUE.equals(o.remote())) {
      doc.add(flag("remote"));
      flags |= FLAG_REMOTE;
    }
    if (Boolean.TRUE.equals(o.childcareSupport())) {
      doc.add(flag("childcare"));
      flags |= FLAG_CHILDCARE;
    }
    doc.add(new NumericDocValuesField(FLAG_BITS, flags));
    if (Boolean.TRUE.equals(o.languageSupport())) doc.add(flag("language_support"));
    if (Boolean.TRUE.equals(o.recognitionPartnership())) doc.add(flag("partnership"));
    if (o.qualification() != null && o.qualification().regulatedProfession()) {
      doc.add(flag("regulated"));
    }
    if (Boolean.TRUE.equals(o.shiftWork())) doc.add(flag("shift"));
    if (Boolean.TRUE.equals(o.nightWork())) doc.add(flag("night"));
    if (Boolean.TRUE.equals(o.weekendWork())) doc.add(flag("weekend"));
    if (Boolean.FALSE.equals(o.accessible())) doc.add(flag("inaccessible"));

    Location loc = o.location();
    if (loc != null && loc.region() != null) {
      doc.add(new StringField(REGION, loc.region(), Store.NO));
    }
    if (loc != null && loc.country() != null) {
      doc.add(new StringField(COUNTRY, loc.country(), Store.NO));
    } else {
      doc.add(flag("no_country"));
    }
    if (loc != null && loc.hasCoordinates()) {
      float lat = loc.lat().floatValue();
      float lon = loc.lon().floatValue();
      doc.add(new LatLonPoint(GEO, lat, lon));
      doc.add(new NumericDocValuesField(LAT, Float.floatToRawIntBits(lat)));
      doc.add(new NumericDocValuesField(LON, Float.floatToRawIntBits(lon)));
    } else {
      doc.add(flag("unlocated"));
    }

    int isco = PersonFacts.iscoOf(taxonomy, o);
    doc.add(new NumericDocValuesField(ISCO, isco));
    IscoCode.decode(isco).ifPresent(code -> {
      for (int n = 1; n <= code.length(); n++) {
        doc.add(new StringField(ISCO_PREFIX, code.substring(0, n), Store.NO));
      }
    });
    Level level = o.requirementLevel(); // as given, else from the KldB code's fifth digit
    if (level != null) {
      doc.add(new StringField(LEVEL, level.code(), Store.NO));
    }
    doc.add(new NumericDocValuesField(LEVEL_RANK, level == null ? -1 : level.rank()));
    if (o.minSchool() != null) {
      intField(doc, SCHOOL, o.minSchool().ordinal());
    }
    HoursRange h = o.hoursPerWeek();
    if (h != null && h.min() != null) {
      floatField(doc, HMIN, h.min().floatValue());
    }
    if (h != null && h.max() != null) {
      floatField(doc, HMAX, h.max().floatValue());
    }
    if (o.monthlyGrossEur() != null) {
      floatField(doc, GROSS, o.monthlyGrossEur().floatValue());
    }
    if (o.physicalDemand() != null) {
      intField(doc, DEMAND, o.physicalDemand().ordinal());
    }
    if (o.drivingLicense() != null) {
      doc.add(new StringField(LICENCE, PersonFacts.licence(o.drivingLicense()), Store.NO));
      doc.add(flag("licence"));
    }
    if (o.startDate() == null) {
      doc.add(flag("no_start"));
    } else {
      intField(doc, START, (int) o.startDate().toEpochDay());
    }
    if (o.applicationDeadline() != null) {
      intField(doc, DEADLINE, (int) o.applicationDeadline().toEpochDay());
    }
    for (LanguageRequirement r : o.languageRequirements()) {
      intField(doc, LANG_PREFIX + r.language(), r.minLevel().rank());
      doc.add(new SortedNumericDocValuesField(LANG_REQ,
          (long) languages.indexOf(r.language()) << 3 | r.minLevel().rank()));
    }
    Set<String> terms = new TreeSet<>();
    for (String skill : o.skills()) {
      doc.add(new TextField(SKILLS, skill, Store.NO));
      terms.addAll(Terms.analyze(analyzer, skill));
    }
    doc.add(new NumericDocValuesField(SKILL_TERMS, terms.size()));
    return doc;
  }

  /** A number as ES maps it by default: indexed as a point and kept in doc values. */
  private static void intField(Document doc, String field, int value) {
    doc.add(new IntPoint(field, value));
    doc.add(new SortedNumericDocValuesField(field, value));
  }

  /**
   * A non-negative float as a point and as doc values holding its bits (monotonic for
   * non-negative floats; -0 is stored as 0, which compares equal).
   */
  private static void floatField(Document doc, String field, float value) {
    float v = value + 0.0f;
    doc.add(new FloatPoint(field, v));
    doc.add(new NumericDocValuesField(field, Float.floatToRawIntBits(v)));
  }

  /**
   * A range filter the way ES runs one on a field with points and doc values: the points when
   * the range leads, the doc values when a more selective clause leads.
   */
  private static Query intRange(String field, int lo, int hi) {
    return new IndexOrDocValuesQuery(IntPoint.newRangeQuery(field, lo, hi),
        SortedNumericDocValuesField.newSlowRangeQuery(field, lo, hi));
  }

  private static Query floatRange(String field, float lo, float hi) {
    long loBits =
        lo == Float.NEGATIVE_INFINITY ? Long.MIN_VALUE : Float.floatToRawIntBits(lo + 0.0f);
    long hiBits =
        hi == Float.POSITIVE_INFINITY ? Long.MAX_VALUE : Float.floatToRawIntBits(hi + 0.0f);
    if (lo < 0 && lo != Float.NEGATIVE_INFINITY || hi < 0) {
      // Negative bounds do not occur for hours and pay; fall back to the points alone.
      return FloatPoint.newRangeQuery(field, lo, hi);
    }
    return new IndexOrDocValuesQuery(FloatPoint.newRangeQuery(field, lo, hi),
        NumericDocValuesField.newSlowRangeQuery(field, loBits, hiBits));
  }

  private static StringField flag(String name) {
    return new StringField(FLAG, name, Store.NO);
  }

  // --- query ---

  /** The best {@code k} opportunities for {@code profile} as of {@code asOf}, best first. */
  public List<Ranked> rank(Profile profile, LocalDate asOf, int k) {
    PersonFacts p = PersonFacts.of(profile, rules, asOf, taxonomy,
        skill -> Terms.analyze(analyzer, skill));
    Query filters = filters(p);
    WeightedSum score = score(p);
    Sort sort = new Sort(score.getSortField(true), new SortField(ID, SortField.Type.STRING));
    try {
      TopFieldDocs top = searcher.search(filters, k, sort);
      List<Ranked> out = new ArrayList<>(top.scoreDocs.length);
      for (ScoreDoc sd : top.scoreDocs) {
        org.apache.lucene.search.FieldDoc fd = (org.apache.lucene.search.FieldDoc) sd;
        String id = ((BytesRef) fd.fields[1]).utf8ToString();
        out.add(new Ranked(id, (Double) fd.fields[0]));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The hard filters as a bool query of FILTER and MUST_NOT clauses. */
  Query filters(PersonFacts p) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(new MatchAllDocsQuery(), Occur.FILTER);

    if (rules.filterOn("commute") && p.located()
        && !(p.willingToRelocate() && p.obligationRegion() == null)) {
      BooleanQuery.Builder reach = new BooleanQuery.Builder();
      reach.add(term(FLAG, "remote"), Occur.SHOULD);
      reach.add(term(FLAG, "unlocated"), Occur.SHOULD);
      // The legal commuting limit depends on the length of the working day: a geo-distance
      // clause per day length, as two filtered geo_distance queries would do in ES.
      Query partDay = floatRange(HMAX, Float.NEGATIVE_INFINITY,
          floatAtMost(rules.fullDayHoursPerWeek()));
      reach.add(new BooleanQuery.Builder()
          .add(partDay, Occur.FILTER)
          .add(LatLonPoint.newDistanceQuery(GEO, p.lat(), p.lon(), p.commuteKmPartDay() * 1000),
              Occur.FILTER)
          .build(), Occur.SHOULD);
      reach.add(new BooleanQuery.Builder()
          .add(new MatchAllDocsQuery(), Occur.FILTER)
          .add(partDay, Occur.MUST_NOT)
          .add(LatLonPoint.newDistanceQuery(GEO, p.lat(), p.lon(), p.commuteKmFullDay() * 1000),
              Occur.FILTER)
          .build(), Occur.SHOULD);
      if (p.willingToRelocate()) {
        // A move within the obligation's region, or one the job itself allows (section 12a).
        reach.add(term(REGION, p.obligationRegion()), Occur.SHOULD);
        reach.add(term(KIND, OpportunityKind.APPRENTICESHIP.code()), Occur.SHOULD);
        reach.add(new BooleanQuery.Builder()
            .add(floatRange(HMIN, floatAtLeast(p.liftMinHours()), Float.POSITIVE_INFINITY),
                Occur.FILTER)
            .add(floatRange(GROSS, floatAtLeast(p.liftMinEur()), Float.POSITIVE_INFINITY),
                Occur.FILTER)
            .add(term(KIND, OpportunityKind.VOLUNTEERING.code()), Occur.MUST_NOT)
            .build(), Occur.SHOULD);
      }
      b.add(reach.build(), Occur.FILTER);
    }

    if (rules.filterOn("work_permit")) {
      BooleanQuery.Builder employment = new BooleanQuery.Builder();
      boolean constrained = false;
      if (p.absoluteBan()) {
        employment.add(new MatchAllDocsQuery(), Occur.MUST_NOT);
        constrained = true;
      } else {
        employment.add(new MatchAllDocsQuery(), Occur.FILTER);
        if (p.banUntilDay() != PersonFacts.NO_DAY) {
          // Starts after the ban, or has no start date (admitted with a note).
          employment.add(new BooleanQuery.Builder()
              .add(intRange(START, p.banUntilDay() + 1, Integer.MAX_VALUE), Occur.SHOULD)
              .add(term(FLAG, "no_start"), Occur.SHOULD)
              .build(), Occur.FILTER);
          constrained = true;
        }
        if (!p.mayWorkAbroad() && p.homeCountry() != null) {
          employment.add(new BooleanQuery.Builder()
              .add(term(COUNTRY, p.homeCountry()), Occur.SHOULD)
              .add(term(FLAG, "no_country"), Occur.SHOULD)
              .build(), Occur.FILTER);
          constrained = true;
        }
      }
      if (constrained) {
        b.add(new BooleanQuery.Builder()
            .add(term(KIND, OpportunityKind.VOLUNTEERING.code()), Occur.SHOULD)
            .add(term(KIND, OpportunityKind.TRAINING.code()), Occur.SHOULD)
            .add(employment.build(), Occur.SHOULD)
            .build(), Occur.FILTER);
      }
    }

    if (rules.filterOn("application_deadline")) {
      b.add(intRange(DEADLINE, Integer.MIN_VALUE, p.today() - 1), Occur.MUST_NOT);
    }

    if (rules.filterOn("start_date")) {
      Query cohort = new BooleanQuery.Builder()
          .add(term(KIND, OpportunityKind.APPRENTICESHIP.code()), Occur.SHOULD)
          .add(term(KIND, OpportunityKind.TRAINING.code()), Occur.SHOULD)
          .build();
      // Cohorts: joinable until start + grace, which must be today or later and not before the
      // person is available.
      int join = p.availableFromDay() == PersonFacts.NO_DAY
          ? p.today() : Math.max(p.today(), p.availableFromDay());
      b.add(new BooleanQuery.Builder()
          .add(cohort, Occur.FILTER)
          .add(intRange(START, Integer.MIN_VALUE,
              join - rules.startGraceDaysApprenticeship() - 1), Occur.FILTER)
          .build(), Occur.MUST_NOT);
      // Others start when the person can, within the grace after max(start, today).
      if (p.availableFromDay() != PersonFacts.NO_DAY
          && p.availableFromDay() > p.today() + rules.startGraceDaysOther()) {
        b.add(new BooleanQuery.Builder()
            .add(new MatchAllDocsQuery(), Occur.FILTER)
            .add(cohort, Occur.MUST_NOT)
            .add(intRange(START, Integer.MIN_VALUE,
                p.availableFromDay() - rules.startGraceDaysOther() - 1), Occur.FILTER)
            .build(), Occur.MUST_NOT);
      }
    }

    if (rules.filterOn("recognition")) {
      // Regulated vacancies above helper level need a fully recognised qualification in the
      // field, or a recognition partnership and a recognition under way.
      Query full = closeTo(p, r -> r == Recognition.FULL);
      Query underway = new BooleanQuery.Builder()
          .add(closeTo(p, r -> r.compareTo(Recognition.PENDING) <= 0), Occur.SHOULD)
          .add(new BooleanQuery.Builder()
              .add(closeTo(p, r -> r == Recognition.NOT_APPLIED), Occur.FILTER)
              .add(closeTo(p, r -> r == Recognition.REJECTED), Occur.MUST_NOT)
              .build(), Occur.SHOULD)
          .build();
      b.add(new BooleanQuery.Builder()
          .add(term(FLAG, "regulated"), Occur.FILTER)
          .add(term(KIND, OpportunityKind.VACANCY.code()), Occur.FILTER)
          .add(term(LEVEL, "helper"), Occur.MUST_NOT)
          .add(full, Occur.MUST_NOT)
          .add(new BooleanQuery.Builder()
              .add(term(FLAG, "partnership"), Occur.FILTER)
              .add(underway, Occur.FILTER)
              .build(), Occur.MUST_NOT)
          .build(), Occur.MUST_NOT);
    }

    if (rules.filterOn("language_floor")) {
      int tolerance = rules.languageGapTolerance();
      for (String lang : languages) {
        int rank = p.languageRank(lang);
        String field = LANG_PREFIX + lang;
        b.add(intRange(field, rank + tolerance + 1, Integer.MAX_VALUE), Occur.MUST_NOT);
        if (tolerance > 0) {
          b.add(new BooleanQuery.Builder()
              .add(intRange(field, rank + 1, Integer.MAX_VALUE), Occur.FILTER)
              .add(term(FLAG, "language_support"), Occur.MUST_NOT)
              .build(), Occur.MUST_NOT);
        }
      }
    }

    if (rules.filterOn("hours")) {
      if (!Float.isNaN(p.maxHours())) {
        b.add(floatRange(HMIN, Math.nextUp(p.maxHours()), Float.POSITIVE_INFINITY), Occur.MUST_NOT);
      }
      if (!Float.isNaN(p.minHours())) {
        b.add(floatRange(HMAX, Float.NEGATIVE_INFINITY, Math.nextDown(p.minHours())),
            Occur.MUST_NOT);
      }
    }
    if (rules.filterOn("shift_work") && p.shiftOk() == 0) {
      b.add(term(FLAG, "shift"), Occur.MUST_NOT);
    }
    if (rules.filterOn("night_work") && p.nightOk() == 0) {
      b.add(term(FLAG, "night"), Occur.MUST_NOT);
    }
    if (rules.filterOn("weekend_work") && p.weekendOk() == 0) {
      b.add(term(FLAG, "weekend"), Occur.MUST_NOT);
    }
    if (rules.filterOn("childcare") && p.childcareRulesOutNights()) {
      b.add(new BooleanQuery.Builder()
          .add(term(FLAG, "night"), Occur.FILTER)
          .add(term(FLAG, "childcare"), Occur.MUST_NOT)
          .build(), Occur.MUST_NOT);
    }
    if (rules.filterOn("physical_demand") && p.maxDemand() >= 0) {
      b.add(intRange(DEMAND, p.maxDemand() + 1, Integer.MAX_VALUE), Occur.MUST_NOT);
    }
    if (rules.filterOn("accessibility") && p.needsAccessible()) {
      b.add(term(FLAG, "inaccessible"), Occur.MUST_NOT);
    }
    if (rules.filterOn("driving_license")) {
      BooleanQuery.Builder unheld =
          new BooleanQuery.Builder().add(term(FLAG, "licence"), Occur.FILTER);
      for (String l : p.licences()) {
        unheld.add(term(LICENCE, l), Occur.MUST_NOT);
      }
      b.add(unheld.build(), Occur.MUST_NOT);
    }
    if (rules.filterOn("school") && p.school() >= 0) {
      b.add(intRange(SCHOOL, p.school() + 1, Integer.MAX_VALUE), Occur.MUST_NOT);
    }
    return new ConstantScoreQuery(b.build());
  }

  /**
   * Postings whose occupation is close enough to a qualification with a recognition status
   * matching {@code status} for its recognition to count: same ISCO group at the rule set's
   * level (a prefix term), a bridged unit group, or a unit group the rule set lists as
   * equivalent for recognition.
   */
  private Query closeTo(PersonFacts p, java.util.function.Predicate<Recognition> status) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int levels = rules.recognitionSharedLevels();
    boolean any = false;
    for (int i = 0; i < p.qualificationCount(); i++) {
      if (!status.test(p.qualificationRecognition(i)) || p.qualificationIsco(i) == IscoCode.NONE) {
        continue;
      }
      String code = IscoCode.decode(p.qualificationIsco(i)).orElseThrow();
      if (code.length() >= levels) {
        b.add(term(ISCO_PREFIX, code.substring(0, levels)), Occur.SHOULD);
        any = true;
      }
      if (p.bridgeLevels() >= levels && code.length() == 4) {
        for (String partner : p.bridgedTo(p.qualificationIsco(i))) {
          b.add(term(ISCO_PREFIX, partner), Occur.SHOULD);
          any = true;
        }
      }
      if (code.length() == 4) {
        for (String partner : p.equivalentTo(p.qualificationIsco(i))) {
          b.add(term(ISCO_PREFIX, partner), Occur.SHOULD);
          any = true;
        }
      }
    }
    if (!any) {
      return new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST_NOT).build();
    }
    return b.build();
  }

  private static Query term(String field, String value) {
    return new TermQuery(new Term(field, value));
  }

  /** The largest float not above {@code x}: a float field is at most x exactly when at most it. */
  private static float floatAtMost(double x) {
    float f = (float) x;
    return f > x ? Math.nextDown(f) : f;
  }

  /** The smallest float not below {@code x}. */
  private static float floatAtLeast(double x) {
    float f = (float) x;
    return f < x ? Math.nextUp(f) : f;
  }

  // --- functions ---

  /** The soft scores: one function per scorer, weighted and summed in the rule set's order. */
  WeightedSum score(PersonFacts p) {
    DoubleValuesSource[] functions = new DoubleValuesSource[scorers.length];
    for (int i = 0; i < scorers.length; i++) {
      functions[i] = switch (scorers[i]) {
        case "occupation" -> new DocFunction("occupation", ISCO) {
          @Override
          double value(long[] v) {
            double value = 0;
            for (int j = 0; j < p.occupationCount(); j++) {
              value = Math.max(value,
                  p.closeness(p.occupationIsco(j), (int) v[0]) / 4.0 * p.occupationWeight(j));
            }
            return value;
          }
        };
        case "skills" -> skills(p);
        case "qualification_level" -> new DocFunction("qualification_level", LEVEL_RANK) {
          @Override
          double value(long[] v) {
            if (v[0] < 0) {
              return 0.5;
            }
            long diff = p.bestLevel() - v[0];
            return Math.max(0, diff >= 0 ? 1 - 0.25 * diff : 1 + 0.4 * diff);
          }
        };
        case "recognition_signal" -> new DocFunction("recognition_signal", ISCO) {
          @Override
          double value(long[] v) {
            if (v[0] < 0) {
              return 0;
            }
            Recognition best = p.bestRecognitionFor((int) v[0]);
            return best == Recognition.FULL ? 1
                : best == Recognition.PARTIAL ? 0.5
                : best == Recognition.PENDING ? 0.25 : 0;
          }
        };
        case "language" -> new LanguageFunction(p);
        case "distance" -> new DocFunction("distance", FLAG_BITS, LAT, LON, HMAX) {
          @Override
          double value(long[] v) {
            if ((v[0] & FLAG_REMOTE) != 0) {
              return 1;
            }
            if (!p.located() || v[1] == MISSING) {
              return 0.5;
            }
            double km = SloppyMath.haversinMeters(p.lat(), p.lon(),
                Float.intBitsToFloat((int) v[1]), Float.intBitsToFloat((int) v[2])) / 1000.0;
            double limit = p.commuteLimitKm(asFloat(v[3]));
            if (km <= limit) {
              return limit <= 0 ? 1 : 1 - km / limit;
            }
            // Beyond the commuting limit, the filter admitted it only as a move.
            return rules.relocationDistanceScore();
          }
        };
        case "hours_fit" -> new DocFunction("hours_fit", HMIN, HMAX) {
          @Override
          double value(long[] v) {
            float lo = asFloat(v[0]);
            float hi = asFloat(v[1]);
            if (Float.isNaN(lo) && Float.isNaN(hi)) {
              return 0.5;
            }
            boolean fitsMax =
                Float.isNaN(p.maxHours()) || !((Float.isNaN(hi) ? lo : hi) > p.maxHours());
            boolean fitsMin =
                Float.isNaN(p.minHours()) || !((Float.isNaN(lo) ? hi : lo) < p.minHours());
            return fitsMax && fitsMin ? 1 : 0.5;
          }
        };
        case "apprenticeship_residence" -> p.tolerated()
            ? new DocFunction("apprenticeship_residence", KIND) {
                @Override
                double value(long[] v) {
                  return v[0] == OpportunityKind.APPRENTICESHIP.ordinal() ? 1 : 0;
                }
              }
            : DoubleValuesSource.constant(0);
        case "childcare_support" -> p.needsChildcare()
            ? new DocFunction("childcare_support", FLAG_BITS) {
                @Override
                double value(long[] v) {
                  return (v[0] & FLAG_CHILDCARE) != 0 ? 1 : 0;
                }
              }
            : DoubleValuesSource.constant(0);
        default -> throw new IllegalStateException("no scorer " + scorers[i]);
      };
    }
    return new WeightedSum(functions, weights);
  }

  /**
   * Share of the posting's skill terms the person brings: a constant-score disjunction of the
   * person's analysed skill terms over the skills field counts the shared terms.
   */
  private DoubleValuesSource skills(PersonFacts p) {
    if (p.skillTerms().isEmpty()) {
      return DoubleValuesSource.constant(0);
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String t : p.skillTerms()) {
      any.add(new ConstantScoreQuery(term(SKILLS, t)), Occur.SHOULD);
    }
    return new SkillsFunction(DoubleValuesSource.fromQuery(any.build()));
  }

  /** Matched distinct skill terms (the disjunction's score) over the posting's term count. */
  private static final class SkillsFunction extends PerProfileSource {
    private final DoubleValuesSource shared;

    SkillsFunction(DoubleValuesSource shared) {
      this.shared = shared;
    }

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
      DoubleValues matched = shared.getValues(ctx, scores);
      NumericDocValues count = ctx.reader().getNumericDocValues(SKILL_TERMS);
      return new DoubleValues() {
        double value;

        @Override
        public double doubleValue() {
          return value;
        }

        @Override
        public boolean advanceExact(int doc) throws IOException {
          long n = count != null && count.advanceExact(doc) ? count.longValue() : 0;
          value = n == 0 || !matched.advanceExact(doc) ? 0 : matched.doubleValue() / (double) n;
          return true;
        }
      };
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher s) throws IOException {
      DoubleValuesSource rewritten = shared.rewrite(s);
      return rewritten == shared ? this : new SkillsFunction(rewritten);
    }

    @Override
    public String toString() {
      return "skills(" + shared + ")";
    }
  }

  static float asFloat(long bits) {
    return bits == DocFunction.MISSING ? Float.NaN : Float.intBitsToFloat((int) bits);
  }

  @Override
  public void close() {
    try {
      reader.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      analyzer.close();
    }
  }

  /**
   * A value source built for one profile's query: never cached (it depends on the profile), equal
   * only to itself, and by default reading no scores and needing no rewrite.
   */
  abstract static class PerProfileSource extends DoubleValuesSource {
    @Override
    public boolean needsScores() {
      return false;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher searcher) throws IOException {
      return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
      return false;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }

    @Override
    public boolean equals(Object o) {
      return o == this;
    }
  }

  /**
   * A function of a posting's numeric doc values, as a {@code script_score} over {@code
   * doc['field'].value} would be; a missing value reads as {@link #MISSING}.
   */
  abstract static class DocFunction extends PerProfileSource {
    static final long MISSING = Long.MIN_VALUE;
    private final String name;
    private final String[] fields;

    DocFunction(String name, String... fields) {
      this.name = name;
      this.fields = fields;
    }

    abstract double value(long[] values);

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
      NumericDocValues[] dv = new NumericDocValues[fields.length];
      for (int i = 0; i < fields.length; i++) {
        dv[i] = ctx.reader().getNumericDocValues(fields[i]);
      }
      long[] v = new long[fields.length];
      return new DoubleValues() {
        @Override
        public double doubleValue() {
          return value(v);
        }

        @Override
        public boolean advanceExact(int doc) throws IOException {
          for (int i = 0; i < dv.length; i++) {
            v[i] = dv[i] != null && dv[i].advanceExact(doc) ? dv[i].longValue() : MISSING;
          }
          return true;
        }
      };
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** The language margin over the posting's (language, level) requirements in doc values. */
  private final class LanguageFunction extends PerProfileSource {
    private final int[] ranks;

    LanguageFunction(PersonFacts p) {
      ranks = new int[languages.size()];
      for (int i = 0; i < ranks.length; i++) {
        ranks[i] = p.languageRank(languages.get(i));
      }
    }

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
      SortedNumericDocValues req = ctx.reader().getSortedNumericDocValues(LANG_REQ);
      double penalty = rules.languageGapPenalty();
      return new DoubleValues() {
        double value;

        @Override
        public double doubleValue() {
          return value;
        }

        @Override
        public boolean advanceExact(int doc) throws IOException {
          if (req == null || !req.advanceExact(doc)) {
            value = 1; // nothing asked
            return true;
          }
          int n = req.docValueCount();
          double sum = 0;
          for (int i = 0; i < n; i++) {
            long r = req.nextValue();
            int margin = ranks[(int) (r >>> 3)] - (int) (r & 7);
            sum += margin >= 0 ? Math.min(1, 0.75 + 0.125 * margin) : margin * penalty;
          }
          value = Math.max(-1, sum / n);
          return true;
        }
      };
    }

    @Override
    public String toString() {
      return "language";
    }
  }

  /** {@code function_score} with {@code score_mode: sum}: weighted functions summed in order. */
  static final class WeightedSum extends PerProfileSource {
    private final DoubleValuesSource[] functions;
    private final double[] weights;

    WeightedSum(DoubleValuesSource[] functions, double[] weights) {
      this.functions = functions;
      this.weights = weights;
    }

    /**
     * The values of the last segment asked for. Lucene's value-source sort comparator asks again
     * at every window of a bulk scorer with MUST_NOT clauses, which would reopen every doc-values
     * iterator and the skills query scorer many times per segment; ES computes function scores
     * once per segment, so the peer does too. Safe because one instance serves one query on one
     * thread and windows move forward through the segment.
     */
    private LeafReaderContext lastContext;
    private DoubleValues lastValues;

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
      if (ctx != lastContext) {
        lastValues = open(ctx, scores);
        lastContext = ctx;
      }
      return lastValues;
    }

    private DoubleValues open(LeafReaderContext ctx, DoubleValues scores) throws IOException {
      DoubleValues[] values = new DoubleValues[functions.length];
      for (int i = 0; i < values.length; i++) {
        values[i] = functions[i].getValues(ctx, scores);
      }
      return new DoubleValues() {
        double sum;

        @Override
        public double doubleValue() {
          return sum;
        }

        @Override
        public boolean advanceExact(int doc) throws IOException {
          double s = 0;
          for (int i = 0; i < values.length; i++) {
            s += weights[i] * (values[i].advanceExact(doc) ? values[i].doubleValue() : 0);
          }
          // Rounded as the engine's written score, which it ranks by.
          sum = Math.round(s * 10_000) / 10_000.0;
          return true;
        }
      };
    }

    @Override
    public boolean needsScores() {
      for (DoubleValuesSource f : functions) {
        if (f.needsScores()) {
          return true;
        }
      }
      return false;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher searcher) throws IOException {
      DoubleValuesSource[] rewritten = new DoubleValuesSource[functions.length];
      boolean changed = false;
      for (int i = 0; i < functions.length; i++) {
        rewritten[i] = functions[i].rewrite(searcher);
        changed |= rewritten[i] != functions[i];
      }
      return changed ? new WeightedSum(rewritten, weights) : this;
    }

    @Override
    public String toString() {
      return "sum(" + java.util.Arrays.toString(functions) + ")";
    }
  }
}
