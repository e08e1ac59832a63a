package org.passgenau.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.passgenau.audit.Results.builder;
import static org.passgenau.audit.Results.person;
import static org.passgenau.audit.Results.withMatches;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.passgenau.model.Profile;
import org.passgenau.rank.MatchResult;

/**
 * The audit's arithmetic on four people whose numbers are worked out by hand, with the top 3 and
 * attention 1/log2(r+1): a(1) = 1, a(2) = 1/log2(3) ≈ 0.6309, a(3) = 0.5.
 *
 * <pre>
 *   P-1  gender f  3 matches  exposure 1 + 0.6309 + 0.5 = 2.1309
 *   P-2  gender f  no match   exposure 0
 *   P-3  gender m  1 match    exposure 1
 *   P-4  (none)    2 matches  exposure 1.6309            all: 4.7619
 * </pre>
 */
class FairnessAuditTest {

  private static final Offset<Double> EXACT = within(1e-12);
  private static final double A2 = 1 / (Math.log(3) / Math.log(2));
  private static final double TOTAL = (1 + A2 + 0.5) + 0 + 1 + (1 + A2);

  private static final FairnessAudit TOP_3 = FairnessAudit.builder().topK(3).build();

  private static AuditReport fourPeople() {
    return TOP_3.newTally()
        .add(person("P-1", "gender", "f"), withMatches("P-1", 3))
        .add(person("P-2", "gender", "f"), withMatches("P-2", 0))
        .add(person("P-3", "gender", "m"), withMatches("P-3", 1))
        .add(person("P-4"), withMatches("P-4", 2))
        .report();
  }

  private static GroupStats group(AuditReport report, String attribute, String value) {
    return report.groupsOf(attribute).stream()
        .filter(g -> g.group().equals(value)).findFirst().orElseThrow();
  }

  @Test
  void exposureShareIsTheGroupsSummedAttentionOverEveryones() {
    GroupStats women = group(fourPeople(), "gender", "f");

    assertThat(women.exposureShare()).as("(1 + a(2) + a(3) + 0) / total")
        .isCloseTo((1 + A2 + 0.5) / TOTAL, EXACT);
    assertThat(women.exposureShare()).as("about").isCloseTo(0.4475, within(1e-4));
  }

  @Test
  void exposureRatioComparesTheExposureShareWithTheShareOfProfiles() {
    GroupStats women = group(fourPeople(), "gender", "f");

    assertThat(women.profileShare()).as("2 of 4 profiles").isEqualTo(0.5);
    assertThat(women.exposureRatio()).as("exposure share / 0.5")
        .isCloseTo((1 + A2 + 0.5) / TOTAL / 0.5, EXACT);
  }

  @Test
  void membersWhoAllGetTheSameListAreAtParity() {
    AuditReport report = TOP_3.newTally()
        .add(person("P-1", "gender", "f"), withMatches("P-1", 2))
        .add(person("P-2", "gender", "m"), withMatches("P-2", 2))
        .add(person("P-3", "gender", "m"), withMatches("P-3", 2))
        .report();

    assertThat(report.groupsOf("gender")).extracting(GroupStats::exposureRatio)
        .as("ratio of each group").allSatisfy(r -> assertThat(r).isCloseTo(1.0, EXACT));
  }

  @Test
  void meanExposureIsTheAttentionAMembersListReceivesOnAverage() {
    AuditReport report = fourPeople();

    assertThat(group(report, "gender", "f").meanExposure()).as("(2.1309 + 0) / 2")
        .isCloseTo((1 + A2 + 0.5) / 2, EXACT);
    assertThat(report.fullListExposure()).as("a full top-3 list").isCloseTo(1 + A2 + 0.5, EXACT);
  }

  @Test
  void matchRateIsTheShareOfMembersWithAtLeastOneMatch() {
    GroupStats women = group(fourPeople(), "gender", "f");

    assertThat(women.profilesWithMatch()).as("P-1 only").isEqualTo(1);
    assertThat(women.matchRate()).as("1 of 2").isEqualTo(0.5);
  }

