package org.passgenau.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.passgenau.assign.Assignment;
import org.passgenau.assign.AssignmentProblem;
import org.passgenau.model.Profile;

/**
 * The fairness view of an assignment: per value of each {@code audit} field, how many people
 * there are, how many any opportunity admits, how many got a proposal, and how many their own
 * first choice. Like the other audits, it reads {@code audit} fields; no rule does.
 */
public final class PlacementByGroup {

  private PlacementByGroup() {}

  /**
   * Rows per audit field, fields and values in alphabetical order; {@code people} are the
   * problem's people, in its order. Each row: {@code value}, {@code profiles}, {@code
   * with_admitted_opportunities}, {@code assigned}, {@code assigned_share} (four decimals),
   * {@code first_choice}. People without a field are in none of its rows.
   */
  public static Map<String, Object> of(List<Profile> people, AssignmentProblem problem,
      Assignment assignment) {
    Map<String, Map<String, long[]>> counts = new TreeMap<>();
    for (int p = 0; p < people.size(); p++) {
      for (Map.Entry<String, String> field : people.get(p).audit().entrySet()) {
        long[] c = counts.computeIfAbsent(field.getKey(), k -> new TreeMap<>())
            .computeIfAbsent(field.getValue(), v -> new long[4]);
        c[0]++;
        c[1] += problem.listSize(p) > 0 ? 1 : 0;
        c[2] += assignment.opportunityOf(p) >= 0 ? 1 : 0;
        c[3] += assignment.rankInOwnList(p) == 1 ? 1 : 0;
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    counts.forEach((field, values) -> {
      List<Map<String, Object>> rows = new ArrayList<>();
      values.forEach((value, c) -> {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("value", value);
        row.put("profiles", c[0]);
        row.put("with_admitted_opportunities", c[1]);
        row.put("assigned", c[2]);
        row.put("assigned_share", Math.round(c[2] * 10_000.0 / c[0]) / 10_000.0);
        row.put("first_choice", c[3]);
        rows.add(row);
      });
      out.put(field, rows);
    });
    return out;
  }
}
