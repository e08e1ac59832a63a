package org.passgenau.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.ser.Serializers;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.type.MapType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.passgenau.model.Coded;

/**
 * The one JSON mapping of the data contract: snake_case field names (with an underscore before a
 * number, as in {@code children_under_3}), enums by their {@link Coded#code() contract code}, ISO
 * dates, absent fields left out. The model records carry no JSON annotations; everything the
 * contract needs is configured here.
 *
 * <p>Numbers, booleans and strings are not coerced into one another: {@code "12"} is not a number
 * and {@code 1.5} is not an integer, so a producer's mistake surfaces as a reject instead of a
 * silently changed value. Unknown fields are ignored here; readers count them. The one exception
 * is a map of strings, which in the model is the profile's {@code audit}, a free object in the
 * contract: any JSON value is read as text there (a string as itself, a number or boolean as its
 * JSON literal, an object or list as compact JSON), and a {@code null} value leaves its key out,
 * absent meaning unknown.
 *
 * <p>The mapper is thread-safe once built and shared.
 *
 * <p>Not part of the library's API: public for the index, which stores opportunities as JSON, and
 * the result writers. No Jackson type appears in its public methods.
 *
 * <pre>{@code
 * byte[] stored = Json.toBytes(opportunity);
 * Opportunity back = Json.fromBytes(stored, 0, stored.length, Opportunity.class);
 * }</pre>
 */
public final class Json {

  private static final ObjectMapper MAPPER = newMapper();

  private Json() {}

  /** The shared, configured mapper. Do not reconfigure it; use {@link #newMapper()} instead. */
  static ObjectMapper mapper() {
    return MAPPER;
  }

