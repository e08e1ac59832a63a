package org.passgenau.bench.peer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.passgenau.taxonomy.IscoCode;
import org.passgenau.taxonomy.OccupationTaxonomy;

/**
 * The oracle: for a profile, every opportunity object of the corpus is checked against every hard
 * filter of the rule set and, if admitted, scored by every scorer, written directly against the
 * model records; all admitted are then sorted by score (descending) and id (ascending) and the
 * first k kept. No index, no candidate pruning, no heap.
 *
 * <p>Two things are prepared once, as any application would: the ISCO code of each opportunity
 * (classification by the taxonomy is an ingest step, and the engine too classifies each title
 * once) and the analysed terms of each distinct skill phrase. Numbers the engine keeps in float
 * columns (coordinates, hours, pay) are narrowed to float here too, so that distances and
 * boundary comparisons are bit-for-bit those of the rule set as implemented.
 *
 * <p>Thread-safe after construction: {@link #rank} keeps its state on the stack.
 */
public final class BruteForceRanker {

  private static final int APPRENTICESHIP = OpportunityKind.APPRENTICESHIP.ordinal();
  private static final int TRAINING = OpportunityKind.TRAINING.ordinal();
  private static final int VACANCY = OpportunityKind.VACANCY.ordinal();
  private static final int VOLUNTEERING = OpportunityKind.VOLUNTEERING.ordinal();

  private static final int REACH_REMOTE = 0;
  private static final int REACH_COMMUTE = 1;
  private static final int REACH_RELOCATION = 2;
  private static final int REACH_UNKNOWN = 3;
  private static final int REACH_NONE = 4;

  private final List<Opportunity> corpus;
  private final int[] isco;
  private final Map<String, List<String>> skillTermCache = new HashMap<>();
  private final List<Set<String>> skillTerms;
  private final Map<List<String>, Set<String>> termSets = new HashMap<>();
  private final RuleSet rules;
  private final OccupationTaxonomy taxonomy;
  private final List<String> filters = new ArrayList<>();
  private final List<String> scorers = new ArrayList<>();
  private final double[] weights;
  private final Analyzer analyzer = OpportunityAnalyzer.forIndexing();

  public BruteForceRanker(List<Opportunity> corpus, RuleSet rules, OccupationTaxonomy taxonomy) {
    this.corpus = List.copyOf(corpus);
    this.rules = rules;
    this.taxonomy = taxonomy;
    this.isco = new int[this.corpus.size()];
    this.skillTerms = new ArrayList<>(this.corpus.size());
    for (int i = 0; i < isco.length; i++) {
      Opportunity o = this.corpus.get(i);
      isco[i] = PersonFacts.isco(taxonomy, o);
      // Postings of one occupation share skill lists; their term sets are shared too.
      skillTerms.add(termSets.computeIfAbsent(o.skills(), skills -> {
        Set<String> terms = new HashSet<>();
        for (String skill : skills) {
          terms.addAll(analyse(skill));
        }
        return terms;
      }));
    }
    for (String f : RuleSet.FILTERS) {
      if (rules.filterOn(f)) {
        filters.add(f);
      }
    }
    // Weights normalised to sum to 1, summed in the rule set's scorer order.
    List<Double> w = new ArrayList<>();
    double total = 0;
    for (String s : RuleSet.SCORERS) {
      double weight = rules.weight(s);
      if (weight > 0) {
        scorers.add(s);
        w.add(weight);
        total += weight;
      }
    }
    weights = new double[w.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = w.get(i) / total;
    }
  }

  private synchronized List<String> analyse(String skill) {
    return skillTermCache.computeIfAbsent(skill, s -> Terms.analyze(analyzer, s));
  }

  /** The best {@code k} opportunities for {@code profile} as of {@code asOf}, best first. */
  public List<Ranked> rank(Profile profile, LocalDate asOf, int k) {
    PersonFacts p = new PersonFacts(profile, rules, asOf, taxonomy, this::analyse);
    List<Ranked> admitted = new ArrayList<>();
    for (int i = 0; i < corpus.size(); i++) {
      Opportunity o = corpus.get(i);
      if (admits(p, o, i)) {
        admitted.add(new Ranked(o.id(), score(p, o, i)));
      }
    }
    admitted.sort(Comparator.comparingDouble(Ranked::score).reversed()
        .thenComparing(Ranked::id));
    return List.copyOf(admitted.subList(0, Math.min(k, admitted.size())));
  }

