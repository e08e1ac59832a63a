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

  private static final byte ADMITS = 1;
  private static final byte EXCLUDES = 2;

  /** Decided once per list of requirements and language support, in the query's memo. */
  @Override
  boolean admits(ProfileQuery q, OpportunityColumns c, int d) {
    boolean support = c.has(d, OpportunityColumns.LANGUAGE_SUPPORT);
    int slot = 2 * c.langSet[d] + (support ? 1 : 0);
    if (slot >= q.floorMemo.length) {
      return decide(q, c, d, support); // columns built after the query was compiled
    }
    byte verdict = q.floorMemo[slot];
    if (verdict == 0) {
      verdict = decide(q, c, d, support) ? ADMITS : EXCLUDES;
      q.floorMemo[slot] = verdict;
    }
    return verdict == ADMITS;
  }

  private static boolean decide(ProfileQuery q, OpportunityColumns c, int d, boolean support) {
    int tolerance = support ? q.rules.languageGapTolerance() : 0;
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
