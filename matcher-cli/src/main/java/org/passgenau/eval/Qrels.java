package org.passgenau.eval;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Graded judgments: for each profile, the opportunities someone judged and their grade (0 not
 * relevant, 1 or more relevant, higher is better). Immutable.
 *
 * <p>The file format is TREC qrels, one judgment a line: {@code profile_id 0 opportunity_id
 * grade}. The second field is ignored, as {@code trec_eval} ignores it. A grade is a whole number
 * of 0 or more; {@code trec_eval}'s negative "in the pool but not judged" grades are refused, an
 * unjudged opportunity is simply left out. A line with other than four fields, a grade that is not
 * a whole number of 0 or more, and a second judgment of the same opportunity for the same profile
 * (an error in {@code trec_eval} too) stop the reading with a {@link TrecFormatException} naming
 * the line.
 */
public final class Qrels {

  private static final String FORMAT = "profile_id 0 opportunity_id grade";

  /** Per profile, in code point order, its judgments by opportunity id. */
  private final SortedMap<String, Map<String, Integer>> judgments;
  private final SortedSet<String> profiles;

  private Qrels(SortedMap<String, Map<String, Integer>> judgments) {
    this.judgments = Collections.unmodifiableSortedMap(judgments);
    TreeSet<String> ids = new TreeSet<>(Ids.CODE_POINT_ORDER);
    ids.addAll(judgments.keySet());
    this.profiles = Collections.unmodifiableSortedSet(ids);
  }

  /** Reads a qrels file as UTF-8; error messages name the file as {@code path} gives it. */
  public static Qrels read(Path path) throws IOException {
    checkNotNull(path, "path");
    Reader reader = new Reader(path.toString());
    TrecLines.read(path, reader);
    return reader.builder.build();
  }

  /** Reads qrels lines; error messages name {@code source}. Does not close {@code in}. */
  public static Qrels read(BufferedReader in, String source) throws IOException {
    checkNotNull(in, "in");
    checkNotNull(source, "source");
    Reader reader = new Reader(source);
    TrecLines.read(in, reader);
    return reader.builder.build();
  }

  /** Judgments held in memory: grade by opportunity id, per profile id. */
  public static Qrels of(Map<String, ? extends Map<String, Integer>> gradesByProfile) {
    checkNotNull(gradesByProfile, "gradesByProfile");
    Builder builder = builder();
    gradesByProfile.forEach((profile, grades) ->
        grades.forEach((opportunity, grade) -> builder.add(profile, opportunity, grade)));
    return builder.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The judged profiles, in code point order. */
  public SortedSet<String> profiles() {
    return profiles;
  }

  /** Whether the profile has at least one judgment (of any grade). */
  public boolean judges(String profileId) {
    return judgments.containsKey(profileId);
  }

  /** The profile's judgments, grade by opportunity id; empty when it has none. */
  public Map<String, Integer> judgments(String profileId) {
    return judgments.getOrDefault(profileId, Map.of());
  }

  /** The number of judgments, over all profiles. */
  public int size() {
    return judgments.values().stream().mapToInt(Map::size).sum();
  }

  @Override
  public String toString() {
    return "Qrels[" + judgments.size() + " profiles, " + size() + " judgments]";
  }

  /** Collects judgments; a second grade for the same profile and opportunity is refused. */
  public static final class Builder {
    private final SortedMap<String, Map<String, Integer>> judgments =
        new TreeMap<>(Ids.CODE_POINT_ORDER);

    private Builder() {}

    /**
     * Adds one judgment.
     *
     * @throws IllegalArgumentException for an empty id, a negative grade or a second judgment
     */
    public Builder add(String profileId, String opportunityId, int grade) {
      checkArgument(profileId != null && !profileId.isEmpty(), "profile_id must not be empty");
      checkArgument(opportunityId != null && !opportunityId.isEmpty(),
          "opportunity_id must not be empty");
      checkArgument(grade >= 0, "grade must be 0 or more, was %s", grade);
      Integer earlier = judgments.computeIfAbsent(profileId, p -> new LinkedHashMap<>())
          .putIfAbsent(opportunityId, grade);
      checkArgument(earlier == null, "profile %s judges opportunity %s twice",
          profileId, opportunityId);
      return this;
    }

    public Qrels build() {
      SortedMap<String, Map<String, Integer>> copy = new TreeMap<>(Ids.CODE_POINT_ORDER);
      judgments.forEach((profile, grades) -> copy.put(profile, Map.copyOf(grades)));
      return new Qrels(copy);
    }
  }

  /** Turns lines into judgments, with the line numbers for messages. */
  private static final class Reader implements TrecLines.Handler {
    private final String source;
    private final Builder builder = builder();
    /** Per profile, the line of each opportunity's judgment, to name both lines of a repeat. */
    private final Map<String, Map<String, Integer>> lines = new HashMap<>();

    Reader(String source) {
      this.source = source;
    }

    @Override
    public void line(int number, List<String> fields) throws TrecFormatException {
      if (fields.size() != 4) {
        throw new TrecFormatException(source, number,
            "expected 4 fields (" + FORMAT + "), found " + fields.size());
      }
      String profile = fields.get(0);
      String opportunity = fields.get(2);
      String grade = fields.get(3);
      if (!TrecLines.isWhole(grade)) {
        throw new TrecFormatException(source, number,
            "grade \"" + grade + "\" is not a whole number");
      }
      int value;
      try {
        value = Integer.parseInt(grade);
      } catch (NumberFormatException e) {
        throw new TrecFormatException(source, number, "grade \"" + grade + "\" is too large");
      }
      if (value < 0) {
        throw new TrecFormatException(source, number, "grade \"" + grade
            + "\" is negative; leave unjudged opportunities out instead");
      }
      Integer first = lines.computeIfAbsent(profile, p -> new HashMap<>())
          .putIfAbsent(opportunity, number);
      if (first != null) {
        throw new TrecFormatException(source, number, "opportunity_id \"" + opportunity
            + "\" is judged again for profile_id \"" + profile + "\" (first on line " + first
            + ")");
      }
      builder.add(profile, opportunity, value);
    }
  }
}
