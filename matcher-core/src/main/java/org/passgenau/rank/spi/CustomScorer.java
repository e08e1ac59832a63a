package org.passgenau.rank.spi;

import java.time.LocalDate;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.passgenau.model.Profile;

/**
 * A soft scorer written in Java: a value in [-1, 1] for each admitted opportunity, which the rule
 * set weighs together with the built-in scorers (all weights are divided by their sum). Custom
 * scorers follow the built-in ones in explanations and feature logs, in name order.
 *
 * <pre>{@code
 * public final class PayScorer implements CustomScorer {
 *   public String name() { return "pay"; }
 *
 *   public double extract(Opportunity o) {
 *     return o.monthlyGrossEur() == null ? Double.NaN : o.monthlyGrossEur();
 *   }
 *
 *   public DoubleUnaryOperator score(Profile person, LocalDate asOf) {
 *     return eur -> Double.isNaN(eur) ? 0 : Math.min(1, Math.max(0, (eur - 1500) / 1500));
 *   }
 *
 *   public String explain(Profile person, LocalDate asOf, double eur, Locale locale) {
 *     return String.format(Locale.ROOT, "%.0f EUR a month", eur);
 *   }
 * }
 * }</pre>
 *
 * @see CustomRule
 */
public non-sealed interface CustomScorer extends CustomRule {

  /**
   * Compiles the scorer for one person on the reference date {@code asOf}: the function is given
   * the value {@link #extract} gave each admitted opportunity and returns the rule's value, from
   * -1 to 1. Values beyond are clamped to -1 and 1, and NaN counts as 0, so that the engine's
   * bound on the best possible score (which lets it skip work) stays true. Called once per match;
   * the function is called in the ranking loop, on the matching thread, and must be fast, pure and
   * must not allocate. Never null.
   *
   * @param person the profile, without its {@code audit} field
   */
  DoubleUnaryOperator score(Profile person, LocalDate asOf);

  /**
   * The sentence a caseworker reads beside the rule's effect, for an opportunity whose effect is
   * not 0; null falls back to the rule's name.
   *
   * @param extracted the value {@link #extract} gave the opportunity
   * @param locale the language of the explanation: English, German or Dutch
   */
  String explain(Profile person, LocalDate asOf, double extracted, Locale locale);
}
