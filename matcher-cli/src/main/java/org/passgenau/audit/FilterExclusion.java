package org.passgenau.audit;

import java.util.Objects;

/**
 * How much one hard filter ruled out for the members of one group. Each opportunity a profile
 * does not match is counted once, under the first filter that rules it out (see {@link
 * org.passgenau.rank.MatchResult#excluded()}).
 *
 * @param attribute the audit field, or {@link AuditReport#ALL}
 * @param group the field's value, {@link AuditReport#UNKNOWN} or {@link AuditReport#ALL}
 * @param filter the hard filter, such as {@code commute}
 * @param excluded opportunities it ruled out, summed over the group's members
 * @param meanPerProfile {@code excluded / members}: normalised per profile, so that groups of
 *     any size compare
 * @param shareOfExclusions the filter's share of all exclusions of the group's members; NaN when
 *     nothing was excluded for them
 * @param ratioToAll {@code meanPerProfile} divided by the same mean over all profiles: above 1
 *     the filter weighs harder on this group; NaN when it ruled out nothing for anyone
 */
public record FilterExclusion(
    String attribute,
    String group,
    String filter,
    long excluded,
    double meanPerProfile,
    double shareOfExclusions,
    double ratioToAll) {

  public FilterExclusion {
    Objects.requireNonNull(attribute, "attribute");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(filter, "filter");
  }
}
