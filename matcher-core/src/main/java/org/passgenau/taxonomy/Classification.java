package org.passgenau.taxonomy;

import com.google.common.base.MoreObjects;
import com.google.common.base.Preconditions;
import java.util.Objects;
import java.util.Optional;
import org.passgenau.model.Level;

/**
 * The ISCO-08 unit group a free job title was classified to, with the known title that matched
 * best and its score. The score is the classifier's confidence: the estimated probability that
 * the unit group is right, in (0, 1]; see {@link TitleClassification#confidence()}.
 *
 * <pre>{@code
 * taxonomy.classify("Pflegefachkraft (m/w/d)")
 *     .ifPresent(c -> System.out.println(c.isco() + " via '" + c.matchedTitle() + "'"));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Classification {

  private final String isco;
  private final double score;
  private final String matchedTitle;
  private final Level level;

  Classification(String isco, double score, String matchedTitle, Level level) {
    Preconditions.checkArgument(
        IscoCode.isValid(isco), "isco must have 1 to 4 digits, was '%s'", isco);
    Preconditions.checkArgument(score > 0, "score must be positive, was %s", score);
    this.isco = isco;
    this.score = score;
    this.matchedTitle = Preconditions.checkNotNull(matchedTitle, "matchedTitle");
    this.level = level;
  }

  /** The ISCO-08 unit group, e.g. {@code "5321"}. */
  public String isco() {
    return isco;
  }

  /** The confidence of the classification, in (0, 1]. */
  public double score() {
    return score;
  }

  /** The known title that matched best, as the taxonomy spells it. */
  public String matchedTitle() {
    return matchedTitle;
  }

  /** The requirement level of the matched title, where the taxonomy knows it. */
  public Optional<Level> level() {
    return Optional.ofNullable(level);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Classification)) {
      return false;
    }
    Classification other = (Classification) o;
    return isco.equals(other.isco)
        && Double.compare(score, other.score) == 0
        && matchedTitle.equals(other.matchedTitle)
        && level == other.level;
  }

  @Override
  public int hashCode() {
    return Objects.hash(isco, score, matchedTitle, level);
  }

  @Override
  public String toString() {
    return MoreObjects.toStringHelper(this)
        .add("isco", isco)
        .add("score", score)
        .add("matchedTitle", matchedTitle)
        .add("level", level)
        .omitNullValues()
        .toString();
  }
}
