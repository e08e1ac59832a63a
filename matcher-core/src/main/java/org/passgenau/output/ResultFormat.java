package org.passgenau.output;

import org.passgenau.model.Coded;

/**
 * How {@link ResultWriter} writes match results. Thread-safe, as enums are.
 *
 * <pre>{@code
 * ResultFormat format = Coded.parse(ResultFormat.class, "csv");
 * Writer file = Files.newBufferedWriter(Path.of("matches.csv"));
 * try (ResultWriter out = ResultWriter.of(format, file)) {
 *   out.write(result);
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@link #JSONL}: the contract's result line, one JSON object per profile.
 *   <li>{@link #CSV}: one row per match, for spreadsheets.
 *   <li>{@link #TREC}: a TREC run file ({@code profile_id Q0 opportunity_id rank score rule_set}),
 *       for {@code trec_eval} and similar tools.
 *   <li>{@link #TEXT}: a plain-text report for people: each match with its reasons, wrapped.
 * </ul>
 */
public enum ResultFormat implements Coded {
  JSONL("jsonl"),
  CSV("csv"),
  TREC("trec"),
  TEXT("text");

  private final String code;

  ResultFormat(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
