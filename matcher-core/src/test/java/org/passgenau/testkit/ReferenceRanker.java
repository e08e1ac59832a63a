package org.passgenau.testkit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoublePredicate;
import java.util.function.DoubleUnaryOperator;
import org.apache.lucene.analysis.Analyzer;
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
import org.passgenau.rank.spi.CustomFilter;
import org.passgenau.rank.spi.CustomRule;
import org.passgenau.rank.spi.CustomRules;
import org.passgenau.rank.spi.CustomScorer;
import org.passgenau.taxonomy.IscoCode;
import org.passgenau.taxonomy.OccupationTaxonomy;

/**
 * The domain rules written out plainly, as the reference the engine is tested and measured
 * against: for a profile, every opportunity is checked against every hard filter of the rule set
 * in counting order, and counted under the first that excludes it; the admitted are scored by
 * every scorer with the rule set's weights divided by their sum, and sorted by score as the
 * engine reports it (four decimals, best first), equal reported scores by id. No index, no candidate pruning, no heap, no memo: obvious rather than fast.
 *
 * <p>Each filter and scorer below is one method that states its rule as {@code
 * docs/domain-rules.md} and the README's rules table do. It is written against the model records,
 * the rule set's parameters and the taxonomy, never the engine's rule classes; a rule changes in
 * the engine and here, and the property tests and the benchmarks' agreement test compare the two.
 * Custom rules ({@link CustomFilter}, {@link CustomScorer}) follow the built-in ones as the SPI
 * documents: filters after the built-in ones, scorers after them, each in name order.
 *
 * <p>Two things are prepared once per corpus, as any application would ({@link #prepare}): the
 * ISCO code of each opportunity (classification by the taxonomy is an ingest step) and the
 * analysed terms of its skills. Numbers the engine keeps in float columns (coordinates, hours,
 * pay) are narrowed to float here too, and distances use Lucene's haversine as the engine does,
 * so that boundary comparisons agree bit for bit.
 *
 * <p>Thread-safe: {@link #rank} keeps its state on the stack.
 */
public final class ReferenceRanker {

  /** An opportunity with what ingest works out once: its ISCO code and its skills' terms. */
  public record Posting(Opportunity opportunity, int isco, Set<String> skillTerms) {}

  /** A prepared corpus: its postings, in the order given. */
  public record Corpus(List<Posting> postings) {
    public Corpus {
      postings = List.copyOf(postings);
    }
  }

  /** One admitted opportunity with its unrounded score. */
  public record Scored(String id, double score) {

    /** The score as the engine reports it: four decimals. */
    public double rounded() {
      return round(score);
    }
  }

  /**
   * The full answer for one profile.
   *
   * @param admitted every admitted opportunity, best first, ties by id
   * @param excluded per filter that is on, in counting order, how many it excluded first
   */
  public record Ranking(List<Scored> admitted, Map<String, Integer> excluded) {

    public Ranking {
      admitted = List.copyOf(admitted);
      excluded = Collections.unmodifiableMap(new LinkedHashMap<>(excluded));
    }

    /** The best {@code k}. */
    public List<Scored> top(int k) {
      return admitted.subList(0, Math.min(k, admitted.size()));
    }

    /** The ids of the best {@code k}. */
    public List<String> topIds(int k) {
      return top(k).stream().map(Scored::id).toList();
    }

    /** The scores of the best {@code k}, rounded as the engine reports them. */
    public List<Double> topScores(int k) {
      return top(k).stream().map(Scored::rounded).toList();
    }

    /** Unrounded score of an admitted opportunity, empty when it was excluded. */
    public Optional<Double> scoreOf(String id) {
      return admitted.stream().filter(s -> s.id().equals(id)).map(Scored::score).findFirst();
    }
  }

