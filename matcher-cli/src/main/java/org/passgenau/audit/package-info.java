/**
 * Fairness audits of the engine's rankings: for groups given by the profiles' {@code audit}
 * fields (gender, nationality, ...), how many get a match, how much attention their matches
 * receive in the top k, and which hard filters rule out most for them.
 *
 * <p>{@link org.passgenau.audit.FairnessAudit} tallies (profile, result) pairs into an immutable
 * {@link org.passgenau.audit.AuditReport}; {@link org.passgenau.audit.AuditOutput} writes it as
 * CSV tables, a self-contained HTML report with charts, or a text table. {@link
 * org.passgenau.audit.RuleSetAudits} lines up the audits of several rule sets for {@code
 * compare}, written as CSV with a {@code rule_set} column, an HTML section and a summary. This
 * package is the only code that reads {@link org.passgenau.model.Profile#audit()}: no ranking rule
 * does. The formulas are in {@code docs/fairness.md}.
 *
 * <p>The HTML report draws its charts with XChart, a dependency of this module ({@code
 * matcher-cli}) only: a system that embeds {@code matcher-core} does not receive it.
 */
package org.passgenau.audit;
