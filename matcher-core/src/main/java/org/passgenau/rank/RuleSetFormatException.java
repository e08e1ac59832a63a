package org.passgenau.rank;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A rule file that could be read but is not a valid rule set: malformed JSON, an unknown field,
 * filter or scorer, a value of the wrong type or out of range. It lists every problem found, each
 * naming the field path (such as {@code scorers.language}) and the bad value; the message has one
 * line per problem, {@code file: field: reason}.
 *
 * <p>Like {@link java.util.InvalidPropertiesFormatException} it is an {@link IOException}, so a
 * caller that reads a rule file handles one exception type; a caller that wants to tell a broken
 * file from a missing one catches this first.
 */
public final class RuleSetFormatException extends IOException {

  private static final long serialVersionUID = 1L;

  /**
   * One thing wrong with a rule file.
   *
   * @param field the field path, such as {@code parameters.occupation_bridges[2]}, or null when
   *     the problem is the file as a whole (malformed JSON)
   * @param reason what is wrong, naming the value
   */
  public record Problem(String field, String reason) {
    public Problem {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
      return field == null ? reason : field + ": " + reason;
    }
  }

  private final String file;
  private final ImmutableList<Problem> problems;

  RuleSetFormatException(String file, List<Problem> problems) {
    super(message(file, problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a format exception needs at least one problem");
    }
    this.file = file;
    this.problems = ImmutableList.copyOf(problems);
  }

  /** The file as it was named to the reader. */
  public String file() {
    return file;
  }

  /** Every problem found, in the order of the file. */
  public List<Problem> problems() {
    return problems;
  }

  private static String message(String file, List<Problem> problems) {
    return problems.stream().map(p -> file + ": " + p).collect(Collectors.joining("\n"));
  }
}
