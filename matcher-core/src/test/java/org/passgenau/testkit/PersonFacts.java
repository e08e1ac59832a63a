package org.passgenau.testkit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.passgenau.model.Availability;
import org.passgenau.model.Experience;
import org.passgenau.model.Health;
import org.passgenau.model.LanguageSkill;
import org.passgenau.model.Location;
import org.passgenau.model.Mobility;
import org.passgenau.model.Occupation;
import org.passgenau.model.Opportunity;
import org.passgenau.model.PermitStatus;
import org.passgenau.model.Profile;
import org.passgenau.model.Qualification;
import org.passgenau.model.Recognition;
import org.passgenau.model.ResidenceObligation;
import org.passgenau.model.WorkBan;
import org.passgenau.model.WorkPermit;
import org.passgenau.rank.RuleSet;
import org.passgenau.taxonomy.IscoCode;
import org.passgenau.taxonomy.OccupationTaxonomy;

/**
 * What the rules need to know about one person, worked out once per query from the profile, the
 * rule set's parameters and the reference date: the limits a search form or a case system would
 * turn into query parameters. {@link ReferenceRanker} applies them opportunity by opportunity;
 * the benchmarks' Lucene peer turns them into queries. Written from the documented rules
 * ({@code docs/domain-rules.md}, the README's rules table, {@link RuleSet}'s parameters), not by
 * calling the engine's rule classes.
 *
 * <p>Numbers the engine keeps in float columns (hours, coordinates of opportunities) are float
 * here too, so that boundary comparisons are bit for bit those of the rules as implemented. Immutable; {@code audit} fields are not read.
 */
public final class PersonFacts {

  /** A day that is not given. */
  public static final int NO_DAY = Integer.MIN_VALUE;

  /**
   * Licence classes that holding a class implies (EU Directive 2006/126/EC and the
   * Fahrerlaubnis-Verordnung: B is a prerequisite of the heavier classes).
   */
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

  private final RuleSet rules;
  private final int today;

  private final boolean absoluteBan;
  private final int banUntilDay;
  private final boolean tolerated;
  private final boolean mayWorkAbroad;
  private final String homeCountry;

  private final Map<String, Integer> languageRanks = new TreeMap<>();

  private final boolean located;
  private final double lat;
  private final double lon;
  private final double commuteKmFullDay;
  private final double commuteKmPartDay;
  private final boolean willingToRelocate;
  private final String obligationRegion;
  private final double liftMinHours;
  private final double liftMinEur;

  private final int[] occupationIsco;
  private final double[] occupationWeight;
  private final int[] qualificationIsco;
  private final Recognition[] qualificationRecognition;
  private final int bestLevel;
  private final int school;

  private final int availableFromDay;
  private final float maxHours;
  private final float minHours;
  private final int shiftOk;
  private final int nightOk;
  private final int weekendOk;
  private final boolean needsChildcare;
  private final boolean childcareRulesOutNights;
  private final int maxDemand;
  private final boolean needsAccessible;
  private final SortedSet<String> licences;
  private final SortedSet<String> skillTerms;
  /** The rule set's occupation bridges as {@link #pairKey} values. */
  private final Set<Long> bridges = new HashSet<>();
  private final int bridgeLevels;
  private final int recognitionSharedLevels;
  private final double fullDayHours;

