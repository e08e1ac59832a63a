package org.passgenau.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.passgenau.model.Profile;
import org.passgenau.rank.Match;
import org.passgenau.rank.MatchResult;
import org.passgenau.rank.Reason;

/** Hand-built profiles and results, so that every number of an audit can be worked out by hand. */
final class Results {

  private Results() {}

  /** A profile with the given audit fields, as key, value, key, value. */
  static Profile person(String id, String... audit) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < audit.length; i += 2) {
      fields.put(audit[i], audit[i + 1]);
    }
    return Profile.builder(id).audit(fields).build();
  }

  /** A result with {@code matches} matches, scores falling from 0.9 by 0.1, no occupation effect. */
  static MatchResult withMatches(String profileId, int matches) {
    return builder(profileId).matches(matches).build();
  }

  static Builder builder(String profileId) {
    return new Builder(profileId);
  }

  static final class Builder {
    private final String profileId;
    private final List<Match> matches = new ArrayList<>();
    private final Map<String, Integer> excluded = new LinkedHashMap<>();
    private String ruleSet = "default";

    private Builder(String profileId) {
      this.profileId = profileId;
    }

    /** Adds {@code n} matches without an occupation effect. */
    Builder matches(int n) {
      for (int i = 0; i < n; i++) {
        match(false);
      }
      return this;
    }

    /** Adds the next match; {@code occupation} gives it a positive occupation effect. */
    Builder match(boolean occupation) {
      int rank = matches.size() + 1;
      List<Reason> reasons = occupation
          ? List.of(new Reason("occupation", 0.3, "The wished-for occupation"),
              new Reason("distance", 0.1, "near"))
          : List.of(new Reason("distance", 0.1, "near"));
      matches.add(new Match(rank, "V-" + rank, 1.0 - rank / 10.0, reasons));
      return this;
    }

    Builder excluded(String filter, int count) {
      excluded.put(filter, count);
      return this;
    }

    Builder ruleSet(String name) {
      this.ruleSet = name;
      return this;
    }

    MatchResult build() {
      return new MatchResult(profileId, ruleSet, matches, excluded);
    }
  }
}
