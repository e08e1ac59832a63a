package org.passgenau.audit;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;

/**
 * What the engine showed the members of one group, in its top k. A ratio or mean whose
 * denominator is zero is {@link Double#NaN}, never 0: "undefined" is not "none".
 *
 * @param attribute the audit field, such as {@code gender}; {@link AuditReport#ALL} for everyone
 * @param group the field's value; {@link AuditReport#UNKNOWN} for profiles without one, {@link
 *     AuditReport#ALL} for everyone
 * @param profiles how many profiles the group holds, at least 1
 * @param profileShare the group's share of all profiles audited
 * @param profilesWithMatch how many members have at least one match
 * @param matchRate {@code profilesWithMatch / profiles}
 * @param matchRateLow lower bound of the 95% Wilson score interval of the match rate
 * @param matchRateHigh upper bound of that interval
 * @param meanMatches matches in the top k per member (members without a match count as 0)
 * @param meanExposure the attention a member's top-k list receives, averaged over the members
 * @param exposureShare the group's share of the attention all profiles' lists receive; NaN when
 *     no profile has a match
 * @param exposureRatio {@code exposureShare / profileShare}: 1 is parity, below 1 the group
 *     receives less than its share; NaN when no profile has a match
 * @param meanTopScore the score of the best match, averaged over members with a match
 * @param profilesWithOccupationMatch members whose top k holds an occupation match: a match whose
 *     {@code occupation} effect is positive (the job is close to an occupation the person holds,
 *     has worked in or wishes)
 * @param meanFirstOccupationMatchRank the rank of the best occupation match, averaged over the
 *     members that have one
 * @param mostExcludedBy the hard filters that ruled out most opportunities for the group's
 *     members, most first, at most three, none that ruled out nothing
 */
public record GroupStats(
    String attribute,
    String group,
    int profiles,
    double profileShare,
    int profilesWithMatch,
    double matchRate,
    double matchRateLow,
    double matchRateHigh,
    double meanMatches,
    double meanExposure,
    double exposureShare,
    double exposureRatio,
    double meanTopScore,
    int profilesWithOccupationMatch,
    double meanFirstOccupationMatchRank,
    List<String> mostExcludedBy) {

  public GroupStats {
    Objects.requireNonNull(attribute, "attribute");
    Objects.requireNonNull(group, "group");
    checkArgument(profiles >= 1, "a group holds at least one profile, was %s", profiles);
    checkArgument(profilesWithMatch >= 0 && profilesWithMatch <= profiles,
        "profilesWithMatch must be between 0 and %s, was %s", profiles, profilesWithMatch);
    mostExcludedBy = ImmutableList.copyOf(mostExcludedBy);
  }

  /** Whether the group is the report's row for all profiles. */
  public boolean isEveryone() {
    return attribute.equals(AuditReport.ALL);
  }
}
