package org.passgenau.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.passgenau.rank.Fixtures.HANNOVER;
import static org.passgenau.rank.Fixtures.TODAY;
import static org.passgenau.rank.Fixtures.apprenticeship;
import static org.passgenau.rank.Fixtures.person;
import static org.passgenau.rank.Fixtures.vacancy;

import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.passgenau.model.Cefr;
import org.passgenau.model.LanguageRequirement;
import org.passgenau.model.LanguageSkill;
import org.passgenau.model.Mobility;
import org.passgenau.model.PermitStatus;
import org.passgenau.model.Profile;
import org.passgenau.model.WorkBan;
import org.passgenau.model.WorkPermit;

/** The employer service's question: which of our people may take this post, best first? */
class CandidatesTest {

  private static final MatchOptions OPTIONS = new MatchOptions(10, TODAY, Locale.ENGLISH);

  @Test
  void theEmployerServiceSeesOnlyThePeopleWhoMayTakeTheApprenticeshipWithTheExclusionsCounted() {
    try (MatchingEngine engine = MatchingEngine.builder().build()) {
      engine.upsert(apprenticeship("A-1")
          .languageRequirements(List.of(LanguageRequirement.of("de", Cefr.B1))).build());
      engine.upsertProfiles(List.of(
          person("P-speaks").languages(List.of(LanguageSkill.of("de", Cefr.B2))).build(),
          person("P-banned").languages(List.of(LanguageSkill.of("de", Cefr.B2)))
              .workPermit(new WorkPermit(PermitStatus.TOLERATION, WorkBan.ABSOLUTE, null, null))
              .build(),
          person("P-far").location(HANNOVER)
              .languages(List.of(LanguageSkill.of("de", Cefr.C1))).build(),
          person("P-beginner").languages(List.of(LanguageSkill.of("de", Cefr.A1))).build()));
      engine.refresh();

      CandidateResult result = engine.candidates("A-1", OPTIONS);

      assertThat(result.candidates()).extracting(Candidate::profileId)
          .as("only the person who speaks German well enough, lives near and may work")
          .containsExactly("P-speaks");
      assertThat(result.excluded())
          .as("each other person counted under the first filter that rules the pair out")
          .containsEntry("commute", 1)
          .containsEntry("work_permit", 1)
          .containsEntry("language_floor", 1);
    }
  }

  @Test
  void aPairScoresAndIsExplainedAlikeInBothDirections() {
    try (MatchingEngine engine = MatchingEngine.builder().build()) {
      engine.upsert(vacancy("V-1").build());
      Profile speaker = person("P-1").languages(List.of(LanguageSkill.of("de", Cefr.B1))).build();
      engine.upsertProfile(speaker);
      engine.refresh();

      Candidate candidate = engine.candidates("V-1", OPTIONS).candidates().get(0);
      Match match = engine.match(speaker, OPTIONS).matches().get(0);

      assertThat(candidate.score()).isEqualTo(match.score());
      assertThat(candidate.explanation()).isEqualTo(match.explanation());
    }
  }

  @Test
  void aSinglePairIsExplainedAsTheWholeMatchExplainsIt() {
    try (MatchingEngine engine = MatchingEngine.builder().build()) {
      engine.upsert(vacancy("V-1").build());
      engine.upsert(vacancy("V-2").location(HANNOVER).build());
      engine.refresh();
      Profile speaker = person("P-1").languages(List.of(LanguageSkill.of("de", Cefr.B1))).build();

      Match whole = engine.match(speaker, OPTIONS).matches().get(0);

      assertThat(engine.matchPair(speaker, "V-1", OPTIONS)).hasValueSatisfying(pair -> {
        assertThat(pair.score()).isEqualTo(whole.score());
        assertThat(pair.explanation()).isEqualTo(whole.explanation());
      });
      assertThat(engine.matchPair(speaker, "V-2", OPTIONS)).as("beyond commuting reach").isEmpty();
    }
  }

  @Test
  void peopleWithEqualScoresAreRankedByIdAndTheTopIsCut() {
    try (MatchingEngine engine = MatchingEngine.builder().build()) {
      engine.upsert(vacancy("V-1").build());
      for (String id : List.of("P-3", "P-1", "P-4", "P-2")) {
        engine.upsertProfile(person(id).build());
      }
      engine.refresh();

      CandidateResult result = engine.candidates("V-1", OPTIONS.withTopK(3));

      assertThat(result.candidates()).extracting(Candidate::profileId)
          .containsExactly("P-1", "P-2", "P-3");
      assertThat(result.candidates()).extracting(Candidate::rank).containsExactly(1, 2, 3);
    }
  }

