package org.passgenau.rank;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import org.passgenau.model.Opportunity;

/**
 * The column groups most rules need: one primitive column, built from each row's opportunity.
 * A rule with a richer layout (the skills scorer's term lists) declares its own group.
 */
final class RuleColumns {

  private RuleColumns() {}

  /** One byte per row: a small code, {@link OpportunityColumns#UNKNOWN} when not given. */
  static final class Bytes implements Rule.ColumnGroup {
    final byte[] values;

    private Bytes(byte[] values) {
      this.values = values;
    }

    @Override
    public long checksum() {
      long sum = 0;
      for (byte v : values) {
        sum += v;
      }
      return sum;
    }
  }

  /** One int per row: an id or a day. */
  static final class Ints implements Rule.ColumnGroup {
    final int[] values;

    private Ints(int[] values) {
      this.values = values;
    }

    @Override
    public long checksum() {
      long sum = 0;
      for (int v : values) {
        sum += v;
      }
      return sum;
    }
  }

  /** One yes or no per row. */
  static final class Booleans implements Rule.ColumnGroup {
    final boolean[] values;

    private Booleans(boolean[] values) {
      this.values = values;
    }

    @Override
    public long checksum() {
      long sum = 0;
      for (boolean v : values) {
        sum += v ? 1 : 0;
      }
      return sum;
    }
  }

  static Bytes bytes(List<Opportunity> rows, ToIntFunction<Opportunity> value) {
    byte[] values = new byte[rows.size()];
    for (int r = 0; r < values.length; r++) {
      values[r] = (byte) value.applyAsInt(rows.get(r));
    }
    return new Bytes(values);
  }

  static Ints ints(List<Opportunity> rows, ToIntFunction<Opportunity> value) {
    int[] values = new int[rows.size()];
    for (int r = 0; r < values.length; r++) {
      values[r] = value.applyAsInt(rows.get(r));
    }
    return new Ints(values);
  }

  static Booleans booleans(List<Opportunity> rows, Predicate<Opportunity> value) {
    boolean[] values = new boolean[rows.size()];
    for (int r = 0; r < values.length; r++) {
      values[r] = value.test(rows.get(r));
    }
    return new Booleans(values);
  }

  /** A yes/no/unknown value as 1, 0 or {@link OpportunityColumns#UNKNOWN}. */
  static byte tri(Boolean value) {
    return value == null ? OpportunityColumns.UNKNOWN : (byte) (value ? 1 : 0);
  }
}
