package org.passgenau.io;

import com.fasterxml.jackson.annotation.JsonInclude;
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
import com.fasterxml.jackson.databind.ser.Serializers;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * silently changed value. Unknown fields are ignored here; readers count them.
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
