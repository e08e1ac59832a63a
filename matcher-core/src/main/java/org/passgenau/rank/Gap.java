package org.passgenau.rank;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.function.Consumer;

/**
 * One single change to a profile with its effect for that person: how many opportunities it would
 * newly admit, and the best of them.
 *
 * <pre>{@code
 * for (Gap gap : engine.gaps(profile, options).gaps()) {
 *   System.out.println(gap.change().key() + " +" + gap.newlyAdmitted());
 *   gap.bestOpened().ifPresent(m -> System.out.println("  best: " + m.opportunityId()));
 *   System.out.println("  " + gap.explanation());
 * }
 * }</pre>
 *
 * @param change the change
 * @param newlyAdmitted how many opportunities {@link MatchingEngine#match} admits for the changed
 *     profile and not for the profile as it is
 * @param bestOpened the highest-scoring of those for the changed profile (ties by the smaller
 *     opportunity id), with its score and explanation as {@code match} gives them for the changed
 *     profile; its rank is 1, the first of the opened. Empty when the change opens nothing
 * @param explanation one sentence in the options' language saying what changes, how many
 *     opportunities it opens and which is the best
 * @param openedIds the ids of the newly admitted opportunities in ascending order, when they were
 *     asked for ({@link MatchingEngine#gaps(org.passgenau.model.Profile, MatchOptions)}), else
 *     empty; a {@link GapCohort} needs them to count distinct opportunities
 */
public record Gap(
    ProfileChange change,
    int newlyAdmitted,
    Optional<Match> bestOpened,
    String explanation,
    List<String> openedIds) {

  public Gap {
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(bestOpened, "bestOpened");
    Objects.requireNonNull(explanation, "explanation");
    checkArgument(newlyAdmitted >= 0, "newlyAdmitted must not be negative, was %s", newlyAdmitted);
    checkArgument(bestOpened.isPresent() == (newlyAdmitted > 0),
        "%s: bestOpened must be present exactly when newlyAdmitted (%s) is positive",
        change, newlyAdmitted);
    openedIds = openedIds instanceof Ids ? openedIds : ImmutableList.copyOf(openedIds);
    checkArgument(openedIds.isEmpty() || openedIds.size() == newlyAdmitted,
        "%s: openedIds holds %s ids for %s newly admitted", change, openedIds.size(),
        newlyAdmitted);
  }

  /** A gap without the ids of the opened opportunities. */
  public Gap(ProfileChange change, int newlyAdmitted, Optional<Match> bestOpened,
      String explanation) {
    this(change, newlyAdmitted, bestOpened, explanation, List.of());
  }

  /** Whether {@link #openedIds} names every newly admitted opportunity. */
  public boolean hasOpenedIds() {
    return openedIds.size() == newlyAdmitted;
  }

  /**
   * Opened ids as the engine collects them, sorted only when first read in order: a cohort only
   * needs them as a set, and sorting thousands of ids per change would cost more than finding
   * them. Immutable; thread-safe (the collected array is never changed, the sorted one is a copy
   * published once).
   */
  static final class Ids extends AbstractList<String> implements RandomAccess {
    private final String[] collected;
    private volatile String[] sorted;

    Ids(String[] collected) {
      this.collected = collected;
    }

    private String[] sorted() {
      String[] s = sorted;
      if (s == null) {
        s = collected.clone();
        Arrays.sort(s);
        sorted = s;
      }
      return s;
    }

    @Override
    public String get(int index) {
      return sorted()[index];
    }

    @Override
    public int size() {
      return collected.length;
    }

    /** Every id, in no particular order, without sorting them. */
    void forEachUnordered(Consumer<String> action) {
      for (String id : collected) {
        action.accept(id);
      }
    }
  }
}
