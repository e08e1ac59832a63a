package org.passgenau.eval;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.passgenau.model.Opportunity;
import org.passgenau.model.Profile;
import org.passgenau.rank.Match;
import org.passgenau.rank.MatchOptions;
import org.passgenau.rank.MatchResult;
import org.passgenau.rank.MatchingEngine;
import org.passgenau.rank.RuleSet;
import org.passgenau.taxonomy.OccupationTaxonomy;

/**
 * Ranks every profile by a rule set, for evaluation: one {@link MatchingEngine} per rule set over
 * the same opportunities, each profile ranked to {@link #depth()} opportunities in the engine's
 * order. The result, a {@link RuleSetRanking}, goes to {@link Evaluation#of(Map, Qrels, int)}.
 *
 * <pre>{@code
 * RuleSetRunner runner = RuleSetRunner.builder(opportunities)
 *     .taxonomy(taxonomy).asOf(LocalDate.of(2026, 11, 23)).depth(100).build();
 * RuleSetRanking ranking = runner.rank(RuleSetFile.read(Path.of("data/rules/default.json")), profiles);
 * Evaluation evaluation = ranking.evaluate(Qrels.read(Path.of("data/eval/qrels.txt")), 10);
 * }</pre>
 *
 * <p><b>Depth.</b> {@code p@k}, {@code recall@k} and {@code ndcg@k} need only the first k; {@code
 * mrr} and {@code map} look at the whole ranking, so a ranking cut at the depth counts relevant
 * opportunities beyond it as not retrieved (as {@code trec_eval} does for a run cut at 1,000).
 * The default depth is {@link #DEFAULT_DEPTH} or k, whichever is larger ({@link #depthFor(int)}).
 *
 * <p>Profiles are ranked on several threads (the engine is thread-safe); the listener hears of
 * each on the calling thread, in the profiles' order, and the result is the same for any number of
 * threads. Immutable and thread-safe.
 */
public final class RuleSetRunner {

  /** The least ranking depth: enough for {@code map} and {@code mrr} to see past the first k. */
  public static final int DEFAULT_DEPTH = 100;

  /** The most opportunities a match may return. */
  public static final int MAX_DEPTH = 10_000;

  /** Hears of each ranked profile, on the thread that called {@link #rank}. */
  @FunctionalInterface
  public interface Listener {
    /**
     * One more profile is ranked.
     *
     * @param done profiles ranked so far by this rule set
     * @param total profiles this rule set ranks
     */
    void ranked(int done, int total);
  }

  /**
   * Sees each profile's whole result, on the thread that called {@link #rank(RuleSet, List,
   * ResultListener)}, in the profiles' order: for analyses that need more than the ranked ids,
   * such as a fairness audit ({@code FairnessAudit.Tally::add}), without ranking twice.
   */
  @FunctionalInterface
  public interface ResultListener {
    /**
     * One more profile is ranked.
     *
     * @param profile the profile as given to {@code rank}
     * @param result its result to the runner's depth, with explanations and exclusion counts
     */
    void ranked(Profile profile, MatchResult result);
  }

  private final List<Opportunity> opportunities;
  private final OccupationTaxonomy taxonomy;
  private final LocalDate asOf;
  private final int depth;
  private final int threads;
  private final Listener listener;

  private RuleSetRunner(Builder b) {
    this.opportunities = List.copyOf(b.opportunities);
    this.taxonomy = b.taxonomy;
    this.asOf = b.asOf;
    this.depth = b.depth;
    this.threads = b.threads;
    this.listener = b.listener;
  }

  /** A runner over these opportunities; as of today, depth {@link #DEFAULT_DEPTH}. */
  public static Builder builder(Collection<Opportunity> opportunities) {
    return new Builder(opportunities);
  }

  /** The ranking depth for cutoff k: k, but at least {@link #DEFAULT_DEPTH}. */
  public static int depthFor(int k) {
    checkArgument(k >= 1 && k <= MAX_DEPTH, "k must be between 1 and %s, was %s", MAX_DEPTH, k);
    return Math.max(k, DEFAULT_DEPTH);
  }

  /** The reference date for bans, deadlines, start dates and dated legal thresholds. */
  public LocalDate asOf() {
    return asOf;
  }

  /** The most opportunities ranked per profile. */
  public int depth() {
    return depth;
  }

  /** The opportunities every rule set ranks. */
  public int opportunities() {
    return opportunities.size();
  }

