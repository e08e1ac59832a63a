/**
 * Placing many people at once under capacities: each person gets at most one opportunity, each
 * opportunity at most as many people as it has places. {@link
 * org.passgenau.assign.AssignmentProblem} holds the instance (every person's ranked admissible
 * opportunities with the pair scores, every opportunity's capacity), {@link
 * org.passgenau.assign.Assigner} solves it exactly for the maximum total score or as a stable
 * matching, and {@link org.passgenau.assign.Assignment} is the outcome.
 *
 * <p>A pure algorithm on primitive arrays: it knows nothing of profiles, rules or the index, so
 * that it depends on no other package of the library.
 */
package org.passgenau.assign;
