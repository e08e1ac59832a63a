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
 * <p>{@link #rankings()} keeps the engine's order, which is the order {@code match} writes in
 * every format, the rank column of a TREC run included: by the score as written (four decimals),
 * equal written scores by opportunity id. {@link #evaluate} reads the rankings as {@code
 * trec_eval} reads {@link #writeTrec the run file} ({@link #toTrecRun()}): by the same scores,
 * but equal ones by opportunity id <em>descending</em>, the rank column ignored. So {@code
 * evaluate --rules}, {@code evaluate --run} on the run file and {@code trec_eval} on it give the
 * same numbers; the engine's order and the evaluated one differ only among opportunities with
 * equal written scores, whose order nothing in the scores decides.
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
   * Per profile id, its opportunity ids in the engine's order (the order {@code match} lists
   * them), profiles in the order given; a profile with nothing ranked has an empty list. {@link
   * #evaluate} orders equal scores otherwise.
   */
  public Map<String, List<String>> rankings() {
    return ids;
  }

  /**
   * Evaluates the rankings as {@code trec_eval} reads the run file, leaving out judged profiles
   * that were not ranked; see {@link #evaluate(Qrels, int, MissingRankings)}.
   *
   * @throws IllegalArgumentException when k exceeds the depth, or no ranked profile is judged
   */
  public Evaluation evaluate(Qrels qrels, int k) {
    return evaluate(qrels, k, MissingRankings.SKIP);
  }

  /**
   * Evaluates the rankings as {@code trec_eval} reads the file {@link #writeTrec} writes: by
   * score, equal scores by opportunity id descending, so that the numbers are those of {@code
   * trec_eval} and of {@link Evaluation#of(TrecRun, Qrels, int, MissingRankings)} on that file. A
   * profile ranked but with nothing left is evaluated, and scores 0: leaving it out would reward
   * a rule set for ranking nothing. (The file cannot hold an empty ranking, so there {@code
   * trec_eval} leaves such a profile out, or scores it 0 with {@code -c}.)
   *
   * @throws IllegalArgumentException when k exceeds the depth, or no ranked profile is judged
   */
  public Evaluation evaluate(Qrels qrels, int k, MissingRankings missingRankings) {
    checkArgument(k <= depth, "k=%s exceeds the ranking depth %s", k, depth);
    TrecRun asRead = toTrecRun();
    Map<String, List<String>> evaluated = new LinkedHashMap<>();
    ranked.keySet().forEach(profile -> evaluated.put(profile, asRead.ranking(profile)));
    return Evaluation.of(evaluated, qrels, k, missingRankings);
  }

  /**
   * The run as {@code trec_eval} reads the file {@link #writeTrec} writes: by score, equal scores
   * by opportunity id descending. The engine's scores have four decimals, which the file's six
   * keep, so the file holds exactly the scores here, and the engine's order differs from this one
   * only among equal scores.
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
