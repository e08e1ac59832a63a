package org.passgenau.rank;

import java.time.LocalDate;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.ToIntFunction;
import org.passgenau.model.Occupation;

/**
 * The rules bound for each person of one {@link ProfileSet}, against one state of the index and
 * one reference date, bound when a person is first decided and kept for the next opportunity:
 * binding costs some microseconds per person, deciding a pair a fraction of one. Bound without
 * memos (about 3 KB a person). Confined to one thread at a time: a {@link Pool} hands each out to
 * one query and takes it back.
 */
final class BoundPeople {

  final ProfileSet people;
  private final long indexVersion;
  private final LocalDate asOf;
  private final CompiledRules rules;
  private final Vocabulary vocabulary;
  private final ToIntFunction<Occupation> isco;
  private final CompiledRules.Bound[] bound;

  private BoundPeople(ProfileSet people, long indexVersion, LocalDate asOf, CompiledRules rules,
      Vocabulary vocabulary, ToIntFunction<Occupation> isco) {
    this.people = people;
    this.indexVersion = indexVersion;
    this.asOf = asOf;
    this.rules = rules;
    this.vocabulary = vocabulary;
    this.isco = isco;
    this.bound = new CompiledRules.Bound[people.size()];
  }

  /** Person {@code p}'s rules, bound at first use. */
  CompiledRules.Bound bound(int p) {
    CompiledRules.Bound b = bound[p];
    if (b == null) {
      b = rules.bind(new ProfileQuery(
          people.profiles[p], rules.ruleSet, asOf, vocabulary, isco, false));
      bound[p] = b;
    }
    return b;
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
