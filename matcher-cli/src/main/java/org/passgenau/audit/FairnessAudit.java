package org.passgenau.audit;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.passgenau.model.Profile;
import org.passgenau.rank.MatchOptions;
import org.passgenau.rank.MatchResult;
import org.passgenau.rank.MatchingEngine;

/**
 * A fairness audit of the engine's rankings for groups given by the profiles' {@code audit}
 * fields. It reads only what the engine returned ({@link MatchResult}) and the audit fields; the
 * ranking itself never reads them.
 *
 * <pre>{@code
 * FairnessAudit audit = FairnessAudit.builder().topK(10).attention(Attention.logarithmic()).build();
 * FairnessAudit.Tally tally = audit.newTally();
 * for (Profile profile : profiles) {
 *   tally.add(profile, engine.match(profile, options.withTopK(10)));
 * }
 * AuditReport report = tally.report();
 * report.groupsOf("gender").forEach(g -> System.out.println(g.group() + " " + g.exposureRatio()));
 * }</pre>
 *
 * <p>For each profile i with matches at ranks r ≤ k, its exposure is {@code E_i = Σ a(r)}, with
 * {@code a} the {@link Attention} model. A group g's exposure share is {@code Σ_{i∈g} E_i / Σ_i
 * E_i}; next to its share of profiles {@code |g| / N}, the ratio of the two is 1 at parity. Each
 * profile gets its own ranking, so this is the attention the group's members receive for their
 * own options, in the spirit of Singh and Joachims (2018) and Diaz et al. (2020), not competition
 * between groups for one list.
 *
 * <p>A {@code FairnessAudit} is immutable and thread-safe; a {@link Tally} is not thread-safe.
 */
public final class FairnessAudit {

  /** Groups with fewer profiles are flagged unless the builder says otherwise. */
  public static final int DEFAULT_SMALL_GROUP = 10;

  private static final double Z95 = 1.959963984540054;
  private static final int MOST_EXCLUDED = 3;

  private final int topK;
  private final Attention attention;
  private final int smallGroup;

  private FairnessAudit(Builder builder) {
    this.topK = builder.topK;
    this.attention = builder.attention;
    this.smallGroup = builder.smallGroup;
  }

  /** An audit of the top 10 with logarithmic attention. */
  public static Builder builder() {
    return new Builder();
  }

  public int topK() {
    return topK;
  }

  public Attention attention() {
    return attention;
  }

  /** An empty tally to add (profile, result) pairs to. */
  public Tally newTally() {
    return new Tally();
  }

  /**
   * Matches every profile with {@code engine} and audits the results.
   *
   * @param options must ask for at least {@link #topK()} matches
   * @throws IllegalArgumentException if {@code options} ask for fewer matches than the audit
   *     looks at, or {@code profiles} is empty
   */
  public AuditReport run(MatchingEngine engine, Iterable<Profile> profiles, MatchOptions options) {
    checkArgument(options.topK() >= topK,
        "the audit looks at the top %s, but the options ask for %s", topK, options.topK());
    Tally tally = newTally();
    for (Profile profile : profiles) {
      tally.add(profile, engine.match(profile, options));
    }
    checkArgument(tally.profiles() > 0, "no profile to audit");
    return tally.report();
  }

  /** Chooses list length, attention model and the size below which a group counts as small. */
  public static final class Builder {
    private int topK = 10;
    private Attention attention = Attention.logarithmic();
    private int smallGroup = DEFAULT_SMALL_GROUP;

    private Builder() {}

    /** How many of each profile's matches count, 1 to 10,000 (default 10). */
    public Builder topK(int k) {
      checkArgument(k >= 1 && k <= 10_000, "topK must be between 1 and 10000, was %s", k);
      this.topK = k;
      return this;
    }

    /** How attention falls with rank (default {@link Attention#logarithmic()}). */
    public Builder attention(Attention model) {
      this.attention = Objects.requireNonNull(model, "attention");
      return this;
    }

    /** Groups with fewer profiles are flagged as small (default 10). */
    public Builder smallGroup(int profiles) {
      checkArgument(profiles >= 0, "smallGroup must not be negative, was %s", profiles);
      this.smallGroup = profiles;
      return this;
    }

    public FairnessAudit build() {
      return new FairnessAudit(this);
    }
  }

  /**
   * Collects (profile, result) pairs. The report does not depend on the order of adding: all sums
   * are exact. Memory grows with the number of groups, not of profiles. Not thread-safe.
   */
  public final class Tally {

    private final Accumulator everyone = new Accumulator(topK);
    /** Attribute, then group value, to its sums. */
    private final Map<String, Map<String, Accumulator>> byAttribute = new TreeMap<>();
    private String ruleSet;

    private Tally() {}

