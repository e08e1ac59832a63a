package org.passgenau.io;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.google.common.collect.ImmutableMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The field names the contract knows for a model type, nested, so that a reader can name the
 * fields Jackson ignored. Taken from the mapper's own view of the records, so it cannot drift from
 * what deserialisation accepts.
 *
 * <p>Immutable and thread-safe.
 */
final class KnownFields {

  private enum Shape {
    /** A record: only the listed fields are known. */
    OBJECT,
    /** A list: every element has the element's shape. */
    LIST,
    /** A scalar, an enum, a date or a free map such as {@code audit}: nothing to check inside. */
    ANY
  }

  private static final KnownFields ANY = new KnownFields(Shape.ANY, ImmutableMap.of(), null);

  private final Shape shape;
  private final ImmutableMap<String, KnownFields> fields;
  private final KnownFields element;

  private KnownFields(Shape shape, ImmutableMap<String, KnownFields> fields, KnownFields element) {
    this.shape = shape;
    this.fields = fields;
    this.element = element;
  }

  static KnownFields of(ObjectMapper mapper, JavaType type) {
    if (type.isCollectionLikeType() || type.isArrayType()) {
      return new KnownFields(Shape.LIST, ImmutableMap.of(), of(mapper, type.getContentType()));
    }
    if (!type.getRawClass().isRecord()) {
      return ANY;
    }
    BeanDescription description = mapper.getDeserializationConfig().introspect(type);
    ImmutableMap.Builder<String, KnownFields> fields = ImmutableMap.builder();
    for (BeanPropertyDefinition property : description.findProperties()) {
      fields.put(property.getName(), of(mapper, property.getPrimaryType()));
    }
    return new KnownFields(Shape.OBJECT, fields.buildOrThrow(), null);
  }

  /** Hands each field path in {@code node} that is not known here to {@code unknown}. */
  void forEachUnknown(JsonNode node, Consumer<String> unknown) {
    collect(node, "", unknown);
  }

  private void collect(JsonNode node, String prefix, Consumer<String> unknown) {
    switch (shape) {
      case OBJECT -> {
        if (node.isObject()) {
          for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String path = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
            KnownFields known = fields.get(entry.getKey());
            if (known == null) {
              unknown.accept(path);
            } else {
              known.collect(entry.getValue(), path, unknown);
            }
          }
        }
      }
      case LIST -> {
        // Indices are left out so that counts add up over records and elements.
        if (!node.isArray()) {
          return;
        }
        for (JsonNode item : node) {
          element.collect(item, prefix, unknown);
        }
      }
      case ANY -> {}
    }
  }
}
