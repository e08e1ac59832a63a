package org.passgenau.rank;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;

/**
 * The single changes that would open opportunities to one person, most doors first: by {@link
 * Gap#newlyAdmitted()} descending, then by {@link ProfileChange#key()}.
 *
 * <pre>{@code
 * Gaps gaps = engine.gaps(profile, MatchOptions.defaults().in(Locale.GERMAN));
 * System.out.println(gaps.admitted() + " open now");
 * gaps.gaps().stream().limit(3).forEach(g -> System.out.println(g.explanation()));
 * }</pre>
 *
 * @param profileId the person
 * @param ruleSet name of the rule set that decided
 * @param admitted how many opportunities {@link MatchingEngine#match} admits for the unchanged
 *     profile
 * @param gaps one per change the rules know for this person ({@code docs/gaps.md}), including
 *     those that open nothing
 */
public record Gaps(String profileId, String ruleSet, int admitted, List<Gap> gaps) {

  public Gaps {
    Objects.requireNonNull(profileId, "profileId");
    Objects.requireNonNull(ruleSet, "ruleSet");
    checkArgument(admitted >= 0, "admitted must not be negative, was %s", admitted);
    gaps = ImmutableList.copyOf(gaps);
  }
}
