package org.passgenau.assign;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Maximum-weight b-matching by successive shortest augmenting paths (the Hungarian method in
 * Jonker-Volgenant form, one person at a time), exact on integer weights.
 *
 * <p>The flow network: the sink {@code t}; each person {@code q} may send one unit through an
 * edge {@code q -> o} of cost {@code W - w(q, o)} to an opportunity, which passes at most {@code
 * capacity(o)} units on to {@code t} at cost 0, or straight to {@code t} at cost {@code W} (staying
 * unassigned), where {@code W} is the largest weight. Every person sends exactly one unit, so the
 * cost of a flow is {@code people * W - total weight}: a minimum-cost flow is a maximum-weight
 * assignment, and all costs are non-negative.
 *
 * <p>People join one at a time. Before person {@code p} joins, the flow is a minimum-cost flow of
 * the people before it, so its residual graph has no negative cycle and node potentials make
 * every residual cost non-negative. A shortest path from {@code p} to {@code t} (Dijkstra on the
 * reduced costs) then gives a minimum-cost flow with {@code p} as well. A full opportunity is
 * left through the backward edges to its holders; a holder leaves through its other choices or
 * to {@code t} (giving up its place to the newcomer). Dijkstra stops as soon as the best path to
 * {@code t} is no longer than any open label, and only the nodes it touched are reset.
 *
 * <p>Not thread-safe: one instance solves one problem once.
 */
final class OptimalSolver {

  private static final long INF = Long.MAX_VALUE;

  /** Progress is reported after each block of this many people. */
  static final int PROGRESS_EVERY = 4096;

  private final AssignmentProblem problem;
  private final int people;
  private final int[] listStart;
  private final int[] choices;
  private final int[] units;
  private final int[] capacities;
  private final long maxWeight;

  // People are nodes 0..people-1, opportunities people..people+opportunities-1.
  private final long[] potential;
  private final long[] dist;
  private final int[] heap;
  private final int[] heapPos;
  private int heapSize;
  private final int[] touched;
  private int touchedSize;
  private final int[] settled;
  private int settledSize;

  /** Per opportunity: the person whose edge reached it in the current search, and that edge. */
  private final int[] reachedBy;
  private final int[] reachedByRank;

  /** Per person: the assigned opportunity, its rank in the person's list and its weight. */
  private final int[] assignedTo;
  private final int[] assignedRank;
  private final int[] assignedWeight;
  /** Per person: where they sit in {@link #slotHolder}; per opportunity, its places there. */
  private final int[] slotOf;
  private final int[] slotStart;
  private final int[] slotHolder;
  private final int[] holders;

  OptimalSolver(AssignmentProblem problem) {
    this.problem = problem;
    this.people = problem.people();
    this.listStart = problem.listStart();
    this.choices = problem.choices();
    this.units = problem.units();
    this.capacities = problem.capacities();
    int opportunities = problem.opportunities();
    checkArgument(problem.positions() <= Integer.MAX_VALUE - 8,
        "at most %s positions, was %s", Integer.MAX_VALUE - 8, problem.positions());
    long max = 0;
    for (int w : units) {
      max = Math.max(max, w);
    }
    this.maxWeight = max;

    int nodes = people + opportunities;
    potential = new long[nodes];
    dist = new long[nodes];
    Arrays.fill(dist, INF);
    heap = new int[nodes];
    heapPos = new int[nodes];
    Arrays.fill(heapPos, -1);
    touched = new int[nodes];
    settled = new int[nodes];
    reachedBy = new int[opportunities];
    reachedByRank = new int[opportunities];
    assignedTo = new int[people];
    Arrays.fill(assignedTo, -1);
    assignedRank = new int[people];
    Arrays.fill(assignedRank, -1);
    assignedWeight = new int[people];
    slotOf = new int[people];
    slotStart = new int[opportunities + 1];
    for (int o = 0; o < opportunities; o++) {
      slotStart[o + 1] = slotStart[o] + capacities[o];
    }
    slotHolder = new int[slotStart[opportunities]];
    holders = new int[opportunities];
  }

  Assignment solve(IntConsumer progress) {
    for (int p = 0; p < people; p++) {
      if (listStart[p + 1] > listStart[p]) {
        add(p);
      }
      if ((p + 1) % PROGRESS_EVERY == 0 && p + 1 < people) {
        progress.accept(p + 1);
      }
    }
    progress.accept(people);
    return new Assignment(AssignmentMethod.OPTIMAL, problem, assignedRank.clone());
  }

