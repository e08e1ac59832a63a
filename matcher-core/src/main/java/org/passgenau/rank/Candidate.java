package org.passgenau.rank;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;

/**
 * One ranked person for an opportunity: the same pair, score and explanation as the {@link Match}
 * that ranks the opportunity for the person.
 *
 * @param rank 1 for the best
 * @param score comparable within one rule set
 * @param explanation the rules that moved the score, and notes, in rule-set order
 */
public record Candidate(int rank, String profileId, double score, List<Reason> explanation) {

  public Candidate {
    checkArgument(rank >= 1, "rank must be at least 1, was %s", rank);
    Objects.requireNonNull(profileId, "profileId");
    explanation = ImmutableList.copyOf(explanation);
  }
}
