package org.passgenau.rank;

/**
 * Language floor: every asked language at the asked CEFR level, or at most {@link
 * RuleSet#languageGapTolerance()} levels below it when the employer offers language training
 * (the gap then costs score in the language scorer). An absent language counts as no knowledge.
 */
final class LanguageFloorFilter extends Rule.Filter {

  LanguageFloorFilter() {
    super("language_floor");
  }

  @Override
  boolean admits(ProfileQuery q, OpportunityColumns c, int d) {
    int tolerance =
        c.has(d, OpportunityColumns.LANGUAGE_SUPPORT) ? q.rules.languageGapTolerance() : 0;
    for (int i = c.langStart[d], end = c.langStart[d + 1]; i < end; i++) {
      if (c.langMin[i] - q.languageRank(c.langId[i]) > tolerance) {
        return false;
      }
    }
    return true;
  }

  @Override
  int retain(ProfileQuery q, OpportunityColumns c, int[] docs, int n) {
    int kept = 0;
    for (int i = 0; i < n; i++) {
      int d = docs[i];
      docs[kept] = d;
      kept += admits(q, c, d) ? 1 : 0;
    }
    return kept;
  }
}