  private PersonFacts(Profile p, RuleSet rules, LocalDate asOf, OccupationTaxonomy taxonomy,
      Function<String, List<String>> analyse) {
    this.rules = rules;
    this.today = (int) asOf.toEpochDay();

    WorkPermit permit = p.workPermit();
    WorkBan ban = permit == null ? WorkBan.NONE : permit.ban();
    absoluteBan = ban == WorkBan.ABSOLUTE;
    banUntilDay = ban == WorkBan.TEMPORARY && !permit.workBanUntil().isBefore(asOf)
        ? (int) permit.workBanUntil().toEpochDay() : NO_DAY;
    tolerated = permit != null && permit.status() == PermitStatus.TOLERATION;
    // Only a known non-EU status bars work abroad; an absent one is no constraint.
    mayWorkAbroad =
        permit == null || permit.status() == null || permit.status() == PermitStatus.EU_CITIZEN;

    for (LanguageSkill s : p.languages()) {
      languageRanks.merge(s.language(), s.level().rank(), Math::max);
    }

    Location home = p.location();
    located = home != null && home.hasCoordinates();
    lat = located ? home.lat() : Double.NaN;
    lon = located ? home.lon() : Double.NaN;
    homeCountry = home == null ? null : home.country();
    Mobility m = p.mobility();
    boolean car = m != null && Boolean.TRUE.equals(m.car());
    double speed = car ? rules.carKmh() : rules.publicTransportKmh();
    Double statedKm = m == null ? null : m.maxCommuteKm();
    Double statedMinutes = m == null ? null : m.maxCommuteMinutes();
    if (statedKm != null || statedMinutes != null) {
      // The person's own limit stands, whatever the length of the working day.
      double km = statedKm != null ? statedKm : Double.POSITIVE_INFINITY;
      if (statedMinutes != null) {
        km = Math.min(km, statedMinutes / 60.0 * speed);
      }
      commuteKmFullDay = km;
      commuteKmPartDay = km;
    } else {
      boolean nl = home != null && "NL".equals(home.country());
      double full = nl ? rules.dailyCommuteMinutesNl() : rules.dailyCommuteMinutesFullDay();
      double part = nl ? rules.dailyCommuteMinutesNl() : rules.dailyCommuteMinutesPartDay();
      // The norms speak of a daily round trip; the limit is one way.
      commuteKmFullDay = full / 2 / 60.0 * speed;
      commuteKmPartDay = part / 2 / 60.0 * speed;
    }
    willingToRelocate = m != null && Boolean.TRUE.equals(m.willingToRelocate());
    ResidenceObligation obligation = p.residenceObligation();
    obligationRegion =
        obligation != null && obligation.inForceOn(asOf) ? obligation.region() : null;
    liftMinHours = rules.residenceLiftMinHoursPerWeek();
    liftMinEur = rules.residenceLiftMinMonthlyEur(asOf);

    // Qualifications count fully, experience by its years, wishes a little less.
    List<Integer> codes = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    int best = 1;
    qualificationIsco = new int[p.qualifications().size()];
    qualificationRecognition = new Recognition[qualificationIsco.length];
    for (int i = 0; i < qualificationIsco.length; i++) {
      Qualification q = p.qualifications().get(i);
      qualificationIsco[i] = iscoOf(taxonomy, q.occupation());
      // An unknown status proves nothing: as not applied for.
      qualificationRecognition[i] =
          q.recognition() == null ? Recognition.NOT_APPLIED : q.recognition();
      if (q.level() != null) {
        best = Math.max(best, q.level().rank());
      }
      codes.add(qualificationIsco[i]);
      weights.add(1.0);
    }
    for (Experience e : p.experience()) {
      double years = e.years() == null ? 1 : e.years();
      codes.add(iscoOf(taxonomy, e.occupation()));
      weights.add(Math.min(1.0, (6 + years) / 10));
    }
    for (Occupation wish : p.desiredOccupations()) {
      codes.add(iscoOf(taxonomy, wish));
      weights.add(0.9);
    }
    List<Integer> known = new ArrayList<>();
    for (int i = 0; i < codes.size(); i++) {
      if (codes.get(i) != IscoCode.NONE) {
        known.add(i);
      }
    }
    occupationIsco = new int[known.size()];
    occupationWeight = new double[known.size()];
    for (int i = 0; i < known.size(); i++) {
      occupationIsco[i] = codes.get(known.get(i));
      occupationWeight[i] = weights.get(known.get(i));
    }
    bestLevel = best;
    school = p.school() == null ? -1 : p.school().ordinal();

    Availability a = p.availability();
    availableFromDay =
        a == null || a.availableFrom() == null ? NO_DAY : (int) a.availableFrom().toEpochDay();
    maxHours = a == null || a.maxHoursPerWeek() == null
        ? Float.NaN : a.maxHoursPerWeek().floatValue();
    minHours = a == null || a.minHoursPerWeek() == null
        ? Float.NaN : a.minHoursPerWeek().floatValue();
    shiftOk = tri(a == null ? null : a.shiftOk());
    nightOk = tri(a == null ? null : a.nightOk());
    weekendOk = tri(a == null ? null : a.weekendOk());
    needsChildcare = p.family() != null && p.family().needsChildcare();
    // The person's own statement about nights stands; only silence lets small children decide.
    childcareRulesOutNights = nightOk == -1 && p.family() != null
        && p.family().childrenUnder3() != null && p.family().childrenUnder3() > 0
        && !Boolean.TRUE.equals(p.family().childcareArranged());
    Health h = p.health();
    maxDemand = h == null || h.maxPhysicalDemand() == null ? -1 : h.maxPhysicalDemand().ordinal();
    needsAccessible = h != null && Boolean.TRUE.equals(h.needsAccessibleWorkplace());

    SortedSet<String> held = new TreeSet<>();
    if (m != null) {
      for (String l : m.drivingLicense()) {
        String cls = licence(l);
        held.add(cls);
        held.addAll(LICENCE_IMPLIES.getOrDefault(cls, List.of()));
      }
    }
    licences = Collections.unmodifiableSortedSet(held);
    SortedSet<String> terms = new TreeSet<>();
    for (String skill : p.skills()) {
      terms.addAll(analyse.apply(skill));
    }
    skillTerms = Collections.unmodifiableSortedSet(terms);
    for (List<String> pair : rules.occupationBridges()) {
      bridges.add(pairKey(IscoCode.encode(pair.get(0)), IscoCode.encode(pair.get(1))));
    }
    // Read once: the peers ask per document.
    bridgeLevels = rules.bridgeLevels();
    recognitionSharedLevels = rules.recognitionSharedLevels();
    fullDayHours = rules.fullDayHoursPerWeek();
  }

