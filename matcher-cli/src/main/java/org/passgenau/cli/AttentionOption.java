package org.passgenau.cli;

import org.passgenau.audit.Attention;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --attention}, the fairness audit's attention model: one option, with one name, default
 * and converter, for every command that audits ({@code audit}, and {@code compare} beside its
 * metrics), so that their exposures mean the same.
 */
final class AttentionOption {

  @Option(names = "--attention", paramLabel = "MODEL", defaultValue = "log",
      converter = Model.class,
      description = "How attention falls with rank r in the fairness audit's exposure: log for"
          + " 1/log2(r+1), or geometric:P for P^(r-1) with patience 0 < P < 1"
          + " (default: ${DEFAULT-VALUE}).")
  private Attention attention;

  Attention model() {
    return attention;
  }

  /** {@code log} or {@code geometric:P}; anything else is a usage error naming the value. */
  static final class Model implements ITypeConverter<Attention> {
    @Override
    public Attention convert(String value) {
      try {
        return Attention.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