  private final RuleSet rules;
  private final OccupationTaxonomy taxonomy;
  private final CustomRules custom;
  /** The filters that are on, in counting order: built-in ones, then custom ones by name. */
  private final List<String> filters = new ArrayList<>();
  /** The scorers that weigh, built-in ones then custom ones by name, and their shares. */
  private final List<String> scorers = new ArrayList<>();
  private final double[] shares;
  /** Kept for the ranker's life, as the engine keeps its own; analysis is cached per phrase. */
  private final Analyzer analyzer = OpportunityAnalyzer.forIndexing();
  private final Map<String, List<String>> analysed = new ConcurrentHashMap<>();

  /** The reference for a rule set without custom rules. */
  public ReferenceRanker(RuleSet rules, OccupationTaxonomy taxonomy) {
    this(rules, taxonomy, CustomRules.none());
  }

  /**
   * The reference for a rule set that may name custom rules, taken from {@code custom}.
   *
   * @throws IllegalArgumentException when the rule set names a rule {@code custom} lacks, or
   *     names a scorer as a filter or a filter as a scorer
   */
  public ReferenceRanker(RuleSet rules, OccupationTaxonomy taxonomy, CustomRules custom) {
    this.rules = Objects.requireNonNull(rules, "rules");
    this.taxonomy = Objects.requireNonNull(taxonomy, "taxonomy");
    this.custom = Objects.requireNonNull(custom, "custom");
    for (String f : RuleSet.FILTERS) {
      if (rules.filterOn(f)) {
        filters.add(f);
      }
    }
    for (String f : rules.customFilters()) {
      customRule(f, CustomFilter.class);
      filters.add(f);
    }
    List<Double> weights = new ArrayList<>();
    for (String s : RuleSet.SCORERS) {
      if (rules.weight(s) > 0) {
        scorers.add(s);
        weights.add(rules.weight(s));
      }
    }
    for (Map.Entry<String, Double> s : rules.customWeights().entrySet()) {
      customRule(s.getKey(), CustomScorer.class);
      scorers.add(s.getKey());
      weights.add(s.getValue());
    }
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    shares = new double[weights.size()];
    for (int i = 0; i < shares.length; i++) {
      shares[i] = weights.get(i) / total;
    }
  }

  /** The filters that are on, in counting order. */
  public List<String> filters() {
    return List.copyOf(filters);
  }

  /** Works out, once, each opportunity's ISCO code and skill terms. */
  public Corpus prepare(List<Opportunity> opportunities) {
    List<Posting> postings = new ArrayList<>(opportunities.size());
    // Postings of one occupation share skill lists; their term sets are shared too.
    Map<List<String>, Set<String>> termSets = new HashMap<>();
    for (Opportunity o : opportunities) {
      Set<String> terms = termSets.computeIfAbsent(o.skills(), skills -> {
        SortedSet<String> all = new TreeSet<>();
        for (String skill : skills) {
          all.addAll(analyse(skill));
        }
        return Collections.unmodifiableSortedSet(all);
      });
      postings.add(new Posting(o, PersonFacts.iscoOf(taxonomy, o), terms));
    }
    return new Corpus(postings);
  }

  /** Ranks every opportunity of {@code corpus} for {@code profile} as of {@code asOf}. */
  public Ranking rank(List<Opportunity> corpus, Profile profile, LocalDate asOf) {
    return rank(prepare(corpus), profile, asOf);
  }

  /** Ranks every posting of {@code corpus} for {@code profile} as of {@code asOf}. */
  public Ranking rank(Corpus corpus, Profile profile, LocalDate asOf) {
    Person p = person(profile, asOf);
    Map<String, Integer> excluded = new LinkedHashMap<>();
    filters.forEach(f -> excluded.put(f, 0));
    List<Scored> admitted = new ArrayList<>();
    for (Posting o : corpus.postings()) {
      String firstExcluding = firstExcluding(p, o);
      if (firstExcluding != null) {
        excluded.merge(firstExcluding, 1, Integer::sum);
      } else {
        admitted.add(new Scored(o.opportunity().id(), score(p, o)));
      }
    }
    admitted.sort(Comparator.comparingDouble(Scored::rounded).reversed()
        .thenComparing(Scored::id));
    return new Ranking(admitted, excluded);
  }