  /**
   * The facts of {@code profile} under {@code rules} on {@code asOf}.
   *
   * @param taxonomy resolves the person's occupations to ISCO unit groups
   * @param analyse the analysis of a skill phrase into terms, as the index analyses postings
   */
  public static PersonFacts of(Profile profile, RuleSet rules, LocalDate asOf,
      OccupationTaxonomy taxonomy, Function<String, List<String>> analyse) {
    return new PersonFacts(Objects.requireNonNull(profile, "profile"),
        Objects.requireNonNull(rules, "rules"), Objects.requireNonNull(asOf, "asOf"),
        Objects.requireNonNull(taxonomy, "taxonomy"), Objects.requireNonNull(analyse, "analyse"));
  }

  // ---------------------------------------------------------------- dates and the right to work

  /** The reference date as an epoch day. */
  public int today() { return today; }

  /** Banned from all employment ({@code work_ban: absolute}). */
  public boolean absoluteBan() { return absoluteBan; }

  /** Last day of a temporary work ban still in force, else {@link #NO_DAY}. */
  public int banUntilDay() { return banUntilDay; }

  /** Holds a toleration (Duldung). */
  public boolean tolerated() { return tolerated; }

  /** May take employment in another country: EU citizens, and people of unknown status. */
  public boolean mayWorkAbroad() { return mayWorkAbroad; }

  /** Country the person lives in, or null. */
  public String homeCountry() { return homeCountry; }

  /** First day the person is available, else {@link #NO_DAY}. */
  public int availableFromDay() { return availableFromDay; }

  // ---------------------------------------------------------------- place

  /** The person's home has coordinates. */
  public boolean located() { return located; }

  public double lat() { return lat; }

  public double lon() { return lon; }