  @Test
  void meanMatchesCountsMembersWithoutAMatchAsZero() {
    assertThat(group(fourPeople(), "gender", "f").meanMatches()).as("(3 + 0) / 2").isEqualTo(1.5);
  }

  @Test
  void onlyTheTopKMatchesCount() {
    AuditReport report = TOP_3.newTally()
        .add(person("P-1", "gender", "f"), withMatches("P-1", 5))
        .report();

    assertThat(report.everyone().meanMatches()).as("5 matches, 3 counted").isEqualTo(3.0);
    assertThat(report.everyone().meanExposure()).as("a full top-3 list")
        .isCloseTo(1 + A2 + 0.5, EXACT);
  }

  @Test
  void geometricAttentionWeighsEachRankByThePatience() {
    AuditReport report = FairnessAudit.builder().topK(3).attention(Attention.geometric(0.5))
        .build().newTally()
        .add(person("P-1", "gender", "f"), withMatches("P-1", 3))
        .add(person("P-2", "gender", "m"), withMatches("P-2", 1))
        .report();

    assertThat(group(report, "gender", "f").exposureShare()).as("1.75 / (1.75 + 1)")
        .isCloseTo(1.75 / 2.75, EXACT);
  }

  @Test
  void theRowForEveryoneCoversAllProfiles() {
    GroupStats everyone = fourPeople().everyone();

    assertThat(everyone.profiles()).as("profiles").isEqualTo(4);
    assertThat(everyone.matchRate()).as("3 of 4 with a match").isEqualTo(0.75);
    assertThat(everyone.exposureShare()).as("everyone's share").isEqualTo(1.0);
    assertThat(everyone.meanMatches()).as("(3 + 0 + 1 + 2) / 4").isEqualTo(1.5);
  }

  @Test
  void profilesWithoutAValueFormTheUnknownGroup() {
    GroupStats unknown = group(fourPeople(), "gender", AuditReport.UNKNOWN);

    assertThat(unknown.profiles()).as("P-4 has no gender").isEqualTo(1);
    assertThat(unknown.exposureShare()).as("1.6309 / total").isCloseTo((1 + A2) / TOTAL, EXACT);
  }

  @Test
  void aBlankValueCountsAsUnknown() {
    AuditReport report = TOP_3.newTally()
        .add(person("P-1", "gender", "f"), withMatches("P-1", 1))
        .add(person("P-2", "gender", " "), withMatches("P-2", 1))
        .report();

    assertThat(report.groupsOf("gender")).extracting(GroupStats::group)
        .as("groups").containsExactly("f", AuditReport.UNKNOWN);
  }

  @Test
  void anAttributeFirstSeenLaterCountsEarlierProfilesAsUnknown() {
    AuditReport report = TOP_3.newTally()
        .add(person("P-1"), withMatches("P-1", 1))
        .add(person("P-2", "nationality", "SY"), withMatches("P-2", 1))
        .report();

    assertThat(report.groupsOf("nationality"))
        .extracting(GroupStats::group, GroupStats::profiles)
        .as("P-1 came before anyone had a nationality")
        .containsExactly(
            tuple("SY", 1),
            tuple(AuditReport.UNKNOWN, 1));
  }

  @Test
  void attributesComeByNameAndGroupsByValueWithTheUnknownLast() {
    AuditReport report = TOP_3.newTally()
        .add(person("P-1", "nationality", "UA", "gender", "m"), withMatches("P-1", 1))
        .add(person("P-2", "gender", "f"), withMatches("P-2", 1))
        .add(person("P-3", "nationality", "AF"), withMatches("P-3", 1))
        .report();

    assertThat(report.attributes()).as("attributes").containsExactly("gender", "nationality");
    assertThat(report.groups()).extracting(g -> g.attribute() + "=" + g.group())
        .as("groups in report order")
        .containsExactly("gender=f", "gender=m", "gender=(unknown)",
            "nationality=AF", "nationality=UA", "nationality=(unknown)");
  }

