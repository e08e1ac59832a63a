package org.passgenau.rank;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * What would open more opportunities when few or none fit: the filter that ruled most out, how
 * many, and the step a caseworker can take (a language course, completing recognition, a
 * driving licence, arranging childcare, ...).
 *
 * <pre>{@code
 * MatchResult few = engine.match(profile, MatchOptions.defaults().withTopK(20));
 * for (NextStep step : few.nextSteps()) {   // empty when 20 matches were found
 *   System.out.println(step.rule() + " ruled out " + step.opportunities() + ": " + step.detail());
 * }
 * }</pre>
 *
 * @param rule the hard filter, one of {@link RuleSet#FILTERS} or a custom filter
 * @param opportunities how many opportunities it excluded
 * @param detail the next step, in the requested language
 */
public record NextStep(String rule, int opportunities, String detail) {

  public NextStep {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(detail, "detail");
    checkArgument(opportunities > 0, "opportunities must be positive, was %s", opportunities);
  }
}
