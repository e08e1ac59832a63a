/**
 * Measuring rankings against ground truth, with the conventions of {@code trec_eval}.
 *
 * <p>{@link org.passgenau.eval.TrecRun} reads a TREC run file ({@code profile_id Q0
 * opportunity_id rank score rule_set}) and {@link org.passgenau.eval.Qrels} graded judgments
 * ({@code profile_id 0 opportunity_id grade}); {@link org.passgenau.eval.Evaluation} computes
 * {@code p@k}, {@code recall@k}, {@code mrr}, {@code map} and {@code ndcg@k} per profile and their
 * means, from files or from rankings held in memory; {@link org.passgenau.eval.EvaluationWriter}
 * writes them as JSON or CSV; {@link org.passgenau.eval.PairedComparison} compares two systems
 * over the same profiles (mean difference, randomization and t-test p-values, bootstrap
 * confidence interval, wins, ties and losses).
 *
 * <p>{@link org.passgenau.eval.RuleSetRunner} ranks every profile by a rule set, to a depth, into
 * a {@link org.passgenau.eval.RuleSetRanking} that is evaluated in memory; {@link
 * org.passgenau.eval.RuleSetComparison} compares several rule sets with a baseline on every metric,
 * and {@link org.passgenau.eval.ComparisonWriter} writes that as CSV, JSON, a text table and a
 * self-contained HTML report with XChart charts. {@link org.passgenau.eval.Regression} reads and
 * checks the regression files of {@code data/eval/regressions}: the shipped rule sets' expected
 * means on the shipped data.
 *
 * <p>The numbers agree with {@code trec_eval} 9.x to four decimals; {@code docs/evaluation.md}
 * states each convention, and the tests check them against {@code trec_eval}'s output for the
 * fixtures in {@code src/test/resources/org/passgenau/eval}.
 */
package org.passgenau.eval;
