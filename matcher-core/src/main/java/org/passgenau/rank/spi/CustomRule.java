package org.passgenau.rank.spi;

import org.passgenau.model.Opportunity;

/**
 * A ranking rule written in Java: a hard filter ({@link CustomFilter}) or a scorer ({@link
 * CustomScorer}). Implement one of the two, and register the class through {@link
 * java.util.ServiceLoader} (a line in {@code META-INF/services/org.passgenau.rank.spi.CustomRule})
 * or with {@code MatchingEngine.builder().customRule(rule)}. A rule is off until a rule set names
 * it: a filter switched on ({@code RuleSet.Builder.customFilter}), a scorer with a weight ({@code
 * RuleSet.Builder.customWeight}); rule files name it in {@code filters} or {@code scorers} like a
 * built-in rule.
 *
 * <p>How the engine runs it: when an opportunity is indexed, {@link #extract} turns it into one
 * number, which the engine keeps in a primitive column with its other ranking data. When a
 * profile is matched, the rule compiles the person once into a function of that number; the
 * ranking loop then calls the function for each candidate. So the expensive work (parsing,
 * lookups) belongs in {@code extract} and in compiling, never in the returned function.
 *
 * <p>Rules must be stateless and thread-safe: one instance serves every match of an engine, on
 * any number of threads. A rule must not read the profile's {@code audit} field, nor act on
 * gender, nationality, age or family status as such (Passgenau's rules read birth year and
 * family only through the constraints they imply, such as childcare). The engine hands rules a
 * copy of the profile without {@code audit}.
 */
public sealed interface CustomRule permits CustomFilter, CustomScorer {

  /**
   * The rule's name in rule sets, rule files, exclusion counts and explanations: lower-case
   * letters, digits and underscores, starting with a letter, at most 64 characters, and not the
   * name of a built-in filter or scorer. Must not change.
   */
  String name();

  /**
   * The one number this rule reads from an opportunity; {@link Double#NaN} when the opportunity
   * does not say (the usual convention: an unknown value is no reason to exclude). Called once per
   * opportunity and index segment, when segments are built or merged: must be a pure function of
   * the opportunity, fast, and must not throw.
   */
  double extract(Opportunity opportunity);
}