  /** Every filter that is on and that {@code o} breaks for {@code profile}, in counting order. */
  public List<String> violations(Profile profile, Opportunity o, LocalDate asOf) {
    Person p = person(profile, asOf);
    Posting posting = prepare(List.of(o)).postings().get(0);
    List<String> broken = new ArrayList<>();
    for (String f : filters) {
      if (!passes(f, p, posting)) {
        broken.add(f);
      }
    }
    return broken;
  }

  /** The facts of {@code profile} as this ranker's rules see them. */
  public PersonFacts facts(Profile profile, LocalDate asOf) {
    return PersonFacts.of(profile, rules, asOf, taxonomy, this::analyse);
  }

  /** The score as the engine reports it: rounded to four decimals. */
  public static double round(double score) {
    return Math.round(score * 10_000) / 10_000.0;
  }

  // ---------------------------------------------------------------- the walk

  /** A profile compiled for one query: its facts and its custom rules bound to it. */
  private record Person(PersonFacts facts, Map<String, DoublePredicate> customFilters,
      Map<String, DoubleUnaryOperator> customScorers) {}

  private Person person(Profile profile, LocalDate asOf) {
    // Custom rules never see the audit fields.
    Profile withoutAudit = profile.toBuilder().audit(Map.of()).build();
    Map<String, DoublePredicate> admits = new LinkedHashMap<>();
    for (String f : rules.customFilters()) {
      admits.put(f, customRule(f, CustomFilter.class).admits(withoutAudit, asOf));
    }
    Map<String, DoubleUnaryOperator> values = new LinkedHashMap<>();
    for (String s : rules.customWeights().keySet()) {
      values.put(s, customRule(s, CustomScorer.class).score(withoutAudit, asOf));
    }
    return new Person(facts(profile, asOf), admits, values);
  }

  private String firstExcluding(Person p, Posting o) {
    for (String f : filters) {
      if (!passes(f, p, o)) {
        return f;
      }
    }
    return null;
  }

  private boolean passes(String filter, Person person, Posting o) {
    PersonFacts p = person.facts();
    return switch (filter) {
      case "commute" -> commute(p, o);
      case "work_permit" -> workPermit(p, o);
      case "application_deadline" -> applicationDeadline(p, o);
      case "start_date" -> startDate(p, o);
      case "recognition" -> recognition(p, o);
      case "language_floor" -> languageFloor(p, o);
      case "hours" -> hours(p, o);
      case "shift_work" -> shiftWork(p, o);
      case "night_work" -> nightWork(p, o);
      case "weekend_work" -> weekendWork(p, o);
      case "childcare" -> childcare(p, o);
      case "physical_demand" -> physicalDemand(p, o);
      case "accessibility" -> accessibility(p, o);
      case "driving_license" -> drivingLicense(p, o);
      case "school" -> school(p, o);
      default -> {
        checkNotBuiltIn(filter, RuleSet.FILTERS);
        double extracted = customRule(filter, CustomFilter.class).extract(o.opportunity());
        yield person.customFilters().get(filter).test(extracted);
      }
    };
  }

  private double score(Person person, Posting o) {
    double score = 0;
    for (int s = 0; s < shares.length; s++) {
      score += shares[s] * value(scorers.get(s), person, o);
    }
    return score;
  }

  private double value(String scorer, Person person, Posting o) {
    PersonFacts p = person.facts();
    return switch (scorer) {
      case "occupation" -> occupation(p, o);
      case "skills" -> skills(p, o);
      case "qualification_level" -> qualificationLevel(p, o);
      case "recognition_signal" -> recognitionSignal(p, o);
      case "language" -> language(p, o);
      case "distance" -> distance(p, o);
      case "hours_fit" -> hoursFit(p, o);
      case "apprenticeship_residence" -> apprenticeshipResidence(p, o);
      case "childcare_support" -> childcareSupport(p, o);
      default -> {
        checkNotBuiltIn(scorer, RuleSet.SCORERS);
        double extracted = customRule(scorer, CustomScorer.class).extract(o.opportunity());
        yield clamped(person.customScorers().get(scorer).applyAsDouble(extracted));
      }
    };
  }

