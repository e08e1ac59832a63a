package org.passgenau.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Notes the path of every field that a record's deserialiser does not know, while the record is
 * read, and skips its value: the same paths that {@link KnownFields} finds in a tree (list indices
 * left out), without building one. Free maps such as {@code audit} have no unknown fields, since
 * only record deserialisers ask.
 *
 * <p>Not thread-safe: one per parsing thread, cleared before each line.
 */
final class UnknownFieldCollector extends DeserializationProblemHandler {

  private final List<String> paths = new ArrayList<>();

  void clear() {
    paths.clear();
  }

  /** The paths noted since the last {@link #clear()}; a live view. */
  List<String> paths() {
    return paths;
  }

  @Override
  public boolean handleUnknownProperty(
      DeserializationContext context,
      JsonParser parser,
      JsonDeserializer<?> deserializer,
      Object beanOrClass,
      String propertyName)
      throws IOException {
    paths.add(pathOf(parser, propertyName));
    parser.skipChildren();
    return true;
  }

  /** The path of {@code name} in the object the parser is in, with the parser at its value. */
  static String pathOf(JsonParser parser, String name) {
    JsonStreamContext object = parser.getParsingContext();
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
      object = object.getParent(); // the value's own context is already open
    }
    StringBuilder path = new StringBuilder();
    appendPathOf(object, path);
    return path.append(name).toString();
  }

  /** Appends the field names leading to {@code object}, each followed by a dot. */
  private static void appendPathOf(JsonStreamContext object, StringBuilder path) {
    JsonStreamContext parent = object.getParent();
    while (parent != null && parent.inArray()) {
      parent = parent.getParent(); // indices are left out
    }
    if (parent != null && parent.inObject()) {
      appendPathOf(parent, path);
      path.append(parent.getCurrentName()).append('.');
    }
  }
}
