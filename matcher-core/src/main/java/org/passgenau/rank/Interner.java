package org.passgenau.rank;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dense int ids for strings (regions, licences, languages, places, skill terms) so that columns
 * hold primitives and the ranking loop compares ints; {@link #name(int)} turns an id back into
 * its string for explanations. Ids are stable for the lifetime of the instance, which an engine
 * shares between all its segments and queries. Thread-safe: lookups are lock-free, new strings
 * are added under a lock.
 */
final class Interner {

  static final int ABSENT = -1;

  private final ConcurrentHashMap<String, Integer> ids = new ConcurrentHashMap<>();
  /** Names by id; replaced, never changed in place below {@code size}, so readers need no lock. */
  private volatile String[] names = new String[64];
  private int size;

  /** The id of {@code value}, assigning a new one on first sight; {@link #ABSENT} for null. */
  int intern(String value) {
    if (value == null) {
      return ABSENT;
    }
    Integer id = ids.get(value);
    return id != null ? id : add(value);
  }

  private synchronized int add(String value) {
    Integer id = ids.get(value);
    if (id != null) {
      return id;
    }
    String[] current = names;
    if (size == current.length) {
      current = Arrays.copyOf(current, size * 2);
    }
    current[size] = value;
    names = current; // published before the id, so whoever holds the id can read the name
    ids.put(value, size);
    return size++;
  }

  /** The id of {@code value} if it was seen, else {@link #ABSENT}; never assigns. */
  int lookup(String value) {
    if (value == null) {
      return ABSENT;
    }
    Integer id = ids.get(value);
    return id == null ? ABSENT : id;
  }

  /** The string of an id this interner handed out. */
  String name(int id) {
    return names[id];
  }
}