    /**
     * Adds one profile and the result the engine gave it.
     *
     * @throws IllegalArgumentException if the result is another profile's, or ranked by another
     *     rule set than earlier results
     */
    public Tally add(Profile profile, MatchResult result) {
      checkArgument(profile.id().equals(result.profileId()),
          "the result of %s was added with profile %s", result.profileId(), profile.id());
      checkArgument(ruleSet == null || ruleSet.equals(result.ruleSet()),
          "all results must come from one rule set: %s, then %s", ruleSet, result.ruleSet());
      ruleSet = result.ruleSet();
      // The only read of the audit fields in the code base.
      Map<String, String> audit = profile.audit();
      for (Map.Entry<String, String> field : audit.entrySet()) {
        if (!field.getValue().isBlank() && !byAttribute.containsKey(field.getKey())) {
          // Everyone added before the attribute first showed up lacks it.
          Map<String, Accumulator> groups = new TreeMap<>();
          groups.put(AuditReport.UNKNOWN, everyone.copy());
          byAttribute.put(field.getKey(), groups);
        }
      }
      Outcome outcome = Outcome.of(result, topK);
      everyone.add(outcome);
      byAttribute.forEach((attribute, groups) -> {
        String value = audit.get(attribute);
        String group = value == null || value.isBlank() ? AuditReport.UNKNOWN : value;
        groups.computeIfAbsent(group, g -> new Accumulator(topK)).add(outcome);
      });
      return this;
    }

    /** Profiles added so far. */
    public int profiles() {
      return everyone.profiles;
    }

    /**
     * The report over everything added so far.
     *
     * @throws IllegalStateException if nothing was added
     */
    public AuditReport report() {
      checkState(everyone.profiles > 0, "no profile was audited");
      double[] weights = new double[topK];
      for (int r = 1; r <= topK; r++) {
        weights[r - 1] = attention.at(r);
      }
      Totals totals = new Totals(everyone, weights);
      List<GroupStats> groups = new ArrayList<>();
      List<FilterExclusion> exclusions = new ArrayList<>();
      exclusions.addAll(exclusions(AuditReport.ALL, AuditReport.ALL, everyone, totals));
      byAttribute.forEach((attribute, byValue) -> {
        for (Map.Entry<String, Accumulator> group : inReportOrder(byValue).entrySet()) {
          groups.add(stats(attribute, group.getKey(), group.getValue(), totals));
          exclusions.addAll(exclusions(attribute, group.getKey(), group.getValue(), totals));
        }
      });
      return new AuditReport(topK, attention, ruleSet, everyone.profiles,
          stats(AuditReport.ALL, AuditReport.ALL, everyone, totals),
          List.copyOf(byAttribute.keySet()), groups, exclusions, smallGroup);
    }
  }

  /** Values by name, the unknown last; an unknown group nobody fell into is left out. */
  private static Map<String, Accumulator> inReportOrder(Map<String, Accumulator> byValue) {
    Map<String, Accumulator> ordered = new LinkedHashMap<>();
    byValue.forEach((value, sums) -> {
      if (!value.equals(AuditReport.UNKNOWN)) {
        ordered.put(value, sums);
      }
    });
    Accumulator unknown = byValue.get(AuditReport.UNKNOWN);
    if (unknown != null && unknown.profiles > 0) {
      ordered.put(AuditReport.UNKNOWN, unknown);
    }
    return ordered;
  }

  /** What every group is compared with. */
  private record Totals(Accumulator everyone, double[] weights, double exposure) {
    Totals(Accumulator everyone, double[] weights) {
      this(everyone, weights, everyone.exposure(weights));
    }
  }

  private GroupStats stats(String attribute, String group, Accumulator sums, Totals totals) {
    int n = sums.profiles;
    double profileShare = (double) n / totals.everyone().profiles;
    double matchRate = (double) sums.withMatch / n;
    double[] interval = wilson(sums.withMatch, n);
    double exposure = sums.exposure(totals.weights());
    double exposureShare = totals.exposure() == 0 ? Double.NaN : exposure / totals.exposure();
    double meanTopScore = sums.withMatch == 0 ? Double.NaN
        : sums.topScoreSum.divide(BigDecimal.valueOf(sums.withMatch), MathContext.DECIMAL64)
            .doubleValue();
    double meanFirstOccupation = sums.withOccupationMatch == 0 ? Double.NaN
        : (double) sums.firstOccupationRankSum / sums.withOccupationMatch;
    return new GroupStats(attribute, group, n, profileShare, sums.withMatch, matchRate,
        interval[0], interval[1], (double) sums.matches() / n, exposure / n, exposureShare,
        exposureShare / profileShare, meanTopScore, sums.withOccupationMatch, meanFirstOccupation,
        mostExcludedBy(sums));
  }

  /** The 95% Wilson score interval of a proportion, which stays within 0 and 1 for small n. */
  static double[] wilson(int successes, int n) {
    double p = (double) successes / n;
    double z2 = Z95 * Z95;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denominator;
    double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
    return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
  }

  private static List<String> mostExcludedBy(Accumulator sums) {
    return sums.excluded.entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(MOST_EXCLUDED)
        .map(Map.Entry::getKey)
        .toList();
  }

  /** One row per filter that excluded anything for anyone, by filter name. */
  private static List<FilterExclusion> exclusions(
      String attribute, String group, Accumulator sums, Totals totals) {
    Accumulator all = totals.everyone();
    long groupTotal = sums.excludedTotal();
    List<FilterExclusion> rows = new ArrayList<>();
    all.excluded.forEach((filter, allCount) -> {
      if (allCount == 0) {
        return;
      }
      long count = sums.excluded.getOrDefault(filter, 0L);
      double mean = (double) count / sums.profiles;
      double allMean = (double) allCount / all.profiles;
      rows.add(new FilterExclusion(attribute, group, filter, count, mean,
          groupTotal == 0 ? Double.NaN : (double) count / groupTotal, mean / allMean));
    });
    return rows;
  }
}
