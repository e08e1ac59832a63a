package org.passgenau.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.passgenau.rank.Fixtures.KREFELD;
import static org.passgenau.rank.Fixtures.TODAY;
import static org.passgenau.rank.Fixtures.WUPPERTAL;
import static org.passgenau.rank.Fixtures.person;
import static org.passgenau.rank.Fixtures.vacancy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passgenau.model.Availability;
import org.passgenau.model.Cefr;
import org.passgenau.model.Family;
import org.passgenau.model.HoursRange;
import org.passgenau.model.Level;
import org.passgenau.model.Mobility;
import org.passgenau.model.Occupation;
import org.passgenau.model.Opportunity;
import org.passgenau.model.OpportunityKind;
import org.passgenau.model.PermitStatus;
import org.passgenau.model.Profile;
import org.passgenau.model.Qualification;
import org.passgenau.model.QualificationRequirement;
import org.passgenau.model.Recognition;
import org.passgenau.model.WorkBan;
import org.passgenau.model.WorkPermit;
import org.passgenau.taxonomy.OccupationTaxonomy;

/** The single changes a caseworker is shown for one person, and what each would open. */
class GapsTest {

  private static final OccupationTaxonomy TAXONOMY = OccupationTaxonomy.shipped();
  private static final MatchOptions ENGLISH = new MatchOptions(20, TODAY, Locale.ENGLISH);

  private final ScenarioEngines engines = new ScenarioEngines();

  @AfterEach
  void closeEngines() {
    engines.close();
  }

  private MatchingEngine holding(Opportunity... opportunities) {
    MatchingEngine engine = engines.track(MatchingEngine.builder().taxonomy(TAXONOMY).build());
    engine.upsertAll(List.of(opportunities));
    engine.refresh();
    return engine;
  }

  private static Optional<Gap> gap(Gaps gaps, String key) {
    return gaps.gaps().stream().filter(g -> g.change().key().equals(key)).findFirst();
  }

  private static List<String> keys(Gaps gaps) {
    return gaps.gaps().stream().map(g -> g.change().key()).toList();
  }

  private static Opportunity nursingPost(String id, String isco) {
    return vacancy(id).title("Pflegefachkraft (m/w/d)").occupation(Occupation.isco(isco))
        .level(Level.SKILLED).qualification(new QualificationRequirement(true, true, null))
        .build();
  }

  private static Profile nurse(Recognition recognition) {
    return person("nurse")
        .speaks("de", Cefr.B2)
        .qualification(new Qualification(Occupation.isco("2221"), Level.SKILLED, "SY",
            recognition, 3.0))
        .build();
  }

  // ---------------------------------------------------------------- recognition

  @Test
  void aNurseWithPartialRecognitionSeesThatCompletingItOpensTheRegulatedPosts() {
    MatchingEngine engine = holding(
        nursingPost("N-1", "2221"), nursingPost("N-2", "2221"), nursingPost("M-1", "2222"),
        vacancy("H-1").title("Pflegehelfer (m/w/d)").occupation(Occupation.isco("5321")).build());

    Gaps gaps = engine.gaps(nurse(Recognition.PARTIAL), ENGLISH);

    assertThat(gaps.admitted()).as("the helper post is open already").isEqualTo(1);
    Gap recognition = gap(gaps, "recognition:2221").orElseThrow();
    assertThat(recognition.openedIds())
        .as("her licence opens the nursing posts, not the midwife's")
        .containsExactly("N-1", "N-2");
    assertThat(recognition.bestOpened().orElseThrow().opportunityId()).isEqualTo("N-1");
  }

  @Test
  void aFullyRecognisedNurseIsNotToldToCompleteHerRecognition() {
    MatchingEngine engine = holding(nursingPost("N-1", "2221"));

    Gaps gaps = engine.gaps(nurse(Recognition.FULL), ENGLISH);

    assertThat(keys(gaps)).noneMatch(key -> key.startsWith("recognition"));
  }

  @Test
  void aQualificationWithoutAStatedRecognitionCountsAsNotAppliedFor() {
    MatchingEngine engine = holding(nursingPost("N-1", "2221"));

    Gaps gaps = engine.gaps(nurse(null), ENGLISH);

    assertThat(gap(gaps, "recognition:2221").orElseThrow().newlyAdmitted()).isEqualTo(1);
  }

