package org.passgenau.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * A writer whose {@code close} only flushes, for handing stdout to writers that close what they
 * write to: stdout belongs to the caller and may still be needed.
 */
final class KeepOpenWriter extends FilterWriter {

  KeepOpenWriter(Writer out) {
    super(out);
  }

  @Override
  public void close() throws IOException {
    flush();
  }
}
