package org.passgenau.assign;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;

/** Random small assignment problems for the property tests, reproducible from a seed. */
final class RandomProblems {

  private RandomProblems() {}

  /**
   * Up to {@code maxPeople} people and {@code maxOpportunities} opportunities of capacity 1 to
   * {@code maxCapacity}; lists of random length over random opportunities; scores drawn from few
   * values, so that ties are common.
   */
  static AssignmentProblem withTies(long seed, int maxPeople, int maxOpportunities,
      int maxCapacity) {
    Random random = new Random(seed);
    int people = random.nextInt(maxPeople + 1);
    int opportunities = 1 + random.nextInt(maxOpportunities);
    int levels = 1 + random.nextInt(12);
    return build(random, people, opportunities, maxCapacity,
        () -> random.nextInt(levels + 1) / (double) levels);
  }

  /** As {@link #withTies}, but no two pairs of the whole problem have the same score. */
  static AssignmentProblem strict(long seed, int maxPeople, int maxOpportunities,
      int maxCapacity) {
    Random random = new Random(seed);
    int people = random.nextInt(maxPeople + 1);
    int opportunities = 1 + random.nextInt(maxOpportunities);
    // Distinct scores: distinct units of 1e-4 drawn without repetition.
    List<Integer> pool = new ArrayList<>();
    for (int u = 0; u <= 10_000; u++) {
      pool.add(u);
    }
    Collections.shuffle(pool, random);
    int[] next = {0};
    return build(random, people, opportunities, maxCapacity,
        () -> pool.get(next[0]++) / 10_000.0);
  }

  private static AssignmentProblem build(Random random, int people, int opportunities,
      int maxCapacity, DoubleSupplier score) {
    AssignmentProblem.Builder builder = AssignmentProblem.builder();
    for (int o = 0; o < opportunities; o++) {
      builder.opportunity(opportunityId(o), 1 + random.nextInt(maxCapacity));
    }
    for (int p = 0; p < people; p++) {
      List<Integer> all = new ArrayList<>();
      for (int o = 0; o < opportunities; o++) {
        all.add(o);
      }
      Collections.shuffle(all, random);
      int length = random.nextInt(Math.min(opportunities, 8) + 1);
      record Choice(String id, double score) {}
      List<Choice> list = new ArrayList<>();
      for (int i = 0; i < length; i++) {
        list.add(new Choice(opportunityId(all.get(i)), score.getAsDouble()));
      }
      // As match ranks them: score descending, ties by opportunity id.
      list.sort(Comparator.comparingDouble(Choice::score).reversed()
          .thenComparing(Choice::id));
      builder.person(personId(random, p), list.stream().map(Choice::id).toList(),
          list.stream().mapToDouble(Choice::score).toArray());
    }
    return builder.build();
  }

  static String opportunityId(int o) {
    return String.format("o%03d", o);
  }

  /** Ids not in index order, so that tie-breaking by id is not tie-breaking by index. */
  private static String personId(Random random, int p) {
    return "p" + (char) ('a' + random.nextInt(26)) + p;
  }
}