  // ---------------------------------------------------------------- hard filters

  /**
   * {@code commute}: remote work, a place that cannot be judged (no coordinates), a commute within
   * the person's limit (DE §140(4) SGB III, NL: 2 hours a day, or the person's own), or a move the
   * person would and may make (§12a AufenthG).
   */
  private static boolean commute(PersonFacts p, Posting o) {
    return reach(p, o.opportunity()) != Reach.NONE;
  }

  /**
   * {@code work_permit}: volunteering and courses are not employment and stay open; an absolute
   * ban leaves nothing else; a temporary ban admits what starts after it ends, or has no start
   * date; the right to work is national (§4a AufenthG, §61 AsylG, §60a(6) AufenthG).
   */
  private static boolean workPermit(PersonFacts p, Posting posting) {
    Opportunity o = posting.opportunity();
    if (o.kind() == OpportunityKind.VOLUNTEERING || o.kind() == OpportunityKind.TRAINING) {
      return true;
    }
    if (p.absoluteBan()) {
      return false;
    }
    if (p.banUntilDay() != PersonFacts.NO_DAY && o.startDate() != null
        && o.startDate().toEpochDay() <= p.banUntilDay()) {
      return false;
    }
    String country = o.location() == null ? null : o.location().country();
    return p.mayWorkAbroad() || p.homeCountry() == null || country == null
        || country.equals(p.homeCountry());
  }

  /** {@code application_deadline}: the deadline has not passed on the reference date. */
  private static boolean applicationDeadline(PersonFacts p, Posting posting) {
    LocalDate deadline = posting.opportunity().applicationDeadline();
    return deadline == null || deadline.toEpochDay() >= p.today();
  }

  /**
   * {@code start_date}: apprenticeships and courses can be joined until {@code
   * start_grace_days_apprenticeship} days after their start (1 August to 1 October), other
   * opportunities within {@code start_grace_days_other} days of their start or today; the person
   * is available by the last day of joining.
   */
  private boolean startDate(PersonFacts p, Posting posting) {
    Opportunity o = posting.opportunity();
    if (o.startDate() == null) {
      return true;
    }
    int start = (int) o.startDate().toEpochDay();
    int lastDayToJoin;
    if (o.kind() == OpportunityKind.APPRENTICESHIP || o.kind() == OpportunityKind.TRAINING) {
      lastDayToJoin = start + rules.startGraceDaysApprenticeship();
      if (lastDayToJoin < p.today()) {
        return false;
      }
    } else {
      lastDayToJoin = Math.max(start, p.today()) + rules.startGraceDaysOther();
    }
    return p.availableFromDay() == PersonFacts.NO_DAY || p.availableFromDay() <= lastDayToJoin;
  }

  /**
   * {@code recognition}: a regulated vacancy at skilled level or above (the posting's level, else
   * its KldB code's fifth digit; unknown counts as skilled) needs a fully recognised
   * qualification for that profession (BQFG: the same unit group or a listed equivalence), or an
   * employer recognition partnership with recognition under way (not rejected).
   */
  private static boolean recognition(PersonFacts p, Posting posting) {
    Opportunity o = posting.opportunity();
    boolean regulated = o.qualification() != null && o.qualification().regulatedProfession();
    Level level = o.requirementLevel();
    boolean helper = level == Level.HELPER;
    if (!regulated || o.kind() != OpportunityKind.VACANCY || helper) {
      return true;
    }
    Recognition best = p.bestRecognitionFor(posting.isco());
    if (best == Recognition.FULL) {
      return true;
    }
    return Boolean.TRUE.equals(o.recognitionPartnership())
        && best != null && best != Recognition.REJECTED;
  }

