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

  /**
   * Decided once per list of requirements and language support, in the query's memo; the lookup
   * is kept apart from the decision so that it stays small enough to inline in {@link #retain}.
   */
  @Override
  boolean admits(ProfileQuery q, OpportunityColumns c, int d) {
    int slot = 2 * c.langSet[d] + (c.has(d, OpportunityColumns.LANGUAGE_SUPPORT) ? 1 : 0);
    byte verdict = slot < q.floorMemo.length ? q.floorMemo[slot] : 0;
    return verdict != 0 ? verdict == ADMITS : decideAndRemember(q, c, d, slot);
  }

  private static boolean decideAndRemember(ProfileQuery q, OpportunityColumns c, int d, int slot) {
    boolean admits = decide(q, c, d, c.has(d, OpportunityColumns.LANGUAGE_SUPPORT));
    if (slot < q.floorMemo.length) { // else the columns were built after the query was compiled
      q.floorMemo[slot] = admits ? ADMITS : EXCLUDES;
    }
    return admits;
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