  @Test
  void anUnknownGroupNobodyFallsIntoIsLeftOut() {
    assertThat(fourPeople().groupsOf("gender")).extracting(GroupStats::group)
        .as("everyone has a gender but P-4").containsExactly("f", "m", AuditReport.UNKNOWN);
    AuditReport everyoneKnown = TOP_3.newTally()
        .add(person("P-1", "gender", "f"), withMatches("P-1", 1))
        .report();
    assertThat(everyoneKnown.groupsOf("gender")).extracting(GroupStats::group)
        .as("no unknown group").containsExactly("f");
  }

  @Test
  void theOrderOfAddingDoesNotChangeTheReport() {
    List<Profile> people = new ArrayList<>();
    List<MatchResult> results = new ArrayList<>();
    String[] genders = {"f", "m", "d"};
    for (int i = 0; i < 40; i++) {
      String id = "P-" + i;
      people.add(person(id, "gender", genders[i % 3], "nationality", "N" + i % 7));
      results.add(builder(id).matches(i % 4).match(i % 5 == 0)
          .excluded("commute", i * 3).excluded("hours", i % 6).build());
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < people.size(); i++) {
      order.add(i);
    }
    FairnessAudit.Tally inOrder = TOP_3.newTally();
    order.forEach(i -> inOrder.add(people.get(i), results.get(i)));
    Collections.shuffle(order, new Random(7));
    FairnessAudit.Tally shuffled = TOP_3.newTally();
    order.forEach(i -> shuffled.add(people.get(i), results.get(i)));

    assertThat(shuffled.report()).as("the report after adding in a shuffled order")
        .isEqualTo(inOrder.report());
  }

  @Test
  void meanTopScoreAveragesTheBestScoreOverMembersWithAMatch() {
    GroupStats women = group(fourPeople(), "gender", "f");

    assertThat(women.meanTopScore()).as("P-1's best score 0.9; P-2 has none").isEqualTo(0.9);
  }

  @Test
  void theFirstOccupationMatchIsTheBestRankedMatchWithAPositiveOccupationEffect() {
    AuditReport report = TOP_3.newTally()
        .add(person("P-1", "gender", "f"), builder("P-1").match(false).match(true).build())
        .add(person("P-2", "gender", "f"), builder("P-2").match(true).match(true).build())
        .add(person("P-3", "gender", "f"), builder("P-3").match(false).build())
        .report();
    GroupStats women = group(report, "gender", "f");

    assertThat(women.profilesWithOccupationMatch()).as("P-1 and P-2").isEqualTo(2);
    assertThat(women.meanFirstOccupationMatchRank()).as("(2 + 1) / 2").isEqualTo(1.5);
  }

  @Test
  void anOccupationMatchBelowTheTopKDoesNotCount() {
    AuditReport report = FairnessAudit.builder().topK(1).build().newTally()
        .add(person("P-1"), builder("P-1").match(false).match(true).build())
        .report();

    assertThat(report.everyone().profilesWithOccupationMatch()).as("rank 2 is beyond the top 1")
        .isZero();
  }

  @Test
  void aMeanOverNobodyIsUndefinedNotZero() {
    AuditReport report = TOP_3.newTally()
        .add(person("P-1", "gender", "f"), withMatches("P-1", 0))
        .report();
    GroupStats women = group(report, "gender", "f");

    assertThat(women.meanTopScore()).as("no member has a match").isNaN();
    assertThat(women.meanFirstOccupationMatchRank()).as("no occupation match").isNaN();
    assertThat(women.exposureShare()).as("nobody has any exposure").isNaN();
    assertThat(women.exposureRatio()).as("ratio of undefined shares").isNaN();
    assertThat(women.matchRate()).as("a rate over one member is defined").isZero();
  }

  @Test
  void theFiltersThatExcludeMostAreRankedByCountPerProfileThenByName() {
    AuditReport report = TOP_3.newTally()
        .add(person("P-1", "gender", "f"), builder("P-1").excluded("commute", 10)
            .excluded("hours", 4).excluded("childcare", 4).excluded("language_floor", 2)
            .excluded("school", 0).build())
        .report();

    assertThat(group(report, "gender", "f").mostExcludedBy())
        .as("three at most, ties by name").containsExactly("commute", "childcare", "hours");
  }

