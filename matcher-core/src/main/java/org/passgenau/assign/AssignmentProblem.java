package org.passgenau.assign;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkState;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An instance of assignment under capacities: people, each with their own ranked list of
 * admissible opportunities and the pair's score, and opportunities with capacities (their open
 * positions). People and opportunities are numbered {@code 0, 1, ...} in the order they were
 * added; the solvers and {@link Assignment} speak in these indices.
 *
 * <pre>{@code
 * AssignmentProblem problem = AssignmentProblem.builder()
 *     .opportunity("apprenticeship-42", 3)
 *     .opportunity("vacancy-7", 1)
 *     .person("p1", List.of("vacancy-7", "apprenticeship-42"), new double[] {0.91, 0.80})
 *     .person("p2", List.of("vacancy-7"), new double[] {0.85})
 *     .build();
 * Assignment assignment = Assigner.optimal(problem, done -> { });
 * }</pre>
 *
 * <p>The lists are kept as flat primitive arrays (one row per person, as in a compressed sparse
 * row matrix), so that a hundred thousand people with fifty choices each take some 80 MB.
 *
 * <p>Immutable and thread-safe; its {@link Builder} is not thread-safe.
 */
public final class AssignmentProblem {

  /** Scores are reported with 4 decimals; the solvers compare and sum them in these units. */
  static final double UNITS_PER_SCORE = 10_000;

  /** The largest score accepted, so that sums of scores in units stay far from overflow. */
  static final double MAX_SCORE = 100_000;

  private final String[] personIds;
  private final String[] opportunityIds;
  private final int[] capacities;
  private final long positions;
  private final int[] listStart;
  private final int[] choices;
  private final double[] scores;
  private final int[] units;

