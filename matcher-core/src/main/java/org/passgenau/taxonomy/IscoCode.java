package org.passgenau.taxonomy;

import com.google.common.base.Preconditions;
import java.util.Optional;

/**
 * An ISCO-08 code: a major group (1 digit), sub-major group (2), minor group (3) or unit group (4
 * digits). Codes are compared as digit strings; {@code "0110"} is a unit group under {@code "0"}.
 *
 * <pre>{@code
 * IscoCode nurse = IscoCode.of("2221");
 * nurse.parent();                                  // the minor group 222
 * IscoCode.of("22").contains(nurse);               // true
 * IscoCode.sharedLevels("2221", "2222");           // 3: same minor group, other unit group
 * }</pre>
 *
 * <p>Closeness of two occupations follows the hierarchy, see {@link #sharedLevels(String,
 * String)}. For ranking over many opportunities, codes also have a compact {@code int} form
 * ({@link #encode(String)}) and a closeness on it that allocates nothing.
 *
 * <p>Instances are immutable and thread-safe; the static methods are pure.
 */
public final class IscoCode implements Comparable<IscoCode> {

  /** The encoded form of "no code". */
  public static final int NONE = -1;

  /** Digits sit in the low 14 bits (9999 < 2^14), the number of digits above them. */
  private static final int DIGIT_BITS = 14;

  private static final int DIGIT_MASK = (1 << DIGIT_BITS) - 1;
  private static final int[] POW10 = {1, 10, 100, 1000, 10000};

  private final String code;

  private IscoCode(String code) {
    this.code = code;
  }

  /**
   * The code for 1 to 4 digits.
   *
   * @throws IllegalArgumentException naming the value if it is not 1 to 4 ASCII digits
   */
  public static IscoCode of(String code) {
    return new IscoCode(check(code));
  }

  /** Whether {@code code} is a well-formed ISCO-08 code of 1 to 4 digits. */
  public static boolean isValid(String code) {
    if (code == null || code.isEmpty() || code.length() > 4) {
      return false;
    }
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** The code as digits, e.g. {@code "5321"}. */
  public String code() {
    return code;
  }

  /** 1 major group, 2 sub-major group, 3 minor group, 4 unit group. */
  public int level() {
    return code.length();
  }

  /** Whether this is a unit group (4 digits), the level occupations are classified to. */
  public boolean isUnitGroup() {
    return code.length() == 4;
  }

  /** The enclosing group, or empty for a major group. */
  public Optional<IscoCode> parent() {
    return code.length() == 1
        ? Optional.empty()
        : Optional.of(new IscoCode(code.substring(0, code.length() - 1)));
  }

  /** Whether {@code other} is this group or lies within it. */
  public boolean contains(IscoCode other) {
    return other.code.startsWith(code);
  }

  /**
   * How many levels of the hierarchy two codes share, counting only the digits both have: 4 same
   * unit group, 3 same minor group, 2 same sub-major group, 1 same major group, 0 none. A null
   * code (unknown occupation) shares nothing.
   *
   * @throws IllegalArgumentException naming the value if a non-null code is malformed
   */
  public static int sharedLevels(String a, String b) {
    if (a == null || b == null) {
      return 0;
    }
    check(a);
    check(b);
    int n = Math.min(a.length(), b.length());
    int shared = 0;
    while (shared < n && a.charAt(shared) == b.charAt(shared)) {
      shared++;
    }
    return shared;
  }

  /**
   * The compact form of a code for primitive arrays, or {@link #NONE} for null. Distinct codes
   * have distinct encodings ({@code "0"} and {@code "01"} differ).
   *
   * @throws IllegalArgumentException naming the value if a non-null code is malformed
   */
  public static int encode(String code) {
    if (code == null) {
      return NONE;
    }
    check(code);
    return code.length() << DIGIT_BITS | Integer.parseInt(code);
  }

  /** The code of an encoded value, or empty for {@link #NONE}. */
  public static Optional<String> decode(int encoded) {
    if (encoded == NONE) {
      return Optional.empty();
    }
    int length = encoded >>> DIGIT_BITS;
    int digits = encoded & DIGIT_MASK;
    Preconditions.checkArgument(
        length >= 1 && length <= 4 && digits < POW10[length],
        "not an encoded ISCO code: %s",
        encoded);
    StringBuilder code = new StringBuilder(length).append(digits);
    while (code.length() < length) {
      code.insert(0, '0');
    }
    return Optional.of(code.toString());
  }

  /**
   * {@link #sharedLevels(String, String)} on encoded codes, without allocating: the ranking loop
   * calls it once per candidate. {@link #NONE} shares nothing. Values not made by {@link
   * #encode(String)} give unspecified results.
   */
  public static int sharedLevels(int a, int b) {
    if (a < 0 || b < 0) {
      return 0;
    }
    int lengthA = a >>> DIGIT_BITS;
    int lengthB = b >>> DIGIT_BITS;
    int k = Math.min(lengthA, lengthB);
    // The first k digits of each, then one digit fewer at a time: dividing by the constant 10
    // compiles to a multiplication, a division by a power looked up does not.
    int prefixA = (a & DIGIT_MASK) / POW10[lengthA - k];
    int prefixB = (b & DIGIT_MASK) / POW10[lengthB - k];
    while (k > 0 && prefixA != prefixB) {
      prefixA /= 10;
      prefixB /= 10;
      k--;
    }
    return k;
  }

  @Override
  public int compareTo(IscoCode other) {
    return code.compareTo(other.code);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IscoCode && ((IscoCode) o).code.equals(code);
  }

  @Override
  public int hashCode() {
    return code.hashCode();
  }

  @Override
  public String toString() {
    return code;
  }

  private static String check(String code) {
    Preconditions.checkArgument(
        isValid(code), "ISCO-08 code must have 1 to 4 digits, was '%s'", code);
    return code;
  }
}
