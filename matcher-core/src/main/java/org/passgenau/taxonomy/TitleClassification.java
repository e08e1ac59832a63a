package org.passgenau.taxonomy;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;
import java.util.Optional;
import org.passgenau.model.Level;

/**
 * What a free job title was classified as: the best ISCO-08 unit group with its confidence, the
 * runners-up, and why; or unknown, when no unit group is likely enough.
 *
 * @param title the title as given
 * @param isco the best unit group, or null when unknown (confidence below the threshold)
 * @param level the requirement level the title states or implies ({@code Helfer}, {@code
 *     Fachkraft}, {@code MBO 2}), or null
 * @param confidence the estimated probability that {@code isco} (or, when unknown, the best
 *     candidate) is right, 0 to 1
 * @param alternatives the runners-up, most likely first, without {@code isco}
 * @param reason from which words of the title and which taxonomy entry the code came, in English
 */
public record TitleClassification(
    String title,
    String isco,
    Level level,
    double confidence,
    List<Alternative> alternatives,
    String reason) {

  /** A runner-up unit group and its confidence. */
  public record Alternative(String isco, double confidence) {
    public Alternative {
      checkNotNull(isco, "isco");
    }
  }

  public TitleClassification {
    checkNotNull(title, "title");
    checkArgument(confidence >= 0 && confidence <= 1, "confidence must be in [0, 1], was %s",
        confidence);
    alternatives = List.copyOf(alternatives);
    checkNotNull(reason, "reason");
  }

  /** Whether a unit group was found with enough confidence. */
  public boolean known() {
    return isco != null;
  }

  /** The unit group, when known. */
  public Optional<String> unitGroup() {
    return Optional.ofNullable(isco);
  }

  /** The level, when the title states or implies one. */
  public Optional<Level> impliedLevel() {
    return Optional.ofNullable(level);
  }
}