  /**
   * {@code language_floor}: every asked language at the asked CEFR level, or up to {@code
   * language_gap_tolerance} levels short where the employer offers language training.
   */
  private boolean languageFloor(PersonFacts p, Posting posting) {
    Opportunity o = posting.opportunity();
    int tolerance = Boolean.TRUE.equals(o.languageSupport()) ? rules.languageGapTolerance() : 0;
    for (LanguageRequirement r : o.languageRequirements()) {
      if (r.minLevel().rank() - p.languageRank(r.language()) > tolerance) {
        return false;
      }
    }
    return true;
  }

  /** {@code hours}: the posting's weekly hours meet the person's stated range. */
  private static boolean hours(PersonFacts p, Posting posting) {
    Opportunity o = posting.opportunity();
    // NaN (not stated) compares false: no constraint.
    return !(hoursMin(o) > p.maxHours()) && !(hoursMax(o) < p.minHours());
  }

  /** {@code shift_work}: no shifts for a person who said they cannot work them. */
  private static boolean shiftWork(PersonFacts p, Posting posting) {
    return !(Boolean.TRUE.equals(posting.opportunity().shiftWork()) && p.shiftOk() == 0);
  }

  /** {@code night_work}: no nights for a person who said they cannot work them. */
  private static boolean nightWork(PersonFacts p, Posting posting) {
    return !(Boolean.TRUE.equals(posting.opportunity().nightWork()) && p.nightOk() == 0);
  }

  /** {@code weekend_work}: no weekends for a person who said they cannot work them. */
  private static boolean weekendWork(PersonFacts p, Posting posting) {
    return !(Boolean.TRUE.equals(posting.opportunity().weekendWork()) && p.weekendOk() == 0);
  }

  /**
   * {@code childcare}: where the person stated nothing about nights, children under three whose
   * care is not arranged rule out night work unless the employer offers childcare.
   */
  private static boolean childcare(PersonFacts p, Posting posting) {
    Opportunity o = posting.opportunity();
    return !(p.childcareRulesOutNights() && Boolean.TRUE.equals(o.nightWork())
        && !Boolean.TRUE.equals(o.childcareSupport()));
  }

  /** {@code physical_demand}: not more demanding than the person's health allows. */
  private static boolean physicalDemand(PersonFacts p, Posting posting) {
    Opportunity o = posting.opportunity();
    return p.maxDemand() == -1 || o.physicalDemand() == null
        || o.physicalDemand().ordinal() <= p.maxDemand();
  }

  /** {@code accessibility}: a person who needs it is not offered a workplace known to lack it. */
  private static boolean accessibility(PersonFacts p, Posting posting) {
    return !p.needsAccessible() || !Boolean.FALSE.equals(posting.opportunity().accessible());
  }

  /** {@code driving_license}: the asked class or one that implies it (CE implies C, BE, B). */
  private static boolean drivingLicense(PersonFacts p, Posting posting) {
    String asked = posting.opportunity().drivingLicense();
    return asked == null || p.licences().contains(PersonFacts.licence(asked));
  }

  /** {@code school}: the school-leaving level the employer asks; an unknown one passes. */
  private static boolean school(PersonFacts p, Posting posting) {
    Opportunity o = posting.opportunity();
    return o.minSchool() == null || p.school() == -1 || p.school() >= o.minSchool().ordinal();
  }

  // ---------------------------------------------------------------- scorers

  /**
   * {@code occupation}: ISCO closeness of the job to the best of the person's qualifications
   * (weight 1), experience (0.6 plus 0.1 a year, up to 1) and wishes (0.9): shared levels over 4,
   * an occupation bridge counting as {@code bridge_levels}.
   */
  private static double occupation(PersonFacts p, Posting o) {
    double value = 0;
    for (int j = 0; j < p.occupationCount(); j++) {
      value = Math.max(value,
          p.closeness(p.occupationIsco(j), o.isco()) / 4.0 * p.occupationWeight(j));
    }
    return value;
  }