  // ---------------------------------------------------------------- language

  @Test
  void oneLevelMoreGermanOpensThePostsAskingB1ButNotThoseAskingB2() {
    MatchingEngine engine = holding(
        vacancy("B1-a").requireLanguage("de", Cefr.B1).build(),
        vacancy("B1-b").requireLanguage("de", Cefr.B1).build(),
        vacancy("B2").requireLanguage("de", Cefr.B2).build(),
        vacancy("open").build());
    Profile p = person("p").speaks("de", Cefr.A2).speaks("ar", Cefr.C2).build();

    Gaps gaps = engine.gaps(p, ENGLISH);

    assertThat(keys(gaps)).as("only languages that posts ask")
        .filteredOn(key -> key.startsWith("language_level")).containsExactly("language_level:de");
    Gap german = gap(gaps, "language_level:de").orElseThrow();
    assertThat(german.openedIds()).containsExactly("B1-a", "B1-b");
    assertThat(german.change().applyTo(p).levelIn("de")).isEqualTo(Cefr.B1);
  }

  @Test
  void aLanguageSpokenAtC2IsNoGap() {
    MatchingEngine engine = holding(vacancy("C2").requireLanguage("de", Cefr.C2).build());

    Gaps gaps = engine.gaps(person("p").speaks("de", Cefr.C2).build(), ENGLISH);

    assertThat(keys(gaps)).doesNotContain("language_level:de");
  }

  @Test
  void theGapIsExplainedInEnglishGermanAndDutch() {
    MatchingEngine engine = holding(
        vacancy("B1-a").occupation(Occupation.isco("5321")).requireLanguage("de", Cefr.B1)
            .build(),
        vacancy("B1-b").requireLanguage("de", Cefr.B1).build());
    Profile p = person("p").speaks("de", Cefr.A2).build();

    String best = engine.gaps(p, ENGLISH).gaps().get(0).bestOpened().orElseThrow()
        .opportunityId();

    assertThat(engine.gaps(p, ENGLISH).gaps().get(0).explanation())
        .isEqualTo("B1 German instead of A2 would open 2 more opportunities, the best: "
            + named(best, "en"));
    assertThat(engine.gaps(p, ENGLISH.in(Locale.GERMAN)).gaps().get(0).explanation())
        .isEqualTo("Deutsch auf B1 statt A2 würde 2 weitere Angebote öffnen, das beste: "
            + named(best, "de"));
    assertThat(engine.gaps(p, ENGLISH.in(Locale.forLanguageTag("nl"))).gaps().get(0)
        .explanation())
        .isEqualTo("Duits op B1 in plaats van A2 zou 2 extra mogelijkheden openen, de beste: "
            + named(best, "nl"));
  }

  /** How a sentence names an opened post: its occupation's label and its id. */
  private static String named(String id, String language) {
    String isco = Map.of("B1-a", "5321", "B1-b", "9333").get(id);
    return TAXONOMY.label(isco, language).orElseThrow() + " (" + id + ")";
  }

  @Test
  void aChangeThatOpensNothingSaysSo() {
    MatchingEngine engine = holding(vacancy("B2").requireLanguage("de", Cefr.B2).build());

    Gaps gaps = engine.gaps(person("p").build(), ENGLISH);

    Gap german = gap(gaps, "language_level:de").orElseThrow();
    assertThat(german.newlyAdmitted()).isZero();
    assertThat(german.bestOpened()).isEmpty();
    assertThat(german.explanation())
        .isEqualTo("A1 German (none so far) would open no more opportunities");
  }

  // ---------------------------------------------------------------- driving licence

  @Test
  void aLicenceClassThatAHeldClassImpliesIsNoGap() {
    MatchingEngine engine = holding(
        vacancy("truck").drivingLicense("C").build(),
        vacancy("bus").drivingLicense("D").build());
    Profile driver = person("driver")
        .mobility(new Mobility(null, null, List.of("CE"), true, false)).build();

    Gaps gaps = engine.gaps(driver, ENGLISH);

    assertThat(keys(gaps)).as("CE implies C")
        .filteredOn(key -> key.startsWith("driving_licence")).containsExactly("driving_licence:D");
    assertThat(gaps.gaps().get(0).openedIds()).containsExactly("bus");
    assertThat(gaps.gaps().get(0).explanation())
        .startsWith("A class D driving licence would open one more opportunity: ");
  }