  /** One-way commuting limit for working days over six hours, km. */
  public double commuteKmFullDay() { return commuteKmFullDay; }

  /** One-way commuting limit for working days of six hours or less, km. */
  public double commuteKmPartDay() { return commuteKmPartDay; }

  /**
   * The one-way limit for a job of at most {@code hoursMax} weekly hours (NaN when unknown,
   * which counts as a full day).
   */
  public double commuteLimitKm(float hoursMax) {
    boolean partDay = !Float.isNaN(hoursMax) && hoursMax <= fullDayHours;
    return partDay ? commuteKmPartDay : commuteKmFullDay;
  }

  public boolean willingToRelocate() { return willingToRelocate; }

  /** Region of a residence obligation (§12a AufenthG) in force, or null. */
  public String obligationRegion() { return obligationRegion; }

  /** Least guaranteed weekly hours of a job that lifts the residence obligation. */
  public double liftMinHours() { return liftMinHours; }

  /** Least monthly pay of such a job on the reference date, EUR. */
  public double liftMinEur() { return liftMinEur; }

  // ---------------------------------------------------------------- occupations and recognition

  /** How many occupations the person brings (qualifications, experience, wishes) with a code. */
  public int occupationCount() { return occupationIsco.length; }

  /** The encoded ISCO code of the {@code j}th occupation the person brings. */
  public int occupationIsco(int j) { return occupationIsco[j]; }

  /** How much the {@code j}th occupation counts: 1 qualified, 0.6 to 1 by years, 0.9 wished. */
  public double occupationWeight(int j) { return occupationWeight[j]; }

  public int qualificationCount() { return qualificationIsco.length; }

  /** The encoded ISCO code of the {@code i}th qualification, {@link IscoCode#NONE} if unknown. */
  public int qualificationIsco(int i) { return qualificationIsco[i]; }

  /** Recognition of the {@code i}th qualification; an unknown status is as not applied for. */
  public Recognition qualificationRecognition(int i) { return qualificationRecognition[i]; }

  /** Rank of the highest qualification level, 1 (helper) when none is known. */
  public int bestLevel() { return bestLevel; }

  /** School-leaving level's ordinal, or -1 when unknown. */
  public int school() { return school; }

  /**
   * Closeness of two encoded ISCO codes in shared levels (4 = same unit group), raised to the
   * rule set's {@code bridge_levels} for a pair it lists as an occupation bridge.
   */
  public int closeness(int personIsco, int jobIsco) {
    int shared = IscoCode.sharedLevels(personIsco, jobIsco);
    return shared >= bridgeLevels || !bridges.contains(pairKey(personIsco, jobIsco))
        ? shared : bridgeLevels;
  }

  /** The 4-digit codes the rule set bridges to {@code isco}. */
  public List<String> bridgedTo(int isco) {
    return partners(rules.occupationBridges(), isco);
  }

  public int bridgeLevels() { return bridgeLevels; }

  /**
   * Whether a qualification's recognition counts for a job: recognition is for one profession
   * (BQFG), so it counts for the same unit group (or as close as {@code
   * recognition_shared_levels} allows) and for the unit groups the rule set lists as equivalent.
   */
  public boolean recognitionCounts(int qualificationIsco, int jobIsco) {
    return closeness(qualificationIsco, jobIsco) >= recognitionSharedLevels
        || listed(rules.recognitionEquivalences(), qualificationIsco, jobIsco);
  }

  /** The 4-digit codes whose regulated posts a recognition for {@code isco} also opens. */
  public List<String> equivalentTo(int isco) {
    return partners(rules.recognitionEquivalences(), isco);
  }

  /**
   * The best recognition among the qualifications whose recognition counts for a job of {@code
   * jobIsco} (FULL is best, REJECTED worst), or null when none counts.
   */
  public Recognition bestRecognitionFor(int jobIsco) {
    Recognition best = null;
    for (int i = 0; i < qualificationIsco.length; i++) {
      if (recognitionCounts(qualificationIsco[i], jobIsco)
          && (best == null || qualificationRecognition[i].compareTo(best) < 0)) {
        best = qualificationRecognition[i];
      }
    }
    return best;
  }

