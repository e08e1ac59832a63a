package org.passgenau.model;

import java.util.Objects;

/** A language a person speaks, at a CEFR level. */
public record LanguageSkill(String language, Cefr level) {

  public LanguageSkill {
    Checks.language("languages.language", language);
    Objects.requireNonNull(level, "languages.level is required");
  }

  public static LanguageSkill of(String language, Cefr level) {
    return new LanguageSkill(language, level);
  }
}