  /** {@code skills}: the share of the posting's skill terms the person brings. */
  private static double skills(PersonFacts p, Posting o) {
    if (o.skillTerms().isEmpty() || p.skillTerms().isEmpty()) {
      return 0;
    }
    int shared = 0;
    for (String t : o.skillTerms()) {
      if (p.skillTerms().contains(t)) {
        shared++;
      }
    }
    return shared / (double) o.skillTerms().size();
  }

  /**
   * {@code qualification_level}: the person's highest level against the posting's;
   * over-qualification costs a quarter per level, under-qualification 0.4, unknown scores half.
   */
  private static double qualificationLevel(PersonFacts p, Posting o) {
    Level level = o.opportunity().requirementLevel();
    if (level == null) {
      return 0.5;
    }
    int diff = p.bestLevel() - level.rank();
    return Math.max(0, diff >= 0 ? 1 - 0.25 * diff : 1 + 0.4 * diff);
  }

  /**
   * {@code recognition_signal}: recognition as a signal to employers where it is no gate (full 1,
   * partial 0.5, pending 0.25), for a qualification whose recognition counts for the job.
   */
  private static double recognitionSignal(PersonFacts p, Posting o) {
    if (o.isco() == IscoCode.NONE) {
      return 0;
    }
    Recognition best = p.bestRecognitionFor(o.isco());
    if (best == null) {
      return 0;
    }
    return switch (best) {
      case FULL -> 1;
      case PARTIAL -> 0.5;
      case PENDING -> 0.25;
      default -> 0;
    };
  }

  /**
   * {@code language}: the mean over asked languages of the margin above the asked level (0.75 at
   * the level, 0.125 more per level above, up to 1); a bridged gap costs {@code
   * language_gap_penalty} per level; never below -1. Nothing asked scores 1.
   */
  private double language(PersonFacts p, Posting posting) {
    List<LanguageRequirement> asked = posting.opportunity().languageRequirements();
    if (asked.isEmpty()) {
      return 1;
    }
    double sum = 0;
    for (LanguageRequirement r : asked) {
      int margin = p.languageRank(r.language()) - r.minLevel().rank();
      sum += margin >= 0
          ? Math.min(1, 0.75 + 0.125 * margin)
          : margin * rules.languageGapPenalty();
    }
    return Math.max(-1, sum / asked.size());
  }

  /**
   * {@code distance}: 1 at the door falling to 0 at the commuting limit; remote 1, a move {@code
   * relocation_distance_score}, an unknown place 0.5.
   */
  private double distance(PersonFacts p, Posting posting) {
    Opportunity o = posting.opportunity();
    return switch (reach(p, o)) {
      case REMOTE -> 1;
      case COMMUTE -> {
        double limit = p.commuteLimitKm(hoursMax(o));
        yield limit <= 0 ? 1 : 1 - distanceKm(p, o.location()) / limit;
      }
      case RELOCATION -> rules.relocationDistanceScore();
      case UNKNOWN -> 0.5;
      case NONE -> 0;
    };
  }

  /** {@code hours_fit}: hours within the person's range 1; partial overlap or unknown 0.5. */
  private static double hoursFit(PersonFacts p, Posting posting) {
    Opportunity o = posting.opportunity();
    float lo = hoursMin(o);
    float hi = hoursMax(o);
    if (Float.isNaN(lo) && Float.isNaN(hi)) {
      return 0.5;
    }
    boolean fitsMax = Float.isNaN(p.maxHours()) || !((Float.isNaN(hi) ? lo : hi) > p.maxHours());
    boolean fitsMin = Float.isNaN(p.minHours()) || !((Float.isNaN(lo) ? hi : lo) < p.minHours());
    return fitsMax && fitsMin ? 1 : 0.5;
  }

  /**
   * {@code apprenticeship_residence}: for a tolerated person an apprenticeship secures residence
   * (training toleration, §60c AufenthG).
   */
  private static double apprenticeshipResidence(PersonFacts p, Posting o) {
    return p.tolerated() && o.opportunity().kind() == OpportunityKind.APPRENTICESHIP ? 1 : 0;
  }

