package org.passgenau.audit;

import java.util.Locale;

/** Numbers as every output of the audit writes them: a dot, fixed decimals, no grouping. */
final class Numbers {

  private Numbers() {}

  /** {@code value} to {@code decimals} places; {@code undefined} for NaN. */
  static String fixed(double value, int decimals, String undefined) {
    if (Double.isNaN(value)) {
      return undefined;
    }
    String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
    // No "-0.0000" for a tiny negative rounding error.
    return text.matches("-0\\.?0*") ? text.substring(1) : text;
  }

  /** A share as a percentage with one decimal, such as {@code 41.7%}. */
  static String percent(double share, String undefined) {
    return Double.isNaN(share) ? undefined : fixed(share * 100, 1, undefined) + "%";
  }
}
