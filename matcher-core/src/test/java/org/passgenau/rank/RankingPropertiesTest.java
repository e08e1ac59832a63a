package org.passgenau.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passgenau.rank.ArbitrariesForRanking.TODAY;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.passgenau.model.Cefr;
import org.passgenau.model.Family;
import org.passgenau.model.HoursRange;
import org.passgenau.model.LanguageRequirement;
import org.passgenau.model.LanguageSkill;
import org.passgenau.model.Level;
import org.passgenau.model.Location;
import org.passgenau.model.Mobility;
import org.passgenau.model.Opportunity;
import org.passgenau.model.OpportunityKind;
import org.passgenau.model.PermitStatus;
import org.passgenau.model.Profile;
import org.passgenau.model.Qualification;
import org.passgenau.model.QualificationRequirement;
import org.passgenau.model.Recognition;
import org.passgenau.model.ResidenceObligation;
import org.passgenau.model.WorkBan;
import org.passgenau.model.WorkPermit;
import org.passgenau.taxonomy.OccupationTaxonomy;

/**
 * Invariants of the ranking over random corpora and profiles: no match breaks a rule of the
 * domain, the engine ranks exactly like a brute-force oracle, stronger language never costs score,
 * audit fields change nothing, and the same input gives the same output.
 */
class RankingPropertiesTest {

  private static final OccupationTaxonomy TAXONOMY = shippedTaxonomy();
  private static final RuleSet RULES = RuleSet.defaults();
  private static final MatchOptions ALL = new MatchOptions(10_000, TODAY, Locale.ENGLISH);

  @Provide
  Arbitrary<List<Opportunity>> corpora() {
    return ArbitrariesForRanking.corpora(40);
  }

  @Provide
  Arbitrary<Profile> profiles() {
    return ArbitrariesForRanking.profiles();
  }

  @Provide
  Arbitrary<Map<String, String>> audits() {
    return ArbitrariesForRanking.audits();
  }

  // ---------------------------------------------------------------- properties

  @Property(tries = 150, shrinking = ShrinkingMode.BOUNDED)
  void noReturnedMatchViolatesAHardFilter(
      @ForAll("corpora") List<Opportunity> corpus, @ForAll("profiles") Profile profile) {
    MatchResult result;
    try (MatchingEngine engine = indexed(corpus, 7, 3)) {
      result = engine.match(profile, ALL);
    }
    Map<String, Opportunity> byId = byId(corpus);
    Statistics.label("matches").collect(result.matches().isEmpty() ? "none" : "some");
    for (Match m : result.matches()) {
      Opportunity o = byId.get(m.opportunityId());
      assertThat(DomainRules.violations(profile, o, TODAY))
          .as("rules of the domain that match %s breaks for the profile", o.id())
          .isEmpty();
    }
  }

  @Property(tries = 150, shrinking = ShrinkingMode.BOUNDED)
  void everyExcludedOpportunityBreaksARuleOfTheDomain(
      @ForAll("corpora") List<Opportunity> corpus, @ForAll("profiles") Profile profile) {
    MatchResult result;
    try (MatchingEngine engine = indexed(corpus, 7, 0)) {
      result = engine.match(profile, ALL);
    }
    Set<String> offered = result.matches().stream().map(Match::opportunityId).collect(Collectors.toSet());
    for (Opportunity o : corpus) {
      if (!offered.contains(o.id())) {
        assertThat(DomainRules.violations(profile, o, TODAY))
            .as("the engine excluded %s, so it must break a rule of the domain", o.id())
            .isNotEmpty();
      }
    }
  }

  @Property(tries = 100, shrinking = ShrinkingMode.BOUNDED)
  void theEngineRanksLikeTheBruteForceOracle(
      @ForAll("corpora") List<Opportunity> corpus,
      @ForAll("profiles") Profile profile,
      @ForAll @IntRange(min = 1, max = 12) int k,
      @ForAll @IntRange(min = 1, max = 9) int batch,
      @ForAll @IntRange(min = 2, max = 9) int deleteStride) {
    MatchResult result;
    try (MatchingEngine engine = indexed(corpus, batch, deleteStride)) {
      result = engine.match(profile, ALL.withTopK(k));
    }
    BruteForceOracle.Ranking expected =
        new BruteForceOracle(RULES, TAXONOMY).rank(surviving(corpus, deleteStride), profile, TODAY);

    assertThat(result.matches()).extracting(Match::opportunityId)
        .as("the engine's top %s, in order", k)
        .containsExactlyElementsOf(expected.topIds(k));
    assertThat(result.matches()).extracting(Match::score)
        .as("the engine's scores, rounded to four decimals")
        .containsExactlyElementsOf(expected.topScores(k));
    assertThat(result.excluded())
        .as("exclusions per filter")
        .containsExactlyEntriesOf(expected.excluded());
  }

