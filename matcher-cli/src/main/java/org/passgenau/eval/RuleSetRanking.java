package org.passgenau.eval;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.passgenau.output.ResultFormat;
import org.passgenau.output.ResultWriter;
import org.passgenau.rank.Match;
import org.passgenau.rank.MatchResult;

/**
 * Every profile's ranking by one rule set, as {@link RuleSetRunner} made it: opportunity ids and
 * scores in the engine's order, profiles in the order they were given. Immutable.
 *
 * <p>{@link #rankings()} and {@link #evaluate} keep the engine's order, which is the order {@code
 * match} writes in every format, the rank column of a TREC run included. The engine ranks by its
 * full score (equal ones by opportunity id) and reports scores rounded to four decimals, so
 * opportunities with the same reported score may stand in either order of their ids. {@code
 * trec_eval}, and {@link TrecRun} after it, ignores the rank column and orders equal scores by
 * opportunity id <em>descending</em>; {@link #toTrecRun()} gives that reading of {@link #writeTrec
 * the run file}. The two differ only in the order of opportunities with equal reported scores.
 */
public final class RuleSetRanking {

  /**
   * One ranked opportunity.
   *
   * @param score the engine's score, comparable within one rule set
   */
  public record Ranked(String opportunityId, double score) {
    public Ranked {
      checkNotNull(opportunityId, "opportunityId");
    }
  }

  private final String ruleSet;
  private final int depth;
  private final LocalDate asOf;
  private final Map<String, List<Ranked>> ranked;
  private final Map<String, List<String>> ids;

  RuleSetRanking(String ruleSet, int depth, LocalDate asOf, Map<String, List<Ranked>> ranked) {
    this.ruleSet = checkNotNull(ruleSet, "ruleSet");
    this.depth = depth;
    this.asOf = checkNotNull(asOf, "asOf");
    Map<String, List<Ranked>> copy = new LinkedHashMap<>();
    Map<String, List<String>> idCopy = new LinkedHashMap<>();
    ranked.forEach((profile, list) -> {
      copy.put(profile, List.copyOf(list));
      idCopy.put(profile, list.stream().map(Ranked::opportunityId).toList());
    });
    this.ranked = Collections.unmodifiableMap(copy);
    this.ids = Collections.unmodifiableMap(idCopy);
  }

  /** The name of the rule set that ranked. */
  public String ruleSet() {
    return ruleSet;
  }

  /** The most opportunities ranked per profile. */
  public int depth() {
    return depth;
  }

  /** The reference date of the matches. */
  public LocalDate asOf() {
    return asOf;
  }

  /** The ranked profiles' ids, in the order they were given. */
  public List<String> profiles() {
    return List.copyOf(ranked.keySet());
  }

  /** One profile's ranking, best first; empty when the profile is not here or nothing passed. */
  public List<Ranked> ranking(String profileId) {
    return ranked.getOrDefault(profileId, List.of());
  }

  /**
   * Per profile id, its opportunity ids in the engine's order, profiles in the order given. Suits
   * {@link Evaluation#of(Map, Qrels, int, MissingRankings)}; a profile with nothing ranked has an
   * empty list, which is evaluated (and scores 0).
   */
  public Map<String, List<String>> rankings() {
    return ids;
  }

  /**
   * Evaluates the rankings in the engine's order, leaving out judged profiles that were not
   * ranked.
   *
   * @throws IllegalArgumentException when k exceeds the depth, or no ranked profile is judged
   */
  public Evaluation evaluate(Qrels qrels, int k) {
    return evaluate(qrels, k, MissingRankings.SKIP);
  }

  /**
   * Evaluates the rankings in the engine's order.
   *
   * @throws IllegalArgumentException when k exceeds the depth, or no ranked profile is judged
   */
  public Evaluation evaluate(Qrels qrels, int k, MissingRankings missingRankings) {
    checkArgument(k <= depth, "k=%s exceeds the ranking depth %s", k, depth);
    return Evaluation.of(ids, qrels, k, missingRankings);
  }

  /**
   * The run as {@code trec_eval} reads the file {@link #writeTrec} writes: by score, equal scores
   * by opportunity id descending. The reported scores have four decimals, which the file's six
   * keep, so the file holds exactly the scores here.
   */
  public TrecRun toTrecRun() {
    TrecRun.Builder run = TrecRun.builder().ruleSet(ruleSet);
    ranked.forEach((profile, list) ->
        list.forEach(r -> run.add(profile, r.opportunityId(), r.score())));
    return run.build();
  }

  /**
   * Writes the TREC run exactly as {@code match --format trec} would write these matches: {@code
   * profile_id Q0 opportunity_id rank score rule_set}, ranks in the engine's order, scores with six
   * decimals, profiles in the order given. Does not close {@code out}.
   */
  public void writeTrec(Writer out) throws IOException {
    checkNotNull(out, "out");
    ResultWriter trec = ResultWriter.of(ResultFormat.TREC, out);
    for (Map.Entry<String, List<Ranked>> entry : ranked.entrySet()) {
      List<Match> matches = new ArrayList<>(entry.getValue().size());
      for (Ranked r : entry.getValue()) {
        matches.add(new Match(matches.size() + 1, r.opportunityId(), r.score(), List.of()));
      }
      trec.write(new MatchResult(entry.getKey(), ruleSet, matches, Map.of()));
    }
    trec.flush();
  }

  /** The number of ranked opportunities, over all profiles. */
  public int size() {
    return ranked.values().stream().mapToInt(List::size).sum();
  }

  @Override
  public String toString() {
    return "RuleSetRanking[" + ruleSet + ", " + ranked.size() + " profiles, depth " + depth
        + ", as of " + asOf + "]";
  }
}