  /** Adds person {@code p} along a shortest augmenting path; the sink's potential stays 0. */
  private void add(int p) {
    final long w = maxWeight;
    // Any potential works for p, which has no incoming edge: the least that keeps its own edges
    // non-negative.
    long start = -w;
    for (int e = listStart[p]; e < listStart[p + 1]; e++) {
      start = Math.max(start, potential[people + choices[e]] - (w - units[e]));
    }
    potential[p] = start;
    label(p, 0);

    long best = INF;
    int bestNode = -1;
    while (heapSize > 0 && dist[heap[0]] < best) {
      int u = pop();
      settled[settledSize++] = u;
      long du = dist[u];
      long pu = potential[u];
      if (u < people) {
        // The person gives up (stays unassigned): to the sink at cost W.
        long toSink = du + w + pu;
        if (toSink < best) {
          best = toSink;
          bestNode = u;
        }
        int own = assignedTo[u];
        for (int e = listStart[u], end = listStart[u + 1]; e < end; e++) {
          int o = choices[e];
          if (o == own) {
            continue;
          }
          int v = people + o;
          long d = du + (w - units[e]) + pu - potential[v];
          assert d >= du : "negative reduced cost on edge " + u + " -> " + v;
          if (d < dist[v]) {
            label(v, d);
            reachedBy[o] = u;
            reachedByRank[o] = e - listStart[u];
          }
        }
      } else {
        int o = u - people;
        if (holders[o] < capacities[o]) {
          long toSink = du + pu;
          if (toSink < best) {
            best = toSink;
            bestNode = u;
          }
        }
        for (int s = slotStart[o], end = s + holders[o]; s < end; s++) {
          int q = slotHolder[s];
          long d = du - (w - assignedWeight[q]) + pu - potential[q];
          assert d >= du : "negative reduced cost on edge " + u + " -> " + q;
          if (d < dist[q]) {
            label(q, d);
          }
        }
      }
    }

    // Settled nodes move by their distance, measured from the path's length, so that untouched
    // nodes keep theirs: the same as shifting every node by min(dist, best) and all by -best.
    for (int i = 0; i < settledSize; i++) {
      int v = settled[i];
      potential[v] += dist[v] - best;
    }
    augment(p, bestNode);
    for (int i = 0; i < touchedSize; i++) {
      int v = touched[i];
      dist[v] = INF;
      heapPos[v] = -1;
    }
    touchedSize = 0;
    settledSize = 0;
    heapSize = 0;
  }

  /** Shifts each person on the path to the opportunity it reached, back to {@code p}. */
  private void augment(int p, int last) {
    int opportunity;
    int freeSlot;
    if (last < people) {
      if (last == p) {
        return;
      }
      // A holder gives up its place to the one who reached its opportunity.
      opportunity = assignedTo[last];
      freeSlot = slotOf[last];
      assignedTo[last] = -1;
      assignedRank[last] = -1;
    } else {
      opportunity = last - people;
      freeSlot = slotStart[opportunity] + holders[opportunity];
      holders[opportunity]++;
    }
    while (true) {
      int q = reachedBy[opportunity];
      int rank = reachedByRank[opportunity];
      int previous = assignedTo[q];
      int previousSlot = slotOf[q];
      slotHolder[freeSlot] = q;
      slotOf[q] = freeSlot;
      assignedTo[q] = opportunity;
      assignedRank[q] = rank;
      assignedWeight[q] = units[listStart[q] + rank];
      if (q == p) {
        return;
      }
      opportunity = previous;
      freeSlot = previousSlot;
    }
  }

  private void label(int v, long d) {
    if (dist[v] == INF) {
      touched[touchedSize++] = v;
    }
    dist[v] = d;
    int i = heapPos[v];
    if (i < 0) {
      i = heapSize++;
    }
    siftUp(i, v);
  }

  private int pop() {
    int top = heap[0];
    heapPos[top] = -1;
    int last = heap[--heapSize];
    if (heapSize > 0) {
      siftDown(0, last);
    }
    return top;
  }

  private void siftUp(int i, int v) {
    long d = dist[v];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      int u = heap[parent];
      if (dist[u] <= d) {
        break;
      }
      heap[i] = u;
      heapPos[u] = i;
      i = parent;
    }
    heap[i] = v;
    heapPos[v] = i;
  }

  private void siftDown(int i, int v) {
    long d = dist[v];
    int half = heapSize >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < heapSize && dist[heap[right]] < dist[heap[child]]) {
        child = right;
      }
      int u = heap[child];
      if (d <= dist[u]) {
        break;
      }
      heap[i] = u;
      heapPos[u] = i;
      i = child;
    }
    heap[i] = v;
    heapPos[v] = i;
  }
}
