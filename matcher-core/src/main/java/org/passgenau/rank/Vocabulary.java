package org.passgenau.rank;

import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
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
   * Job ISCO codes (as one-element lists): a query memoises what it decides for a code, by id, in
   * an array.
   */
  final IntListInterner occupations = new IntListInterner();
  /**
   * Start days with the kind of opportunity, as (start day, kind) pairs: the date filters decide
   * once per pair, a few hundred in a corpus, instead of once per opportunity.
   */
  final IntListInterner starts = new IntListInterner();
  /** Analysed skills; the same skills recur across postings and profiles. */
  private final LoadingCache<String, List<String>> analysedSkills;

  Vocabulary(Function<String, List<String>> skillAnalyzer) {
    this.analysedSkills =
        CacheBuilder.newBuilder().maximumSize(100_000).build(CacheLoader.from(skillAnalyzer::apply));
  }

  /** Splits a skill such as "Grundpflege" into normalised terms. */
  List<String> skillTerms(String skill) {
    return analysedSkills.getUnchecked(skill);
  }

  /** Licence classes compare case-insensitively: "ce" is "CE". */
  static String licence(String value) {
    return value == null ? null : value.trim().toUpperCase(Locale.ROOT);
  }
}
