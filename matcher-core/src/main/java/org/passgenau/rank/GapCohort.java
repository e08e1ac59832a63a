package org.passgenau.rank;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The gaps of many people summed per change: how many people each change applies to, how many it
 * helps (opens at least one opportunity to), how many opportunities it opens summed over people,
 * and how many distinct opportunities it opens to anyone.
 *
 * <pre>{@code
 * GapCohort cohort = new GapCohort();
 * for (Profile p : profiles) {
 *   cohort.add(engine.gaps(p, options));   // the two-argument form carries the opened ids
 * }
 * for (GapCohort.Row row : cohort.rows()) {
 *   System.out.println(row.key() + ": helps " + row.peopleHelped() + " of " + cohort.people());
 * }
 * }</pre>
 *
 * <p>Not thread-safe: give each thread its own cohort and combine them with {@link #merge}. The
 * rows do not depend on the order in which people were added or cohorts merged.
 */
public final class GapCohort {

  private final Map<String, Sum> sums = new HashMap<>();
  private int people;

  /** An empty cohort. */
  public GapCohort() {}

  /**
   * Adds one person's gaps.
   *
   * @throws IllegalArgumentException naming the profile and the change when a gap that opens
   *     opportunities lacks their ids ({@link Gap#hasOpenedIds()}), since distinct opportunities
   *     could not be counted
   */
  public void add(Gaps gaps) {
    Objects.requireNonNull(gaps, "gaps");
    for (Gap gap : gaps.gaps()) {
      checkArgument(gap.hasOpenedIds(),
          "the gaps of profile %s lack the ids of the %s opportunities that %s opens; "
              + "make them with MatchingEngine.gaps(profile, options)",
          gaps.profileId(), gap.newlyAdmitted(), gap.change().key());
    }
    people++;
    for (Gap gap : gaps.gaps()) {
      Sum sum = sums.computeIfAbsent(gap.change().key(), k -> new Sum(gap.change()));
      sum.applicable++;
      if (gap.newlyAdmitted() > 0) {
        sum.helped++;
        sum.opened += gap.newlyAdmitted();
        if (gap.openedIds() instanceof Gap.Ids ids) {
          ids.forEachUnordered(sum.distinct::add); // a set: their order does not matter
        } else {
          sum.distinct.addAll(gap.openedIds());
        }
      }
    }
  }

  /**
   * Adds everyone of {@code other} to this cohort and returns this one; {@code other} is left as
   * it was.
   *
   * @throws IllegalArgumentException when {@code other} is this cohort
   */
  public GapCohort merge(GapCohort other) {
    Objects.requireNonNull(other, "other");
    checkArgument(other != this, "a cohort cannot be merged into itself");
    people += other.people;
    for (Sum theirs : other.sums.values()) {
      Sum sum = sums.computeIfAbsent(theirs.change.key(), k -> new Sum(theirs.change));
      sum.applicable += theirs.applicable;
      sum.helped += theirs.helped;
      sum.opened += theirs.opened;
      sum.distinct.addAll(theirs.distinct);
    }
    return this;
  }

  /** How many people were added. */
  public int people() {
    return people;
  }

  /** One row per change that applied to anyone: most people helped first, then by key. */
  public List<Row> rows() {
    List<Row> rows = new ArrayList<>(sums.size());
    for (Sum s : sums.values()) {
      rows.add(new Row(s.change.key(), s.change.kind(), s.change.subject(), s.applicable,
          s.helped, s.opened, s.distinct.size()));
    }
    rows.sort(Comparator.comparingInt(Row::peopleHelped).reversed().thenComparing(Row::key));
    return ImmutableList.copyOf(rows);
  }

  /**
   * One change summed over the cohort.
   *
   * @param key the change's {@link ProfileChange#key()}
   * @param peopleApplicable how many people the change applies to (it appears in their gaps)
   * @param peopleHelped how many of them it opens at least one opportunity to
   * @param opportunitiesOpened the opportunities it opens, summed over people
   * @param distinctOpportunities how many different opportunities it opens to anyone
   */
  public record Row(String key, ProfileChange.Kind kind, String subject, int peopleApplicable,
      int peopleHelped, long opportunitiesOpened, int distinctOpportunities) {

    public Row {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(subject, "subject");
      checkArgument(0 <= peopleHelped && peopleHelped <= peopleApplicable,
          "%s: people helped (%s) must lie between 0 and the people it applies to (%s)",
          key, peopleHelped, peopleApplicable);
      checkArgument(distinctOpportunities <= opportunitiesOpened,
          "%s: distinct opportunities (%s) cannot exceed those opened (%s)",
          key, distinctOpportunities, opportunitiesOpened);
    }
  }

  /** The running sums of one change. */
  private static final class Sum {
    final ProfileChange change;
    int applicable;
    int helped;
    long opened;
    final Set<String> distinct = new HashSet<>();

    Sum(ProfileChange change) {
      this.change = change;
    }
  }
}
