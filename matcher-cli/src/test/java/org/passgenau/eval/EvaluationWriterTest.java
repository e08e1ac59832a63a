package org.passgenau.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON and CSV output of an evaluation. */
class EvaluationWriterTest {

  /** P-1: V-1 (relevant) first; P-2: V-2 (relevant) second; k = 5. */
  private static final Evaluation EVALUATION = Evaluation.of(
      Map.of("P-1", List.of("V-1"), "P-2", List.of("V-1", "V-2"), "P-9", List.of("V-1")),
      Qrels.of(Map.of("P-1", Map.of("V-1", 1), "P-2", Map.of("V-2", 1))),
      5);

  private static JsonNode json() throws IOException {
    StringWriter out = new StringWriter();
    EvaluationWriter.writeJson(EVALUATION, out);
    return new ObjectMapper().readTree(out.toString());
  }

  @Test
  void jsonKeysMetricsByTheirNamesWithKBeside() throws IOException {
    JsonNode json = json();

    assertThat(json.get("k").asInt()).isEqualTo(5);
    List<String> keys = new ArrayList<>();
    json.get("mean").fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("p@k", "recall@k", "mrr", "map", "ndcg@k");
  }

  @Test
  void jsonHoldsTheMeansAndEachEvaluatedProfile() throws IOException {
    JsonNode json = json();

    assertThat(json.get("mean").get("mrr").asDouble()).as("(1 + 1/2) / 2").isEqualTo(0.75);
    assertThat(json.get("per_query").get("P-2").get("mrr").asDouble()).isEqualTo(0.5);
    List<String> profiles = new ArrayList<>();
    json.get("per_query").fieldNames().forEachRemaining(profiles::add);
    assertThat(profiles).containsExactly("P-1", "P-2");
  }

  @Test
  void jsonCountsWhatWasLeftOut() throws IOException {
    JsonNode json = json();

    assertThat(json.get("profiles").asInt()).isEqualTo(2);
    assertThat(json.get("profiles_without_judgments").asInt()).isEqualTo(1);
    assertThat(json.get("profiles_without_ranking").asInt()).isZero();
    assertThat(json.get("missing_rankings").asText()).isEqualTo("skip");
  }

  @Test
  void csvHasARowPerProfileThenTheMeans() throws IOException {
    StringWriter out = new StringWriter();

    EvaluationWriter.writeCsv(EVALUATION, out);

    // P-2's one relevant opportunity stands at rank 2: nDCG 1 / log2(3), written in full.
    double ndcg = EVALUATION.perProfile().get("P-2").ndcgAtK();
    assertThat(ndcg).isCloseTo(Math.log(2) / Math.log(3), within(1e-15));
    assertThat(out.toString().split("\n")).containsExactly(
        "profile_id,k,p@k,recall@k,mrr,map,ndcg@k",
        "P-1,5,0.2,1.0,1.0,1.0,1.0",
        "P-2,5,0.2,1.0,0.5,0.5," + ndcg,
        "\"\",5,0.2,1.0,0.75,0.75," + (1 + ndcg) / 2);
  }

  @Test
  void comparisonJsonNamesEveryStatistic() {
    PairedComparison c = PairedComparison.of(new double[] {0.1, 0.2}, new double[] {0.3, 0.2});

    List<String> keys = new ArrayList<>();
    EvaluationWriter.toJson(c).fieldNames().forEachRemaining(keys::add);

    assertThat(keys).containsExactly("profiles", "mean_baseline", "mean_candidate",
        "mean_difference", "randomization_p", "permutations", "exact", "t_test_p", "confidence",
        "ci_lower", "ci_upper", "wins", "ties", "losses");
  }
}
