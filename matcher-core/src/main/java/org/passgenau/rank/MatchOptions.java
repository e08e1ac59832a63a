package org.passgenau.rank;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How to answer one match request.
 *
 * <pre>{@code
 * MatchOptions options =
 *     MatchOptions.defaults().withTopK(10).asOf(LocalDate.of(2026, 11, 23)).in(Locale.GERMAN);
 * MatchResult result = engine.match(profile, options);
 * }</pre>
 *
 * @param topK how many matches to return, 1 to 10,000
 * @param asOf the reference date for bans, deadlines, start dates and dated legal parameters
 * @param locale the language of the explanations: English, German or Dutch
 */
public record MatchOptions(int topK, LocalDate asOf, Locale locale) {

  private static final Set<String> LANGUAGES = Set.of("en", "de", "nl");

  public MatchOptions {
    checkArgument(topK >= 1 && topK <= 10_000, "topK must be between 1 and 10000, was %s", topK);
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(locale, "locale");
    checkArgument(LANGUAGES.contains(locale.getLanguage()),
        "explanations are written in en, de or nl, was '%s'", locale.getLanguage());
  }

  /** The top 20, as of today, explained in English. */
  public static MatchOptions defaults() {
    return new MatchOptions(20, LocalDate.now(), Locale.ENGLISH);
  }

  public MatchOptions withTopK(int k) {
    return new MatchOptions(k, asOf, locale);
  }

  public MatchOptions asOf(LocalDate day) {
    return new MatchOptions(topK, day, locale);
  }

  public MatchOptions in(Locale language) {
    return new MatchOptions(topK, asOf, language);
  }
}
