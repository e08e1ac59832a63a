package org.passgenau.rank;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What columns and compiled profiles share: string-to-id interners and the text normaliser for
 * skills. One instance per engine; thread-safe.
 */
final class Vocabulary {

  final Interner regions = new Interner();
  final Interner countries = new Interner();
  final Interner languages = new Interner();
  final Interner licences = new Interner();
  final Interner places = new Interner();
  final Interner skillTerms = new Interner();
  private final Function<String, List<String>> skillAnalyzer;

  Vocabulary(Function<String, List<String>> skillAnalyzer) {
    this.skillAnalyzer = skillAnalyzer;
  }

  /** Splits a skill such as "Grundpflege" into normalised terms. */
  List<String> skillTerms(String skill) {
    return skillAnalyzer.apply(skill);
  }

  /** Licence classes compare case-insensitively: "ce" is "CE". */
  static String licence(String value) {
    return value == null ? null : value.trim().toUpperCase(Locale.ROOT);
  }
}
