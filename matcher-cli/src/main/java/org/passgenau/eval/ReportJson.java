package org.passgenau.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper of the research tools' reports (evaluation, comparison, regression files), which
 * are trees built field by field: no records, so none of the exchange format's mapping is needed.
 *
 * <pre>{@code
 * ObjectNode root = ReportJson.mapper().createObjectNode().put("k", 10);
 * String text = ReportJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root);
 * }</pre>
 *
 * <p>The mapper is thread-safe once built and shared; do not reconfigure it.
 */
public final class ReportJson {

  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private ReportJson() {}

  /** The shared mapper. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
