package org.passgenau.eval;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How well rankings place what the judgments call relevant: {@code p@k}, {@code recall@k}, {@code
 * mrr}, {@code map} and {@code ndcg@k} for each profile, and their means. Immutable.
 *
 * <p>The conventions are {@code trec_eval}'s, and the values agree with it to four decimals:
 *
 * <ul>
 *   <li>a profile is evaluated when it has both a ranking and at least one judgment; profiles
 *       with a ranking but no judgment are left out; profiles with judgments but no ranking are
 *       left out too, or scored 0 with {@link MissingRankings#SCORE_ZERO} ({@code trec_eval -c});
 *   <li>a profile whose judgments are all 0 is evaluated, and scores 0 on every metric;
 *   <li>an opportunity without a judgment is not relevant; a grade of 1 or more is relevant for
 *       {@code p@k}, {@code recall@k}, {@code mrr} and {@code map}; {@code ndcg@k} takes the
 *       grades themselves as gains (see {@link Metric});
 *   <li>{@code p@k} divides by k even when fewer than k opportunities are ranked; {@code mrr} and
 *       {@code map} look at the whole ranking, not only its first k;
 *   <li>a mean is over the evaluated profiles, each counting once.
 * </ul>
 *
 * <p>An empty ranking is a ranking: the profile is evaluated and scores 0. (A run file cannot hold
 * one; rankings from memory can.)
 */
public final class Evaluation {

  /** The k of {@code passgenau evaluate} when none is given. */
  public static final int DEFAULT_K = 10;

  private final int k;
  private final MissingRankings missingRankings;
  private final SortedMap<String, Scores> perProfile;
  private final Scores mean;
  private final List<String> profilesWithoutJudgments;
  private final List<String> profilesWithoutRanking;

  private Evaluation(
      int k,
      MissingRankings missingRankings,
      SortedMap<String, Scores> perProfile,
      List<String> profilesWithoutJudgments,
      List<String> profilesWithoutRanking) {
    this.k = k;
    this.missingRankings = missingRankings;
    this.perProfile = Collections.unmodifiableSortedMap(perProfile);
    this.mean = mean(perProfile.values());
    this.profilesWithoutJudgments = List.copyOf(profilesWithoutJudgments);
    this.profilesWithoutRanking = List.copyOf(profilesWithoutRanking);
  }

  /**
   * Evaluates rankings held in memory, such as a matching engine's results, leaving out profiles
   * without a ranking, as {@code trec_eval} does by default.
   *
   * @param rankings per profile id, its opportunity ids best first
   * @throws IllegalArgumentException when k is below 1, a ranking lists an opportunity twice, or
   *     no profile has both a ranking and judgments
   */
  public static Evaluation of(Map<String, ? extends List<String>> rankings, Qrels qrels, int k) {
    return of(rankings, qrels, k, MissingRankings.SKIP);
  }

  /**
   * Evaluates rankings held in memory, in the order given. To rank by score as {@code trec_eval}
   * reads a run file (ties by opportunity id, descending), build a {@link TrecRun} first.
   *
   * @param rankings per profile id, its opportunity ids best first
   * @param missingRankings what to do with judged profiles that {@code rankings} lacks
   * @throws IllegalArgumentException when k is below 1, a ranking lists an opportunity twice, or
   *     no profile has both a ranking and judgments
   */
  public static Evaluation of(
      Map<String, ? extends List<String>> rankings,
      Qrels qrels,
      int k,
      MissingRankings missingRankings) {
    checkNotNull(rankings, "rankings");
    checkNotNull(qrels, "qrels");
    checkNotNull(missingRankings, "missingRankings");
    checkArgument(k >= 1, "k must be 1 or more, was %s", k);

    SortedMap<String, Scores> perProfile = new TreeMap<>(Ids.CODE_POINT_ORDER);
    List<String> withoutRanking = new ArrayList<>();
    for (String profile : qrels.profiles()) {
      List<String> ranking = rankings.get(profile);
      if (ranking == null) {
        withoutRanking.add(profile);
        if (missingRankings == MissingRankings.SCORE_ZERO) {
          perProfile.put(profile, Scores.ZERO);
        }
      } else {
        perProfile.put(profile, score(profile, ranking, qrels.judgments(profile), k));
      }
    }
    List<String> withoutJudgments = rankings.keySet().stream()
        .filter(profile -> !qrels.judges(profile))
        .sorted(Ids.CODE_POINT_ORDER)
        .toList();
    checkArgument(!perProfile.isEmpty(),
        "no profile has both a ranking and judgments (%s ranked, %s judged)",
        rankings.size(), qrels.profiles().size());
    return new Evaluation(k, missingRankings, perProfile, withoutJudgments, withoutRanking);
  }

  /** Evaluates a run read from a file, leaving out profiles without a ranking. */
  public static Evaluation of(TrecRun run, Qrels qrels, int k) {
    return of(run.rankings(), qrels, k, MissingRankings.SKIP);
  }

  /** Evaluates a run read from a file. */
  public static Evaluation of(TrecRun run, Qrels qrels, int k, MissingRankings missingRankings) {
    checkNotNull(run, "run");
    return of(run.rankings(), qrels, k, missingRankings);
  }

  /** The measures of one ranking against one profile's judgments (grade by opportunity id). */
  static Scores score(String profile, List<String> ranking, Map<String, Integer> grades, int k) {
    int relevantJudged = 0;
    List<Integer> gains = new ArrayList<>();
    for (int grade : grades.values()) {
      if (grade >= 1) {
        relevantJudged++;
        gains.add(grade);
      }
    }
    Set<String> seen = new HashSet<>();
    int relevantSoFar = 0;
    int relevantAtK = 0;
    double precisionSum = 0;
    double reciprocalRank = 0;
    double dcg = 0;
    for (int i = 0; i < ranking.size(); i++) {
      String opportunity = ranking.get(i);
      checkArgument(opportunity != null && !opportunity.isEmpty(),
          "the ranking of profile %s has an empty opportunity id at rank %s", profile, i + 1);
      checkArgument(seen.add(opportunity),
          "the ranking of profile %s lists opportunity %s twice", profile, opportunity);
      int grade = grades.getOrDefault(opportunity, 0);
      if (grade < 1) {
        continue;
      }
      relevantSoFar++;
      precisionSum += (double) relevantSoFar / (double) (i + 1);
      if (reciprocalRank == 0) {
        reciprocalRank = 1.0 / (i + 1);
      }
      if (i < k) {
        relevantAtK++;
        dcg += grade / discount(i);
      }
    }
    gains.sort(Collections.reverseOrder());
    double idealDcg = 0;
    for (int i = 0; i < Math.min(k, gains.size()); i++) {
      idealDcg += gains.get(i) / discount(i);
    }
    return new Scores(
        (double) relevantAtK / k,
        relevantJudged == 0 ? 0 : (double) relevantAtK / relevantJudged,
        reciprocalRank,
        relevantJudged == 0 ? 0 : precisionSum / relevantJudged,
        idealDcg > 0 ? dcg / idealDcg : 0);
  }

  /** trec_eval 9's discount of the 0-based position i: log2(rank + 1), so 1 at rank 1. */
  private static double discount(int i) {
    return Math.log(i + 2) / Math.log(2);
  }

  private static Scores mean(Iterable<Scores> values) {
    double p = 0;
    double recall = 0;
    double rr = 0;
    double ap = 0;
    double ndcg = 0;
    int n = 0;
    for (Scores s : values) {
      p += s.precisionAtK();
      recall += s.recallAtK();
      rr += s.reciprocalRank();
      ap += s.averagePrecision();
      ndcg += s.ndcgAtK();
      n++;
    }
    return new Scores(p / n, recall / n, rr / n, ap / n, ndcg / n);
  }

  /** The cutoff of {@code p@k}, {@code recall@k} and {@code ndcg@k}. */
  public int k() {
    return k;
  }

  /** What was done with judged profiles that had no ranking. */
  public MissingRankings missingRankings() {
    return missingRankings;
  }

  /** The measures of each evaluated profile, profiles in code point order. */
  public SortedMap<String, Scores> perProfile() {
    return perProfile;
  }

  /** The evaluated profiles, in code point order. */
  public List<String> profiles() {
    return List.copyOf(perProfile.keySet());
  }

  /** The means over the evaluated profiles. */
  public Scores mean() {
    return mean;
  }

  /** The mean of one metric. */
  public double mean(Metric metric) {
    return mean.get(metric);
  }

  /** One metric's value for each evaluated profile, in the order of {@link #profiles()}. */
  public double[] values(Metric metric) {
    return perProfile.values().stream().mapToDouble(s -> s.get(metric)).toArray();
  }

  /** Profiles with a ranking but no judgment, which are never evaluated; code point order. */
  public List<String> profilesWithoutJudgments() {
    return profilesWithoutJudgments;
  }

  /**
   * Judged profiles without a ranking: left out, or scored 0 with {@link
   * MissingRankings#SCORE_ZERO}; code point order.
   */
  public List<String> profilesWithoutRanking() {
    return profilesWithoutRanking;
  }

  @Override
  public String toString() {
    return "Evaluation[k=" + k + ", " + perProfile.size() + " profiles, mean=" + mean + "]";
  }
}