  @Test
  void aPersonWhoWouldMoveIsNotLeftOutForLivingFarAway() {
    try (MatchingEngine engine = MatchingEngine.builder().build()) {
      engine.upsert(vacancy("V-1").build());
      engine.upsertProfile(person("P-mover").location(HANNOVER)
          .mobility(new Mobility(null, null, null, false, true)).build());
      engine.refresh();

      assertThat(engine.candidates("V-1", OPTIONS).candidates()).extracting(Candidate::profileId)
          .containsExactly("P-mover");
    }
  }

  @Test
  void profileChangesBecomeVisibleAtRefresh() {
    try (MatchingEngine engine = MatchingEngine.builder().build()) {
      engine.upsert(vacancy("V-1").build());
      engine.upsertProfile(person("P-1").build());
      engine.refresh();
      engine.upsertProfile(person("P-2").build());
      engine.deleteProfile("P-1");

      assertThat(engine.candidates("V-1", OPTIONS).candidates()).extracting(Candidate::profileId)
          .as("before refresh").containsExactly("P-1");
      engine.refresh();
      assertThat(engine.candidates("V-1", OPTIONS).candidates()).extracting(Candidate::profileId)
          .as("after refresh").containsExactly("P-2");
      assertThat(engine.profileCount()).isEqualTo(1);
    }
  }

  @Test
  void aLanguageThatOnlyALaterPostAsksIsKnownWhenThatPostIsRanked() {
    try (MatchingEngine engine = MatchingEngine.builder().build()) {
      engine.upsert(vacancy("V-1").build());
      engine.upsertProfile(person("P-1").languages(List.of(LanguageSkill.of("uk", Cefr.B2))).build());
      engine.refresh();
      engine.candidates("V-1", OPTIONS);
      engine.upsert(vacancy("V-2")
          .languageRequirements(List.of(LanguageRequirement.of("uk", Cefr.B1))).build());
      engine.refresh();

      assertThat(engine.candidates("V-2", OPTIONS).candidates()).extracting(Candidate::profileId)
          .as("Ukrainian at B2, bound again after the refresh that brought the language")
          .containsExactly("P-1");
    }
  }

  @Test
  void anOpportunityIsFoundByIdAsItWasUpserted() {
    try (MatchingEngine engine = MatchingEngine.builder().build()) {
      engine.upsert(vacancy("V-1").openPositions(3).build());
      engine.upsert(vacancy("V-2").build());
      engine.refresh();
      engine.delete("V-2");
      engine.refresh();

      assertThat(engine.opportunity("V-1")).hasValueSatisfying(
          o -> assertThat(o.positions()).isEqualTo(3));
      assertThat(engine.opportunity("V-2")).as("deleted").isEmpty();
    }
  }

  @Test
  void anOpportunityInALaterSegmentIsRankedFromItsOwnColumns() {
    try (MatchingEngine engine = MatchingEngine.builder().build()) {
      engine.upsert(vacancy("V-1").build());
      engine.refresh();
      engine.upsert(vacancy("V-2").location(HANNOVER).build());
      engine.upsertProfile(person("P-1").build());
      engine.upsertProfile(person("P-2").location(HANNOVER).build());
      engine.refresh();

      assertThat(engine.candidates("V-2", OPTIONS).candidates()).extracting(Candidate::profileId)
          .as("the person in Hannover, not the one in Viersen").containsExactly("P-2");
      assertThat(engine.candidates("V-1", OPTIONS).candidates()).extracting(Candidate::profileId)
          .containsExactly("P-1");
    }
  }

  @Test
  void anUnknownOpportunityIsNamedInTheError() {
    try (MatchingEngine engine = MatchingEngine.builder().build()) {
      engine.upsert(vacancy("V-1").build());
      engine.delete("V-1");
      engine.refresh();

      assertThatThrownBy(() -> engine.candidates("V-1", OPTIONS))
          .isInstanceOf(NoSuchElementException.class)
          .hasMessageContaining("'V-1'");
    }
  }
}
