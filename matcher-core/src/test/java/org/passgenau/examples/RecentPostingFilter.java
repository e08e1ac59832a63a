package org.passgenau.examples;

import java.time.LocalDate;
import java.util.Locale;
import java.util.function.DoublePredicate;
import org.passgenau.model.Opportunity;
import org.passgenau.model.Profile;
import org.passgenau.rank.spi.CustomFilter;

/**
 * A custom filter: postings older than 120 days on the reference date are most likely filled, so
 * they are not proposed. A posting without a date passes. Switched on in a rule file with {@code
 * "filters": {"recent_posting": true}}.
 */
public final class RecentPostingFilter implements CustomFilter {

  static final int MAX_AGE_DAYS = 120;

  @Override
  public String name() {
    return "recent_posting";
  }

  /** The day the opportunity was posted, as an epoch day; NaN when unknown. */
  @Override
  public double extract(Opportunity opportunity) {
    LocalDate posted = opportunity.postedDate();
    return posted == null ? Double.NaN : posted.toEpochDay();
  }

  @Override
  public DoublePredicate admits(Profile person, LocalDate asOf) {
    double oldest = asOf.toEpochDay() - MAX_AGE_DAYS;
    return posted -> !(posted < oldest); // NaN (unknown) passes
  }

  @Override
  public String note(Profile person, LocalDate asOf, double posted, Locale locale) {
    if (!Double.isNaN(posted)) {
      return null;
    }
    return switch (locale.getLanguage()) {
      case "de" -> "Das Datum der Ausschreibung ist unbekannt: fragen, ob die Stelle noch offen ist";
      case "nl" -> "De datum van de vacature is onbekend: vragen of ze nog open is";
      default -> "The posting date is unknown: ask whether it is still open";
    };
  }

  @Override
  public String nextStep(int excluded, Locale locale) {
    return switch (locale.getLanguage()) {
      case "de" -> excluded + " Ausschreibungen sind älter als " + MAX_AGE_DAYS
          + " Tage: beim Arbeitgeber nachfragen, ob sie noch offen sind";
      case "nl" -> excluded + " vacatures zijn ouder dan " + MAX_AGE_DAYS
          + " dagen: bij de werkgever navragen of ze nog open zijn";
      default -> excluded + " postings are older than " + MAX_AGE_DAYS
          + " days: ask the employers whether they are still open";
    };
  }
}