  @Property(tries = 200, shrinking = ShrinkingMode.BOUNDED)
  void raisingALanguageLevelNeverLowersAScore(
      @ForAll("corpora") List<Opportunity> corpus,
      @ForAll("profiles") Profile profile,
      @ForAll("languages") String language,
      @ForAll @IntRange(min = 1, max = 5) int levels) {
    Profile stronger = raised(profile, language, levels);
    BruteForceOracle oracle = new BruteForceOracle(RULES, TAXONOMY);
    BruteForceOracle.Ranking before = oracle.rank(corpus, profile, TODAY);
    BruteForceOracle.Ranking after = oracle.rank(corpus, stronger, TODAY);

    for (BruteForceOracle.Scored s : before.admitted()) {
      Optional<Double> raisedScore = after.scoreOf(s.id());
      assertThat(raisedScore)
          .as("%s stays admitted with %s raised by %s levels", s.id(), language, levels)
          .isPresent();
      assertThat(raisedScore.get())
          .as("score of %s with %s raised by %s levels", s.id(), language, levels)
          .isGreaterThanOrEqualTo(s.score());
    }
  }

  @Provide
  Arbitrary<String> languages() {
    return net.jqwik.api.Arbitraries.of(ArbitrariesForRanking.LANGUAGES);
  }

  @Property(tries = 60, shrinking = ShrinkingMode.BOUNDED)
  void auditFieldsNeverChangeAResult(
      @ForAll("corpora") List<Opportunity> corpus,
      @ForAll("profiles") Profile profile,
      @ForAll("audits") Map<String, String> audit) {
    try (MatchingEngine engine = indexed(corpus, 5, 0)) {
      MatchResult plain = engine.match(profile, ALL);
      MatchResult audited = engine.match(profile.toBuilder().audit(audit).build(), ALL);
      assertThat(audited).as("the result with audit fields %s", audit).isEqualTo(plain);
    }
  }

  @Property(tries = 60, shrinking = ShrinkingMode.BOUNDED)
  void theSameInputGivesTheSameOutputWhateverTheInsertionOrder(
      @ForAll("corpora") List<Opportunity> corpus,
      @ForAll("profiles") Profile profile,
      @ForAll long shuffleSeed) {
    List<Opportunity> shuffled = new ArrayList<>(corpus);
    Collections.shuffle(shuffled, new Random(shuffleSeed));
    try (MatchingEngine inOrder = indexed(corpus, 40, 0);
        MatchingEngine shuffledInSegments = indexed(shuffled, 3, 0)) {
      assertThat(shuffledInSegments.match(profile, ALL))
          .as("the result from a shuffled corpus indexed in small segments")
          .isEqualTo(inOrder.match(profile, ALL));
    }
  }

  // ---------------------------------------------------------------- indexing

  /**
   * An engine over {@code corpus}, upserted in batches of {@code batch} with a refresh after each
   * (so there are several segments), then with every opportunity at index {@code i % deleteStride
   * == 1} deleted (none when it is 0) and every fifth replaced by itself (so older segments carry deletions).
   */
  private static MatchingEngine indexed(List<Opportunity> corpus, int batch, int deleteStride) {
    MatchingEngine engine = MatchingEngine.builder().taxonomy(TAXONOMY).build();
    for (int from = 0; from < corpus.size(); from += batch) {
      engine.upsertAll(corpus.subList(from, Math.min(corpus.size(), from + batch)));
      engine.refresh();
    }
    for (int i = 0; i < corpus.size(); i++) {
      if (deleteStride > 0 && i % deleteStride == 1) {
        engine.delete(corpus.get(i).id());
      } else if (i % 5 == 0) {
        engine.upsert(corpus.get(i));
      }
    }
    engine.refresh();
    return engine;
  }

  /** What {@link #indexed} leaves visible, for a corpus in id order. */
  private static List<Opportunity> surviving(List<Opportunity> corpus, int deleteStride) {
    List<Opportunity> out = new ArrayList<>();
    for (int i = 0; i < corpus.size(); i++) {
      if (i % deleteStride != 1) {
        out.add(corpus.get(i));
      }
    }
    return out;
  }

