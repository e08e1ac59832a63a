package org.passgenau.examples;

import java.time.LocalDate;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.passgenau.model.Opportunity;
import org.passgenau.model.Profile;
import org.passgenau.rank.spi.CustomScorer;

/**
 * A custom scorer: pay that lets a person live without benefits counts. Nothing below 1,500 EUR
 * gross a month (or an unstated pay), rising evenly to the full value at 3,000 EUR. Switched on by
 * a weight, such as {@code "scorers": {"pay": 0.1}} in a rule file.
 */
public final class PayScorer implements CustomScorer {

  static final double FROM_EUR = 1_500;
  static final double FULL_EUR = 3_000;

  @Override
  public String name() {
    return "pay";
  }

  /** Monthly gross pay in EUR; NaN when the posting does not say. */
  @Override
  public double extract(Opportunity opportunity) {
    Double eur = opportunity.monthlyGrossEur();
    return eur == null ? Double.NaN : eur;
  }

  /** The same for everyone: the person is not consulted. */
  @Override
  public DoubleUnaryOperator score(Profile person, LocalDate asOf) {
    return PayScorer::value;
  }

  static double value(double eur) {
    // NaN fails the comparison and scores 0: unknown pay is no merit.
    return eur > FROM_EUR ? Math.min(1, (eur - FROM_EUR) / (FULL_EUR - FROM_EUR)) : 0;
  }

  @Override
  public String explain(Profile person, LocalDate asOf, double eur, Locale locale) {
    String amount = String.format(locale, "%,.0f", eur);
    return switch (locale.getLanguage()) {
      case "de" -> "Zahlt " + amount + " EUR brutto im Monat";
      case "nl" -> "Betaalt " + amount + " EUR bruto per maand";
      default -> "Pays " + amount + " EUR gross a month";
    };
  }
}