  private AssignmentProblem(String[] personIds, String[] opportunityIds, int[] capacities,
      int[] listStart, int[] choices, double[] scores) {
    this.personIds = personIds;
    this.opportunityIds = opportunityIds;
    this.capacities = capacities;
    this.listStart = listStart;
    this.choices = choices;
    this.scores = scores;
    long sum = 0;
    for (int capacity : capacities) {
      sum += capacity;
    }
    this.positions = sum;
    this.units = new int[scores.length];
    for (int e = 0; e < scores.length; e++) {
      units[e] = toUnits(scores[e]);
    }
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The number of people, indexed {@code 0 .. people() - 1} in the order added. */
  public int people() {
    return personIds.length;
  }

  /** The number of opportunities, indexed in the order added. */
  public int opportunities() {
    return opportunityIds.length;
  }

  /** The number of places: the sum of the opportunities' capacities. */
  public long positions() {
    return positions;
  }

  public String personId(int person) {
    checkElementIndex(person, personIds.length, "person");
    return personIds[person];
  }

  public String opportunityId(int opportunity) {
    checkElementIndex(opportunity, opportunityIds.length, "opportunity");
    return opportunityIds[opportunity];
  }

  /** How many people the opportunity can take, at least 1. */
  public int capacity(int opportunity) {
    checkElementIndex(opportunity, opportunityIds.length, "opportunity");
    return capacities[opportunity];
  }

  /** How many opportunities the person's list holds, possibly 0. */
  public int listSize(int person) {
    checkElementIndex(person, personIds.length, "person");
    return listStart[person + 1] - listStart[person];
  }

  /** The opportunity index of the person's {@code rank0}-th choice (0 is the best). */
  public int choice(int person, int rank0) {
    return choices[edge(person, rank0)];
  }

  /** The score of the person's {@code rank0}-th choice, as given to the builder. */
  public double choiceScore(int person, int rank0) {
    return scores[edge(person, rank0)];
  }

  private int edge(int person, int rank0) {
    checkElementIndex(rank0, listSize(person), "rank0");
    return listStart[person] + rank0;
  }

  /** A score in units of 1e-4, as the solvers weigh it. */
  static int toUnits(double score) {
    return (int) Math.round(score * UNITS_PER_SCORE);
  }

  // The solvers read the rows directly: no bounds checks, no copies in their hot loops.

  int[] listStart() {
    return listStart;
  }

  int[] choices() {
    return choices;
  }

  /** Every pair's score in units of 1e-4, row by row as {@link #choices()}. */
  int[] units() {
    return units;
  }

  int[] capacities() {
    return capacities;
  }

  /**
   * Collects opportunities and people. Not thread-safe. Fails fast with an {@link
   * IllegalArgumentException} naming the bad id or value: a duplicate id, a capacity below 1, a
   * person naming the same opportunity twice, a score that is NaN, infinite, negative or above
   * 100,000, or a list not in non-increasing score order; {@link #build()} fails when a person
   * names an opportunity that was never added (opportunities may come before or after the people
   * naming them).
   */
  public static final class Builder {

    private final Map<String, Integer> opportunityIndex = new HashMap<>();
    private final List<String> opportunityIds = new ArrayList<>();
    private int[] capacities = new int[16];
    private final Set<String> personIdSet = new HashSet<>();
    private final List<String> personIds = new ArrayList<>();
    private int[] listStart = new int[17];
    private String[] choiceIds = new String[64];
    private double[] scores = new double[64];
    private int edges;
    private boolean built;

    private Builder() {}

    /** Adds an opportunity with {@code capacity} places (its open positions), at least 1. */
    public Builder opportunity(String id, int capacity) {
      checkState(!built, "build() was called already");
      Objects.requireNonNull(id, "opportunity id");
      checkArgument(capacity >= 1, "opportunity %s: capacity must be at least 1, was %s",
          id, capacity);
      checkArgument(!opportunityIndex.containsKey(id), "duplicate opportunity id %s", id);
      int index = opportunityIds.size();
      opportunityIndex.put(id, index);
      opportunityIds.add(id);
      if (index == capacities.length) {
        capacities = Arrays.copyOf(capacities, index * 2);
      }
      capacities[index] = capacity;
      return this;
    }

    /**
     * Adds a person with their admitted opportunities best first (as {@code match} ranks them:
     * score descending, ties by opportunity id) and the pair scores as {@code match} reports them
     * (4 decimals). An empty list is allowed: that person stays unassigned.
     */
    public Builder person(String id, List<String> opportunityIds, double[] scores) {
      checkState(!built, "build() was called already");
      Objects.requireNonNull(id, "person id");
      Objects.requireNonNull(opportunityIds, "opportunityIds");
      Objects.requireNonNull(scores, "scores");
      checkArgument(!personIdSet.contains(id), "duplicate person id %s", id);
      checkArgument(opportunityIds.size() == scores.length,
          "person %s: %s opportunities but %s scores", id, opportunityIds.size(), scores.length);
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < scores.length; i++) {
        String opportunity = opportunityIds.get(i);
        Objects.requireNonNull(opportunity, "opportunity id");
        checkArgument(seen.add(opportunity), "person %s names opportunity %s twice",
            id, opportunity);
        double score = scores[i];
        checkArgument(Double.isFinite(score) && score >= 0 && score <= MAX_SCORE,
            "person %s, opportunity %s: score must be finite, 0 to %s, was %s",
            id, opportunity, MAX_SCORE, score);
        if (i > 0 && score > scores[i - 1]) {
          throw new IllegalArgumentException(String.format(
              "person %s: scores must not increase down the list, but %s (%s) follows %s (%s)",
              id, opportunity, score, opportunityIds.get(i - 1), scores[i - 1]));
        }
      }
      int person = personIds.size();
      personIdSet.add(id);
      personIds.add(id);
      ensureEdges(edges + scores.length);
      for (int i = 0; i < scores.length; i++) {
        choiceIds[edges] = opportunityIds.get(i);
        this.scores[edges] = scores[i];
        edges++;
      }
      if (person + 2 > listStart.length) {
        listStart = Arrays.copyOf(listStart, listStart.length * 2);
      }
      listStart[person + 1] = edges;
      return this;
    }

    private void ensureEdges(int needed) {
      if (needed > choiceIds.length) {
        int size = Math.max(needed, choiceIds.length * 2);
        choiceIds = Arrays.copyOf(choiceIds, size);
        scores = Arrays.copyOf(scores, size);
      }
    }

    /** The problem; the builder cannot be used afterwards. */
    public AssignmentProblem build() {
      checkState(!built, "build() was called already");
      int people = personIds.size();
      int[] choices = new int[edges];
      for (int person = 0; person < people; person++) {
        for (int e = listStart[person]; e < listStart[person + 1]; e++) {
          Integer opportunity = opportunityIndex.get(choiceIds[e]);
          checkArgument(opportunity != null, "person %s names unknown opportunity %s",
              personIds.get(person), choiceIds[e]);
          choices[e] = opportunity;
        }
      }
      built = true;
      int opportunities = opportunityIds.size();
      AssignmentProblem problem = new AssignmentProblem(
          personIds.toArray(new String[0]),
          opportunityIds.toArray(new String[0]),
          Arrays.copyOf(capacities, opportunities),
          Arrays.copyOf(listStart, people + 1),
          choices,
          Arrays.copyOf(scores, edges));
      choiceIds = null;
      scores = null;
      return problem;
    }
  }
}