  // ---------------------------------------------------------------- commute

  @Test
  void aPersonWhoMovesFreelyIsNotOfferedALongerCommute() {
    MatchingEngine engine = holding(vacancy("far").location(WUPPERTAL).build());
    Profile mover = person("mover")
        .mobility(new Mobility(20.0, null, List.of(), false, true)).build();

    assertThat(keys(engine.gaps(mover, ENGLISH))).doesNotContain("commute");
  }

  @Test
  void aStatedCommuteLimitGrowsByHalf() {
    // Krefeld lies about 15 km from Viersen.
    MatchingEngine engine = holding(vacancy("krefeld").location(KREFELD).build());
    Profile p = person("p").mobility(new Mobility(12.0, 40.0, List.of(), false, false)).build();

    Gap commute = gap(engine.gaps(p, ENGLISH), "commute").orElseThrow();

    Mobility longer = commute.change().applyTo(p).mobility();
    assertThat(longer.maxCommuteKm()).isEqualTo(18.0);
    assertThat(longer.maxCommuteMinutes()).isEqualTo(60.0);
    assertThat(commute.openedIds()).containsExactly("krefeld");
    assertThat(commute.explanation()).startsWith(
        "A commute of up to 18 km or 60 minutes instead of 12 km or 40 minutes would open one");
  }

  @Test
  void withoutAStatedLimitTheLegalNormHalfAsLongAgainBecomesTheLimit() {
    // Wuppertal lies about 52 km from Viersen: beyond the 75 minutes one way of the legal norm
    // by public transport (31 km), within it by car (62 km).
    MatchingEngine engine = holding(vacancy("wuppertal").location(WUPPERTAL).build());
    Profile byBus = person("bus").build();
    Profile byCar = person("car").mobility(new Mobility(null, null, List.of(), true, false))
        .build();

    Gap bus = gap(engine.gaps(byBus, ENGLISH), "commute").orElseThrow();
    Gap car = gap(engine.gaps(byCar, ENGLISH), "commute").orElseThrow();

    assertThat(bus.change().applyTo(byBus).mobility().maxCommuteMinutes())
        .as("150 minutes a day, 75 one way, half as long again").isEqualTo(112.5);
    assertThat(bus.newlyAdmitted()).as("112.5 minutes by bus reach 47 km").isZero();
    assertThat(bus.explanation()).isEqualTo(
        "A commute of up to 113 minutes one way instead of the legal norm would open no more "
            + "opportunities");
    assertThat(engine.gaps(byCar, ENGLISH).admitted()).isEqualTo(1);
    assertThat(car.newlyAdmitted()).isZero();
  }

  // ---------------------------------------------------------------- childcare and hours

  @Test
  void aPersonWithoutChildrenIsNotAskedToArrangeChildcare() {
    MatchingEngine engine = holding(vacancy("night").nightWork(true).build());
    Profile p = person("p").family(new Family(0, 0, false, false)).build();

    assertThat(keys(engine.gaps(p, ENGLISH))).doesNotContain("childcare");
  }

  @Test
  void arrangingCareForAToddlerOpensNightWork() {
    MatchingEngine engine = holding(vacancy("night").nightWork(true).build(),
        vacancy("day").nightWork(false).build());
    Profile mother = person("mother").family(new Family(1, 0, false, true)).build();

    Gaps gaps = engine.gaps(mother, ENGLISH);

    assertThat(gaps.admitted()).isEqualTo(1);
    assertThat(gap(gaps, "childcare").orElseThrow().openedIds()).containsExactly("night");
  }

  @Test
  void tenMoreHoursAWeekOpenTheLongerJobs() {
    MatchingEngine engine = holding(
        vacancy("25h").hoursPerWeek(new HoursRange(25.0, 30.0)).build(),
        vacancy("38h").hoursPerWeek(new HoursRange(38.5, 38.5)).build());
    Profile p = person("p").availability(new Availability(null, 20.0, null, null, null, null))
        .build();

    Gap hours = gap(engine.gaps(p, ENGLISH), "hours").orElseThrow();

    assertThat(hours.openedIds()).containsExactly("25h");
    assertThat(hours.explanation()).startsWith(
        "Up to 30 hours a week instead of 20 would open one more opportunity: ");
  }

