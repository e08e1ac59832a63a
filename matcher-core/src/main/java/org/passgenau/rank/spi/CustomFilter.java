package org.passgenau.rank.spi;

import java.time.LocalDate;
import java.util.Locale;
import java.util.function.DoublePredicate;
import org.passgenau.model.Profile;

/**
 * A hard filter written in Java: excludes opportunities that the law or the person's constraints
 * rule out. Custom filters run after the built-in ones, in name order; an opportunity is counted
 * in a result's {@code excluded} under the first filter that excludes it, built-in or custom.
 *
 * <pre>{@code
 * public final class RecentPosting implements CustomFilter {
 *   public String name() { return "recent_posting"; }
 *
 *   public double extract(Opportunity o) {
 *     return o.postedDate() == null ? Double.NaN : o.postedDate().toEpochDay();
 *   }
 *
 *   public DoublePredicate admits(Profile person, LocalDate asOf) {
 *     double oldest = asOf.toEpochDay() - 120;
 *     return posted -> !(posted < oldest); // an unknown date (NaN) passes
 *   }
 * }
 * }</pre>
 *
 * @see CustomRule
 */
public non-sealed interface CustomFilter extends CustomRule {

  /**
   * Compiles the filter for one person on the reference date {@code asOf}: the predicate is
   * given the value {@link #extract} gave each candidate and says whether it is admitted. Called
   * once per match; the predicate is called in the ranking loop, on the matching thread, and must
   * be fast, pure and must not allocate. Never null.
   *
   * @param person the profile, without its {@code audit} field
   */
  DoublePredicate admits(Profile person, LocalDate asOf);

  /**
   * A note for an opportunity this filter admitted, which the explanation lists with effect 0
   * (an approval to ask for, a condition to check), or null for none (the default).
   *
   * @param extracted the value {@link #extract} gave the opportunity
   * @param locale the language of the explanation: English, German or Dutch
   */
  default String note(Profile person, LocalDate asOf, double extracted, Locale locale) {
    return null;
  }

  /**
   * The next step that would open the opportunities this filter excluded, for a result's {@code
   * next_steps}, or null (the default) for a general sentence naming the rule.
   *
   * @param excluded how many opportunities it excluded, at least 1
   * @param locale the language of the explanation: English, German or Dutch
   */
  default String nextStep(int excluded, Locale locale) {
    return null;
  }
}
