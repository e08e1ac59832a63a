package org.passgenau.rank;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Dense int ids for strings (regions, licences, languages, skill terms) so that columns hold
 * primitives and the ranking loop compares ints. Ids are stable for the lifetime of the instance,
 * which an engine shares between all its segments and queries. Thread-safe.
 */
final class Interner {

  static final int ABSENT = -1;

  private final ConcurrentHashMap<String, Integer> ids = new ConcurrentHashMap<>();
  private final AtomicInteger next = new AtomicInteger();

  /** The id of {@code value}, assigning a new one on first sight; {@link #ABSENT} for null. */
  int intern(String value) {
    if (value == null) {
      return ABSENT;
    }
    return ids.computeIfAbsent(value, v -> next.getAndIncrement());
  }

  /** The id of {@code value} if it was seen, else {@link #ABSENT}; never assigns. */
  int lookup(String value) {
    if (value == null) {
      return ABSENT;
    }
    Integer id = ids.get(value);
    return id == null ? ABSENT : id;
  }
}