  private boolean admits(PersonFacts p, Opportunity o, int i) {
    for (String f : filters) {
      boolean ok = switch (f) {
        case "commute" -> reach(p, o) != REACH_NONE;
        case "work_permit" -> workPermit(p, o);
        case "application_deadline" -> o.applicationDeadline() == null
            || o.applicationDeadline().toEpochDay() >= p.today;
        case "start_date" -> start(p, o);
        case "recognition" -> recognition(p, o, i);
        case "language_floor" -> languageFloor(p, o);
        case "hours" -> !(hoursMin(o) > p.maxHours) && !(hoursMax(o) < p.minHours);
        case "shift_work" -> !(Boolean.TRUE.equals(o.shiftWork()) && p.shiftOk == 0);
        case "night_work" -> !(Boolean.TRUE.equals(o.nightWork()) && p.nightOk == 0);
        case "weekend_work" -> !(Boolean.TRUE.equals(o.weekendWork()) && p.weekendOk == 0);
        case "childcare" -> !(p.childcareRulesOutNights && Boolean.TRUE.equals(o.nightWork())
            && !Boolean.TRUE.equals(o.childcareSupport()));
        case "physical_demand" -> p.maxDemand == -1 || o.physicalDemand() == null
            || o.physicalDemand().ordinal() <= p.maxDemand;
        case "accessibility" -> !p.needsAccessible || !Boolean.FALSE.equals(o.accessible());
        case "driving_license" -> o.drivingLicense() == null
            || p.licences.contains(PersonFacts.licence(o.drivingLicense()));
        case "school" -> o.minSchool() == null || p.school == -1
            || p.school >= o.minSchool().ordinal();
        default -> throw new IllegalStateException("no filter " + f);
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private double score(PersonFacts p, Opportunity o, int i) {
    double score = 0;
    for (int s = 0; s < weights.length; s++) {
      double value = switch (scorers.get(s)) {
        case "occupation" -> occupation(p, i);
        case "skills" -> skills(p, i);
        case "qualification_level" -> level(p, o);
        case "recognition_signal" -> recognitionSignal(p, i);
        case "language" -> language(p, o);
        case "distance" -> distance(p, o);
        case "hours_fit" -> hoursFit(p, o);
        case "apprenticeship_residence" ->
            p.tolerated && o.kind().ordinal() == APPRENTICESHIP ? 1 : 0;
        case "childcare_support" ->
            p.needsChildcare && Boolean.TRUE.equals(o.childcareSupport()) ? 1 : 0;
        default -> throw new IllegalStateException("no scorer " + scorers.get(s));
      };
      score += weights[s] * value;
    }
    return score;
  }

  // --- filters ---

  private boolean workPermit(PersonFacts p, Opportunity o) {
    if (o.kind().ordinal() == VOLUNTEERING || o.kind().ordinal() == TRAINING) {
      return true; // not employment
    }
    if (p.absoluteBan) {
      return false;
    }
    // A temporary ban: what starts after it, or with no start date (a note says it must end).
    if (p.banUntilDay != PersonFacts.NO_DAY && o.startDate() != null
        && o.startDate().toEpochDay() <= p.banUntilDay) {
      return false;
    }
    String country = o.location() == null ? null : o.location().country();
    return p.mayWorkAbroad || p.homeCountry == null || country == null
        || country.equals(p.homeCountry);
  }

  private boolean start(PersonFacts p, Opportunity o) {
    if (o.startDate() == null) {
      return true;
    }
    int start = (int) o.startDate().toEpochDay();
    int kind = o.kind().ordinal();
    int lastJoin;
    if (kind == APPRENTICESHIP || kind == TRAINING) {
      lastJoin = start + rules.startGraceDaysApprenticeship();
      if (lastJoin < p.today) {
        return false;
      }
    } else {
      lastJoin = Math.max(start, p.today) + rules.startGraceDaysOther();
    }
    return p.availableFromDay == PersonFacts.NO_DAY || p.availableFromDay <= lastJoin;
  }

  private boolean recognition(PersonFacts p, Opportunity o, int i) {
    boolean regulated = o.qualification() != null && o.qualification().regulatedProfession();
    // An unknown level is taken as skilled.
    Level level = o.requirementLevel(); // as given, else from the KldB code's fifth digit
    boolean helper = level != null && level.rank() == 1;
    if (!(regulated && o.kind().ordinal() == VACANCY && !helper)) {
      return true;
    }
    int best = p.bestRecognitionFor(isco[i]);
    if (best == Recognition.FULL.ordinal()) {
      return true;
    }
    return Boolean.TRUE.equals(o.recognitionPartnership()) && best >= 0
        && best != Recognition.REJECTED.ordinal();
  }

  private boolean languageFloor(PersonFacts p, Opportunity o) {
    int tolerance = Boolean.TRUE.equals(o.languageSupport()) ? rules.languageGapTolerance() : 0;
    for (LanguageRequirement r : o.languageRequirements()) {
      if (r.minLevel().rank() - p.languageRank(r.language()) > tolerance) {
        return false;
      }
    }
    return true;
  }

  private int reach(PersonFacts p, Opportunity o) {
    if (Boolean.TRUE.equals(o.remote())) {
      return REACH_REMOTE;
    }
    Location loc = o.location();
    if (!p.located || loc == null || !loc.hasCoordinates()) {
      return REACH_UNKNOWN;
    }
    double km = distanceKm(p, loc);
    if (km <= p.commuteLimitKm(hoursMax(o))) {
      return REACH_COMMUTE;
    }
    return canMoveFor(p, o) ? REACH_RELOCATION : REACH_NONE;
  }

  private static double distanceKm(PersonFacts p, Location loc) {
    // Coordinates as the engine's float columns hold them.
    return SloppyMath.haversinMeters(p.lat, p.lon, loc.lat().floatValue(), loc.lon().floatValue())
        / 1000.0;
  }

  private static boolean canMoveFor(PersonFacts p, Opportunity o) {
    if (!p.willingToRelocate) {
      return false;
    }
    String region = o.location() == null ? null : o.location().region();
    if (p.obligationRegion == null || p.obligationRegion.equals(region)) {
      return true;
    }
    // Section 12a AufenthG: an apprenticeship, or a job of at least 15 h a week (guaranteed)
    // paying at least the dated threshold, lifts the residence obligation.
    int kind = o.kind().ordinal();
    if (kind == APPRENTICESHIP) {
      return true;
    }
    float pay = o.monthlyGrossEur() == null ? Float.NaN : o.monthlyGrossEur().floatValue();
    return kind != VOLUNTEERING && hoursMin(o) >= p.liftMinHours && pay >= p.liftMinEur;
  }

  // --- scorers ---

  private double occupation(PersonFacts p, int i) {
    double value = 0;
    for (int j = 0; j < p.occIsco.length; j++) {
      value = Math.max(value, p.closeness(p.occIsco[j], isco[i]) / 4.0 * p.occWeight[j]);
    }
    return value;
  }

  private double skills(PersonFacts p, int i) {
    Set<String> terms = skillTerms.get(i);
    if (terms.isEmpty() || p.skillTerms.isEmpty()) {
      return 0;
    }
    int shared = 0;
    for (String t : terms) {
      if (p.skillTerms.contains(t)) {
        shared++;
      }
    }
    return shared / (double) terms.size();
  }

  private static double level(PersonFacts p, Opportunity o) {
    Level level = o.requirementLevel();
    if (level == null) {
      return 0.5;
    }
    int diff = p.bestLevel - level.rank();
    return Math.max(0, diff >= 0 ? 1 - 0.25 * diff : 1 + 0.4 * diff);
  }

  private double recognitionSignal(PersonFacts p, int i) {
    if (isco[i] == IscoCode.NONE) {
      return 0;
    }
    int best = p.bestRecognitionFor(isco[i]);
    if (best == Recognition.FULL.ordinal()) {
      return 1;
    } else if (best == Recognition.PARTIAL.ordinal()) {
      return 0.5;
    } else if (best == Recognition.PENDING.ordinal()) {
      return 0.25;
    }
    return 0;
  }

  private double language(PersonFacts p, Opportunity o) {
    List<LanguageRequirement> asked = o.languageRequirements();
    if (asked.isEmpty()) {
      return 1;
    }
    double sum = 0;
    for (LanguageRequirement r : asked) {
      int margin = p.languageRank(r.language()) - r.minLevel().rank();
      sum += margin >= 0 ? Math.min(1, 0.75 + 0.125 * margin) : margin * rules.languageGapPenalty();
    }
    return Math.max(-1, sum / asked.size());
  }

  private double distance(PersonFacts p, Opportunity o) {
    return switch (reach(p, o)) {
      case REACH_REMOTE -> 1;
      case REACH_COMMUTE -> {
        double limit = p.commuteLimitKm(hoursMax(o));
        yield limit <= 0 ? 1 : 1 - distanceKm(p, o.location()) / limit;
      }
      case REACH_RELOCATION -> rules.relocationDistanceScore();
      case REACH_UNKNOWN -> 0.5;
      default -> 0;
    };
  }

  private static double hoursFit(PersonFacts p, Opportunity o) {
    float lo = hoursMin(o);
    float hi = hoursMax(o);
    if (Float.isNaN(lo) && Float.isNaN(hi)) {
      return 0.5;
    }
    boolean fitsMax = Float.isNaN(p.maxHours) || !((Float.isNaN(hi) ? lo : hi) > p.maxHours);
    boolean fitsMin = Float.isNaN(p.minHours) || !((Float.isNaN(lo) ? hi : lo) < p.minHours);
    return fitsMax && fitsMin ? 1 : 0.5;
  }

  private static float hoursMin(Opportunity o) {
    HoursRange h = o.hoursPerWeek();
    return h == null || h.min() == null ? Float.NaN : h.min().floatValue();
  }

  private static float hoursMax(Opportunity o) {
    HoursRange h = o.hoursPerWeek();
    return h == null || h.max() == null ? Float.NaN : h.max().floatValue();
  }
}
