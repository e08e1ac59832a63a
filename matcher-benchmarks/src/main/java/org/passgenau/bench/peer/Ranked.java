package org.passgenau.bench.peer;

/**
 * One ranked opportunity of a peer ranker: its id and its score.
 *
 * @param id the opportunity id
 * @param score the weighted score, unrounded (the engine reports it rounded to four decimals)
 */
public record Ranked(String id, double score) {

  /** The score as the engine reports it: four decimals. */
  public double rounded() {
    return Math.round(score * 10_000) / 10_000.0;
  }
}
