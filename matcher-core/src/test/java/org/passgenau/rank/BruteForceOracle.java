package org.passgenau.rank;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.passgenau.index.analysis.OpportunityAnalyzer;
import org.passgenau.index.analysis.Terms;
import org.passgenau.model.Occupation;
import org.passgenau.model.Opportunity;
import org.passgenau.model.Profile;
import org.passgenau.rank.spi.CustomRules;
import org.passgenau.taxonomy.IscoCode;
import org.passgenau.taxonomy.OccupationTaxonomy;

/**
 * Ranks a corpus the slow, obvious way: no index, no candidate query, no bounded heap. All
 * opportunities go into one block of columns, every one is run through the rule set's filters and
 * scorers, and the admitted are sorted by score (best first), ties by opportunity id. What the
 * engine returns must equal this.
 */
final class BruteForceOracle {

  /** One admitted opportunity with its unrounded score. */
  record Scored(String id, double score) {}

  /**
   * The full answer for one profile.
   *
   * @param admitted every admitted opportunity, best first
   * @param excluded per filter that is on, in rule-set order, how many it excluded first
   */
  record Ranking(List<Scored> admitted, Map<String, Integer> excluded) {

    /** The ids of the best {@code k}. */
    List<String> topIds(int k) {
      return admitted.stream().limit(k).map(Scored::id).toList();
    }

    /** The scores of the best {@code k}, rounded as the engine reports them. */
    List<Double> topScores(int k) {
      return admitted.stream().limit(k).map(s -> CompiledRules.round(s.score())).toList();
    }

    /** Unrounded score of an admitted opportunity, empty when it was excluded. */
    Optional<Double> scoreOf(String id) {
      return admitted.stream().filter(s -> s.id().equals(id)).map(Scored::score).findFirst();
    }
  }

  private final CompiledRules rules;
  private final OccupationTaxonomy taxonomy;

  BruteForceOracle(RuleSet ruleSet, OccupationTaxonomy taxonomy) {
    this(ruleSet, taxonomy, CustomRules.none());
  }

  /** An oracle for a rule set that names custom rules, taken from {@code custom}. */
  BruteForceOracle(RuleSet ruleSet, OccupationTaxonomy taxonomy, CustomRules custom) {
    this.rules = new CompiledRules(ruleSet, custom);
    this.taxonomy = taxonomy;
  }

  /** Ranks every opportunity of {@code corpus} for {@code profile} as of {@code asOf}. */
  Ranking rank(List<Opportunity> corpus, Profile profile, LocalDate asOf) {
    try (OpportunityAnalyzer analyzer = OpportunityAnalyzer.forIndexing()) {
      Vocabulary vocabulary = new Vocabulary(text -> Terms.analyze(analyzer, text));
      // Columns first: they intern the languages and skill terms the profile is looked up by.
      OpportunityColumns columns =
          OpportunityColumns.of(corpus, vocabulary, this::isco, rules.custom.extracted);
      ProfileQuery query = new ProfileQuery(profile, rules.ruleSet, asOf, vocabulary, this::isco);
      CompiledRules.Bound bound = rules.bind(query);
      int[] excludedBySlot = new int[rules.exclusionSlots()];
      List<Scored> admitted = new ArrayList<>();
      for (int d = 0; d < columns.size; d++) {
        int slot = bound.firstExclusion(columns, d);
        if (slot >= 0) {
          excludedBySlot[slot]++;
        } else {
          admitted.add(new Scored(columns.ids[d], bound.score(columns, d)));
        }
      }
      admitted.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::id));
      Map<String, Integer> excluded = new LinkedHashMap<>();
      for (int slot : rules.slotsOn()) {
        excluded.put(rules.filterName(slot), excludedBySlot[slot]);
      }
      return new Ranking(List.copyOf(admitted), excluded);
    }
  }

  private int isco(Opportunity o) {
    Optional<String> code =
        o.occupation() == null ? Optional.empty() : taxonomy.resolveIsco(o.occupation());
    if (code.isEmpty()) {
      code = taxonomy.classify(o.title()).map(c -> c.isco());
    }
    return code.map(IscoCode::encode).orElse(IscoCode.NONE);
  }

  private int isco(Occupation occupation) {
    return taxonomy.resolveIsco(occupation).map(IscoCode::encode).orElse(IscoCode.NONE);
  }
}
