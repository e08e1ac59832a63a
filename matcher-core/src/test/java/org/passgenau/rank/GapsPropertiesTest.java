package org.passgenau.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passgenau.rank.ArbitrariesForRanking.TODAY;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;
import org.passgenau.model.Availability;
import org.passgenau.model.LanguageRequirement;
import org.passgenau.model.Location;
import org.passgenau.model.Occupation;
import org.passgenau.model.Level;
import org.passgenau.model.Opportunity;
import org.passgenau.model.OpportunityKind;
import org.passgenau.model.QualificationRequirement;
import org.passgenau.model.Qualification;
import org.passgenau.model.Profile;
import org.passgenau.taxonomy.OccupationTaxonomy;

/**
 * The gaps of a person agree with {@link MatchingEngine#match} on random corpora and profiles:
 * each change opens exactly the opportunities that a full match of the changed profile admits
 * and a match of the profile as it is does not, and its best is the first of those in the
 * changed profile's ranking, with the same score and explanation.
 */
class GapsPropertiesTest {

  private static final OccupationTaxonomy TAXONOMY = OccupationTaxonomy.shipped();
  private static final MatchOptions ALL = new MatchOptions(10_000, TODAY, Locale.ENGLISH);

  /** Random corpora, and as many whose posts each ask at most one thing that a change acts on. */
  @Provide
  Arbitrary<List<Opportunity>> corpora() {
    Arbitrary<List<Opportunity>> open = Combinators.combine(
            ArbitrariesForRanking.opportunities(), Arbitraries.of(CARE), Arbitraries.of(NEAR),
            Arbitraries.integers().between(0, 5))
        .as(GapsPropertiesTest::askingOneThing)
        .list().ofMinSize(20).ofMaxSize(40).map(ArbitrariesForRanking::numbered);
    return Arbitraries.oneOf(ArbitrariesForRanking.corpora(40), open);
  }

  /** Random profiles, and as many who state little besides what the changes act on. */
  @Provide
  Arbitrary<Profile> profiles() {
    return Arbitraries.oneOf(ArbitrariesForRanking.profiles(),
        Combinators.combine(ArbitrariesForRanking.profiles(), Arbitraries.of(CARE))
            .as(GapsPropertiesTest::statingLittleElse));
  }

  /** Care occupations: a nurse's recognition counts for 2221 and 3221, not for 5321. */
  private static final List<String> CARE = List.of("2221", "3221", "5321");
  /**
   * Places from 10 to 52 km from Viersen: within the legal norm of commuting by public transport
   * (31 km for a full day), within it half as long again (47 km), and beyond.
   */
  private static final List<Location> NEAR = List.of(
      Fixtures.KREFELD, Fixtures.MOENCHENGLADBACH, Fixtures.WUPPERTAL,
      new Location(51.2277, 6.7735, "40213", "Düsseldorf", "DE-NW", "DE"),
      new Location(51.4344, 6.7623, "47051", "Duisburg", "DE-NW", "DE"),
      new Location(51.4275, 6.8825, "45468", "Mülheim an der Ruhr", "DE-NW", "DE"),
      new Location(51.4556, 7.0116, "45127", "Essen", "DE-NW", "DE"));

  /**
   * Random posts rarely leave one that a single change opens, since several filters exclude most
   * of them; these ask at most one thing a change acts on ({@code which}: German, recognition, a
   * licence, hours, night work, a place farther off) besides the kind, and nothing else.
   */
  private static Opportunity askingOneThing(
      Opportunity o, String isco, Location place, int which) {
    Opportunity.Builder b = o.toBuilder().applicationDeadline(null).startDate(null)
        .minSchool(null).physicalDemand(null).shiftWork(null).weekendWork(null).accessible(null)
        .occupation(Occupation.isco(isco)).location(Fixtures.VIERSEN).remote(null)
        .languageRequirements(List.of()).qualification(null).drivingLicense(null)
        .hoursPerWeek(null).nightWork(null);
    switch (which) {
      case 0 -> b.languageRequirements(o.languageRequirements().stream()
          .limit(1).map(r -> LanguageRequirement.of("de", r.minLevel())).toList());
      case 1 -> b.kind(OpportunityKind.VACANCY).level(Level.SKILLED)
          .qualification(new QualificationRequirement(true, true, null));
      case 2 -> b.drivingLicense(o.drivingLicense());
      case 3 -> b.hoursPerWeek(o.hoursPerWeek());
      case 4 -> b.nightWork(o.nightWork());
      default -> b.location(place);
    }
    return b.build();
  }

  private static Profile statingLittleElse(Profile p, String isco) {
    Availability a = p.availability();
    return p.toBuilder().health(null).residenceObligation(null).location(Fixtures.VIERSEN)
        .qualifications(p.qualifications().stream()
            .map(q -> new Qualification(Occupation.isco(isco), q.level(), q.country(),
                q.recognition(), q.years()))
            .toList())
        .availability(a == null ? null : new Availability(null, a.maxHoursPerWeek(),
            a.minHoursPerWeek(), null, a.nightOk(), null))
        .build();
  }

