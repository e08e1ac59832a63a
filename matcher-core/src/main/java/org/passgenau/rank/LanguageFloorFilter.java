package org.passgenau.rank;

/**
 * Language floor: every asked language at the asked CEFR level, or at most {@link
 * RuleSet#languageGapTolerance()} levels below it when the employer offers language training
 * (the gap then costs score in the language scorer). An absent language counts as no knowledge.
 */
final class LanguageFloorFilter extends Rule.Filter {

  private static final byte ADMITS = 1;
  private static final byte EXCLUDES = 2;

  LanguageFloorFilter() {
    super("language_floor");
  }

  @Override
  Rule.BoundFilter bind(ProfileQuery q) {
    return new Bound(q);
  }

  private static final class Bound extends Rule.BoundFilter {
    private final ProfileQuery q;
    private final int tolerance;
    /**
     * The verdict per list of requirements, by {@link OpportunityColumns#langSet}: at 2 id + 1
     * with language support, at 2 id without; 0 while undecided. Sized when the query is bound,
     * after its snapshot was taken, so every list the snapshot's columns hold has a slot.
     */
    private final byte[] memo;

    Bound(ProfileQuery q) {
      this.q = q;
      this.tolerance = q.rules.languageGapTolerance();
      this.memo = new byte[q.memoSize(2 * q.vocabulary.languageRequirements.size())];
    }

    /**
     * Decided once per list of requirements and language support; the lookup is kept apart from
     * the decision so that it stays small enough to inline in {@link #retain}.
     */
    @Override
    Object shareKey() {
      return key(q.languagesKey(), tolerance);
    }

    @Override
    boolean admits(OpportunityColumns c, int d) {
      int slot = 2 * c.langSet[d] + (c.has(d, OpportunityColumns.LANGUAGE_SUPPORT) ? 1 : 0);
      byte verdict = slot < memo.length ? memo[slot] : 0;
      return verdict != 0 ? verdict == ADMITS : decideAndRemember(c, d, slot);
    }

    private boolean decideAndRemember(OpportunityColumns c, int d, int slot) {
      boolean admits = decide(c, d, c.has(d, OpportunityColumns.LANGUAGE_SUPPORT));
      if (slot < memo.length) { // else the columns were built after the query was bound
        memo[slot] = admits ? ADMITS : EXCLUDES;
      }
      return admits;
    }

    private boolean decide(OpportunityColumns c, int d, boolean support) {
      int allowed = support ? tolerance : 0;
      for (int i = c.langStart[d], end = c.langStart[d + 1]; i < end; i++) {
        if (c.langMin[i] - q.languageRank(c.langId[i]) > allowed) {
          return false;
        }
      }
      return true;
    }

    @Override
    int retain(OpportunityColumns c, int[] docs, int n) {
      int kept = 0;
      for (int i = 0; i < n; i++) {
        int d = docs[i];
        docs[kept] = d;
        kept += admits(c, d) ? 1 : 0;
      }
      return kept;
    }
  }
}
