package org.passgenau.audit;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * A position-based attention model: how much of a reader's attention a match at a given rank
 * receives. The exposure of a ranking is the sum of the attention at the ranks it fills.
 *
 * <ul>
 *   <li>{@link #logarithmic()}: {@code 1 / log2(r + 1)}, the position weight of DCG, used for
 *       exposure by Singh and Joachims, "Fairness of Exposure in Rankings" (KDD 2018);
 *   <li>{@link #geometric(double)}: {@code γ^(r - 1)}, the browsing model of rank-biased precision
 *       behind Diaz et al., "Evaluating Stochastic Rankings with Expected Exposure" (CIKM 2020),
 *       where the patience γ is the chance that a reader goes on to the next rank.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class Attention {

  private static final double LN2 = Math.log(2);
  private static final Attention LOGARITHMIC = new Attention(Double.NaN);

  /** NaN for the logarithmic model, else the geometric model's patience. */
  private final double patience;

  private Attention(double patience) {
    this.patience = patience;
  }

  /** Attention {@code 1 / log2(r + 1)}: 1 at rank 1, 0.63 at rank 2, 0.5 at rank 3. */
  public static Attention logarithmic() {
    return LOGARITHMIC;
  }

  /**
   * Attention {@code patience^(r - 1)}: 1 at rank 1, then the share of readers who go on.
   *
   * @param patience strictly between 0 and 1
   */
  public static Attention geometric(double patience) {
    checkArgument(patience > 0 && patience < 1,
        "patience must be between 0 and 1 (exclusive), was %s", patience);
    return new Attention(patience);
  }

  /**
   * The model named by {@link #name()}: {@code log}, or {@code geometric:γ} such as {@code
   * geometric:0.5}.
   *
   * @throws IllegalArgumentException naming the value when it is neither
   */
  public static Attention parse(String name) {
    Objects.requireNonNull(name, "name");
    if (name.equals("log")) {
      return logarithmic();
    }
    if (name.startsWith("geometric:")) {
      String value = name.substring("geometric:".length());
      double patience;
      try {
        patience = Double.parseDouble(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "expected log or geometric:γ with 0 < γ < 1, was '" + name + "'");
      }
      if (patience > 0 && patience < 1) {
        return geometric(patience);
      }
    }
    throw new IllegalArgumentException(
        "expected log or geometric:γ with 0 < γ < 1, was '" + name + "'");
  }

  /** The attention a match at {@code rank} receives, 1 at rank 1 and falling. */
  public double at(int rank) {
    checkArgument(rank >= 1, "rank must be at least 1, was %s", rank);
    return Double.isNaN(patience) ? LN2 / Math.log(rank + 1.0) : Math.pow(patience, rank - 1);
  }

  /** The summed attention of ranks 1 to {@code k}: the exposure of a full top-k list. */
  public double ofFullList(int k) {
    double sum = 0;
    for (int r = 1; r <= k; r++) {
      sum += at(r);
    }
    return sum;
  }

  /** {@code log} or {@code geometric:γ}; {@link #parse(String)} reads it back. */
  public String name() {
    return Double.isNaN(patience) ? "log" : "geometric:" + patience;
  }

  /** The formula, for reports: {@code 1/log2(r+1)} or {@code 0.5^(r-1)}. */
  public String formula() {
    return Double.isNaN(patience) ? "1/log2(r+1)" : patience + "^(r-1)";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Attention other
        && Double.doubleToLongBits(patience) == Double.doubleToLongBits(other.patience);
  }

  @Override
  public int hashCode() {
    return Double.hashCode(patience);
  }

  @Override
  public String toString() {
    return name();
  }
}
