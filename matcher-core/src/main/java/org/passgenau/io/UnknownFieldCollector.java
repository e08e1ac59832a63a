package org.passgenau.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import java.io.IOException;

/**
 * Notices, while a record is read, that one of its records met a field it does not know, and skips
 * the field's value. Free maps such as {@code audit} never ask, so their keys do not count.
 *
 * <p>Only whether there was one is kept, not where: a record's unknown fields reach the handler
 * after Jackson buffered them, where the parser's context no longer tells the path reliably. A
 * reader that is told there were some names them from a tree with {@link KnownFields}, the exact
 * paths as always; lines without unknown fields, the usual case, need no tree.
 *
 * <p>Not thread-safe: one per parsing thread, cleared before each line.
 */
final class UnknownFieldCollector extends DeserializationProblemHandler {

  private boolean seen;

  void clear() {
    seen = false;
  }

  /** Whether an unknown field was met since the last {@link #clear()}. */
  boolean seen() {
    return seen;
  }

  @Override
  public boolean handleUnknownProperty(
      DeserializationContext context,
      JsonParser parser,
      JsonDeserializer<?> deserializer,
      Object beanOrClass,
      String propertyName)
      throws IOException {
    seen = true;
    parser.skipChildren();
    return true;
  }
}
