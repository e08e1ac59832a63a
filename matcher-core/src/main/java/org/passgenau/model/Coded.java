package org.passgenau.model;

/**
 * An enumerated value with a stable code in the exchange format (for example {@code asylum_pending}
 * or {@code B1}). Readers and writers map enums by this code, never by their Java name.
 */
public interface Coded {

  /** The value as it appears in the data contract. */
  String code();

  /**
   * Looks up the constant of {@code type} whose {@link #code()} equals {@code code}.
   *
   * @throws IllegalArgumentException naming the type, the bad value and the allowed values
   */
  static <E extends Enum<E> & Coded> E parse(Class<E> type, String code) {
    for (E constant : type.getEnumConstants()) {
      if (constant.code().equals(code)) {
        return constant;
      }
    }
    StringBuilder allowed = new StringBuilder();
    for (E constant : type.getEnumConstants()) {
      if (allowed.length() > 0) {
        allowed.append(", ");
      }
      allowed.append(constant.code());
    }
    throw new IllegalArgumentException(
        "unknown " + type.getSimpleName() + " '" + code + "'; expected one of " + allowed);
  }
}