  @Test
  void aPersonWhoStatesNoMaximumOfHoursIsNotOfferedMore() {
    MatchingEngine engine =
        holding(vacancy("38h").hoursPerWeek(new HoursRange(38.5, 40.0)).build());

    assertThat(keys(engine.gaps(person("p").build(), ENGLISH))).doesNotContain("hours");
  }

  // ---------------------------------------------------------------- work ban

  @Test
  void theEndOfAnAbsoluteBanOpensEmploymentButVolunteeringIsOpenAlready() {
    MatchingEngine engine = holding(vacancy("job").build(),
        Fixtures.volunteering("tafel").build());
    Profile banned = person("banned")
        .workPermit(new WorkPermit(PermitStatus.TOLERATION, WorkBan.ABSOLUTE, null, null))
        .build();

    Gaps gaps = engine.gaps(banned, ENGLISH);

    assertThat(gaps.admitted()).isEqualTo(1);
    assertThat(gap(gaps, "work_ban_ends").orElseThrow().openedIds()).containsExactly("job");
  }

  @Test
  void aTemporaryBanThatEndedBeforeTheReferenceDateIsNoGap() {
    MatchingEngine engine = holding(vacancy("job").build());
    Profile p = person("p").workPermit(new WorkPermit(PermitStatus.ASYLUM_PENDING,
        WorkBan.TEMPORARY, TODAY.minusDays(1), null)).build();

    assertThat(keys(engine.gaps(p, ENGLISH))).doesNotContain("work_ban_ends");
  }

  // ---------------------------------------------------------------- order

  @Test
  void theChangesThatOpenMostComeFirstThenByKey() {
    MatchingEngine engine = holding(
        vacancy("B").drivingLicense("B").build(),
        vacancy("C1").drivingLicense("C1").build(),
        vacancy("D-1").drivingLicense("D").build(),
        vacancy("D-2").drivingLicense("D").build(),
        vacancy("nl").requireLanguage("nl", Cefr.C1).build());

    Gaps gaps = engine.gaps(person("p").build(), ENGLISH);

    // D implies B, and so does C1: D opens three posts, C1 two, B one.
    assertThat(keys(gaps)).containsExactly("driving_licence:D", "driving_licence:C1",
        "driving_licence:B", "commute", "language_level:nl");
  }

  @Test
  void aDeletedPostAsksNothing() {
    MatchingEngine engine = holding(vacancy("bus").drivingLicense("D").build());
    engine.delete("bus");
    engine.refresh();

    assertThat(keys(engine.gaps(person("p").build(), ENGLISH)))
        .doesNotContain("driving_licence:D");
  }

  @Test
  void theOptionsTopKDoesNotLimitTheCounts() {
    MatchingEngine engine = holding(vacancy("a").drivingLicense("B").build(),
        vacancy("b").drivingLicense("B").build(), vacancy("c").drivingLicense("B").build());

    Gaps gaps = engine.gaps(person("p").build(), ENGLISH.withTopK(1));

    assertThat(gap(gaps, "driving_licence:B").orElseThrow().newlyAdmitted()).isEqualTo(3);
  }

  @Test
  void gapsWithoutOpenedIdsCannotJoinACohort() {
    MatchingEngine engine = holding(vacancy("a").drivingLicense("B").build());

    Gaps lean = engine.gaps(person("p-17").build(), ENGLISH, false);

    assertThatThrownBy(() -> new GapCohort().add(lean))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("p-17").hasMessageContaining("driving_licence:B");
  }

