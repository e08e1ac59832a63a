package org.passgenau.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.passgenau.bench.ClassifierEvaluation.Metrics;
import org.passgenau.bench.ClassifierEvaluation.Outcome;
import org.passgenau.bench.ClassifierEvaluation.Setting;
import org.passgenau.taxonomy.EscoLabels;
import org.passgenau.taxonomy.OccupationLabel;

/**
 * The classifier's evaluation on one of five folds of the shared ESCO labels, pinned at what it
 * reaches (docs/classification.md has all five folds). Skipped when the ESCO files are absent.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClassifierEvaluationTest {

  private static List<OccupationLabel> labels;

  @BeforeAll
  static void read() throws IOException {
    String shared = System.getProperty("passgenau.shared");
    Path esco = shared == null ? null : Path.of(shared, "esco");
    assumeTrue(esco != null && Files.isRegularFile(esco.resolve("occupations.csv")),
        "ESCO files not found under passgenau.shared=" + shared);
    labels = EscoLabels.read(esco);
  }

  @Test
  void heldOutLabelsAreMostlyClassifiedAndRight() {
    List<Double> build = new java.util.ArrayList<>();
    List<Outcome> outcomes =
        ClassifierEvaluation.run(labels, Setting.LABEL_HELD_OUT, 5, List.of(0), build);
    Map<String, double[]> pinned = Map.of(
        // coverage, right unit group, right sub-major group (among the classified)
        "de", new double[] {0.95, 0.93, 0.94},
        "nl", new double[] {0.84, 0.86, 0.89},
        "en", new double[] {0.87, 0.80, 0.82});
    for (String language : ClassifierEvaluation.LANGUAGES) {
      Metrics m = ClassifierEvaluation.metrics(Setting.LABEL_HELD_OUT, language, outcomes, -1);
      double[] at = pinned.get(language);
      assertThat(m.coverage()).as("%s classified", language).isGreaterThanOrEqualTo(at[0]);
      assertThat(m.unitAccuracy()).as("%s right unit group", language)
          .isGreaterThanOrEqualTo(at[1]);
      assertThat(m.subMajorAccuracy()).as("%s right sub-major group", language)
          .isGreaterThanOrEqualTo(at[2]);
    }
    assertThat(build).as("building on four fifths of 76,640 labels, seconds")
        .allSatisfy(seconds -> assertThat(seconds).isLessThan(10));
  }

  @Test
  void unseenOccupationsAreMoreOftenUnknownAndStillNearTheRightGroup() {
    List<Outcome> labelOut =
        ClassifierEvaluation.run(labels, Setting.LABEL_HELD_OUT, 5, List.of(1), null);
    List<Outcome> occupationOut =
        ClassifierEvaluation.run(labels, Setting.OCCUPATION_HELD_OUT, 5, List.of(1), null);
    // Right sub-major group among the classified, unseen occupations: the target is 50 %, reached
    // over five folds (de 53.9, nl 64.9, en 51.0 %); on this fold English has 46.9 %.
    Map<String, Double> pinned = Map.of("de", 0.52, "nl", 0.63, "en", 0.46);
    for (String language : ClassifierEvaluation.LANGUAGES) {
      Metrics seen = ClassifierEvaluation.metrics(Setting.LABEL_HELD_OUT, language, labelOut, -1);
      Metrics unseen =
          ClassifierEvaluation.metrics(Setting.OCCUPATION_HELD_OUT, language, occupationOut, -1);
      assertThat(unseen.coverage()).as("%s: unknown more often for unseen occupations", language)
          .isLessThan(seen.coverage() - 0.1);
      assertThat(unseen.subMajorAccuracy()).as("%s right sub-major group, unseen", language)
          .isGreaterThanOrEqualTo(pinned.get(language));
    }
  }

  @Test
  void isotonicFitIsMonotone() {
    List<Outcome> outcomes = List.of(
        new Outcome("de", null, 0.1, true, false, false, false),
        new Outcome("de", null, 0.2, true, true, true, true),
        new Outcome("de", null, 0.3, true, false, false, false),
        new Outcome("de", null, 0.9, true, true, true, true));

    List<double[]> knots = ClassifierEvaluation.isotonic(outcomes);

    assertThat(knots).as("0.2 and 0.3 pooled").hasSize(3);
    assertThat(knots.get(1)[1]).as("pooled share right").isEqualTo(0.5);
  }
}