  /** A fresh mapper with the contract's configuration, for callers that add handlers. */
  static ObjectMapper newMapper() {
    JsonMapper mapper =
        JsonMapper.builder()
            .propertyNamingStrategy(new ContractNaming())
            .addModule(new JavaTimeModule())
            .addModule(IsoDates.module())
            .addModule(codedEnums())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();
    for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
      mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    }
    mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    return mapper;
  }

  /**
   * A writer of compact JSON lines (without the line break) by the contract's mapping, with the
   * Jackson annotations of {@code mixIn} applied to {@code target}: for a writer in another
   * package that needs one more rule, such as the result writer leaving out empty next steps.
   * Thread-safe.
   */
  public static Function<Object, String> lineWriter(Class<?> target, Class<?> mixIn) {
    ObjectWriter writer = newMapper().addMixIn(target, mixIn).writer();
    return value -> {
      try {
        return writer.writeValueAsString(value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  /** Serialises a value as compact UTF-8 JSON. */
  public static byte[] toBytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Serialises a value as one compact JSON line (without the line break). */
  public static String toLine(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a value written by {@link #toBytes(Object)}. */
  public static <T> T fromBytes(byte[] bytes, int offset, int length, Class<T> type) {
    try {
      return MAPPER.readValue(bytes, offset, length, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** camelCase record components to the contract's snake_case, digits as their own word. */
  static final class ContractNaming extends PropertyNamingStrategies.NamingBase {
    @Override
    public String translate(String name) {
      StringBuilder out = new StringBuilder(name.length() + 4);
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        boolean wordStart =
            i > 0
                && (Character.isUpperCase(c)
                    || (Character.isDigit(c) && !Character.isDigit(name.charAt(i - 1))));
        if (wordStart) {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      }
      return out.toString();
    }
  }

  private static SimpleModule codedEnums() {
    return new SimpleModule("contract-codes") {
      @Override
      public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addDeserializers(
            new Deserializers.Base() {
              @Override
              public JsonDeserializer<?> findEnumDeserializer(
                  Class<?> type, DeserializationConfig config, BeanDescription beanDesc) {
                return Coded.class.isAssignableFrom(type) ? new CodedDeserializer(type) : null;
              }

              @Override
              public JsonDeserializer<?> findMapDeserializer(
                  MapType type,
                  DeserializationConfig config,
                  BeanDescription beanDesc,
                  KeyDeserializer keyDeserializer,
                  TypeDeserializer elementTypeDeserializer,
                  JsonDeserializer<?> elementDeserializer) {
                return type.getKeyType().hasRawClass(String.class)
                        && type.getContentType().hasRawClass(String.class)
                    ? new FreeValuesDeserializer(type)
                    : null;
              }
            });
        context.addSerializers(
            new Serializers.Base() {
              @Override
              public JsonSerializer<?> findSerializer(
                  SerializationConfig config, JavaType type, BeanDescription beanDesc) {
                return type.isEnumType() && Coded.class.isAssignableFrom(type.getRawClass())
                    ? CodedSerializer.INSTANCE
                    : null;
              }
            });
      }
    };
  }

  /**
   * A free object read into a map of strings: every JSON value as text, {@code null} left out.
   * Containers are copied token by token, so that numbers keep the digits they were written with
   * ({@code 1e999999} stays that, not infinity).
   */
  private static final class FreeValuesDeserializer extends JsonDeserializer<Map<String, String>> {
    private static final JsonFactory FACTORY = new JsonFactory();
    private final JavaType type;

    FreeValuesDeserializer(JavaType type) {
      this.type = type;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, String> deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      JsonToken token = p.currentToken();
      if (token == JsonToken.START_OBJECT) {
        token = p.nextToken();
      } else if (token != JsonToken.FIELD_NAME && token != JsonToken.END_OBJECT) {
        return (Map<String, String>) ctxt.handleUnexpectedToken(type, p);
      }
      Map<String, String> values = new LinkedHashMap<>();
      for (; token == JsonToken.FIELD_NAME; token = p.nextToken()) {
        String key = p.currentName();
        JsonToken value = p.nextToken();
        String text =
            switch (value) {
              case VALUE_NULL -> null;
              case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE ->
                  p.getText();
              case START_OBJECT, START_ARRAY -> compact(p);
              default -> (String) ctxt.handleUnexpectedToken(String.class, p);
            };
        if (text != null) {
          values.put(key, text);
        }
      }
      return values;
    }

    /** The object or list starting at the current token, as compact JSON. */
    private static String compact(JsonParser p) throws IOException {
      StringWriter out = new StringWriter();
      try (JsonGenerator g = FACTORY.createGenerator(out)) {
        int depth = 0;
        do {
          switch (p.currentToken()) {
            case START_OBJECT -> {
              g.writeStartObject();
              depth++;
            }
            case START_ARRAY -> {
              g.writeStartArray();
              depth++;
            }
            case END_OBJECT -> {
              g.writeEndObject();
              depth--;
            }
            case END_ARRAY -> {
              g.writeEndArray();
              depth--;
            }
            case FIELD_NAME -> g.writeFieldName(p.currentName());
            case VALUE_STRING -> g.writeString(p.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> g.writeNumber(p.getText());
            case VALUE_TRUE, VALUE_FALSE -> g.writeBoolean(p.getBooleanValue());
            case VALUE_NULL -> g.writeNull();
            default -> g.writeString(p.getText());
          }
        } while (depth > 0 && p.nextToken() != null);
      }
      return out.toString();
    }
  }

  private static final class CodedSerializer extends JsonSerializer<Coded> {
    static final CodedSerializer INSTANCE = new CodedSerializer();

    @Override
    public void serialize(Coded value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(value.code());
    }
  }

  private static final class CodedDeserializer extends JsonDeserializer<Object> {
    private final Class<?> type;

    CodedDeserializer(Class<?> type) {
      this.type = type;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return ctxt.handleUnexpectedToken(type, p);
      }
      String code = p.getText();
      try {
        return Coded.parse((Class) type, code);
      } catch (IllegalArgumentException e) {
        throw ctxt.weirdStringException(code, type, e.getMessage());
      }
    }
  }
}