  // ---------------------------------------------------------------- language and skills

  /** The person's CEFR rank in {@code language} (A1 = 1 ... C2 = 6), 0 when not listed. */
  public int languageRank(String language) {
    return languageRanks.getOrDefault(language, 0);
  }

  /** The analysed terms of the person's skills. */
  public SortedSet<String> skillTerms() { return skillTerms; }

  // ---------------------------------------------------------------- working time, family, health

  /** Most weekly hours the person can work, NaN when not stated. */
  public float maxHours() { return maxHours; }

  /** Fewest weekly hours the person wants, NaN when not stated. */
  public float minHours() { return minHours; }

  /** 1 the person can work shifts, 0 cannot, -1 said nothing. */
  public int shiftOk() { return shiftOk; }

  /** 1 the person can work nights, 0 cannot, -1 said nothing. */
  public int nightOk() { return nightOk; }

  /** 1 the person can work weekends, 0 cannot, -1 said nothing. */
  public int weekendOk() { return weekendOk; }

  /** Children of any age whose care is not arranged. */
  public boolean needsChildcare() { return needsChildcare; }

  /** Nothing said about nights, and children under three whose care is not arranged. */
  public boolean childcareRulesOutNights() { return childcareRulesOutNights; }

  /** The most physical demand the person's health allows, as an ordinal; -1 when unknown. */
  public int maxDemand() { return maxDemand; }

  public boolean needsAccessible() { return needsAccessible; }

  /** The licence classes held, with those they imply, upper case. */
  public SortedSet<String> licences() { return licences; }

  // ---------------------------------------------------------------- shared helpers

  /** Licence classes compare case-insensitively. */
  public static String licence(String value) {
    return value == null ? null : value.trim().toUpperCase(Locale.ROOT);
  }

  /** ISCO of an occupation via the taxonomy, encoded; {@link IscoCode#NONE} when unresolvable. */
  public static int iscoOf(OccupationTaxonomy taxonomy, Occupation occupation) {
    return taxonomy.resolveIsco(occupation).map(IscoCode::encode).orElse(IscoCode.NONE);
  }

  /**
   * ISCO of an opportunity as an ingest step would classify it: its occupation resolved through
   * the taxonomy, else its title classified; encoded, {@link IscoCode#NONE} when neither works.
   */
  public static int iscoOf(OccupationTaxonomy taxonomy, Opportunity o) {
    if (o.occupation() != null) {
      var code = taxonomy.resolveIsco(o.occupation());
      if (code.isPresent()) {
        return IscoCode.encode(code.get());
      }
    }
    return taxonomy.classify(o.title()).map(c -> IscoCode.encode(c.isco())).orElse(IscoCode.NONE);
  }

  /** The same key for (a, b) and (b, a). */
  private static long pairKey(int a, int b) {
    return ((long) Math.min(a, b) << 32) | (Math.max(a, b) & 0xffffffffL);
  }

  /** Whether the pair (a, b) is listed, in either order. */
  private static boolean listed(List<List<String>> pairs, int a, int b) {
    for (List<String> pair : pairs) {
      int x = IscoCode.encode(pair.get(0));
      int y = IscoCode.encode(pair.get(1));
      if (x == a && y == b || x == b && y == a) {
        return true;
      }
    }
    return false;
  }

  private static List<String> partners(List<List<String>> pairs, int isco) {
    List<String> out = new ArrayList<>();
    for (List<String> pair : pairs) {
      if (IscoCode.encode(pair.get(0)) == isco) {
        out.add(pair.get(1));
      } else if (IscoCode.encode(pair.get(1)) == isco) {
        out.add(pair.get(0));
      }
    }
    return out;
  }

  private static int tri(Boolean value) {
    return value == null ? -1 : value ? 1 : 0;
  }
}
