package org.passgenau.assign;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.IntConsumer;

/**
 * Person-proposing deferred acceptance (Gale and Shapley), in McVitie and Wilson's sequential
 * form: each person in turn proposes down their own list; an opportunity keeps its best {@code
 * capacity} proposers and rejects the weakest when a better one comes, who then proposes further.
 * The order in which people propose does not change the outcome, which is the stable matching
 * every person likes best.
 *
 * <p>A person prefers by their own list order (score, then the order the list gives equal
 * scores); an opportunity prefers the higher pair score, then the lower person id. Each
 * opportunity keeps its holders in a min-heap by this preference, inside one array of all places,
 * so a rejection costs {@code O(log capacity)}.
 *
 * <p>Not thread-safe: one instance solves one problem once.
 */
final class StableSolver {

  private final AssignmentProblem problem;

  StableSolver(AssignmentProblem problem) {
    this.problem = problem;
  }

  Assignment solve(IntConsumer progress) {
    int people = problem.people();
    int opportunities = problem.opportunities();
    int[] listStart = problem.listStart();
    int[] choices = problem.choices();
    int[] units = problem.units();
    int[] capacities = problem.capacities();

    // An opportunity's preference as one number: the score first, then the lower person id.
    Integer[] byId = new Integer[people];
    for (int q = 0; q < people; q++) {
      byId[q] = q;
    }
    Arrays.sort(byId, Comparator.comparing(problem::personId));
    long[] tieBreak = new long[people];
    for (int i = 0; i < people; i++) {
      tieBreak[byId[i]] = people - 1 - i;
    }

    int[] slotStart = new int[opportunities + 1];
    for (int o = 0; o < opportunities; o++) {
      slotStart[o + 1] = Math.addExact(slotStart[o], capacities[o]);
    }
    int[] slotHolder = new int[slotStart[opportunities]];
    long[] slotKey = new long[slotHolder.length];
    int[] holders = new int[opportunities];
    int[] next = new int[people];
    int[] rank0 = new int[people];
    Arrays.fill(rank0, -1);

    for (int p = 0; p < people; p++) {
      int proposer = p;
      while (proposer >= 0) {
        int r = next[proposer];
        int e = listStart[proposer] + r;
        if (e >= listStart[proposer + 1]) {
          break; // rejected everywhere: stays unassigned
        }
        next[proposer] = r + 1;
        int o = choices[e];
        long key = (long) units[e] * people + tieBreak[proposer];
        int base = slotStart[o];
        int size = holders[o];
        if (size < capacities[o]) {
          holders[o] = size + 1;
          siftUp(slotHolder, slotKey, base, size, proposer, key);
          rank0[proposer] = r;
          proposer = -1;
        } else if (key > slotKey[base]) {
          int rejected = slotHolder[base];
          rank0[rejected] = -1;
          siftDown(slotHolder, slotKey, base, size, proposer, key);
          rank0[proposer] = r;
          proposer = rejected;
        }
      }
      if ((p + 1) % OptimalSolver.PROGRESS_EVERY == 0 && p + 1 < people) {
        progress.accept(p + 1);
      }
    }
    progress.accept(people);
    return new Assignment(AssignmentMethod.STABLE, problem, rank0);
  }

  /** Inserts at heap position {@code i} of the heap at {@code base} (the weakest on top). */
  private static void siftUp(int[] holder, long[] keys, int base, int i, int person, long key) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (keys[base + parent] <= key) {
        break;
      }
      holder[base + i] = holder[base + parent];
      keys[base + i] = keys[base + parent];
      i = parent;
    }
    holder[base + i] = person;
    keys[base + i] = key;
  }

  /** Replaces the top of the heap of {@code size} at {@code base}. */
  private static void siftDown(int[] holder, long[] keys, int base, int size, int person,
      long key) {
    int i = 0;
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      if (child + 1 < size && keys[base + child + 1] < keys[base + child]) {
        child++;
      }
      if (key <= keys[base + child]) {
        break;
      }
      holder[base + i] = holder[base + child];
      keys[base + i] = keys[base + child];
      i = child;
    }
    holder[base + i] = person;
    keys[base + i] = key;
  }
}
