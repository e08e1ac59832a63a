package org.passgenau;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passgenau.io.JsonLinesReader;
import org.passgenau.io.ReadResult;
import org.passgenau.model.Opportunity;
import org.passgenau.model.OpportunityKind;
import org.passgenau.model.Profile;
import org.passgenau.rank.Match;
import org.passgenau.rank.MatchOptions;
import org.passgenau.rank.MatchResult;
import org.passgenau.rank.MatchingEngine;
import org.passgenau.taxonomy.OccupationTaxonomy;

/** The engine over the shipped sample data, and the hard cases data/README.md names. */
class SampleDataTest {

  private static final Path DATA = Path.of(System.getProperty("passgenau.data", "../data"));
  private static final MatchOptions OPTIONS =
      new MatchOptions(50, LocalDate.of(2026, 11, 23), Locale.ENGLISH);

  private static ReadResult<Opportunity> opportunities;
  private static ReadResult<Profile> profiles;
  private static Map<String, Opportunity> byId;
  private static MatchingEngine engine;

  @BeforeAll
  static void indexTheSampleData() throws IOException {
    opportunities = JsonLinesReader.opportunities().read(DATA.resolve("opportunities.jsonl"));
    profiles = JsonLinesReader.profiles().read(DATA.resolve("profiles.jsonl"));
    byId = opportunities.records().stream().collect(Collectors.toMap(Opportunity::id, Function.identity()));
    engine = MatchingEngine.builder()
        .taxonomy(OccupationTaxonomy.fromTsv(DATA.resolve("taxonomy/occupations.tsv")))
        .build();
    engine.upsertAll(opportunities.records());
    engine.refresh();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  private static MatchResult match(String profileId) {
    Profile p = profiles.records().stream().filter(x -> x.id().equals(profileId)).findFirst().orElseThrow();
    return engine.match(p, OPTIONS);
  }

  private static List<Opportunity> matched(String profileId) {
    return match(profileId).matches().stream().map(m -> byId.get(m.opportunityId())).toList();
  }

  @Test
  void theSampleFilesReadWithoutRejects() {
    assertThat(opportunities.rejects()).as("opportunity rejects").isEmpty();
    assertThat(profiles.rejects()).as("profile rejects").isEmpty();
    assertThat(opportunities.records()).hasSizeGreaterThanOrEqualTo(400);
    assertThat(profiles.records()).hasSizeGreaterThanOrEqualTo(150);
  }

  @Test
  void theMalformedSampleKeepsItsTwoGoodRecordsAndRejectsTheRest() {
    ReadResult<Opportunity> malformed = JsonLinesReader.opportunities().read(DATA.resolve("malformed-opportunities.jsonl"));
    assertThat(malformed.records()).hasSize(2);
    assertThat(malformed.rejects()).hasSize(6);
    assertThat(malformed.records().size() + malformed.rejects().size()).isEqualTo(8);
  }

  @Test
  void everyProfileGetsAResultAndEveryExclusionIsCounted() {
    for (Profile p : profiles.records()) {
      MatchResult r = engine.match(p, OPTIONS.withTopK(10_000));
      int excluded = r.excluded().values().stream().mapToInt(Integer::intValue).sum();
      assertThat(r.matches().size() + excluded).as("matches and exclusions of %s", p.id())
          .isEqualTo(opportunities.records().size());
    }
  }

  @Test
  void aToleratedPersonWithAnAbsoluteWorkBanIsOfferedOnlyVolunteeringAndCourses() {
    assertThat(matched("P-001")).isNotEmpty()
        .allSatisfy(o -> assertThat(o.kind()).as("%s is no employment", o.id())
            .isIn(OpportunityKind.VOLUNTEERING, OpportunityKind.TRAINING));
  }

  @Test
  void anAsylumSeekerWhoseBanEndsInMarchIsOfferedOnlyWhatMayStartAfterIt() {
    assertThat(matched("P-002")).isNotEmpty().allSatisfy(o -> {
      boolean employment =
          o.kind() != OpportunityKind.VOLUNTEERING && o.kind() != OpportunityKind.TRAINING;
      if (employment && o.startDate() != null) {
        assertThat(o.startDate()).as(o.id()).isAfter(LocalDate.of(2027, 3, 1));
      }
    });
    assertThat(match("P-002").matches())
        .as("employment without a start date carries the note that the ban must end first")
        .filteredOn(m -> byId.get(m.opportunityId()).startDate() == null
            && byId.get(m.opportunityId()).kind() != OpportunityKind.VOLUNTEERING
            && byId.get(m.opportunityId()).kind() != OpportunityKind.TRAINING)
        .allSatisfy(m -> assertThat(m.explanation())
            .anyMatch(r -> r.detail().contains("work ban must have ended")));
  }

  @Test
  void aNurseWithPartialRecognitionIsNotOfferedANursePostWithoutARecognitionPartnership() {
    assertThat(matched("P-003")).isNotEmpty().noneSatisfy(o -> {
      assertThat(o.kind()).isEqualTo(OpportunityKind.VACANCY);
      assertThat(o.qualification() != null && o.qualification().regulatedProfession()).isTrue();
      assertThat(o.level()).isNotEqualTo(org.passgenau.model.Level.HELPER);
      assertThat(o.recognitionPartnership()).isNotEqualTo(Boolean.TRUE);
    });
  }

  @Test
  void aSingleMotherWithoutChildcareIsNotOfferedNightWork() {
    assertThat(matched("P-004")).noneSatisfy(o -> assertThat(o.nightWork()).isTrue());
  }

  @Test
  void wheelchairUsersAreNotOfferedInaccessibleWorkplaces() {
    for (String id : List.of("P-006", "P-012", "P-014")) {
      assertThat(matched(id)).as(id).noneSatisfy(o -> assertThat(o.accessible()).isFalse());
    }
  }

  @Test
  void aStatusHolderInGroningenIsOfferedDutchOpportunities() {
    assertThat(matched("P-013")).isNotEmpty()
        .allSatisfy(o -> assertThat(o.location().country()).isEqualTo("NL"));
  }

  @Test
  void explanationsExplainTheWholeScore() {
    for (Match m : match("P-003").matches()) {
      double sum = m.explanation().stream().mapToDouble(r -> r.effect()).sum();
      assertThat(sum).as(m.opportunityId()).isCloseTo(m.score(), org.assertj.core.api.Assertions.within(0.001));
    }
  }
}
