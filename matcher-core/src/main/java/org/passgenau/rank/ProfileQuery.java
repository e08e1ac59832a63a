package org.passgenau.rank;

import java.time.LocalDate;
import java.util.List;
import java.util.function.ToIntFunction;
import org.passgenau.model.LanguageSkill;
import org.passgenau.model.Occupation;
import org.passgenau.model.Profile;

/**
 * One query: a profile, a rule set and a reference date, and the few facts about the person that
 * several rules share, resolved once. Each rule keeps the rest of what it needs, and its memos,
 * in the object its {@code bind} makes from this (see {@link Rule}). Rules never read the
 * profile's {@code audit} field, nor birth year, gender or nationality.
 *
 * <p>Confined to the thread that runs the query (its shared parts keep memos and the last row's
 * reach).
 */
final class ProfileQuery {

  final Profile profile;
  final RuleSet rules;
  /** For interning the person's values and turning ids back into names in explanations. */
  final Vocabulary vocabulary;
  final LocalDate asOf;
  final int today;
  /** Whether bound rules keep memos; see {@link #memoSize}. */
  final boolean memoize;

  /** Home, commuting limits and moves: the commute filter and the distance scorer. */
  final Reach reach;
  /** Qualifications, experience, wishes: occupation closeness and recognition. */
  final BroughtOccupations occupations;

  /** The languages the person speaks, by id, with CEFR ranks: the language floor and scorer. */
  private final int[] langIds;
  private final byte[] langRanks;

  ProfileQuery(
      Profile p,
      RuleSet rules,
      LocalDate asOf,
      Vocabulary vocabulary,
      ToIntFunction<Occupation> isco) {
    this(p, rules, asOf, vocabulary, isco, true);
  }

  /**
   * As above; {@code memoize} false binds the rules without memos, for a query that meets one
   * opportunity only (reverse matching binds one query per person and opportunity, where sizing
   * and clearing memos would cost more than the decisions they save).
   */
  ProfileQuery(
      Profile p,
      RuleSet rules,
      LocalDate asOf,
      Vocabulary vocabulary,
      ToIntFunction<Occupation> isco,
      boolean memoize) {
    this.profile = p;
    this.memoize = memoize;
    this.rules = rules;
    this.vocabulary = vocabulary;
    this.asOf = asOf;
    this.today = (int) asOf.toEpochDay();
    this.reach = new Reach(p, rules, asOf, vocabulary);
    this.occupations = new BroughtOccupations(p, rules, vocabulary, isco, memoize);
    List<LanguageSkill> langs = p.languages();
    this.langIds = new int[langs.size()];
    this.langRanks = new byte[langs.size()];
    for (int i = 0; i < langs.size(); i++) {
      langIds[i] = vocabulary.languages.lookup(langs.get(i).language());
      langRanks[i] = (byte) langs.get(i).level().rank();
    }
  }

  /**
   * The length of a memo over {@code distinct} interned values: all of them, or none for a query
   * bound without memos. A rule decides ids beyond its memo without remembering them (as it does
   * for segments built after the query was bound), so the answers are the same either way.
   */
  int memoSize(int distinct) {
    return memoize ? distinct : 0;
  }

  /** The languages and levels, for share keys: equal lists rank every requirement alike. */
  List<Object> languagesKey() {
    return Rule.key(langIds, langRanks);
  }

  /** The person's CEFR rank (0 = none) in the language with id {@code languageId}. */
  int languageRank(int languageId) {
    int best = 0;
    for (int i = 0; i < langIds.length; i++) {
      if (langIds[i] == languageId && langRanks[i] > best) {
        best = langRanks[i];
      }
    }
    return best;
  }
}
