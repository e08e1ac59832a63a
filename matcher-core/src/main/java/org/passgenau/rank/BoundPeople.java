package org.passgenau.rank;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.ToIntFunction;
import org.passgenau.model.Occupation;

/**
 * The rules of every person of one {@link ProfileSet}, bound against one state of the index and
 * one reference date, arranged for deciding many people against one opportunity.
 *
 * <p>The memo trick of {@code match} turned around. A rule bound for a person reads a few facts
 * of that person (a work ban, languages, hours); people whose facts are equal, by the rule's
 * {@link Rule.BoundFilter#shareKey share key}, get the same verdict from it for every
 * opportunity. So each rule keeps, per person, the number of that person's class, and one bound
 * rule per class; a query decides each class once and reads each person's verdict from an array.
 * Rules without a key (the commute filter and the distance scorer, which read a home) are kept
 * bound per person. Binding every person once costs some microseconds each; what is kept is a few
 * hundred bytes a person.
 *
 * <p>A rule set with custom rules binds each person's rules whole instead, at first use, since a
 * custom rule's facts are not known to the engine.
 *
 * <p>Confined to one thread at a time: a {@link Pool} hands each out to one query and takes it
 * back.
 */
final class BoundPeople {

  final ProfileSet people;
  private final long indexVersion;
  private final LocalDate asOf;
  private final CompiledRules rules;
  private final Vocabulary vocabulary;
  private final ToIntFunction<Occupation> isco;

  /**
   * Each person's class per filter, -1 for a person decided by their own bound filter: the
   * classes of the person at position {@code pos} of {@link ProfileSet#scanOrder} are at {@code
   * pos * filters + i}, so that deciding a person reads one cache line. All per-person arrays here
   * are indexed by that position.
   */
  final int[] filterClass;
  /** Per filter: the bound filter that decides each class. */
  final Rule.BoundFilter[][] filterOfClass;
  /** Per filter: each person's own bound filter where the class is -1, else null. */
  final Rule.BoundFilter[][] ownFilter;
  /** Each person's class per scorer, as {@link #filterClass}. */
  final int[] scorerClass;
  final Rule.BoundScorer[][] scorerOfClass;
  final Rule.BoundScorer[][] ownScorer;
  /**
   * Per position: whether the commute filter admits every opportunity for this person (no known
   * home, or free to move and willing), so that no query needs their own bound filter for it.
   */
  final boolean[] reachesAnywhere;
  /** With custom rules: each person's rules bound whole, at first use; else null. */
  private final CompiledRules.Bound[] whole;
  /** Scratch of {@link #verdicts} and {@link #values}, per rule. */
  private byte[][] verdicts;
  private double[][] values;

  private BoundPeople(ProfileSet people, long indexVersion, LocalDate asOf, CompiledRules rules,
      Vocabulary vocabulary, ToIntFunction<Occupation> isco) {
    this.people = people;
    this.indexVersion = indexVersion;
    this.asOf = asOf;
    this.rules = rules;
    this.vocabulary = vocabulary;
    this.isco = isco;
    int n = people.size();
    this.reachesAnywhere = new boolean[n];
    if (rules.hasCustomRules()) {
      this.whole = new CompiledRules.Bound[n];
      this.filterClass = this.scorerClass = null;
      this.filterOfClass = this.ownFilter = null;
      this.scorerOfClass = this.ownScorer = null;
      return;
    }
    this.whole = null;
    int filters = rules.filterCount();
    int scorers = rules.scorerCount();
    filterClass = new int[filters * n];
    ownFilter = new Rule.BoundFilter[filters][];
    scorerClass = new int[scorers * n];
    ownScorer = new Rule.BoundScorer[scorers][];
    Classes<Rule.BoundFilter> filterClasses = new Classes<>(filters);
    Classes<Rule.BoundScorer> scorerClasses = new Classes<>(scorers);
    for (int pos = 0; pos < n; pos++) {
      CompiledRules.Bound b = bindWhole(people.scanOrder[pos]);
      reachesAnywhere[pos] = !b.query.reach.located || b.query.reach.movesFreely;
      for (int i = 0; i < filters; i++) {
        Rule.BoundFilter f = b.filter(i);
        int id = filterClasses.classOf(i, f.shareKey(), f);
        filterClass[pos * filters + i] = id;
        if (id < 0) {
          if (ownFilter[i] == null) {
            ownFilter[i] = new Rule.BoundFilter[n];
          }
          ownFilter[i][pos] = f;
        }
      }
      for (int i = 0; i < scorers; i++) {
        Rule.BoundScorer s = b.scorer(i);
        int id = scorerClasses.classOf(i, s.shareKey(), s);
        scorerClass[pos * scorers + i] = id;
        if (id < 0) {
          if (ownScorer[i] == null) {
            ownScorer[i] = new Rule.BoundScorer[n];
          }
          ownScorer[i][pos] = s;
        }
      }
    }
    verdicts = new byte[filters][];
    values = new double[scorers][];
    filterOfClass = new Rule.BoundFilter[filters][];
    for (int i = 0; i < filters; i++) {
      filterOfClass[i] = filterClasses.of(i).toArray(new Rule.BoundFilter[0]);
    }
    scorerOfClass = new Rule.BoundScorer[scorers][];
    for (int i = 0; i < scorers; i++) {
      scorerOfClass[i] = scorerClasses.of(i).toArray(new Rule.BoundScorer[0]);
    }
  }

