package org.passgenau.rank;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The people who may take one opportunity, best first, as the {@code candidates} result line.
 *
 * <pre>{@code
 * engine.upsertProfiles(profiles);
 * engine.refresh();
 * CandidateResult result = engine.candidates("A-0042", MatchOptions.defaults().withTopK(10));
 * result.candidates().forEach(c -> System.out.println(c.rank() + " " + c.profileId()));
 * int tooFar = result.excluded().getOrDefault("commute", 0);
 * }</pre>
 *
 * @param ruleSet name of the rule set that ranked
 * @param candidates best first; equal scores in profile id order
 * @param excluded per hard filter, how many people it excluded (in rule-set order; the first
 *     filter that fails the pair counts the person)
 */
public record CandidateResult(
    String opportunityId,
    String ruleSet,
    List<Candidate> candidates,
    Map<String, Integer> excluded) {

  public CandidateResult {
    Objects.requireNonNull(opportunityId, "opportunityId");
    Objects.requireNonNull(ruleSet, "ruleSet");
    candidates = ImmutableList.copyOf(candidates);
    excluded = ImmutableMap.copyOf(excluded);
  }
}