  @Property(tries = 200, shrinking = ShrinkingMode.BOUNDED)
  void everyGapOpensExactlyWhatMatchAdmitsForTheChangedProfile(
      @ForAll("corpora") List<Opportunity> corpus, @ForAll("profiles") Profile profile) {
    try (MatchingEngine engine = indexed(corpus)) {
      Gaps gaps = engine.gaps(profile, ALL);
      MatchResult before = engine.match(profile, ALL);
      Set<String> admitted = new HashSet<>(Fixtures.ids(before));
      assertThat(gaps.admitted()).as("admitted now").isEqualTo(admitted.size());
      for (Gap gap : gaps.gaps()) {
        Statistics.label("opens").collect(gap.change().kind(), gap.newlyAdmitted() > 0);
        MatchResult after = engine.match(gap.change().applyTo(profile), ALL);
        List<Match> opened = new ArrayList<>();
        for (Match m : after.matches()) {
          if (!admitted.contains(m.opportunityId())) {
            opened.add(m);
          }
        }
        assertThat(gap.newlyAdmitted()).as("%s opens", gap.change()).isEqualTo(opened.size());
        assertThat(gap.openedIds()).as("%s opens these", gap.change())
            .containsExactlyElementsOf(opened.stream().map(Match::opportunityId).sorted().toList());
        if (opened.isEmpty()) {
          assertThat(gap.bestOpened()).as("%s opens nothing", gap.change()).isEmpty();
        } else {
          Match best = gap.bestOpened().orElseThrow();
          Match expected = opened.get(0);
          assertThat(best.opportunityId()).as("best opened by %s", gap.change())
              .isEqualTo(expected.opportunityId());
          assertThat(best.score()).as("its score").isEqualTo(expected.score());
          assertThat(best.explanation()).as("its explanation")
              .isEqualTo(expected.explanation());
        }
      }
    }
  }

  @Property(tries = 60, shrinking = ShrinkingMode.BOUNDED)
  void leavingOutTheOpenedIdsChangesNothingElse(
      @ForAll("corpora") List<Opportunity> corpus, @ForAll("profiles") Profile profile) {
    try (MatchingEngine engine = indexed(corpus)) {
      Gaps with = engine.gaps(profile, ALL);
      Gaps without = engine.gaps(profile, ALL, false);
      assertThat(without.admitted()).isEqualTo(with.admitted());
      assertThat(without.gaps()).hasSameSizeAs(with.gaps());
      for (int i = 0; i < with.gaps().size(); i++) {
        Gap a = with.gaps().get(i);
        Gap b = without.gaps().get(i);
        assertThat(b.openedIds()).as("no ids asked for").isEmpty();
        assertThat(new Gap(b.change(), b.newlyAdmitted(), b.bestOpened(), b.explanation(),
            a.openedIds())).isEqualTo(a);
      }
    }
  }

  @Property(tries = 40, shrinking = ShrinkingMode.BOUNDED)
  void aCohortSumsItsPeopleWhateverTheOrderOrSplit(
      @ForAll("corpora") List<Opportunity> corpus,
      @ForAll("profilesOfACohort") List<Profile> people) {
    try (MatchingEngine engine = indexed(corpus)) {
      List<Gaps> all = new ArrayList<>();
      for (int i = 0; i < people.size(); i++) {
        Profile p = people.get(i).toBuilder().id("P-" + i).build();
        all.add(engine.gaps(p, ALL));
      }
      GapCohort inOrder = new GapCohort();
      all.forEach(inOrder::add);
      GapCohort firstHalf = new GapCohort();
      GapCohort secondHalf = new GapCohort();
      for (int i = all.size() - 1; i >= 0; i--) {
        (i % 2 == 0 ? firstHalf : secondHalf).add(all.get(i));
      }
      assertThat(secondHalf.merge(firstHalf).rows()).isEqualTo(inOrder.rows());
      assertThat(inOrder.people()).isEqualTo(people.size());
      for (GapCohort.Row row : inOrder.rows()) {
        long opened = 0;
        int helped = 0;
        int applicable = 0;
        Set<String> distinct = new HashSet<>();
        for (Gaps g : all) {
          for (Gap gap : g.gaps()) {
            if (gap.change().key().equals(row.key())) {
              applicable++;
              helped += gap.newlyAdmitted() > 0 ? 1 : 0;
              opened += gap.newlyAdmitted();
              distinct.addAll(gap.openedIds());
            }
          }
        }
        assertThat(row).as(row.key()).isEqualTo(new GapCohort.Row(row.key(), row.kind(),
            row.subject(), applicable, helped, opened, distinct.size()));
      }
    }
  }

  @Provide
  Arbitrary<List<Profile>> profilesOfACohort() {
    return ArbitrariesForRanking.profiles().list().ofMinSize(1).ofMaxSize(6);
  }

  /** The corpus in several segments, with some deleted and some replaced, as a live index is. */
  private static MatchingEngine indexed(List<Opportunity> corpus) {
    MatchingEngine engine = MatchingEngine.builder().taxonomy(TAXONOMY).build();
    for (int from = 0; from < corpus.size(); from += 7) {
      engine.upsertAll(corpus.subList(from, Math.min(corpus.size(), from + 7)));
      engine.refresh();
    }
    for (int i = 0; i < corpus.size(); i++) {
      if (i % 4 == 1) {
        engine.delete(corpus.get(i).id());
      } else if (i % 5 == 0) {
        engine.upsert(corpus.get(i));
      }
    }
    engine.refresh();
    return engine;
  }
}
