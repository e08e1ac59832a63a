package org.passgenau.bench.peer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 * What the default rule set needs to know about one person, worked out once per query from the
 * profile and the rule set's published constants: the limits a search form or a case system
 * would turn into query parameters. Both peer rankers read it; they differ in how they apply it.
 * Written from the rule set's documented semantics (README rules table, RuleSet and the filter
 * Javadoc), not by calling the engine.
 */
public final class PersonFacts {

  /** A day that is not given. */
  public static final int NO_DAY = Integer.MIN_VALUE;

  /** Licence classes that holding a class implies (EU directive 2006/126: B is a prerequisite). */
  static final Map<String, List<String>> LICENCE_IMPLIES =
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

  final RuleSet rules;
  final int today;

  final boolean absoluteBan;
  final int banUntilDay;
  final boolean tolerated;
  final boolean mayWorkAbroad;
  final String homeCountry;

  final Map<String, Integer> languageRanks = new HashMap<>();

  final boolean located;
  final double lat;
  final double lon;
  final double commuteKmFullDay;
  final double commuteKmPartDay;
  final boolean willingToRelocate;
  /** Region of a residence obligation in force, or null. */
  final String obligationRegion;
  final double liftMinHours;
  final double liftMinEur;

  /** Occupations the person brings (encoded ISCO) and how much each counts. */
  final int[] occIsco;
  final float[] occWeight;
  final int[] qualIsco;
  final int[] qualRecognition;
  final int bestLevel;
  /** School ordinal, or -1 when unknown. */
  final int school;

  final int availableFromDay;
  final float maxHours;
  final float minHours;
  /** 1 yes, 0 no, -1 unknown. */
  final int shiftOk;
  final int nightOk;
  final int weekendOk;
  final boolean needsChildcare;
  /** Small children without care and nothing stated about nights: night work is ruled out. */
  final boolean childcareRulesOutNights;
  /** Demand ordinal, or -1 when unknown. */
  final int maxDemand;
  final boolean needsAccessible;
  final Set<String> licences;
  final Set<String> skillTerms;
  private final Set<Long> bridges = new HashSet<>();
  private final int bridgeLevels;

  PersonFacts(Profile p, RuleSet rules, LocalDate asOf, OccupationTaxonomy taxonomy,
      Function<String, List<String>> analyse) {
    this.rules = rules;
    this.today = (int) asOf.toEpochDay();

    WorkPermit permit = p.workPermit();
    WorkBan ban = permit == null ? WorkBan.NONE : permit.ban();
    absoluteBan = ban == WorkBan.ABSOLUTE;
    banUntilDay = ban == WorkBan.TEMPORARY && !permit.workBanUntil().isBefore(asOf)
        ? (int) permit.workBanUntil().toEpochDay() : NO_DAY;
    tolerated = permit != null && permit.status() == PermitStatus.TOLERATION;
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
    obligationRegion = obligation != null && obligation.inForceOn(asOf) ? obligation.region() : null;
    liftMinHours = rules.residenceLiftMinHoursPerWeek();
    liftMinEur = rules.residenceLiftMinMonthlyEur(asOf);

    List<int[]> brought = new ArrayList<>();
    List<Float> weights = new ArrayList<>();
    int best = 1;
    qualIsco = new int[p.qualifications().size()];
    qualRecognition = new int[p.qualifications().size()];
    for (int i = 0; i < qualIsco.length; i++) {
      Qualification q = p.qualifications().get(i);
      qualIsco[i] = isco(taxonomy, q.occupation());
      // An unknown status proves nothing: as not applied for.
      qualRecognition[i] =
          (q.recognition() == null ? Recognition.NOT_APPLIED : q.recognition()).ordinal();
      if (q.level() != null) {
        best = Math.max(best, q.level().rank());
      }
      brought.add(new int[] {qualIsco[i]});
      weights.add(1.0f);
    }
    for (Experience e : p.experience()) {
      double years = e.years() == null ? 1 : e.years();
      brought.add(new int[] {isco(taxonomy, e.occupation())});
      weights.add((float) Math.min(1.0, 0.6 + 0.1 * years));
    }
    for (Occupation wish : p.desiredOccupations()) {
      brought.add(new int[] {isco(taxonomy, wish)});
      weights.add(0.9f);
    }
    List<Integer> keep = new ArrayList<>();
    for (int i = 0; i < brought.size(); i++) {
      if (brought.get(i)[0] != IscoCode.NONE) {
        keep.add(i);
      }
    }
    occIsco = new int[keep.size()];
    occWeight = new float[keep.size()];
    for (int i = 0; i < keep.size(); i++) {
      occIsco[i] = brought.get(keep.get(i))[0];
      occWeight[i] = weights.get(keep.get(i));
    }
    bestLevel = best;
    school = p.school() == null ? -1 : p.school().ordinal();

    Availability a = p.availability();
    availableFromDay =
        a == null || a.availableFrom() == null ? NO_DAY : (int) a.availableFrom().toEpochDay();
    maxHours = a == null || a.maxHoursPerWeek() == null ? Float.NaN : a.maxHoursPerWeek().floatValue();
    minHours = a == null || a.minHoursPerWeek() == null ? Float.NaN : a.minHoursPerWeek().floatValue();
    shiftOk = tri(a == null ? null : a.shiftOk());
    nightOk = tri(a == null ? null : a.nightOk());
    weekendOk = tri(a == null ? null : a.weekendOk());
    needsChildcare = p.family() != null && p.family().needsChildcare();
    childcareRulesOutNights = nightOk == -1 && p.family() != null
        && p.family().childrenUnder3() != null && p.family().childrenUnder3() > 0
        && !Boolean.TRUE.equals(p.family().childcareArranged());
    Health h = p.health();
    maxDemand = h == null || h.maxPhysicalDemand() == null ? -1 : h.maxPhysicalDemand().ordinal();
    needsAccessible = h != null && Boolean.TRUE.equals(h.needsAccessibleWorkplace());

    Set<String> held = new TreeSet<>();
    if (m != null) {
      for (String l : m.drivingLicense()) {
        String cls = licence(l);
        held.add(cls);
        held.addAll(LICENCE_IMPLIES.getOrDefault(cls, List.of()));
      }
    }
    licences = held;
    Set<String> terms = new TreeSet<>();
    for (String skill : p.skills()) {
      terms.addAll(analyse.apply(skill));
    }
    skillTerms = terms;
    for (List<String> pair : rules.occupationBridges()) {
      bridges.add(bridgeKey(IscoCode.encode(pair.get(0)), IscoCode.encode(pair.get(1))));
    }
    bridgeLevels = rules.bridgeLevels();
  }

