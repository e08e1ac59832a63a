package org.passgenau.rank;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * One line of an explanation: which rule acted, how much it moved the score, and a sentence a
 * caseworker understands.
 *
 * <pre>{@code
 * for (Reason r : match.explanation()) {
 *   String line = r.effect() == 0 ? "note: " + r.detail() : r.rule() + " " + r.effect();
 * }
 * }</pre>
 *
 * @param rule the rule's name, such as {@code language} or {@code commute}
 * @param effect the rule's contribution to the score; 0 for notes that do not change it
 * @param detail a plain sentence in the requested language
 */
public record Reason(String rule, double effect, String detail) {

  public Reason {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(detail, "detail");
    checkArgument(Double.isFinite(effect), "effect must be finite, was %s", effect);
  }
}
