package org.passgenau.rank;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Reverse matching for one opportunity: decides every published person against it with the very
 * rules a match binds for that person, decided once per class of people with equal facts (see
 * {@link BoundPeople}), so that a pair's admission, score and explanation are the same in both
 * directions. A person whose home lies surely beyond commuting reach is counted under the
 * commute filter without deciding anything else, and whole areas of such people are skipped at
 * once; that is exact, since the commute filter comes first and such a person would not move.
 * Not thread-safe; one instance per query.
 */
final class CandidateRanker {

  /** The commute filter's counting slot; pruning by homes needs it to count first. */
  private static final int COMMUTE_SLOT = RuleSet.FILTERS.indexOf(BuiltInRule.COMMUTE.ruleName());

  private final CompiledRules rules;
  private final BoundPeople bound;
  private final MatchOptions options;
  private final OpportunityColumns c;
  private final int row;
  private final int[] excluded;
  private final Heap top;

  CandidateRanker(CompiledRules rules, BoundPeople bound, MatchOptions options,
      OpportunityColumns columns, int row) {
    this.rules = rules;
    this.bound = bound;
    this.options = options;
    this.c = columns;
    this.row = row;
    this.excluded = new int[rules.exclusionSlots()];
    this.top = new Heap(options.topK());
  }

  /**
   * Decides every person; returns the exclusion counts per slot. People are handled by their
   * position in {@link ProfileSet#scanOrder}.
   */
  int[] rank() {
    ProfileSet people = bound.people;
    int[] decided = new int[people.size()];
    boolean[] surelyWithin = new boolean[people.size()];
    boolean pruned = prunesByCommute();
    int n = pruned ? withinReach(people, decided, surelyWithin) : all(people, decided);
    if (bound.shared()) {
      decideByClass(decided, n, pruned ? surelyWithin : null);
    } else {
      for (int j = 0; j < n; j++) {
        decideWhole(people.scanOrder[decided[j]]);
      }
    }
    return excluded;
  }

  private static int all(ProfileSet people, int[] decided) {
    for (int pos = 0; pos < people.size(); pos++) {
      decided[pos] = pos;
    }
    return people.size();
  }

  /**
   * Writes to {@code decided} the positions of the people who may be within commuting reach (all
   * who would move or whose home is unknown, and those grouped whose home is not surely beyond
   * their limit), marking in {@code surelyWithin} those surely within it, counts the others under
   * the commute filter, and returns how many are written.
   */
  private int withinReach(ProfileSet people, int[] decided, boolean[] surelyWithin) {
    int n = 0;
    int always = people.alwaysDecided.length;
    for (int pos = 0; pos < always; pos++) {
      surelyWithin[n] = bound.shared() && bound.reachesAnywhere[pos];
      decided[n++] = pos;
    }
    double x = c.unitX[row];
    double y = c.unitY[row];
    double z = c.unitZ[row];
    double[] areas = people.areas;
    double[] homes = people.homes;
    int commute = COMMUTE_SLOT;
    for (int a = 0; a < people.areaCount(); a++) {
      double dx = areas[5 * a] - x;
      double dy = areas[5 * a + 1] - y;
      double dz = areas[5 * a + 2] - z;
      double centre = Math.sqrt(dx * dx + dy * dy + dz * dz);
      int from = people.areaStart[a];
      int to = people.areaStart[a + 1];
      // The margin covers the rounding of the distances above, far below a metre.
      if (centre - areas[5 * a + 3] > areas[5 * a + 4] + 1e-9) {
        excluded[commute] += to - from;
        continue;
      }
      for (int j = from; j < to; j++) {
        int p = people.grouped[j];
        double hx = homes[3 * p] - x;
        double hy = homes[3 * p + 1] - y;
        double hz = homes[3 * p + 2] - z;
        double chord2 = hx * hx + hy * hy + hz * hz;
        if (chord2 >= people.beyond2[p]) {
          excluded[commute]++;
        } else {
          surelyWithin[n] = chord2 <= people.within2[p];
          decided[n++] = always + j;
        }
      }
    }
    return n;
  }

  private static final byte ADMITS = 1;
  private static final byte EXCLUDES = 2;

