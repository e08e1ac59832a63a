package org.passgenau.rank;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;

/**
 * The raw value of every feature for a profile's best candidates, so that ranking models can be
 * trained elsewhere ({@code docs/features.md}). The features are the scorers: every built-in one
 * in {@link RuleSet#SCORERS} order, weighed or not, then the custom scorers the rule set weighs,
 * in name order. A value is the scorer's own, before the rule set weighs it; the score is the
 * weighted sum, as the rule set ranks by it.
 *
 * <pre>{@code
 * Features features = engine.features(profile, MatchOptions.defaults().withTopK(100));
 * for (Features.Candidate c : features.candidates()) {
 *   double distance = c.value(features.names().indexOf("distance"));
 * }
 * }</pre>
 *
 * @param profileId the profile
 * @param ruleSet name of the rule set that picked and ordered the candidates
 * @param names the feature names, in the order of each candidate's values
 * @param candidates the best admitted opportunities by the rule set's score as results report it
 *     (four decimals), best first, equal reported scores by opportunity id: the same order as
 *     {@link MatchingEngine#match}
 */
public record Features(
    String profileId, String ruleSet, List<String> names, List<Candidate> candidates) {

  public Features {
    Objects.requireNonNull(profileId, "profileId");
    Objects.requireNonNull(ruleSet, "ruleSet");
    names = ImmutableList.copyOf(names);
    candidates = ImmutableList.copyOf(candidates);
    for (Candidate c : candidates) {
      checkArgument(c.values().size() == names.size(),
          "candidate %s has %s values for %s features", c.opportunityId(), c.values().size(), names.size());
    }
  }

  /**
   * One admitted opportunity and its features.
   *
   * @param rank 1 for the best
   * @param score the rule set's score, unrounded (results report it, and rank by it, to four
   *     decimals)
   * @param values per feature, the scorer's value from -1 to 1, unweighted
   */
  public record Candidate(int rank, String opportunityId, double score, List<Double> values) {

    public Candidate {
      checkArgument(rank >= 1, "rank must be at least 1, was %s", rank);
      Objects.requireNonNull(opportunityId, "opportunityId");
      values = ImmutableList.copyOf(values);
    }

    /** The value of the feature at {@code index} of {@link Features#names()}. */
    public double value(int index) {
      return values.get(index);
    }
  }
}
