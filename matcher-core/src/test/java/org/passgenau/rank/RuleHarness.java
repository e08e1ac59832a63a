package org.passgenau.rank;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.passgenau.model.Occupation;
import org.passgenau.model.Opportunity;
import org.passgenau.model.Profile;
import org.passgenau.taxonomy.IscoCode;

/**
 * Runs a rule set's filters, scorers and explanations on one profile and one opportunity,
 * without an index, so a rule's test states just the case it is about.
 */
final class RuleHarness {

  private final CompiledRules rules;
  private final Vocabulary vocabulary = new Vocabulary(text -> List.of(text.toLowerCase(Locale.ROOT).split("\\W+")));

  RuleHarness(RuleSet ruleSet) {
    this.rules = new CompiledRules(ruleSet);
  }

  static RuleHarness defaults() {
    return new RuleHarness(RuleSet.defaults());
  }

  /** The filter that excludes the opportunity, or empty when it is admitted. */
  Optional<String> exclusion(Profile p, Opportunity o) {
    OpportunityColumns c = columns(o);
    int slot = rules.firstExclusion(query(p), c, 0);
    return slot < 0 ? Optional.empty() : Optional.of(RuleSet.FILTERS.get(slot));
  }

  double score(Profile p, Opportunity o) {
    OpportunityColumns c = columns(o); // first: it interns the languages the profile is looked up by
    return rules.score(query(p), c, 0);
  }

  /** The scorer's weighted effect on the score, 0 when it says nothing. */
  double effect(Profile p, Opportunity o, String rule) {
    return explain(p, o, Locale.ENGLISH).stream()
        .filter(r -> r.rule().equals(rule))
        .mapToDouble(Reason::effect)
        .sum();
  }

  List<Reason> explain(Profile p, Opportunity o, Locale locale) {
    OpportunityColumns c = columns(o);
    return rules.explain(query(p), c, 0, new Messages(locale, (isco, l) -> Optional.of("ISCO " + isco)));
  }

  /** The sentences of the explanation, in English. */
  List<String> details(Profile p, Opportunity o) {
    return explain(p, o, Locale.ENGLISH).stream().map(Reason::detail).toList();
  }

  private OpportunityColumns columns(Opportunity o) {
    return OpportunityColumns.of(List.of(o), vocabulary, RuleHarness::isco);
  }

  private ProfileQuery query(Profile p) {
    return new ProfileQuery(p, rules.ruleSet, Fixtures.TODAY, vocabulary, RuleHarness::isco);
  }

  static int isco(Opportunity o) {
    return o.occupation() == null ? IscoCode.NONE : isco(o.occupation());
  }

  static int isco(Occupation occupation) {
    return occupation.isco() == null ? IscoCode.NONE : IscoCode.encode(occupation.isco());
  }
}
