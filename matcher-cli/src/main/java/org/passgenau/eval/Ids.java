package org.passgenau.eval;

import java.util.Comparator;

/** Helpers for profile and opportunity ids as {@code trec_eval} orders them. */
final class Ids {

  /**
   * Unicode code point order: the order of C's {@code strcmp} over UTF-8 bytes, which {@code
   * trec_eval} uses, unlike {@link String#compareTo} (UTF-16 units) beyond the Basic Multilingual
   * Plane.
   */
  static final Comparator<String> CODE_POINT_ORDER = Ids::compareCodePoints;

  private Ids() {}

  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }
}
