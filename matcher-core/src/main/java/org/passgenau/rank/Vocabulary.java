package org.passgenau.rank;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
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
  /** Language requirement lists of opportunities, as (language id, minimum rank) pairs. */
  final IntListInterner languageRequirements = new IntListInterner();
  /**
   * Job ISCO codes with whether the job needs a recognised qualification and whether the employer
   * offers a recognition partnership, as (code, 0 or 1, 0 or 1): a query decides the occupation
   * scorer and the recognition filter once per triple, in arrays indexed by id.
   */
  final IntListInterner occupations = new IntListInterner();
  /**
   * Start days with the kind of opportunity and its country, as (start day, kind, country id):
   * the work permit and start date filters decide once per triple, a few thousand in a corpus,
   * instead of once per opportunity.
   */
  final IntListInterner starts = new IntListInterner();
  /** Analysed skills; the same skills recur across postings and profiles. */
  private final LoadingCache<String, List<String>> analysedSkills;

  Vocabulary(Function<String, List<String>> skillAnalyzer) {
    this.analysedSkills =
        Caffeine.newBuilder().maximumSize(100_000).build(skillAnalyzer::apply);
  }

  /** Splits a skill such as "Grundpflege" into normalised terms. */
  List<String> skillTerms(String skill) {
    return analysedSkills.get(skill);
  }

  /** Licence classes compare case-insensitively: "ce" is "CE". */
  static String licence(String value) {
    return value == null ? null : value.trim().toUpperCase(Locale.ROOT);
  }
}
