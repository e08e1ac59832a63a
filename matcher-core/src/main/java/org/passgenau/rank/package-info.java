/**
 * The ranking engine: rule sets, the built-in rules, and {@link
 * org.passgenau.rank.MatchingEngine}, which ranks an index of opportunities for one profile.
 *
 * <h2>Design note</h2>
 *
 * <p><b>How a match runs.</b> {@code MatchingEngine.match} takes a snapshot of the index, builds
 * a {@code ProfileQuery} (the profile, the rule set, the reference date, and the few facts about
 * the person that several rules share) and binds the compiled rule set to it
 * ({@code CompiledRules.bind}). Then, segment by segment of the snapshot:
 *
 * <ol>
 *   <li>the <em>reach scan</em>: the commute filter, the one filter with the {@code
 *       SCANS_SEGMENT} capability, writes the live rows within the person's reach to a scratch
 *       array of row numbers; the others count as its exclusions;
 *   <li>the other filters run one after the other, in registry order, each over the survivors of
 *       the one before; each keeps what it admits in place and the difference is counted as its
 *       exclusions, so every opportunity is counted once, under the first filter that excludes it.
 *       A filter that cannot exclude anything for this person ({@code canExclude}) is skipped;
 *   <li>the scorers run one after the other over the admitted rows, each adding its weighted
 *       value to a scratch array of partial scores. The distance scorer (the one scorer with the
 *       {@code DEFERRABLE} capability; a great-circle distance costs more than all other scorers
 *       together) is left out: a row is scored in full, distance included, only when its partial
 *       score plus the distance's largest possible contribution could still enter the bounded
 *       top-k heap. The result is the exact top k;
 *   <li>custom rules ({@code rank.spi}) follow the built-in filters and scorers.
 * </ol>
 *
 * <p>Only the k results are explained, from the columns alone: each weighed scorer's {@code
 * detail}, then each filter's {@code note}. Next steps come from the filters that excluded most,
 * each filter saying its own ({@code Rule.Filter.nextStep}).
 *
 * <p><b>Lifetimes of a rule.</b> Modelled on Lucene's {@code Query}, {@code Weight} and {@code
 * Scorer} (as in {@code FunctionScoreQuery}):
 *
 * <ul>
 *   <li>the <em>rule object</em> ({@code Rule.Filter}, {@code Rule.Scorer}) is stateless; the
 *       registry {@code BuiltInRule} names it, orders it and gives its capabilities and default
 *       weight, and {@code CompiledRules} keeps one per rule set;
 *   <li>per index segment, when the segment's columns are built, the rule object declares the
 *       columns only it reads ({@code Rule.columns}); they sit in {@code OpportunityColumns}
 *       beside the shared ones (place, reach cells, kind, hours, pay, dates, language
 *       requirements, class ids);
 *   <li>per query, {@code bind} makes the <em>bound rule</em> ({@code Rule.BoundFilter}, {@code
 *       Rule.BoundScorer}): the person's facts the rule needs, as primitives, and its memos. It
 *       is made once per match, never per segment or document, and is confined to the thread;
 *   <li>per segment, the bound rule runs its own loop ({@code retain}, {@code addTo}) over the
 *       segment's rows: it fetches its column group once, then loops over primitive arrays.
 *       Each bound rule is a final class with its own copy of the loop, so the call inside the
 *       loop has one receiver and is inlined; one shared loop over an array of rules was measured
 *       18 to 24 % slower. The loops advance by the outcome ({@code kept += admits ? 1 : 0})
 *       rather than branch on it. The call of {@code retain} itself varies from filter to filter,
 *       but it is made once per filter and segment, not per document.
 * </ul>
 *
 * <p><b>The memo trick.</b> Some decisions cost more than a comparison: recognition (the best
 * recognition among the person's qualifications for a job's ISCO code, with equivalences), the
 * language floor and score (a list of requirements), the work permit and the start date (a start
 * day for a kind of opportunity in a country). A corpus has few distinct values of each: a few
 * hundred ISCO codes, a few hundred requirement lists, a few thousand start days. When columns
 * are built, {@code Vocabulary} interns each distinct value to a dense id ({@code
 * occupationClass}, {@code langSet}, {@code startClass}); a bound rule keeps an array indexed by
 * that id, 0 or NaN while undecided, and decides each value once per query. The lookup and the
 * decision are separate methods, so that the lookup stays small enough to inline in the loop.
 * Memos are sized when the query is bound, after its snapshot was taken; a segment built later
 * may hold ids beyond them, which are then decided without being remembered.
 *
 * <p><b>The reach cells.</b> Rows of a segment are stored in the spatial order of {@code
 * ReachCells}: by block (about 35 km square), within a block by cell (about 2 km square), remote
 * work and places without coordinates last. Each block and cell has a centre and a radius on the
 * unit sphere, measured from its rows. The reach scan takes an area whose farthest point is surely
 * within reach whole, skips one surely beyond it (or, for a person who may move, tests only
 * whether a move is allowed), and tests rows only in the areas the limit crosses: first by the
 * chord on the unit sphere, which grows with the great-circle distance, and by the exact distance
 * only in the thin ring where the chord cannot decide. The decisions are exact anywhere on earth.
 * The person's side of it, {@code Reach}, is shared by the commute filter and the distance
 * scorer, and keeps the last row's reach for the explanation.
 *
 * <p>See {@code docs/adding-a-rule.md} for adding a built-in rule and {@code
 * docs/performance.md} for the measurements.
 */
package org.passgenau.rank;
