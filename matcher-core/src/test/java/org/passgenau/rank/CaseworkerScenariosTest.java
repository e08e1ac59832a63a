package org.passgenau.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passgenau.rank.Fixtures.GRONINGEN;
import static org.passgenau.rank.Fixtures.HANNOVER;
import static org.passgenau.rank.Fixtures.KREFELD;
import static org.passgenau.rank.Fixtures.MOENCHENGLADBACH;
import static org.passgenau.rank.Fixtures.VIERSEN;
import static org.passgenau.rank.Fixtures.WUPPERTAL;
import static org.passgenau.rank.Fixtures.ids;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passgenau.model.Availability;
import org.passgenau.model.Cefr;
import org.passgenau.model.Demand;
import org.passgenau.model.Experience;
import org.passgenau.model.Family;
import org.passgenau.model.Health;
import org.passgenau.model.HoursRange;
import org.passgenau.model.Level;
import org.passgenau.model.Location;
import org.passgenau.model.Mobility;
import org.passgenau.model.Occupation;
import org.passgenau.model.Opportunity;
import org.passgenau.model.OpportunityKind;
import org.passgenau.model.PermitStatus;
import org.passgenau.model.Profile;
import org.passgenau.model.Qualification;
import org.passgenau.model.QualificationRequirement;
import org.passgenau.model.Recognition;
import org.passgenau.model.ResidenceObligation;
import org.passgenau.model.School;
import org.passgenau.model.WorkBan;
import org.passgenau.model.WorkPermit;
import org.passgenau.taxonomy.OccupationTaxonomy;

/**
 * What a caseworker at the job centre in Viersen (or the municipality of Groningen) would ask of
 * the engine, one question per test, answered through the public {@link MatchingEngine}.
 */
class CaseworkerScenariosTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
  private static final MatchOptions OPTIONS = new MatchOptions(50, TODAY, Locale.ENGLISH);
  private static final Location ZWOLLE = new Location(52.5168, 6.0830, "8011", "Zwolle", "NL-OV", "NL");
  private static final Location HOOGEZAND = new Location(53.1617, 6.7586, "9601", "Hoogezand", "NL-GR", "NL");

  private final ScenarioEngines engines = new ScenarioEngines();

  @AfterEach
  void closeEngines() {
    engines.close();
  }

  // ---------------------------------------------------------------- recognition and occupation

  @Test
  void aSyrianNurseWithPartialRecognitionAndGermanA2IsOfferedTheCareHelperRoleBeforeTheNursePost() {
    Profile nurse = syrianNurse(Recognition.PARTIAL)
        .desiredOccupations(List.of(Occupation.isco("5321")))
        .build();
    MatchResult result = match(nurse,
        careHelper("V-CARE").location(VIERSEN).build(),
        nursePost("V-NURSE").recognitionPartnership(true).languageSupport(true)
            .languageRequirements(List.of()).requireLanguage("de", Cefr.B1).build());

    assertThat(ids(result))
        .as("both the care helper role and the nurse post with a recognition partnership are offered,"
            + " the helper role first while recognition and German are completed")
        .containsExactly("V-CARE", "V-NURSE");
  }

  @Test
  void aNurseWithPartialRecognitionIsNotOfferedANursePostWithoutARecognitionPartnership() {
    MatchResult result = match(syrianNurse(Recognition.PARTIAL).speaks("de", Cefr.B2).build(),
        nursePost("V-NURSE").build());

    assertThat(result.excluded())
        .as("a regulated skilled post needs full recognition unless the employer is a recognition partner")
        .containsEntry("recognition", 1);
  }

  @Test
  void aNurseWithFullRecognitionRanksTheNursePostFirst() {
    Profile nurse = syrianNurse(Recognition.FULL).speaks("de", Cefr.B2).build();
    MatchResult result = match(nurse,
        careHelper("V-CARE").build(),
        warehouse("V-STORE").build(),
        nursePost("V-NURSE").build());

    assertThat(ids(result).get(0))
        .as("with full recognition and B2 German the nurse post is the best next step")
        .isEqualTo("V-NURSE");
  }

  @Test
  void anOpportunityWithoutACodeIsClassifiedFromItsTitle() throws IOException {
    OccupationTaxonomy taxonomy = OccupationTaxonomy.fromTsv(
        Path.of(System.getProperty("passgenau.data"), "taxonomy", "occupations.tsv"));
    MatchingEngine engine = engines.track(MatchingEngine.builder().taxonomy(taxonomy).build());
    engine.upsert(Opportunity.builder("V-UNCODED", OpportunityKind.VACANCY, "Pflegehelferin (m/w/d)")
        .location(KREFELD).build());
    engine.refresh();
    Profile careWorker = person("P-CARE")
        .experience(List.of(Experience.of(Occupation.isco("5321"), 3))).build();

    Match match = engine.match(careWorker, OPTIONS).matches().get(0);

    assertThat(match.explanation())
        .as("the uncoded 'Pflegehelferin' is classified as ISCO 5321, the person's own occupation")
        .anyMatch(r -> r.rule().equals("occupation") && r.detail().startsWith("Same occupation"));
  }

  // ---------------------------------------------------------------- right to work

  @Test
  void aToleratedPersonWithAnAbsoluteWorkBanIsOfferedOnlyVolunteering() {
    Profile banned = person("P-BAN")
        .workPermit(new WorkPermit(PermitStatus.TOLERATION, WorkBan.ABSOLUTE, null, null)).build();
    MatchResult result = match(banned,
        warehouse("V-STORE").build(),
        apprenticeship("A-CARE").build(),
        volunteering("E-TAFEL").build());

    assertThat(ids(result))
        .as("an absolute work ban leaves only volunteering, which is not employment")
        .containsExactly("E-TAFEL");
  }

  @Test
  void anAsylumSeekerWhoseBanEndsInMarchSeesTheAugustApprenticeshipButNotTheJanuaryJob() {
    Profile seeker = person("P-ASYL")
        .workPermit(new WorkPermit(PermitStatus.ASYLUM_PENDING, WorkBan.TEMPORARY, LocalDate.of(2027, 3, 15), true))
        .build();
    MatchResult result = match(seeker,
        warehouse("V-JANUARY").startDate(LocalDate.of(2027, 1, 15)).build(),
        apprenticeship("A-AUGUST").startDate(LocalDate.of(2027, 8, 1)).build());

    assertThat(ids(result))
        .as("a temporary ban admits only what starts after it ends")
        .containsExactly("A-AUGUST");
  }

  @Test
  void anAsylumSeekerWhoNeedsTheAgencysApprovalIsOfferedTheJobWithANote() {
    Profile seeker = person("P-ASYL")
        .workPermit(new WorkPermit(PermitStatus.ASYLUM_PENDING, WorkBan.NONE, null, true)).build();
    MatchResult result = match(seeker, warehouse("V-STORE").build());

    assertThat(result.matches().get(0).explanation())
        .as("an approval to ask for is a note on the match, never an exclusion")
        .anyMatch(r -> r.rule().equals("work_permit") && r.effect() == 0 && r.detail().contains("approval"));
  }

  @Test
  void aToleratedYoungManIsShownTheApprenticeshipAboveTheEqualHelperJob() {
    Profile tolerated = person("P-DULDUNG")
        .workPermit(new WorkPermit(PermitStatus.TOLERATION, WorkBan.NONE, null, true)).build();
    Opportunity apprenticeship = apprenticeship("Z-APPRENTICESHIP").build();
    Opportunity equalHelperJob = apprenticeship.toBuilder()
        .id("A-HELPER").kind(OpportunityKind.VACANCY).startDate(null).build();
    MatchResult result = match(tolerated, equalHelperJob, apprenticeship);

    assertThat(ids(result))
        .as("a qualified apprenticeship secures a tolerated person's residence, so it outranks"
            + " an otherwise equal job even though the job's id sorts first")
        .containsExactly("Z-APPRENTICESHIP", "A-HELPER");
  }

  // ---------------------------------------------------------------- family, health, licence

  @Test
  void aMotherWithoutChildcareIsNotOfferedNightShifts() {
    Profile mother = person("P-MOTHER").family(new Family(1, 1, false, true)).build();
    MatchResult result = match(mother,
        warehouse("V-NIGHT").nightWork(true).build(),
        warehouse("V-DAY").nightWork(false).build());

    assertThat(ids(result))
        .as("children without arranged care rule out night work")
        .containsExactly("V-DAY");
  }

  @Test
  void aMotherWithoutChildcareIsOfferedNightWorkWhereTheEmployerProvidesChildcare() {
    Profile mother = person("P-MOTHER").family(new Family(1, 0, false, true)).build();
    MatchResult result = match(mother, warehouse("V-NIGHT").nightWork(true).childcareSupport(true).build());

    assertThat(ids(result))
        .as("childcare offered by the employer removes the reason to rule out night work")
        .containsExactly("V-NIGHT");
  }

  @Test
  void aWheelchairUserIsNotOfferedAnInaccessibleWarehouse() {
    Profile wheelchairUser = person("P-WHEEL").health(new Health(Demand.LOW, true)).build();
    MatchResult result = match(wheelchairUser,
        warehouse("V-STEPS").accessible(false).physicalDemand(Demand.LOW).build(),
        warehouse("V-RAMP").accessible(true).physicalDemand(Demand.LOW).build());

    assertThat(ids(result))
        .as("a wheelchair user is offered only the accessible workplace")
        .containsExactly("V-RAMP");
  }

  @Test
  void aDriverWithCEIsOfferedTheTruckJob() {
    Profile driver = person("P-DRIVER")
        .mobility(new Mobility(null, null, List.of("CE"), false, false)).build();
    MatchResult result = match(driver, truckJob("V-TRUCK").build());

    assertThat(ids(result))
        .as("the CE licence covers the CE the employer asks for")
        .containsExactly("V-TRUCK");
  }

  @Test
  void aDriverWithOnlyACarLicenceIsNotOfferedTheTruckJob() {
    Profile driver = person("P-DRIVER")
        .mobility(new Mobility(null, null, List.of("B"), false, false)).build();
    MatchResult result = match(driver, truckJob("V-TRUCK").build());

    assertThat(result.excluded())
        .as("a car licence does not cover a truck licence")
        .containsEntry("driving_license", 1);
  }

  // ---------------------------------------------------------------- distance and residence

  @Test
  void aPersonInViersenWithoutACarDoesNotSeeAJobInWuppertal() {
    MatchResult result = match(person("P-VIERSEN").build(),
        warehouse("V-WUPPERTAL").location(WUPPERTAL).build(),
        warehouse("V-GLADBACH").location(MOENCHENGLADBACH).build());

    assertThat(ids(result))
        .as("53 km by public transport is beyond a reasonable daily commute; 9 km is not")
        .containsExactly("V-GLADBACH");
  }

  @Test
  void aPersonInViersenWithACarSeesTheJobInWuppertal() {
    Profile driver = person("P-VIERSEN").mobility(new Mobility(null, null, List.of("B"), true, false)).build();
    MatchResult result = match(driver, warehouse("V-WUPPERTAL").location(WUPPERTAL).build());

    assertThat(ids(result))
        .as("by car, 53 km is within a reasonable daily commute")
        .containsExactly("V-WUPPERTAL");
  }

  @Test
  void aRecognisedRefugeeWithAResidenceObligationInNrwCanMoveToLowerSaxonyForAnApprenticeship() {
    MatchResult result = match(refugeeBoundToNrw(), apprenticeship("A-HANNOVER").location(HANNOVER).build());

    assertThat(result.matches())
        .as("an apprenticeship lifts the residence obligation, so a move to Hannover is possible")
        .singleElement()
        .satisfies(m -> assertThat(m.explanation())
            .anyMatch(r -> r.rule().equals("commute") && r.detail().contains("residence obligation")));
  }

  @Test
  void aRecognisedRefugeeWithAResidenceObligationInNrwIsNotOfferedAMiniJobInLowerSaxony() {
    MatchResult result = match(refugeeBoundToNrw(),
        warehouse("V-MINIJOB").location(HANNOVER).hoursPerWeek(HoursRange.of(8, 10)).monthlyGrossEur(520.0).build());

    assertThat(result.excluded())
        .as("a job of under 15 hours a week below the income threshold does not lift the obligation")
        .containsEntry("commute", 1);
  }

  // ---------------------------------------------------------------- the Netherlands

  @Test
  void aStatusHolderInGroningenIsOfferedAnMboBblTrackNearby() {
    Profile statusHolder = statusHolderInGroningen().build();
    Opportunity bbl = Opportunity.builder("T-BBL", OpportunityKind.TRAINING, "BBL helpende zorg en welzijn (mbo 2)")
        .occupation(Occupation.isco("5321")).level(Level.HELPER)
        .requireLanguage("nl", Cefr.A2)
        .hoursPerWeek(HoursRange.of(20, 24))
        .location(HOOGEZAND)
        .startDate(LocalDate.of(2027, 2, 1))
        .build();
    MatchResult result = match(statusHolder, bbl);

    assertThat(ids(result))
        .as("a learn-work track 14 km away asking Dutch A2 is open to a status holder with A2")
        .containsExactly("T-BBL");
  }

  @Test
  void aStatusHolderInGroningenDoesNotSeeAJobInZwolleWithoutMoving() {
    MatchResult result = match(statusHolderInGroningen().build(),
        warehouse("V-ZWOLLE").title("Magazijnmedewerker").location(ZWOLLE).build());

    assertThat(result.excluded())
        .as("85 km exceeds the Dutch norm of two hours' daily travel")
        .containsEntry("commute", 1);
  }

  @Test
  void aStatusHolderInGroningenWillingToMoveIsNotOfferedAJobAcrossTheBorder() {
    Profile mobile = statusHolderInGroningen()
        .mobility(new Mobility(null, null, List.of(), false, true)).build();
    MatchResult result = match(mobile, warehouse("V-KREFELD").build());

    assertThat(result.excluded())
        .as("the right to work is national: a Dutch status holder may not take a job in Germany")
        .containsEntry("work_permit", 1);
  }

  // ---------------------------------------------------------------- language

  @Test
  void oneLevelShortInGermanIsAcceptedWhereTheEmployerTeachesGermanButCostsScore() {
    Profile a2 = person("P-A2").speaks("de", Cefr.A2).build();
    MatchResult result = match(a2,
        warehouse("V-ASKS-B1-TEACHES").requireLanguage("de", Cefr.B1).languageSupport(true).build(),
        warehouse("V-ASKS-A2").requireLanguage("de", Cefr.A2).build());

    assertThat(ids(result))
        .as("the B1 job with German lessons is offered, but below the otherwise equal A2 job")
        .containsExactly("V-ASKS-A2", "V-ASKS-B1-TEACHES");
  }

  @Test
  void twoLevelsShortInGermanIsNotAcceptedEvenWithLanguageTraining() {
    Profile a1 = person("P-A1").speaks("de", Cefr.A1).build();
    MatchResult result = match(a1,
        warehouse("V-ASKS-B1-TEACHES").requireLanguage("de", Cefr.B1).languageSupport(true).build());

    assertThat(result.excluded())
        .as("language training bridges one level, not two")
        .containsEntry("language_floor", 1);
  }

  // ---------------------------------------------------------------- dates

  @Test
  void anApprenticeshipWhoseJoiningPeriodEndedInOctoberIsNoLongerOffered() {
    MatchResult result = match(person("P-1").build(),
        apprenticeship("A-2026").startDate(LocalDate.of(2026, 8, 1)).build(),
        apprenticeship("A-2027").startDate(LocalDate.of(2027, 8, 1)).build());

    assertThat(ids(result))
        .as("an August apprenticeship can be joined until 1 October, not in late November")
        .containsExactly("A-2027");
  }

  @Test
  void aVacancyWhoseDeadlinePassedYesterdayIsNotOffered() {
    MatchResult result = match(person("P-1").build(),
        warehouse("V-CLOSED").applicationDeadline(TODAY.minusDays(1)).build());

    assertThat(result.excluded())
        .as("an application deadline in the past rules the vacancy out")
        .containsEntry("application_deadline", 1);
  }

  // ---------------------------------------------------------------- results and explanations

  @Test
  void explanationsAreInGermanWhenAsked() {
    MatchingEngine engine = engines.holding(warehouse("V-STORE").build());
    MatchResult result = engine.match(person("P-1").build(), OPTIONS.in(Locale.GERMAN));

    assertThat(result.matches().get(0).explanation())
        .as("the distance is explained in German")
        .anyMatch(r -> r.rule().equals("distance") && r.detail().contains("km entfernt"));
  }

  @Test
  void excludedCountsNameTheFiltersThatRuledOpportunitiesOut() {
    Profile p = person("P-1").speaks("de", Cefr.A2)
        .availability(new Availability(null, null, null, true, false, true)).build();
    MatchResult result = match(p,
        warehouse("V-FAR").location(WUPPERTAL).build(),
        warehouse("V-C1").requireLanguage("de", Cefr.C1).build(),
        warehouse("V-NIGHT-1").nightWork(true).build(),
        warehouse("V-NIGHT-2").nightWork(true).build(),
        warehouse("V-OK").build());

    assertThat(result.excluded())
        .as("each excluded opportunity is counted once, under the filter that ruled it out")
        .containsEntry("commute", 1)
        .containsEntry("language_floor", 1)
        .containsEntry("night_work", 2)
        .containsEntry("hours", 0);
  }

  @Test
  void whenNothingFitsTheResultIsEmptyButTheExclusionsShowWhy() {
    Profile banned = person("P-BAN")
        .workPermit(new WorkPermit(PermitStatus.OTHER, WorkBan.ABSOLUTE, null, null)).build();
    MatchResult result = match(banned, warehouse("V-1").build(), warehouse("V-2").build());

    assertThat(result.matches()).as("nothing is offered").isEmpty();
    assertThat(result.excluded())
        .as("both vacancies are accounted for by the work ban")
        .containsEntry("work_permit", 2);
  }

  @Test
  void tiesAreBrokenByOpportunityId() {
    MatchResult result = match(person("P-1").build(),
        warehouse("V-3").build(), warehouse("V-1").build(), warehouse("V-2").build());

    assertThat(ids(result))
        .as("equal scores are ordered by opportunity id, not by insertion order")
        .containsExactly("V-1", "V-2", "V-3");
  }

  @Test
  void theSameInputGivesTheSameResult() {
    List<Opportunity> corpus = List.of(
        careHelper("V-CARE").build(), warehouse("V-STORE").build(), apprenticeship("A-CARE").build(),
        volunteering("E-TAFEL").build(), truckJob("V-TRUCK").build());
    List<Opportunity> reversed = new ArrayList<>(corpus);
    Collections.reverse(reversed);
    Profile nurse = syrianNurse(Recognition.PARTIAL).build();

    MatchResult first = engines.holding(corpus.toArray(Opportunity[]::new)).match(nurse, OPTIONS);
    MatchResult again = engines.holding(reversed.toArray(Opportunity[]::new)).match(nurse, OPTIONS);

    assertThat(again).as("another engine fed in another order answers identically").isEqualTo(first);
  }

  @Test
  void theAuditFieldsOfAProfileDoNotChangeItsRanking() {
    MatchingEngine engine = engines.holding(careHelper("V-CARE").build(), warehouse("V-STORE").build(),
        apprenticeship("A-CARE").build());
    Profile plain = syrianNurse(Recognition.PARTIAL).build();
    Profile audited = plain.toBuilder().audit(Map.of("gender", "f", "nationality", "SY")).build();

    assertThat(engine.match(audited, OPTIONS))
        .as("gender and nationality are for fairness audits only")
        .isEqualTo(engine.match(plain, OPTIONS));
  }

  // ---------------------------------------------------------------- changing vacancies

  @Test
  void aReplacedVacancyShowsItsNewTermsAfterRefresh() {
    Profile dayWorker = person("P-DAY").availability(new Availability(null, null, null, true, false, true)).build();
    MatchingEngine engine = engines.holding(warehouse("V-STORE").nightWork(true).build());
    engine.upsert(warehouse("V-STORE").nightWork(false).build());
    engine.refresh();

    assertThat(ids(engine.match(dayWorker, OPTIONS)))
        .as("the employer dropped night work, so the vacancy is now offered")
        .containsExactly("V-STORE");
  }

  @Test
  void aReplacementIsNotSeenBeforeRefresh() {
    Profile dayWorker = person("P-DAY").availability(new Availability(null, null, null, true, false, true)).build();
    MatchingEngine engine = engines.holding(warehouse("V-STORE").nightWork(true).build());
    engine.upsert(warehouse("V-STORE").nightWork(false).build());

    assertThat(engine.match(dayWorker, OPTIONS).matches())
        .as("until refresh, matches see the snapshot with the old terms")
        .isEmpty();
  }

  @Test
  void aDeletedVacancyIsNoLongerOffered() {
    MatchingEngine engine = engines.holding(warehouse("V-FILLED").build(), warehouse("V-OPEN").build());
    engine.delete("V-FILLED");
    engine.refresh();

    MatchResult result = engine.match(person("P-1").build(), OPTIONS);
    assertThat(ids(result)).as("the filled vacancy is gone").containsExactly("V-OPEN");
  }

  @Test
  void anEngineOnDiskIsReopenedWithoutReadingJsonAgain(@TempDir Path directory) {
    Profile nurse = syrianNurse(Recognition.PARTIAL).build();
    MatchResult before;
    try (MatchingEngine engine = MatchingEngine.builder().directory(directory).build()) {
      engine.upsertAll(List.of(careHelper("V-CARE").build(), warehouse("V-STORE").build(),
          apprenticeship("A-CARE").build()));
      engine.refresh();
      engine.commit();
      before = engine.match(nurse, OPTIONS);
    }

    try (MatchingEngine reopened = MatchingEngine.builder().directory(directory).build()) {
      assertThat(reopened.match(nurse, OPTIONS))
          .as("the reopened index answers as before without being fed again")
          .isEqualTo(before);
    }
  }

  @Test
  void matchesAreSafeFromManyThreadsWhileVacanciesChange() throws Exception {
    int size = 30;
    List<Opportunity> corpus = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      corpus.add(fullTime(String.format("V-%02d", i)));
    }
    MatchingEngine engine = engines.holding(corpus.toArray(Opportunity[]::new));
    Profile fullTimer = person("P-FULL").availability(new Availability(null, null, 20.0, null, null, null)).build();
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicInteger checked = new AtomicInteger();
    ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Future<?> writer = pool.submit(() -> {
        try {
          for (int round = 0; round < 30; round++) {
            String id = String.format("V-%02d", round % size);
            engine.upsert(miniJob(id)); // the person needs 20 hours: excluded
            engine.refresh();
            engine.delete(id);
            engine.refresh();
            engine.upsert(fullTime(id));
            engine.refresh();
          }
        } finally {
          writing.set(false);
        }
      });
      List<Future<?>> readers = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        readers.add(pool.submit(() -> {
          do {
            violations.addAll(invariantViolations(engine.match(fullTimer, OPTIONS), size));
            checked.incrementAndGet();
          } while (writing.get());
        }));
      }
      writer.get(60, TimeUnit.SECONDS);
      for (Future<?> reader : readers) {
        reader.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(checked.get()).as("the readers ran").isGreaterThan(2);
    assertThat(violations).as("every result is consistent with one snapshot").isEmpty();
  }

  @Test
  void aSpeakerOfALanguageIsNeverRuledOutForItWhileNewVacanciesArrive() throws Exception {
    List<String> codes = new ArrayList<>();
    for (char a = 'a'; a <= 'z'; a++) {
      for (char b = 'a'; b <= 'z'; b++) {
        codes.add("" + a + b);
      }
    }
    Profile.Builder polyglot = person("P-POLYGLOT");
    codes.forEach(code -> polyglot.speaks(code, Cefr.C2));
    Profile speaksEverything = polyglot.build();
    MatchingEngine engine = engines.holding();
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicInteger wronglyExcluded = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Future<?> writer = pool.submit(() -> {
        try {
          for (String code : codes) {
            engine.upsert(warehouse("V-" + code).requireLanguage(code, Cefr.B1).build());
            engine.refresh();
          }
        } finally {
          writing.set(false);
        }
      });
      List<Future<?>> readers = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        readers.add(pool.submit(() -> {
          while (writing.get()) {
            wronglyExcluded.addAndGet(engine.match(speaksEverything, OPTIONS).excluded().get("language_floor"));
          }
        }));
      }
      writer.get(120, TimeUnit.SECONDS);
      for (Future<?> reader : readers) {
        reader.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(wronglyExcluded.get())
        .as("a C2 speaker is never ruled out by a B1 language requirement")
        .isZero();
  }

  /** What must hold of any result of the concurrency scenario, whatever snapshot it saw. */
  private static List<String> invariantViolations(MatchResult r, int size) {
    List<String> out = new ArrayList<>();
    int accounted = r.matches().size() + r.excluded().values().stream().mapToInt(Integer::intValue).sum();
    if (accounted != size && accounted != size - 1) {
      out.add("matches plus exclusions are " + accounted + ", the corpus has " + size + " or " + (size - 1));
    }
    for (int i = 0; i < r.matches().size(); i++) {
      Match m = r.matches().get(i);
      if (m.rank() != i + 1) {
        out.add("rank " + m.rank() + " at position " + (i + 1));
      }
      if (m.explanation().stream().noneMatch(e -> e.detail().startsWith("20-40 hours"))) {
        out.add(m.opportunityId() + " was offered in its 8-10 hour version");
      }
      if (i > 0) {
        Match prev = r.matches().get(i - 1);
        boolean ordered = prev.score() > m.score()
            || prev.score() == m.score() && prev.opportunityId().compareTo(m.opportunityId()) < 0;
        if (!ordered) {
          out.add(prev.opportunityId() + " before " + m.opportunityId() + " breaks the order");
        }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- people

  /** Someone in Viersen who travels by public transport, with nothing else recorded. */
  private static Profile.Builder person(String id) {
    return Profile.builder(id).location(VIERSEN).mobility(new Mobility(null, null, List.of(), false, false));
  }

  /** A nurse trained in Syria, German A2, living in Viersen without a car. */
  private static Profile.Builder syrianNurse(Recognition recognition) {
    return person("P-NURSE")
        .speaks("ar", Cefr.C2)
        .speaks("de", Cefr.A2)
        .qualification(new Qualification(Occupation.isco("2221"), Level.SKILLED, "SY", recognition, 5.0))
        .workPermit(new WorkPermit(PermitStatus.RESIDENCE_PERMIT, WorkBan.NONE, null, false));
  }

  private static Profile refugeeBoundToNrw() {
    return person("P-12A")
        .workPermit(new WorkPermit(PermitStatus.RESIDENCE_PERMIT, WorkBan.NONE, null, false))
        .mobility(new Mobility(null, null, List.of(), false, true))
        .residenceObligation(new ResidenceObligation("DE-NW", LocalDate.of(2028, 6, 30)))
        .build();
  }

  private static Profile.Builder statusHolderInGroningen() {
    return Profile.builder("P-GRONINGEN")
        .location(GRONINGEN)
        .speaks("nl", Cefr.A2)
        .school(School.LOWER_SECONDARY)
        .mobility(new Mobility(null, null, List.of(), false, false))
        .workPermit(new WorkPermit(PermitStatus.RESIDENCE_PERMIT, WorkBan.NONE, null, false));
  }

  // ---------------------------------------------------------------- posts

  private static Opportunity.Builder warehouse(String id) {
    return Opportunity.builder(id, OpportunityKind.VACANCY, "Lagerhelfer (m/w/d)")
        .occupation(Occupation.isco("9333")).level(Level.HELPER).location(KREFELD);
  }

  private static Opportunity.Builder careHelper(String id) {
    return Opportunity.builder(id, OpportunityKind.VACANCY, "Pflegehelfer/in (m/w/d)")
        .occupation(Occupation.isco("5321")).level(Level.HELPER)
        .requireLanguage("de", Cefr.A2)
        .qualification(new QualificationRequirement(false, true, null))
        .location(KREFELD);
  }

  private static Opportunity.Builder nursePost(String id) {
    return Opportunity.builder(id, OpportunityKind.VACANCY, "Pflegefachkraft (m/w/d)")
        .occupation(Occupation.isco("2221")).level(Level.SKILLED)
        .requireLanguage("de", Cefr.B2)
        .qualification(new QualificationRequirement(true, true, Recognition.FULL))
        .location(KREFELD);
  }

  private static Opportunity.Builder apprenticeship(String id) {
    return Opportunity.builder(id, OpportunityKind.APPRENTICESHIP, "Ausbildung Fachkraft für Lagerlogistik")
        .occupation(Occupation.isco("4321")).level(Level.SKILLED)
        .location(KREFELD).startDate(LocalDate.of(2027, 8, 1));
  }

  private static Opportunity.Builder volunteering(String id) {
    return Opportunity.builder(id, OpportunityKind.VOLUNTEERING, "Ehrenamt Tafel Viersen").location(VIERSEN);
  }

  private static Opportunity.Builder truckJob(String id) {
    return Opportunity.builder(id, OpportunityKind.VACANCY, "Berufskraftfahrer CE (m/w/d)")
        .occupation(Occupation.isco("8332")).level(Level.SKILLED)
        .drivingLicense("CE").location(MOENCHENGLADBACH);
  }

  private static Opportunity fullTime(String id) {
    return warehouse(id).hoursPerWeek(HoursRange.of(20, 40)).build();
  }

  private static Opportunity miniJob(String id) {
    return warehouse(id).hoursPerWeek(HoursRange.of(8, 10)).build();
  }

  // ---------------------------------------------------------------- engine

  private MatchResult match(Profile profile, Opportunity... opportunities) {
    return engines.holding(opportunities).match(profile, OPTIONS);
  }
}