  /**
   * Decides {@code people[0..n)} person by person: the filters in order, the person counted under
   * the first that excludes them, then the scorers for the admitted. Each rule is decided once
   * per class of people and read from an array, or by the person's own bound rule where it has
   * no class. The score sums the weighted values in the order {@link CompiledRules.Bound#score}
   * does, so it is the same number.
   */
  private void decideByClass(int[] people, int n, boolean[] surelyWithin) {
    int filters = rules.filterCount();
    int scorers = rules.scorerCount();
    int[] filterClass = bound.filterClass;
    int[] scorerClass = bound.scorerClass;
    byte[][] verdicts = new byte[filters][];
    for (int i = 0; i < filters; i++) {
      verdicts[i] = bound.verdicts(i);
    }
    double[][] values = new double[scorers][];
    for (int i = 0; i < scorers; i++) {
      values[i] = bound.values(i);
    }
    // The rules and classes met, to leave the kept scratch clean for the next query.
    int[] touchedRule = new int[256];
    int[] touchedClass = new int[256];
    int touched = 0;
    // The commute filter comes first when people were pruned by their homes.
    int firstByClass = surelyWithin != null ? 1 : 0;
    for (int j = 0; j < n; j++) {
      int pos = people[j];
      int failed = -1;
      if (surelyWithin != null && !surelyWithin[j] && !bound.ownFilter[0][pos].admits(c, row)) {
        failed = 0;
      }
      for (int i = firstByClass; i < filters && failed < 0; i++) {
        int k = filterClass[pos * filters + i];
        boolean admits;
        if (k < 0) {
          admits = bound.ownFilter[i][pos].admits(c, row);
        } else {
          byte verdict = verdicts[i][k];
          if (verdict == 0) {
            verdict = bound.filterOfClass[i][k].admits(c, row) ? ADMITS : EXCLUDES;
            verdicts[i][k] = verdict;
            touchedRule = push(touchedRule, touched, i);
            touchedClass = push(touchedClass, touched++, k);
          }
          admits = verdict == ADMITS;
        }
        if (!admits) {
          failed = i;
        }
      }
      if (failed >= 0) {
        excluded[rules.filterSlots[failed]]++;
        continue;
      }
      double score = 0;
      for (int i = 0; i < scorers; i++) {
        int k = scorerClass[pos * scorers + i];
        double value;
        if (k < 0) {
          value = bound.ownScorer[i][pos].value(c, row);
        } else {
          value = values[i][k];
          if (value != value) { // not yet computed for this class
            value = bound.scorerOfClass[i][k].value(c, row);
            values[i][k] = value;
            touchedRule = push(touchedRule, touched, filters + i);
            touchedClass = push(touchedClass, touched++, k);
          }
        }
        score += rules.weight(i) * value;
      }
      // Ranked by the score as written, so that equal written scores are in id order.
      top.offer(CompiledRules.round(score), bound.people.scanOrder[pos]);
    }
    for (int t = 0; t < touched; t++) {
      int rule = touchedRule[t];
      if (rule < filters) {
        verdicts[rule][touchedClass[t]] = 0;
      } else {
        values[rule - filters][touchedClass[t]] = Double.NaN;
      }
    }
  }

  /** Sets {@code array[index]}, growing the array when it is full; returns the array. */
  private static int[] push(int[] array, int index, int value) {
    int[] a = index < array.length ? array : Arrays.copyOf(array, 2 * array.length);
    a[index] = value;
    return a;
  }

  /**
   * Whether people can be counted under the commute filter from their homes alone: the filter is
   * on and counts first, and the opportunity has a place (remote work is within everyone's reach).
   */
  private boolean prunesByCommute() {
    return COMMUTE_SLOT == 0
        && rules.filterSlots.length > 0
        && rules.filterSlots[0] == 0
        && !Float.isNaN(c.unitX[row]);
  }


  /** Decides one person with their rules bound whole: a rule set with custom rules. */
  private void decideWhole(int p) {
    CompiledRules.Bound person = bound.bound(p);
    int slot = person.firstExclusion(c, row);
    if (slot >= 0) {
      excluded[slot]++;
    } else {
      // Ranked by the score as written, so that equal written scores are in id order.
      top.offer(CompiledRules.round(person.score(c, row)), p);
    }
  }

  /** The admitted people ranked best first, explained in the options' language. */
  List<Candidate> candidates(BiFunction<String, Locale, Optional<String>> labels) {
    Messages messages = new Messages(options.locale(), labels);
    int[] best = top.drainBestFirst();
    List<Candidate> out = new ArrayList<>(best.length);
    for (int i = 0; i < best.length; i++) {
      CompiledRules.Bound person = bound.bound(best[i]);
      out.add(new Candidate(i + 1, bound.people.profiles[best[i]].id(),
          CompiledRules.round(person.score(c, row)), person.explain(c, row, messages)));
    }
    return out;
  }

  /**
   * The best k people by score, equal scores by index (which is id order), on primitive arrays:
   * a min-heap whose root is the worst kept. Grows up to k as people are offered, so that a large
   * k costs memory only when that many are admitted.
   */
  static final class Heap {
    private final int k;
    private double[] scores;
    private int[] people;
    private int size;

    Heap(int k) {
      this.k = k;
      this.scores = new double[Math.min(k, 64)];
      this.people = new int[scores.length];
    }

    void offer(double score, int person) {
      if (size < k) {
        if (size == scores.length) {
          scores = Arrays.copyOf(scores, Math.min(k, 2 * size));
          people = Arrays.copyOf(people, scores.length);
        }
        scores[size] = score;
        people[size] = person;
        up(size++);
      } else if (better(score, person, scores[0], people[0])) {
        scores[0] = score;
        people[0] = person;
        down(0);
      }
    }

    /** Whether (a, i) ranks before (b, j): higher score, or the same score and lower index. */
    private static boolean better(double a, int i, double b, int j) {
      return a > b || (a == b && i < j);
    }

    private void up(int i) {
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        if (!better(scores[parent], people[parent], scores[i], people[i])) {
          return;
        }
        swap(i, parent);
        i = parent;
      }
    }

    private void down(int i) {
      while (true) {
        int worst = i;
        int l = 2 * i + 1;
        int r = l + 1;
        if (l < size && better(scores[worst], people[worst], scores[l], people[l])) {
          worst = l;
        }
        if (r < size && better(scores[worst], people[worst], scores[r], people[r])) {
          worst = r;
        }
        if (worst == i) {
          return;
        }
        swap(i, worst);
        i = worst;
      }
    }

    private void swap(int i, int j) {
      double score = scores[i];
      scores[i] = scores[j];
      scores[j] = score;
      int person = people[i];
      people[i] = people[j];
      people[j] = person;
    }

    /** The kept people, best first; empties the heap. */
    int[] drainBestFirst() {
      int[] out = new int[size];
      while (size > 0) {
        out[size - 1] = people[0];
        size--;
        scores[0] = scores[size];
        people[0] = people[size];
        down(0);
      }
      return out;
    }
  }
}
