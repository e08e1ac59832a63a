package org.passgenau.rank;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;

/**
 * One ranked opportunity for a profile.
 *
 * <pre>{@code
 * for (Match m : engine.match(profile, MatchOptions.defaults()).matches()) {
 *   System.out.printf("%d. %s %.3f%n", m.rank(), m.opportunityId(), m.score());
 *   m.explanation().forEach(reason -> System.out.println("   " + reason.detail()));
 * }
 * }</pre>
 *
 * @param rank 1 for the best
 * @param score comparable within one rule set
 * @param explanation the rules that moved the score, and notes, in rule-set order
 */
public record Match(int rank, String opportunityId, double score, List<Reason> explanation) {

  public Match {
    checkArgument(rank >= 1, "rank must be at least 1, was %s", rank);
    Objects.requireNonNull(opportunityId, "opportunityId");
    explanation = ImmutableList.copyOf(explanation);
  }
}
