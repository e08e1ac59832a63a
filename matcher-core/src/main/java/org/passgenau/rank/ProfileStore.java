package org.passgenau.rank;

import java.util.Objects;
import java.util.TreeMap;
import org.passgenau.model.Profile;

/**
 * The profiles that reverse matching ranks: changed by upserts and deletes, which become visible
 * together at {@link #refresh}, as the opportunity index's changes do. Thread-safe: changes take a
 * lock, readers take the last published {@link ProfileSet} without one.
 */
final class ProfileStore {

  private final RuleSet rules;
  /** Every profile as of the last change, by id. Guarded by this. */
  private final TreeMap<String, Profile> latest = new TreeMap<>();
  /** Whether {@link #latest} changed since the last refresh. Guarded by this. */
  private boolean changed;
  private volatile ProfileSet published;

  ProfileStore(RuleSet rules) {
    this.rules = rules;
    this.published = ProfileSet.of(new Profile[0], rules);
  }

  synchronized void upsert(Profile profile) {
    Objects.requireNonNull(profile, "profile must not be null");
    latest.put(profile.id(), profile);
    changed = true;
  }

  synchronized void delete(String id) {
    Objects.requireNonNull(id, "id must not be null");
    changed |= latest.remove(id) != null;
  }

  /** Publishes every change so far to the readers that come after. */
  synchronized void refresh() {
    if (changed) {
      published = ProfileSet.of(latest.values().toArray(new Profile[0]), rules);
      changed = false;
    }
  }

  ProfileSet published() {
    return published;
  }
}