  /**
   * Filter {@code i}'s verdict per class, all undecided (0): kept between queries, and the query
   * that uses it clears what it set, since a query meets a few of many classes only.
   */
  byte[] verdicts(int i) {
    if (verdicts[i] == null) {
      verdicts[i] = new byte[filterOfClass[i].length];
    }
    return verdicts[i];
  }

  /** Scorer {@code i}'s value per class, all not computed (NaN); cleared as {@link #verdicts}. */
  double[] values(int i) {
    if (values[i] == null) {
      values[i] = new double[scorerOfClass[i].length];
      Arrays.fill(values[i], Double.NaN);
    }
    return values[i];
  }

  /** Whether the rules are arranged by class; false with custom rules. */
  boolean shared() {
    return whole == null;
  }

  /** Person {@code p}'s rules, bound whole without memos: cached with custom rules, else new. */
  CompiledRules.Bound bound(int p) {
    if (whole == null) {
      return bindWhole(p);
    }
    CompiledRules.Bound b = whole[p];
    if (b == null) {
      b = bindWhole(p);
      whole[p] = b;
    }
    return b;
  }

  private CompiledRules.Bound bindWhole(int p) {
    return rules.bind(new ProfileQuery(
        people.profiles[p], rules.ruleSet, asOf, vocabulary, isco, false));
  }

  /** Numbers the distinct share keys of each rule, keeping the first bound rule of each. */
  private static final class Classes<T> {
    private final List<Map<Object, Integer>> ids = new ArrayList<>();
    private final List<List<T>> representatives = new ArrayList<>();

    Classes(int rules) {
      for (int i = 0; i < rules; i++) {
        ids.add(new HashMap<>());
        representatives.add(new ArrayList<>());
      }
    }

    /** The class of {@code key} for rule {@code i}, new ones numbered in order; -1 for null. */
    int classOf(int i, Object key, T bound) {
      if (key == null) {
        return -1;
      }
      Integer id = ids.get(i).get(key);
      if (id == null) {
        id = representatives.get(i).size();
        ids.get(i).put(key, id);
        representatives.get(i).add(bound);
      }
      return id;
    }

    /** Rule {@code i}'s bound rule per class. */
    List<T> of(int i) {
      return representatives.get(i);
    }
  }

  /**
   * Whether these bindings serve a query on {@code people} at index version {@code version} as
   * of {@code day}: a refresh may have added segments whose new values (languages, skills) a
   * person's binding looked up before they existed.
   */
  private boolean serves(ProfileSet set, long version, LocalDate day) {
    return people == set && indexVersion == version && asOf.equals(day);
  }

  /**
   * Bindings kept between queries, at most one per thread that ranks candidates at the same
   * time (and never more than {@code capacity}). Thread-safe.
   */
  static final class Pool {
    private final Queue<BoundPeople> idle = new ConcurrentLinkedQueue<>();
    private final int capacity;
    private final CompiledRules rules;
    private final Vocabulary vocabulary;
    private final ToIntFunction<Occupation> isco;

    Pool(int capacity, CompiledRules rules, Vocabulary vocabulary, ToIntFunction<Occupation> isco) {
      this.capacity = capacity;
      this.rules = rules;
      this.vocabulary = vocabulary;
      this.isco = isco;
    }

    /** Bindings for this query, kept ones when they serve it; stale ones are dropped. */
    BoundPeople take(ProfileSet people, long version, LocalDate asOf) {
      for (BoundPeople b = idle.poll(); b != null; b = idle.poll()) {
        if (b.serves(people, version, asOf)) {
          return b;
        }
      }
      return new BoundPeople(people, version, asOf, rules, vocabulary, isco);
    }

    /** Keeps {@code b} for the next query, when there is room. */
    void giveBack(BoundPeople b) {
      if (idle.size() < capacity) {
        idle.offer(b);
      }
    }
  }
}