  @Test
  void aCohortCountsPeopleHelpedAndDistinctPostsOpened() {
    MatchingEngine engine = holding(vacancy("a").drivingLicense("B").build(),
        vacancy("b").drivingLicense("B").build(),
        vacancy("c").drivingLicense("B").requireLanguage("de", Cefr.B1).build());
    GapCohort cohort = new GapCohort();
    cohort.add(engine.gaps(person("speaks").speaks("de", Cefr.B1).build(), ENGLISH));
    cohort.add(engine.gaps(person("silent").build(), ENGLISH));
    cohort.add(engine.gaps(person("driver")
        .mobility(new Mobility(null, null, List.of("B"), true, false)).build(), ENGLISH));

    GapCohort.Row licence = cohort.rows().get(0);

    assertThat(cohort.people()).isEqualTo(3);
    assertThat(licence).isEqualTo(new GapCohort.Row("driving_licence:B",
        ProfileChange.Kind.DRIVING_LICENCE, "B", 2, 2, 5, 3));
    assertThat(cohort.rows()).extracting(GapCohort.Row::key)
        .as("most people helped first, then by key")
        .containsExactly("driving_licence:B", "commute", "language_level:de");
  }

  @Test
  void aCohortCannotBeMergedIntoItself() {
    GapCohort cohort = new GapCohort();

    assertThatThrownBy(() -> cohort.merge(cohort)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCustomFilterStillClosesWhatItClosesAfterTheChange() {
    RuleSet recentOnly = RuleSet.defaults().toBuilder().name("recent-only")
        .customFilter("recent_posting", true).customWeight("pay", 0.1).build();
    MatchingEngine engine = engines.track(MatchingEngine.builder().ruleSet(recentOnly).build());
    engine.upsertAll(List.of(
        vacancy("fresh").drivingLicense("B").postedDate(TODAY.minusDays(10)).build(),
        vacancy("stale").drivingLicense("B").postedDate(TODAY.minusDays(400)).build()));
    engine.refresh();
    Profile p = person("p").build();

    Gap licence = gap(engine.gaps(p, ENGLISH), "driving_licence:B").orElseThrow();

    assertThat(licence.openedIds()).containsExactly("fresh");
    assertThat(licence.bestOpened().orElseThrow())
        .as("scored and explained as match does, the custom scorer included")
        .isEqualTo(engine.match(licence.change().applyTo(p), ENGLISH).matches().get(0));
  }

  // ---------------------------------------------------------------- the change itself

  @Test
  void aChangeIsNamedByKindAndSubject() {
    assertThat(ProfileChange.languageLevel("de").key()).isEqualTo("language_level:de");
    assertThat(ProfileChange.drivingLicence("ce").key()).isEqualTo("driving_licence:CE");
    assertThat(ProfileChange.recognition("2221")).isEqualTo(ProfileChange.recognition("2221"))
        .isNotEqualTo(ProfileChange.recognition("2222"));
    assertThat(ProfileChange.commute(90)).isEqualTo(ProfileChange.commute(112.5));
    assertThat(ProfileChange.workBanEnds().key()).isEqualTo("work_ban_ends");
  }

  @Test
  void aChangeThatCannotBeMadeNamesTheProfileAndTheChange() {
    Profile p = person("p-42").speaks("de", Cefr.C2).build();

    assertThatThrownBy(() -> ProfileChange.languageLevel("de").applyTo(p))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("p-42").hasMessageContaining("language_level:de");
    assertThatThrownBy(() -> ProfileChange.childcare().applyTo(p))
        .hasMessageContaining("p-42").hasMessageContaining("childcare");
  }

  @Test
  void raisingALanguageKeepsTheOtherLanguages() {
    Profile p = person("p").speaks("ar", Cefr.C2).speaks("de", Cefr.A2).speaks("de", Cefr.A1)
        .build();

    Profile raised = ProfileChange.languageLevel("de").applyTo(p);

    assertThat(raised.languages()).extracting(l -> l.language() + " " + l.level())
        .containsExactly("ar C2", "de B1");
  }

  @Test
  void anApprenticeshipIsOpenWithoutRecognition() {
    MatchingEngine engine = holding(Fixtures.apprenticeship("ausbildung")
        .kind(OpportunityKind.APPRENTICESHIP)
        .qualification(new QualificationRequirement(true, true, null)).build());

    Gaps gaps = engine.gaps(nurse(Recognition.PARTIAL), ENGLISH);

    assertThat(gaps.admitted()).isEqualTo(1);
    assertThat(gap(gaps, "recognition:2221").orElseThrow().newlyAdmitted()).isZero();
  }
}