  /** {@code childcare_support}: employer childcare, for a person whose children need care. */
  private static double childcareSupport(PersonFacts p, Posting o) {
    return p.needsChildcare() && Boolean.TRUE.equals(o.opportunity().childcareSupport()) ? 1 : 0;
  }

  /** A custom scorer's value within [-1, 1], NaN as 0, as {@link CustomScorer} documents. */
  private static double clamped(double value) {
    return Double.isNaN(value) ? 0 : Math.max(-1, Math.min(1, value));
  }

  // ---------------------------------------------------------------- reach

  /** How an opportunity can be reached: the commute filter and the distance scorer share it. */
  private enum Reach { REMOTE, COMMUTE, RELOCATION, UNKNOWN, NONE }

  private static Reach reach(PersonFacts p, Opportunity o) {
    if (Boolean.TRUE.equals(o.remote())) {
      return Reach.REMOTE;
    }
    Location place = o.location();
    if (!p.located() || place == null || !place.hasCoordinates()) {
      return Reach.UNKNOWN;
    }
    if (distanceKm(p, place) <= p.commuteLimitKm(hoursMax(o))) {
      return Reach.COMMUTE;
    }
    return mayMoveFor(p, o) ? Reach.RELOCATION : Reach.NONE;
  }

  /**
   * A move the person is willing to make and may make: no residence obligation in force, one
   * within the obligation's region, or an opportunity that lifts it (§12a AufenthG: an
   * apprenticeship, or a job of at least {@code residence_lift_min_hours_per_week} guaranteed
   * hours paying at least {@code residence_lift_min_monthly_eur}).
   */
  private static boolean mayMoveFor(PersonFacts p, Opportunity o) {
    if (!p.willingToRelocate()) {
      return false;
    }
    String region = o.location() == null ? null : o.location().region();
    if (p.obligationRegion() == null || p.obligationRegion().equals(region)) {
      return true;
    }
    if (o.kind() == OpportunityKind.APPRENTICESHIP) {
      return true;
    }
    float pay = o.monthlyGrossEur() == null ? Float.NaN : o.monthlyGrossEur().floatValue();
    return o.kind() != OpportunityKind.VOLUNTEERING
        && hoursMin(o) >= p.liftMinHours() && pay >= p.liftMinEur();
  }

  /** Great-circle distance in km, the opportunity's coordinates as float columns hold them. */
  private static double distanceKm(PersonFacts p, Location place) {
    return SloppyMath.haversinMeters(
        p.lat(), p.lon(), place.lat().floatValue(), place.lon().floatValue()) / 1000.0;
  }

  private static float hoursMin(Opportunity o) {
    HoursRange h = o.hoursPerWeek();
    return h == null || h.min() == null ? Float.NaN : h.min().floatValue();
  }

  private static float hoursMax(Opportunity o) {
    HoursRange h = o.hoursPerWeek();
    return h == null || h.max() == null ? Float.NaN : h.max().floatValue();
  }

  // ---------------------------------------------------------------- plumbing

  private List<String> analyse(String phrase) {
    return analysed.computeIfAbsent(phrase, s -> Terms.analyze(analyzer, s));
  }

  private <T extends CustomRule> T customRule(String name, Class<T> kind) {
    CustomRule rule = custom.get(name).orElseThrow(() -> new IllegalArgumentException(
        "rule set " + rules.name() + " names the custom rule '" + name
            + "', which the reference was not given (given: " + custom + ")"));
    if (!kind.isInstance(rule)) {
      throw new IllegalArgumentException("rule set " + rules.name() + " uses '" + name
          + "' as a " + kind.getSimpleName() + ", but " + rule.getClass().getName() + " is not");
    }
    return kind.cast(rule);
  }

  /** A built-in rule without a method here means the reference lags behind the engine. */
  private static void checkNotBuiltIn(String name, List<String> builtIn) {
    if (builtIn.contains(name)) {
      throw new IllegalStateException("the reference has no method for the built-in rule '"
          + name + "': write it in ReferenceRanker, as the rule is documented");
    }
  }
}