  private static Map<String, Opportunity> byId(List<Opportunity> corpus) {
    return corpus.stream().collect(Collectors.toMap(Opportunity::id, Function.identity()));
  }

  /** The profile with its best level in {@code language} raised by {@code levels} (at most C2). */
  private static Profile raised(Profile p, String language, int levels) {
    int best = Cefr.rankOf(p.levelIn(language));
    Cefr higher = Cefr.values()[Math.min(Cefr.values().length, best + levels) - 1];
    List<LanguageSkill> skills = new ArrayList<>();
    for (LanguageSkill s : p.languages()) {
      if (!s.language().equals(language)) {
        skills.add(s);
      }
    }
    skills.add(LanguageSkill.of(language, higher));
    return p.toBuilder().languages(skills).build();
  }

  private static OccupationTaxonomy shippedTaxonomy() {
    try {
      return OccupationTaxonomy.fromTsv(
          Path.of(System.getProperty("passgenau.data"), "taxonomy", "occupations.tsv"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------- the rules, restated

  /**
   * The hard rules of the domain (docs: domain-rules.md, design.md), restated directly against
   * the model objects, with the default rule set's parameters, and without any of the engine's
   * filter classes, columns or compiled profiles.
   */
  static final class DomainRules {

    static final double PUBLIC_TRANSPORT_KMH = 25;
    static final double CAR_KMH = 50;
    /** Reasonable daily round trips (DE section 140 SGB III; NL unemployment benefit). */
    static final double DE_FULL_DAY_MINUTES = 150;
    static final double DE_PART_DAY_MINUTES = 120;
    static final double NL_MINUTES = 120;
    /** 30 h a week over five days is a six-hour working day. */
    static final double PART_DAY_MAX_WEEKLY_HOURS = 30;
    /** Section 12a AufenthG: at least 15 h a week paying the SGB II need of a single person (2024). */
    static final double LIFT_HOURS = 15;
    static final double LIFT_EUR = 785;
    /** Apprenticeships start 1 August and can be joined until 1 October. */
    static final int COHORT_GRACE_DAYS = 61;
    static final int OTHER_GRACE_DAYS = 30;
    /** Slack for rounding of coordinates and earth models, km. */
    static final double DISTANCE_SLACK_KM = 0.05;

    private static final Map<String, Set<String>> COVERS = Map.of(
        "BE", Set.of("B"),
        "C1", Set.of("B"),
        "C1E", Set.of("C1", "BE", "B"),
        "C", Set.of("C1", "B"),
        "CE", Set.of("C", "C1", "C1E", "BE", "B"),
        "D1", Set.of("B"),
        "D1E", Set.of("D1", "BE", "B"),
        "D", Set.of("D1", "B"),
        "DE", Set.of("D", "D1", "D1E", "BE", "B"));

    private DomainRules() {}

    /** The rules that offering {@code o} to {@code p} on {@code today} would break. */
    static List<String> violations(Profile p, Opportunity o, LocalDate today) {
      List<String> broken = new ArrayList<>();
      if (!reachable(p, o, today)) broken.add("commute");
      if (!mayWork(p, o, today)) broken.add("work_permit");
      if (o.applicationDeadline() != null && o.applicationDeadline().isBefore(today)) broken.add("application_deadline");
      if (!canStart(p, o, today)) broken.add("start_date");
      if (!recognitionAllows(p, o)) broken.add("recognition");
      if (!speaksEnough(p, o)) broken.add("language_floor");
      if (!hoursMeet(p, o)) broken.add("hours");
      if (isTrue(o.shiftWork()) && isFalse(p.availability() == null ? null : p.availability().shiftOk())) broken.add("shift_work");
      if (isTrue(o.nightWork()) && isFalse(p.availability() == null ? null : p.availability().nightOk())) broken.add("night_work");
      if (isTrue(o.weekendWork()) && isFalse(p.availability() == null ? null : p.availability().weekendOk())) broken.add("weekend_work");
      if (isTrue(o.nightWork()) && (p.availability() == null || p.availability().nightOk() == null)
          && smallChildrenWithoutCare(p.family()) && !isTrue(o.childcareSupport())) {
        broken.add("childcare");
      }
      if (p.health() != null && p.health().maxPhysicalDemand() != null && o.physicalDemand() != null
          && o.physicalDemand().compareTo(p.health().maxPhysicalDemand()) > 0) broken.add("physical_demand");
      if (p.health() != null && isTrue(p.health().needsAccessibleWorkplace()) && isFalse(o.accessible())) broken.add("accessibility");
      if (o.drivingLicense() != null && !holdsLicence(p, o.drivingLicense())) broken.add("driving_license");
      if (o.minSchool() != null && p.school() != null && p.school().compareTo(o.minSchool()) < 0) broken.add("school");
      return broken;
    }

    /**
     * Volunteering and courses are not employment. Absolute ban: nothing else. Temporary ban: what
     * starts after it, or has no start date. Work is national.
     */
    static boolean mayWork(Profile p, Opportunity o, LocalDate today) {
      if (o.kind() == OpportunityKind.VOLUNTEERING || o.kind() == OpportunityKind.TRAINING) {
        return true;
      }
      WorkPermit permit = p.workPermit();
      if (permit != null && permit.workBan() == WorkBan.ABSOLUTE) {
        return false;
      }
      if (permit != null && permit.workBan() == WorkBan.TEMPORARY && !permit.workBanUntil().isBefore(today)) {
        if (o.startDate() != null && !o.startDate().isAfter(permit.workBanUntil())) {
          return false;
        }
      }
      String home = p.location() == null ? null : p.location().country();
      String there = o.location() == null ? null : o.location().country();
      // Only a known non-EU status bars work abroad; an absent one is no constraint.
      boolean mayWorkAbroad =
          permit == null || permit.status() == null || permit.status() == PermitStatus.EU_CITIZEN;
      return mayWorkAbroad || home == null || there == null || home.equals(there);
    }

    static boolean canStart(Profile p, Opportunity o, LocalDate today) {
      if (o.startDate() == null) {
        return true;
      }
      boolean cohort = o.kind() == OpportunityKind.APPRENTICESHIP || o.kind() == OpportunityKind.TRAINING;
      LocalDate lastDayToJoin = cohort
          ? o.startDate().plusDays(COHORT_GRACE_DAYS)
          : (o.startDate().isAfter(today) ? o.startDate() : today).plusDays(OTHER_GRACE_DAYS);
      if (lastDayToJoin.isBefore(today)) {
        return false;
      }
      LocalDate from = p.availability() == null ? null : p.availability().availableFrom();
      return from == null || !from.isAfter(lastDayToJoin);
    }

    /** A regulated vacancy above helper level needs full recognition, or a partnership and recognition under way. */
    static boolean recognitionAllows(Profile p, Opportunity o) {
      QualificationRequirement q = o.qualification();
      boolean regulated = q != null && isTrue(q.regulated());
      // The level as posted, else the fifth digit of the KldB code.
      Level level = o.level();
      if (level == null && o.occupation() != null && o.occupation().kldb() != null) {
        level = Level.values()[o.occupation().kldb().charAt(4) - '1'];
      }
      if (!regulated || o.kind() != OpportunityKind.VACANCY || level == Level.HELPER) {
        return true;
      }
      String isco = iscoOf(o);
      boolean full = false;
      boolean underWay = false;
      for (Qualification qual : p.qualifications()) {
        String own = qual.occupation().isco();
        if (isco == null || own == null || !sameField(own, isco)) {
          continue;
        }
        Recognition r = qual.recognition() == null ? Recognition.NOT_APPLIED : qual.recognition();
        full |= r == Recognition.FULL;
        underWay |= r != Recognition.REJECTED;
      }
      return full || isTrue(o.recognitionPartnership()) && underWay;
    }

    /**
     * Recognition is for one profession: the same ISCO unit group, or a pair the default rule set
     * lists as equivalent (nurse and nursing associate).
     */
    static boolean sameField(String own, String isco) {
      return own.equals(isco)
          || RuleSet.defaults().recognitionEquivalences().stream()
              .anyMatch(pair -> pair.contains(own) && pair.contains(isco));
    }

    static boolean speaksEnough(Profile p, Opportunity o) {
      int tolerance = isTrue(o.languageSupport()) ? 1 : 0;
      for (LanguageRequirement r : o.languageRequirements()) {
        if (Cefr.rankOf(p.levelIn(r.language())) < r.minLevel().rank() - tolerance) {
          return false;
        }
      }
      return true;
    }

    static boolean hoursMeet(Profile p, Opportunity o) {
      HoursRange h = o.hoursPerWeek();
      if (h == null || p.availability() == null) {
        return true;
      }
      Double max = p.availability().maxHoursPerWeek();
      Double min = p.availability().minHoursPerWeek();
      return !(h.min() != null && max != null && h.min() > max)
          && !(h.max() != null && min != null && h.max() < min);
    }

    /** Children under three (a count) whose care is not arranged. */
    static boolean smallChildrenWithoutCare(Family f) {
      return f != null && f.childrenUnder3() != null && f.childrenUnder3() > 0
          && !isTrue(f.childcareArranged());
    }

    static boolean holdsLicence(Profile p, String asked) {
      String wanted = asked.trim().toUpperCase(Locale.ROOT);
      if (p.mobility() == null) {
        return false;
      }
      for (String held : p.mobility().drivingLicense()) {
        String h = held.trim().toUpperCase(Locale.ROOT);
        if (h.equals(wanted) || COVERS.getOrDefault(h, Set.of()).contains(wanted)) {
          return true;
        }
      }
      return false;
    }

    /** Remote, unknown place, within the commuting limit, or a move the person would and may make. */
    static boolean reachable(Profile p, Opportunity o, LocalDate today) {
      Location home = p.location();
      Location work = o.location();
      if (isTrue(o.remote()) || home == null || work == null || !home.hasCoordinates() || !work.hasCoordinates()) {
        return true;
      }
      double km = greatCircleKm(home.lat(), home.lon(), work.lat(), work.lon());
      if (km <= commuteLimitKm(p, o) + DISTANCE_SLACK_KM) {
        return true;
      }
      Mobility m = p.mobility();
      if (m == null || !isTrue(m.willingToRelocate())) {
        return false;
      }
      ResidenceObligation obligation = p.residenceObligation();
      boolean bound = obligation != null && (obligation.until() == null || !obligation.until().isBefore(today));
      return !bound || obligation.region().equals(work.region()) || liftsObligation(o);
    }

    static boolean liftsObligation(Opportunity o) {
      if (o.kind() == OpportunityKind.APPRENTICESHIP) {
        return true;
      }
      if (o.kind() == OpportunityKind.VOLUNTEERING || o.hoursPerWeek() == null || o.monthlyGrossEur() == null) {
        return false;
      }
      // Guaranteed hours: "up to 20 h" does not show 15 h.
      Double hours = o.hoursPerWeek().min();
      return hours != null && hours >= LIFT_HOURS && o.monthlyGrossEur() >= LIFT_EUR;
    }

    static double commuteLimitKm(Profile p, Opportunity o) {
      Mobility m = p.mobility();
      double kmh = m != null && isTrue(m.car()) ? CAR_KMH : PUBLIC_TRANSPORT_KMH;
      if (m != null && (m.maxCommuteKm() != null || m.maxCommuteMinutes() != null)) {
        double byKm = m.maxCommuteKm() == null ? Double.POSITIVE_INFINITY : m.maxCommuteKm();
        double byTime = m.maxCommuteMinutes() == null ? Double.POSITIVE_INFINITY : m.maxCommuteMinutes() / 60 * kmh;
        return Math.min(byKm, byTime);
      }
      double dailyMinutes;
      if ("NL".equals(p.location().country())) {
        dailyMinutes = NL_MINUTES;
      } else {
        Double weekly = o.hoursPerWeek() == null ? null : o.hoursPerWeek().max();
        dailyMinutes = weekly != null && weekly <= PART_DAY_MAX_WEEKLY_HOURS ? DE_PART_DAY_MINUTES : DE_FULL_DAY_MINUTES;
      }
      return dailyMinutes / 2 / 60 * kmh;
    }

    static double greatCircleKm(double lat1, double lon1, double lat2, double lon2) {
      double dLat = Math.toRadians(lat2 - lat1);
      double dLon = Math.toRadians(lon2 - lon1);
      double a = Math.pow(Math.sin(dLat / 2), 2)
          + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
      return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
    }

    /** The opportunity's ISCO code: the given one, else the shipped taxonomy's reading of the title. */
    static String iscoOf(Opportunity o) {
      if (o.occupation() != null) {
        Optional<String> code = TAXONOMY.resolveIsco(o.occupation());
        if (code.isPresent()) {
          return code.get();
        }
      }
      return TAXONOMY.classify(o.title()).map(c -> c.isco()).orElse(null);
    }

    private static boolean isTrue(Boolean b) {
      return Boolean.TRUE.equals(b);
    }

    private static boolean isFalse(Boolean b) {
      return Boolean.FALSE.equals(b);
    }
  }
}
