package org.passgenau.eval;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A run: for each profile, its ranked opportunities, in the order {@code trec_eval} ranks them.
 * Immutable.
 *
 * <p>The file format is a TREC run, one ranked opportunity a line: {@code profile_id Q0
 * opportunity_id rank score rule_set}, as {@code passgenau match --format trec} writes it. Like
 * {@code trec_eval}, the reader ranks each profile's opportunities by score, highest first, and
 * breaks ties by opportunity id in <em>descending</em> code point order ({@code trec_eval}'s
 * {@code strcmp} on the ids, reversed); the rank column and the order of the lines are ignored, so
 * a file sorted differently or with gaps in its ranks gives the same ranking. The second field is
 * ignored too.
 *
 * <p>The reader stops with a {@link TrecFormatException} naming the line at: other than six
 * fields; a rank that is not a whole number; a score that is not a finite decimal number; the same
 * opportunity twice for one profile (an error in {@code trec_eval} too); and a rule set other than
 * that of the first line (one run file holds one system's results, so that comparisons compare what
 * they claim to).
 */
public final class TrecRun {

  private static final String FORMAT = "profile_id Q0 opportunity_id rank score rule_set";

  /**
   * trec_eval's order: score descending, then id descending. trec_eval 9.0.4 keeps a score as a
   * C {@code float}, so scores that only a double tells apart tie (16777217 and 16777216, or
   * 0.30000001 and 0.30000002); C's {@code >} makes -0.0 tie 0.0.
   */
  private static final Comparator<Scored> TREC_EVAL_ORDER = (a, b) -> {
    float x = (float) a.score;
    float y = (float) b.score;
    if (x > y) {
      return -1;
    }
    if (x < y) {
      return 1;
    }
    return Ids.CODE_POINT_ORDER.compare(b.id, a.id);
  };

  private final SortedMap<String, List<String>> rankings;
  private final String ruleSet;

  private TrecRun(SortedMap<String, List<String>> rankings, String ruleSet) {
    this.rankings = Collections.unmodifiableSortedMap(rankings);
    this.ruleSet = ruleSet;
  }

  /** Reads a run file as UTF-8; error messages name the file as {@code path} gives it. */
  public static TrecRun read(Path path) throws IOException {
    checkNotNull(path, "path");
    Reader reader = new Reader(path.toString());
    TrecLines.read(path, reader);
    return reader.build();
  }

  /** Reads run lines; error messages name {@code source}. Does not close {@code in}. */
  public static TrecRun read(BufferedReader in, String source) throws IOException {
    checkNotNull(in, "in");
    checkNotNull(source, "source");
    Reader reader = new Reader(source);
    TrecLines.read(in, reader);
    return reader.build();
  }

  /**
   * A run built from scores held in memory, ranked as {@code trec_eval} would rank the same lines
   * read from a file.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The ranked opportunity ids per profile, profiles in code point order. Suits {@link
   * Evaluation#of(Map, Qrels, int, MissingRankings)}.
   */
  public Map<String, List<String>> rankings() {
    return rankings;
  }

  /** The ranked opportunity ids of one profile; empty when the run has none for it. */
  public List<String> ranking(String profileId) {
    return rankings.getOrDefault(profileId, List.of());
  }

  /** The rule set named in the run's last column; empty for a run without lines. */
  public Optional<String> ruleSet() {
    return Optional.ofNullable(ruleSet);
  }

  /** The number of ranked opportunities, over all profiles. */
  public int size() {
    return rankings.values().stream().mapToInt(List::size).sum();
  }

  @Override
  public String toString() {
    return "TrecRun[" + (ruleSet == null ? "" : ruleSet + ", ") + rankings.size() + " profiles, "
        + size() + " lines]";
  }

  private record Scored(String id, double score) {}

  /** Collects scored opportunities per profile and ranks them as {@code trec_eval} does. */
  public static final class Builder {
    private final Map<String, List<Scored>> scored = new HashMap<>();
    private final Map<String, Set<String>> seen = new HashMap<>();
    private String ruleSet;

    private Builder() {}

    /** Names the rule set (the run's last column); optional. */
    public Builder ruleSet(String name) {
      this.ruleSet = name;
      return this;
    }

    /**
     * Adds one retrieved opportunity.
     *
     * @throws IllegalArgumentException for an empty id, a score that is not finite, or an
     *     opportunity the profile already has
     */
    public Builder add(String profileId, String opportunityId, double score) {
      checkArgument(profileId != null && !profileId.isEmpty(), "profile_id must not be empty");
      checkArgument(opportunityId != null && !opportunityId.isEmpty(),
          "opportunity_id must not be empty");
      checkArgument(Double.isFinite(score), "score must be finite, was %s", score);
      checkArgument(seen.computeIfAbsent(profileId, p -> new HashSet<>()).add(opportunityId),
          "profile %s ranks opportunity %s twice", profileId, opportunityId);
      scored.computeIfAbsent(profileId, p -> new ArrayList<>()).add(new Scored(opportunityId, score));
      return this;
    }

    public TrecRun build() {
      SortedMap<String, List<String>> rankings = new TreeMap<>(Ids.CODE_POINT_ORDER);
      scored.forEach((profile, list) -> {
        List<Scored> sorted = new ArrayList<>(list);
        sorted.sort(TREC_EVAL_ORDER);
        rankings.put(profile, sorted.stream().map(Scored::id).toList());
      });
      return new TrecRun(rankings, ruleSet);
    }
  }

  /** Turns lines into a run, with the line numbers for messages. */
  private static final class Reader implements TrecLines.Handler {
    private final String source;
    private final Builder builder = builder();
    private final Map<String, Map<String, Integer>> lines = new HashMap<>();
    private String ruleSet;
    private int ruleSetLine;

    Reader(String source) {
      this.source = source;
    }

    @Override
    public void line(int number, List<String> fields) throws TrecFormatException {
      if (fields.size() != 6) {
        throw new TrecFormatException(source, number,
            "expected 6 fields (" + FORMAT + "), found " + fields.size());
      }
      String profile = fields.get(0);
      String opportunity = fields.get(2);
      String rank = fields.get(3);
      String score = fields.get(4);
      String rules = fields.get(5);
      if (!TrecLines.isWhole(rank)) {
        throw new TrecFormatException(source, number, "rank \"" + rank + "\" is not a whole number");
      }
      if (!TrecLines.isDecimal(score)) {
        throw new TrecFormatException(source, number, "score \"" + score + "\" is not a number");
      }
      double value = Double.parseDouble(score);
      if (!Double.isFinite(value)) {
        throw new TrecFormatException(source, number, "score \"" + score + "\" is out of range");
      }
      if (ruleSet == null) {
        ruleSet = rules;
        ruleSetLine = number;
      } else if (!ruleSet.equals(rules)) {
        throw new TrecFormatException(source, number, "rule_set \"" + rules + "\" differs from \""
            + ruleSet + "\" on line " + ruleSetLine + "; a run file holds one rule set");
      }
      Integer first = lines.computeIfAbsent(profile, p -> new HashMap<>())
          .putIfAbsent(opportunity, number);
      if (first != null) {
        throw new TrecFormatException(source, number, "opportunity_id \"" + opportunity
            + "\" is ranked again for profile_id \"" + profile + "\" (first on line " + first + ")");
      }
      builder.add(profile, opportunity, value);
    }

    TrecRun build() {
      return builder.ruleSet(ruleSet).build();
    }
  }
}
