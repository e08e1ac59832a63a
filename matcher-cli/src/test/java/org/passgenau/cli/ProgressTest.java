package org.passgenau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Progress lines appear for long runs or a watching person, and never for short batch runs. */
class ProgressTest {

  private final StringWriter printed = new StringWriter();
  private long now;

  private Progress progress(int total, boolean interactive) {
    return new Progress(new PrintWriter(printed), total, interactive, () -> now);
  }

  @Test
  void shortBatchRunStaysQuiet() {
    Progress progress = progress(500, false);

    for (int i = 0; i < 500; i++) {
      now += 1_000_000_000L;
      progress.step();
    }

    assertThat(printed.toString()).as("progress output").isEmpty();
  }

  @Test
  void longRunReportsEveryThousandProfiles() {
    Progress progress = progress(2500, false);

    for (int i = 0; i < 2500; i++) {
      progress.step();
    }

    assertThat(printed.toString()).as("progress output")
        .isEqualTo("matched 1000/2500 profiles" + System.lineSeparator()
            + "matched 2000/2500 profiles" + System.lineSeparator());
  }

  @Test
  void watchedRunReportsAfterAFewSeconds() {
    Progress progress = progress(10, true);

    progress.step();
    now += Progress.INTERVAL_NANOS;
    progress.step();

    assertThat(printed.toString()).as("progress output").contains("matched 2/10 profiles");
  }

  @Test
  void comparisonCountsRankingsOfEveryRuleSet() {
    Progress progress = new Progress(new PrintWriter(printed), 4 * 500, "rankings", false,
        () -> now);

    for (int i = 0; i < 1000; i++) {
      progress.step();
    }

    assertThat(printed.toString()).as("progress output")
        .isEqualTo("matched 1000/2000 rankings" + System.lineSeparator());
  }

  @Test
  void aLongStreamReportsCountsWithoutATotal() {
    Progress progress = Progress.ofStream(new PrintWriter(printed), false, () -> now);

    for (int i = 0; i < 2500; i++) {
      progress.step();
    }

    assertThat(printed.toString()).as("progress output")
        .isEqualTo("matched 1000 profiles" + System.lineSeparator()
            + "matched 2000 profiles" + System.lineSeparator());
  }

  @Test
  void aShortStreamStaysQuietUnlessWatched() {
    Progress quiet = Progress.ofStream(new PrintWriter(printed), false, () -> now);
    for (int i = 0; i < 999; i++) {
      now += 1_000_000_000L;
      quiet.step();
    }
    assertThat(printed.toString()).as("progress of a short batch stream").isEmpty();

    Progress watched = Progress.ofStream(new PrintWriter(printed), true, () -> now);
    watched.step();
    now += Progress.INTERVAL_NANOS;
    watched.step();
    assertThat(printed.toString()).as("progress of a watched stream")
        .isEqualTo("matched 2 profiles" + System.lineSeparator());
  }
}
