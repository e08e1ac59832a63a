package org.passgenau.rank;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The ranked, explained matches of one profile, as the data contract's result line.
 *
 * <pre>{@code
 * MatchResult result = engine.match(profile, MatchOptions.defaults());
 * result.matches().forEach(m -> System.out.println(m.rank() + " " + m.opportunityId()));
 * int ruledOutByCommute = result.excluded().getOrDefault("commute", 0);
 * result.nextSteps().forEach(step -> System.out.println(step.detail()));
 * }</pre>
 *
 * @param ruleSet name of the rule set that ranked
 * @param matches best first
 * @param excluded per hard filter, how many opportunities it excluded (in rule-set order; the
 *     first filter that fails an opportunity counts it)
 * @param nextSteps when fewer matches than asked were found: the filters that ruled most out and
 *     what would open them, most first; empty otherwise
 */
public record MatchResult(
    String profileId,
    String ruleSet,
    List<Match> matches,
    Map<String, Integer> excluded,
    List<NextStep> nextSteps) {

  public MatchResult {
    Objects.requireNonNull(profileId, "profileId");
    Objects.requireNonNull(ruleSet, "ruleSet");
    matches = ImmutableList.copyOf(matches);
    excluded = ImmutableMap.copyOf(excluded);
    nextSteps = ImmutableList.copyOf(nextSteps);
  }

  /** A result without next steps. */
  public MatchResult(
      String profileId, String ruleSet, List<Match> matches, Map<String, Integer> excluded) {
    this(profileId, ruleSet, matches, excluded, List.of());
  }
}
