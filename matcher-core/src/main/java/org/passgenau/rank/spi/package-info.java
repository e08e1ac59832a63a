/**
 * Ranking rules written in Java: implement {@link org.passgenau.rank.spi.CustomFilter} or {@link
 * org.passgenau.rank.spi.CustomScorer}, list the class in {@code
 * META-INF/services/org.passgenau.rank.spi.CustomRule}, and name the rule in a rule set (a filter
 * switched on, a scorer with a weight). Rules found this way are off until a rule set names them.
 * {@code docs/custom-rules.md} walks through an example.
 *
 * <p>A custom rule sees an opportunity through one number that it extracts when the opportunity
 * is indexed, and a person through the profile it compiles a predicate or a scoring function from
 * once per match; the engine keeps the numbers in a primitive column beside its own and runs the
 * compiled function over them.
 */
package org.passgenau.rank.spi;