  /** The person's CEFR rank in {@code language}, 0 when absent. */
  int languageRank(String language) {
    return languageRanks.getOrDefault(language, 0);
  }

  /** Shared ISCO levels, raised to the bridge closeness for bridged pairs. */
  int closeness(int personIsco, int jobIsco) {
    int shared = IscoCode.sharedLevels(personIsco, jobIsco);
    return shared >= bridgeLevels || !bridges.contains(bridgeKey(personIsco, jobIsco))
        ? shared : bridgeLevels;
  }

  /** The ISCO codes a 4-digit code is bridged to. */
  List<String> bridgedTo(int isco) {
    List<String> out = new ArrayList<>();
    for (List<String> pair : rules.occupationBridges()) {
      int a = IscoCode.encode(pair.get(0));
      int b = IscoCode.encode(pair.get(1));
      if (a == isco) {
        out.add(pair.get(1));
      } else if (b == isco) {
        out.add(pair.get(0));
      }
    }
    return out;
  }

  int bridgeLevels() {
    return bridgeLevels;
  }

  /** Best (lowest) recognition ordinal among qualifications close enough to {@code isco}, or -1. */
  int bestRecognitionFor(int isco) {
    int best = -1;
    for (int i = 0; i < qualIsco.length; i++) {
      if (recognitionCounts(qualIsco[i], isco) && (best == -1 || qualRecognition[i] < best)) {
        best = qualRecognition[i];
      }
    }
    return best;
  }

  /**
   * Recognition is for one profession: it counts for the same unit group (or as close as the rule
   * set allows) and for the unit groups the rule set lists as equivalent.
   */
  boolean recognitionCounts(int qualificationIsco, int jobIsco) {
    if (closeness(qualificationIsco, jobIsco) >= rules.recognitionSharedLevels()) {
      return true;
    }
    for (List<String> pair : rules.recognitionEquivalences()) {
      int a = IscoCode.encode(pair.get(0));
      int b = IscoCode.encode(pair.get(1));
      if (a == qualificationIsco && b == jobIsco || b == qualificationIsco && a == jobIsco) {
        return true;
      }
    }
    return false;
  }

  /** The unit groups a 4-digit code's recognition also opens (the rule set's equivalences). */
  List<String> equivalentTo(int isco) {
    List<String> out = new ArrayList<>();
    for (List<String> pair : rules.recognitionEquivalences()) {
      if (IscoCode.encode(pair.get(0)) == isco) {
        out.add(pair.get(1));
      } else if (IscoCode.encode(pair.get(1)) == isco) {
        out.add(pair.get(0));
      }
    }
    return out;
  }

  /** The one-way limit for a job of {@code hoursMax} weekly hours (NaN when unknown). */
  double commuteLimitKm(float hoursMax) {
    boolean partDay = !Float.isNaN(hoursMax) && hoursMax <= rules.fullDayHoursPerWeek();
    return partDay ? commuteKmPartDay : commuteKmFullDay;
  }

  static long bridgeKey(int a, int b) {
    return ((long) Math.min(a, b) << 32) | (Math.max(a, b) & 0xffffffffL);
  }

  /** Licence classes compare case-insensitively. */
  static String licence(String value) {
    return value == null ? null : value.trim().toUpperCase(Locale.ROOT);
  }

  /** ISCO of an occupation via the taxonomy, encoded; NONE when unresolvable. */
  static int isco(OccupationTaxonomy taxonomy, Occupation occupation) {
    return taxonomy.resolveIsco(occupation).map(IscoCode::encode).orElse(IscoCode.NONE);
  }

  /**
   * ISCO of an opportunity as an ingest step would classify it: its occupation resolved through
   * the taxonomy, else its title classified.
   */
  static int isco(OccupationTaxonomy taxonomy, Opportunity o) {
    if (o.occupation() != null) {
      var code = taxonomy.resolveIsco(o.occupation());
      if (code.isPresent()) {
        return IscoCode.encode(code.get());
      }
    }
    return taxonomy.classify(o.title()).map(c -> IscoCode.encode(c.isco())).orElse(IscoCode.NONE);
  }

  private static int tri(Boolean value) {
    return value == null ? -1 : value ? 1 : 0;
  }
}
