package org.passgenau.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random runs and graded judgments, evaluated here and by {@code trec_eval} 9.0.4 itself (the
 * binary that the jtreceval jar carries): every measure of every profile, every mean and the
 * number of profiles averaged over agree to the four decimals {@code trec_eval} prints, both with
 * its default averaging ({@link MissingRankings#SKIP}) and with {@code -c} ({@link
 * MissingRankings#SCORE_ZERO}).
 *
 * <p>The cases hold what matters to the measures: scores with many ties and scores that differ
 * only beyond a float's precision (which {@code trec_eval} reads them in), ids whose string order
 * differs from their numeric one, ids beyond ASCII, grades 0 to 3, relevant opportunities never ranked, profiles
 * judged without anything relevant, profiles only in the run, profiles only in the judgments,
 * rankings shorter than k. The seed is fixed; a failure names the case and prints its files.
 *
 * <p>Skipped where the binary does not run (an operating system or architecture the jar has no
 * binary for).
 */
class TrecEvalPropertiesTest {

  private static final long SEED = 20261123L;
  private static final int CASES = 300;
  private static final int[] CUTOFFS = {1, 2, 3, 5, 10, 20};
  /** trec_eval prints %6.4f: a value agrees when it rounds to the printed one. */
  private static final double FOUR_DECIMALS = 0.00005 + 1e-9;

  @TempDir Path dir;

  @Test
  void everyMeasureAndMeanAgreesWithTrecEval() throws IOException {
    assumeTrue(TrecEvalBinary.unavailable().isEmpty(),
        () -> TrecEvalBinary.unavailable().orElseThrow());
    Random random = new Random(SEED);
    for (int i = 0; i < CASES; i++) {
      Case c = Case.random(random);
      Path run = dir.resolve("case-" + i + ".run");
      Path qrels = dir.resolve("case-" + i + ".qrels");
      Files.writeString(run, c.run, StandardCharsets.UTF_8);
      Files.writeString(qrels, c.qrels, StandardCharsets.UTF_8);
      for (MissingRankings missing : MissingRankings.values()) {
        compare(i, c, run, qrels, missing);
      }
    }
  }

  private static void compare(int index, Case c, Path run, Path qrels, MissingRankings missing)
      throws IOException {
    String name = "case " + index + " at k=" + c.k + (missing == MissingRankings.SCORE_ZERO
        ? " with -c" : "") + "\n--- run:\n" + c.run + "--- qrels:\n" + c.qrels;
    Evaluation evaluation = Evaluation.of(TrecRun.read(run), Qrels.read(qrels), c.k, missing);
    Map<String, Map<String, Double>> expected = TrecEvalBinary.evaluate(qrels, run, c.k, missing);

    TreeSet<String> printed = new TreeSet<>(expected.keySet());
    printed.remove("all");
    List<String> evaluated = new ArrayList<>(printed);
    if (missing == MissingRankings.SCORE_ZERO) {
      // With -c trec_eval averages the judged profiles without results in as 0 but prints none.
      evaluated.addAll(evaluation.profilesWithoutRanking());
    }
    Collections.sort(evaluated, Ids.CODE_POINT_ORDER);
    assertThat(evaluation.profiles()).as("profiles evaluated, %s", name)
        .containsExactlyElementsOf(evaluated);
    assertThat((double) evaluation.profiles().size()).as("num_q, %s", name)
        .isEqualTo(expected.get("all").get("num_q"));
    for (Metric metric : Metric.values()) {
      String measure = metric.trecEvalName(c.k);
      for (String profile : printed) {
        assertThat(evaluation.perProfile().get(profile).get(metric))
            .as("%s of %s, %s", measure, profile, name)
            .isCloseTo(expected.get(profile).get(measure), Offset.offset(FOUR_DECIMALS));
      }
      assertThat(evaluation.mean(metric)).as("mean %s, %s", measure, name)
          .isCloseTo(expected.get("all").get(measure),
              Offset.offset(FOUR_DECIMALS));
    }
  }

  /** One run file and one qrels file, as text, and the cutoff. */
  private record Case(String run, String qrels, int k) {

    static Case random(Random random) {
      while (true) {
        Case c = attempt(random);
        if (c != null) {
          return c;
        }
      }
    }

    /** A case, or null when no profile has both a ranking and judgments. */
    private static Case attempt(Random random) {
      int k = CUTOFFS[random.nextInt(CUTOFFS.length)];
      int pool = 2 + random.nextInt(24);
      List<String> ids = new ArrayList<>();
      for (int i = 1; i <= pool; i++) {
        ids.add("V-" + i);
      }
      if (random.nextInt(4) == 0) {
        // Beyond ASCII and beyond the BMP: trec_eval compares the UTF-8 bytes.
        ids.addAll(List.of("V-\u00e9", "V-\uff21", "V-\ud835\udfd8"));
        pool += 3;
      }
      StringBuilder run = new StringBuilder();
      StringBuilder qrels = new StringBuilder();
      List<String> runLines = new ArrayList<>();
      boolean both = false;
      int profiles = 1 + random.nextInt(6);
      for (int p = 1; p <= profiles; p++) {
        String profile = "P-" + p;
        boolean ranked = random.nextInt(7) != 0;
        boolean judged = random.nextInt(7) != 0;
        both |= ranked && judged;
        if (judged) {
          Collections.shuffle(ids, random);
          boolean nothingRelevant = random.nextInt(6) == 0;
          for (String id : ids.subList(0, 1 + random.nextInt(Math.min(pool, 12)))) {
            int grade = nothingRelevant ? 0 : new int[] {0, 0, 1, 1, 2, 3}[random.nextInt(6)];
            qrels.append(profile).append(" 0 ").append(id).append(' ').append(grade).append('\n');
          }
        }
        if (ranked) {
          Collections.shuffle(ids, random);
          ScoreKind kind = ScoreKind.values()[random.nextInt(ScoreKind.values().length)];
          int n = 1 + random.nextInt(pool);
          for (int i = 0; i < n; i++) {
            runLines.add(profile + " Q0 " + ids.get(i) + " " + (1 + random.nextInt(n)) + " "
                + kind.score(random) + " random");
          }
        }
      }
      if (!both) {
        return null;
      }
      Collections.shuffle(runLines, random);
      runLines.forEach(line -> run.append(line).append('\n'));
      return new Case(run.toString(), qrels.toString(), k);
    }
  }

  /** How a profile's scores are drawn. */
  private enum ScoreKind {
    /** A few values: many ties. */
    FEW {
      @Override
      String score(Random random) {
        return String.format(Locale.ROOT, "%.2f", random.nextInt(4) / 4.0);
      }
    },
    /** Four decimals, as the engine reports them, written with six as match writes them. */
    WRITTEN {
      @Override
      String score(Random random) {
        return String.format(Locale.ROOT, "%.6f", random.nextInt(200) / 10_000.0 + 0.5);
      }
    },
    /** Values a double tells apart and a float does not, and some that a float does. */
    BEYOND_FLOAT {
      @Override
      String score(Random random) {
        return new String[] {"0.30000001", "0.30000002", "0.3000001", "16777216", "16777217",
            "0.3"}[random.nextInt(6)];
      }
    },
    /** Negative and positive, in other spellings. */
    SIGNED {
      @Override
      String score(Random random) {
        return new String[] {"-0.5", "-5e-1", "0", "-0", "1.0", "1", "2.5E0"}[random.nextInt(7)];
      }
    };

    abstract String score(Random random);
  }
}
