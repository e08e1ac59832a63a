package org.passgenau.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.ac.gla.terrier.jtreceval.trec_eval;

/**
 * {@code trec_eval} 9.0.4 itself, as the jtreceval jar carries it (a binary per platform, copied
 * to a temporary file and run), for tests that compare this project's numbers with it.
 */
public final class TrecEvalBinary {

  private static String unavailable;
  private static boolean probed;

  private TrecEvalBinary() {}

  /**
   * Why the binary cannot be used here (no binary for this system, or it does not run), or empty
   * when it can. Probed once, with a one-line run that must give P_1 = 1.
   */
  public static synchronized Optional<String> unavailable() {
    if (!probed) {
      probed = true;
      unavailable = probe();
    }
    return Optional.ofNullable(unavailable);
  }

  private static String probe() {
    if (!trec_eval.isPlatformSupported()) {
      return "jtreceval has no trec_eval binary for " + System.getProperty("os.name") + " "
          + System.getProperty("os.arch");
    }
    try {
      Path dir = Files.createTempDirectory("trec_eval-probe");
      Path qrels = Files.writeString(dir.resolve("probe.qrels"), "Q 0 A 1\n");
      Path run = Files.writeString(dir.resolve("probe.run"), "Q Q0 A 1 1 probe\n");
      String[][] lines = new trec_eval().runAndGetOutput(
          new String[] {"-m", "P.1", qrels.toString(), run.toString()});
      Files.delete(qrels);
      Files.delete(run);
      Files.delete(dir);
      if (lines.length != 1 || !"1.0000".equals(lines[0][lines[0].length - 1])) {
        return "trec_eval printed something unexpected: " + List.of(lines);
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException | LinkageError e) {
      return "trec_eval does not run here: " + e;
    }
  }

  /**
   * {@code trec_eval -q [-c] -m num_q -m P.k -m recall.k -m recip_rank -m map -m ndcg_cut.k}:
   * the measures of {@link Metric} and the number of queries averaged over, as printed, by
   * measure name per query id and for {@code all}.
   */
  public static Map<String, Map<String, Double>> evaluate(
      Path qrels, Path run, int k, MissingRankings missing) {
    List<String> args = new ArrayList<>(List.of("-q"));
    if (missing == MissingRankings.SCORE_ZERO) {
      args.add("-c");
    }
    args.addAll(List.of("-m", "num_q", "-m", "P." + k, "-m", "recall." + k, "-m", "recip_rank",
        "-m", "map", "-m", "ndcg_cut." + k, qrels.toString(), run.toString()));
    Map<String, Map<String, Double>> values = new HashMap<>();
    for (String[] line : new trec_eval().runAndGetOutput(args.toArray(String[]::new))) {
      values.computeIfAbsent(line[1], q -> new HashMap<>())
          .put(line[0], Double.parseDouble(line[2]));
    }
    return values;
  }
}