  @Test
  void aFilterThatExcludedNothingIsNeverAmongThoseThatExcludeMost() {
    AuditReport report = TOP_3.newTally()
        .add(person("P-1"), builder("P-1").excluded("commute", 3).excluded("school", 0).build())
        .report();

    assertThat(report.everyone().mostExcludedBy()).as("filters").containsExactly("commute");
  }

  @Test
  void exclusionsAreNormalisedPerProfileAndComparedWithEveryone() {
    AuditReport report = TOP_3.newTally()
        .add(person("P-1", "gender", "f"), builder("P-1").excluded("hours", 6).excluded("commute", 2).build())
        .add(person("P-2", "gender", "f"), builder("P-2").excluded("hours", 2).excluded("commute", 2).build())
        .add(person("P-3", "gender", "m"), builder("P-3").excluded("hours", 0).excluded("commute", 8).build())
        .report();

    FilterExclusion hoursForWomen = report.exclusionsOf("gender", "f").stream()
        .filter(e -> e.filter().equals("hours")).findFirst().orElseThrow();
    assertThat(hoursForWomen.excluded()).as("6 + 2").isEqualTo(8);
    assertThat(hoursForWomen.meanPerProfile()).as("8 over 2 women").isEqualTo(4.0);
    assertThat(hoursForWomen.shareOfExclusions()).as("8 of the women's 12").isCloseTo(8 / 12.0, EXACT);
    assertThat(hoursForWomen.ratioToAll()).as("4 against 8 over 3 profiles")
        .isCloseTo(4.0 / (8 / 3.0), EXACT);
    assertThat(report.exclusionsOf(AuditReport.ALL, AuditReport.ALL))
        .extracting(FilterExclusion::filter).as("everyone's rows, by filter")
        .containsExactly("commute", "hours");
  }

  @Test
  void smallGroupsAreFlagged() {
    AuditReport report = FairnessAudit.builder().topK(3).smallGroup(2).build().newTally()
        .add(person("P-1", "gender", "f"), withMatches("P-1", 1))
        .add(person("P-2", "gender", "f"), withMatches("P-2", 1))
        .add(person("P-3", "gender", "m"), withMatches("P-3", 1))
        .report();

    assertThat(report.groupsOf("gender")).extracting(report::isSmall)
        .as("f has 2, m has 1, below 2").containsExactly(false, true);
  }

  @Test
  void theMatchRateComesWithItsWilsonInterval() {
    double[] noneOfTen = FairnessAudit.wilson(0, 10);

    assertThat(noneOfTen[0]).as("lower bound").isZero();
    assertThat(noneOfTen[1]).as("upper bound z²/(n + z²)").isCloseTo(0.2775, within(1e-4));
    assertThat(FairnessAudit.wilson(10, 10)[1]).as("never above 1").isLessThanOrEqualTo(1.0);
  }

  @Test
  void aResultOfAnotherProfileIsRefused() {
    FairnessAudit.Tally tally = TOP_3.newTally();

    assertThatThrownBy(() -> tally.add(person("P-1"), withMatches("P-2", 1)))
        .as("a mismatched pair").isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("P-2").hasMessageContaining("P-1");
  }

  @Test
  void resultsOfTwoRuleSetsAreNotMixed() {
    FairnessAudit.Tally tally = TOP_3.newTally().add(person("P-1"), withMatches("P-1", 1));

    assertThatThrownBy(() -> tally.add(person("P-2"), builder("P-2").ruleSet("short-commute").build()))
        .as("a second rule set").isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("short-commute");
  }

  @Test
  void anEmptyTallyHasNoReport() {
    assertThatThrownBy(() -> TOP_3.newTally().report()).as("nothing added")
        .isInstanceOf(IllegalStateException.class);
  }
}
