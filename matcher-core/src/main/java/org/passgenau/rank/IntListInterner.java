package org.passgenau.rank;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dense int ids for lists of ints, such as an opportunity's language requirements, so that a
 * query can remember what it decided for a list and look the answer up by id for every other
 * opportunity with the same list. Ids are stable for the lifetime of the instance, which an
 * engine shares between all its segments and queries. Thread-safe: lookups are lock-free, new
 * lists are added under a lock.
 */
final class IntListInterner {

  private final ConcurrentHashMap<Key, Integer> ids = new ConcurrentHashMap<>();
  private volatile int size;

  /** The id of the list {@code values}, assigning a new one on first sight. */
  int intern(int[] values) {
    Key key = new Key(values.clone());
    Integer id = ids.get(key);
    return id != null ? id : add(key);
  }

  private synchronized int add(Key key) {
    Integer id = ids.get(key);
    if (id != null) {
      return id;
    }
    ids.put(key, size);
    return size++;
  }

  /**
   * How many ids were handed out: every id held by columns built before this call is below it.
   */
  int size() {
    return size;
  }

  private record Key(int[] values) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(values, k.values);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(values);
    }
  }
}
