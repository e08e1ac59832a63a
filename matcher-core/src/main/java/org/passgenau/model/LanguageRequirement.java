package org.passgenau.model;

import java.util.Objects;

/** The least level of a language an opportunity asks for. */
public record LanguageRequirement(String language, Cefr minLevel) {

  public LanguageRequirement {
    Checks.language("language_requirements.language", language);
    Objects.requireNonNull(minLevel, "language_requirements.min_level is required");
  }

  public static LanguageRequirement of(String language, Cefr minLevel) {
    return new LanguageRequirement(language, minLevel);
  }
}