  /**
   * Ranks every profile by {@code rules}. Every profile gets a ranking, an empty one when nothing
   * passes the hard filters, so that rule sets ranking the same profiles are evaluated on the same
   * profiles.
   *
   * @throws IllegalArgumentException when two profiles share an id
   * @throws InterruptedException when the calling thread is interrupted while waiting
   */
  public RuleSetRanking rank(RuleSet rules, List<Profile> profiles) throws InterruptedException {
    return rank(rules, profiles, (profile, result) -> { });
  }

  /**
   * Ranks every profile by {@code rules}, as {@link #rank(RuleSet, List)}, and hands each
   * profile's whole result to {@code results} before its explanations are dropped. Results come
   * in the profiles' order, each before the {@link Listener} hears of it.
   *
   * @throws IllegalArgumentException when two profiles share an id
   * @throws InterruptedException when the calling thread is interrupted while waiting
   */
  public RuleSetRanking rank(RuleSet rules, List<Profile> profiles, ResultListener results)
      throws InterruptedException {
    checkNotNull(rules, "rules");
    checkNotNull(profiles, "profiles");
    checkNotNull(results, "results");
    profiles.forEach(profile -> checkNotNull(profile, "profile"));
    MatchOptions options = new MatchOptions(depth, asOf, Locale.ENGLISH);
    Map<String, List<RuleSetRanking.Ranked>> rankings = new LinkedHashMap<>();
    MatchingEngine.Builder builder = MatchingEngine.builder().ruleSet(rules);
    if (taxonomy != null) {
      builder.taxonomy(taxonomy);
    }
    try (MatchingEngine engine = builder.build()) {
      engine.upsertAll(opportunities);
      engine.refresh();
      // A small window of matches in flight: results carry explanations, which are dropped as
      // soon as each is taken, so memory does not grow with the number of profiles.
      int[] done = {0};
      OrderedParallelMap.run(
          profiles,
          threads,
          "rank",
          profile -> engine.match(profile, options),
          (profile, result) -> {
            take(profile, result, rankings, results);
            listener.ranked(++done[0], profiles.size());
          });
    }
    return new RuleSetRanking(rules.name(), depth, asOf, rankings);
  }

  /**
   * Keeps the ids and scores of the profile's matches, in the engine's order, then hands the whole
   * result to {@code results}: a profile given twice is refused before anyone sees it again.
   */
  private static void take(Profile profile, MatchResult result,
      Map<String, List<RuleSetRanking.Ranked>> rankings, ResultListener results) {
    List<RuleSetRanking.Ranked> ranked = new ArrayList<>(result.matches().size());
    for (Match match : result.matches()) {
      ranked.add(new RuleSetRanking.Ranked(match.opportunityId(), match.score()));
    }
    checkArgument(rankings.put(result.profileId(), ranked) == null,
        "profile %s is given twice", result.profileId());
    results.ranked(profile, result);
  }

  /** Configures a {@link RuleSetRunner}; fails fast on bad values. Not thread-safe. */
  public static final class Builder {
    private final Collection<Opportunity> opportunities;
    private OccupationTaxonomy taxonomy;
    private LocalDate asOf = LocalDate.now();
    private int depth = DEFAULT_DEPTH;
    private int threads = Runtime.getRuntime().availableProcessors();
    private Listener listener = (done, total) -> { };

    private Builder(Collection<Opportunity> opportunities) {
      this.opportunities = checkNotNull(opportunities, "opportunities");
    }

    /** The taxonomy that resolves codes and titles; without one, the engine's empty default. */
    public Builder taxonomy(OccupationTaxonomy taxonomy) {
      this.taxonomy = checkNotNull(taxonomy, "taxonomy");
      return this;
    }

    /** The reference date of every match (default: today). */
    public Builder asOf(LocalDate asOf) {
      this.asOf = checkNotNull(asOf, "asOf");
      return this;
    }

    /** The most opportunities ranked per profile, 1 to {@link #MAX_DEPTH}. */
    public Builder depth(int depth) {
      checkArgument(depth >= 1 && depth <= MAX_DEPTH,
          "depth must be between 1 and %s, was %s", MAX_DEPTH, depth);
      this.depth = depth;
      return this;
    }

    /** Threads that rank (default: one per processor). */
    public Builder threads(int threads) {
      checkArgument(threads >= 1, "threads must be 1 or more, was %s", threads);
      this.threads = threads;
      return this;
    }

    /** Hears of every ranked profile, for progress reports. */
    public Builder listener(Listener listener) {
      this.listener = checkNotNull(listener, "listener");
      return this;
    }

    public RuleSetRunner build() {
      return new RuleSetRunner(this);
    }
  }
}
