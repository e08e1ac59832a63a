package org.passgenau.rank;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.passgenau.io.AtomicOutput;
import org.passgenau.rank.RuleSetFormatException.Problem;
import org.passgenau.rank.spi.CustomRules;

/**
 * Rule files: a {@link RuleSet} as a JSON object, so that researchers switch filters, weigh
 * scorers and change parameters and dated legal thresholds without code. The format maps one to
 * one onto {@code RuleSet}, with the data contract's snake_case names:
 *
 * <pre>{@code
 * {
 *   "name": "softer-language",
 *   "version": "1",
 *   "filters": {"commute": true, "work_permit": true, ...},
 *   "scorers": {"occupation": 0.3, "language": 0.15, ...},
 *   "parameters": {
 *     "language_gap_tolerance": 2,
 *     "residence_lift_min_monthly_eur": [
 *       {"valid_from": "2024-01-01", "value": 785, "source": "SGB II average need, 2024"}
 *     ],
 *     "occupation_bridges": [["2221", "5321"]],
 *     ...
 *   }
 * }
 * }</pre>
 *
 * {@code name} and {@code version} are required; a filter, weight or parameter left out keeps its
 * value from {@link RuleSet#defaults()}. The parameters, their types, ranges and defaults are
 * declared once, in {@code RuleParameter}, and listed in {@code docs/rule-sets.md}. {@code
 * filters} and {@code scorers} also name {@linkplain org.passgenau.rank.spi custom rules} ({@code
 * "filters": {"recent_posting": true}, "scorers": {"pay": 0.1}}), which are off unless named; the
 * reader checks such names against the custom rules it is given, by default those {@link
 * CustomRules#installed()} finds, so that a misspelt name is refused as for built-in rules.
 * Everything else is refused: unknown fields, filters, scorers and parameters, values of the wrong
 * type or out of range, duplicate fields and malformed JSON. A refused file raises a {@link
 * RuleSetFormatException} that lists every problem, each naming the field path and the bad value.
 * What {@link #write} writes, {@link #read} reads back as an equal rule set.
 *
 * <pre>{@code
 * RuleSet rules = RuleSetFile.read(Path.of("data/rules/softer-language.json"));
 * RuleSetFile.write(rules.toBuilder().name("mine").build(), Path.of("mine.json"));
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class RuleSetFile {

  /**
   * The largest rule file read, in bytes: 1 MiB. A rule file takes a few kilobytes; anything
   * larger is a wrong path (a data file, a device, a pipe that does not end) and is refused with a
   * {@link RuleSetFormatException} naming the file and the limit. A file is never read whole to
   * find out: its size is checked first, and at most one byte more than the limit is read, so that
   * a special file or a pipe cannot exhaust memory. A character stream is held to the same number
   * of UTF-8 bytes.
   */
  public static final int MAX_FILE_BYTES = 1 << 20;

  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private static final ObjectReader READER = MAPPER.reader();

  /** Jackson's pretty printer: two spaces, one field or item a line, {@code "name": value}. */
  private static final ObjectWriter WRITER = MAPPER.writer(
      new DefaultPrettyPrinter()
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"))
          .withSeparators(Separators.createDefaultInstance()
              .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
              .withObjectEmptySeparator("")
              .withArrayEmptySeparator("")));

  private static final List<String> TOP_LEVEL =
      List.of("name", "version", "filters", "scorers", "parameters");
  private static final List<String> DATED_FIELDS = List.of("valid_from", "value", "source");
  /** How much of a bad string value a message quotes. */
  private static final int MAX_VALUE_CODE_POINTS = 60;

  private RuleSetFile() {}

  /**
   * Reads and validates a rule file.
   *
   * @throws RuleSetFormatException when the file is not a valid rule set or is larger than {@link
   *     #MAX_FILE_BYTES}; its message names the file, each bad field and value
   * @throws IOException when the file cannot be read ({@link java.nio.file.NoSuchFileException}
   *     when it does not exist)
   */
  public static RuleSet read(Path file) throws IOException {
    return read(file, null);
  }

  /**
   * Reads and validates a rule file whose custom rules are among {@code known} (null for those
   * {@link CustomRules#installed()} finds, which are looked up only when the file names a rule
   * that is not built in).
   *
   * @throws RuleSetFormatException when the file is not a valid rule set or is larger than {@link
   *     #MAX_FILE_BYTES}
   * @throws IOException when the file cannot be read
   */
  public static RuleSet read(Path file, CustomRules known) throws IOException {
    byte[] bytes;
    try {
      if (Files.isRegularFile(file) && Files.size(file) > MAX_FILE_BYTES) {
        throw tooLarge(file.toString());
      }
      try (InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes(MAX_FILE_BYTES + 1); // a special file's size says nothing
      }
    } catch (FileSystemException | RuleSetFormatException e) {
      throw e; // names the file already
    } catch (IOException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
    if (bytes.length > MAX_FILE_BYTES) {
      throw tooLarge(file.toString());
    }
    return parse(() -> READER.readTree(bytes), file.toString(), known);
  }

  /**
   * Reads and validates a rule set from {@code in}, which is not closed.
   *
   * @param source what to call the input in messages, such as a file name
   * @throws RuleSetFormatException when the input is not a valid rule set or is longer than {@link
   *     #MAX_FILE_BYTES} in UTF-8
   */
  public static RuleSet read(Reader in, String source) throws IOException {
    return read(in, source, null);
  }

  /**
   * Reads and validates a rule set from {@code in}, which is not closed, whose custom rules are
   * among {@code known} (null for those {@link CustomRules#installed()} finds).
   *
   * @param source what to call the input in messages, such as a file name
   * @throws RuleSetFormatException when the input is not a valid rule set or is longer than {@link
   *     #MAX_FILE_BYTES} in UTF-8
   */
  public static RuleSet read(Reader in, String source, CustomRules known) throws IOException {
    // Each character takes at least one byte: more characters than the limit are too many bytes.
    char[] chars = new char[MAX_FILE_BYTES + 1];
    int length = 0;
    for (int n; length < chars.length && (n = in.read(chars, length, chars.length - length)) >= 0; ) {
      length += n;
    }
    if (length > MAX_FILE_BYTES || utf8Length(chars, length) > MAX_FILE_BYTES) {
      throw tooLarge(source);
    }
    String text = new String(chars, 0, length);
    return parse(() -> READER.readTree(text), source, known);
  }

  /** The UTF-8 length of {@code chars[0, length)}; each half of a surrogate pair counts 2. */
  private static long utf8Length(char[] chars, int length) {
    long bytes = 0;
    for (int i = 0; i < length; i++) {
      char c = chars[i];
      bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
    }
    return bytes;
  }

  private static RuleSetFormatException tooLarge(String source) {
    return new RuleSetFormatException(source, List.of(new Problem(null, "larger than the limit of "
        + MAX_FILE_BYTES + " bytes (" + (MAX_FILE_BYTES >> 20) + " MiB) for a rule file")));
  }

  /** Writes {@code rules} to {@code file} as UTF-8, replacing it atomically. */
  public static void write(RuleSet rules, Path file) throws IOException {
    AtomicOutput.writeString(file, toJson(rules));
  }

  /** Writes {@code rules} to {@code out}, which is neither flushed nor closed. */
  public static void write(RuleSet rules, Writer out) throws IOException {
    out.write(toJson(rules));
  }

  /**
   * The rule set as the JSON of a rule file: every filter, weight and parameter stated, one field
   * or list item a line (Jackson's pretty printer), ending with a line break; the custom rules it
   * names follow the built-in filters and scorers, in name order.
   */
  public static String toJson(RuleSet rules) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode root = nodes.objectNode();
    root.put("name", rules.name());
    root.put("version", rules.version());
    ObjectNode filters = root.putObject("filters");
    for (String filter : RuleSet.FILTERS) {
      filters.put(filter, rules.filterOn(filter));
    }
    for (String filter : rules.customFilters()) {
      filters.put(filter, true);
    }
    ObjectNode scorers = root.putObject("scorers");
    for (String scorer : RuleSet.SCORERS) {
      scorers.set(scorer, number(rules.weight(scorer)));
    }
    rules.customWeights().forEach((scorer, weight) -> scorers.set(scorer, number(weight)));
    ObjectNode parameters = root.putObject("parameters");
    for (RuleParameter parameter : RuleParameter.values()) {
      parameters.set(parameter.jsonName(), toNode(parameter.type(), rules.value(parameter)));
    }
    try {
      return WRITER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e); // a tree of plain nodes always writes
    }
  }

  /** The JSON names of every parameter, in file order. */
  static List<String> parameterNames() {
    return Arrays.stream(RuleParameter.values()).map(RuleParameter::jsonName).toList();
  }

  // ---------------------------------------------------------------- reading

  @FunctionalInterface
  private interface TreeSource {
    JsonNode read() throws IOException;
  }

  private static RuleSet parse(TreeSource source, String name, CustomRules known)
      throws IOException {
    JsonNode root;
    try {
      root = source.read();
    } catch (JsonProcessingException e) {
      throw new RuleSetFormatException(name, List.of(malformed(e)));
    }
    Walk walk = new Walk(known);
    RuleSet rules = walk.ruleSet(root);
    if (!walk.problems.isEmpty()) {
      throw new RuleSetFormatException(name, walk.problems);
    }
    return rules;
  }

  private static Problem malformed(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String where = at == null || at.getLineNr() < 1
        ? ""
        : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (e instanceof MismatchedInputException) {
      // The only mapping error while reading a tree: a second value after the first.
      return new Problem(null, "malformed JSON" + where + ": more than one value in the file");
    }
    if (e instanceof JsonParseException && message.startsWith("Duplicate field")
        && e.getProcessor() instanceof JsonParser parser) {
      String field = pathOf(parser.getParsingContext());
      return new Problem(field.isEmpty() ? null : field,
          "duplicate field" + where + "; each field may appear once");
    }
    if (message.contains("(non-standard) comment")) {
      return new Problem(null, "malformed JSON" + where + ": JSON has no comments; say what a rule"
          + " set is for in its name or in a README beside it");
    }
    return new Problem(null, "malformed JSON" + where + ": " + firstLine(message));
  }

  private static String pathOf(JsonStreamContext context) {
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inObject() && c.getCurrentName() != null) {
        boolean nested = c.getParent() != null && !c.getParent().inRoot();
        parts.push((nested ? "." : "") + c.getCurrentName());
      } else if (c.inArray()) {
        parts.push("[" + c.getCurrentIndex() + "]");
      }
    }
    return String.join("", parts);
  }

  private static String firstLine(String message) {
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }

  /** One read of a parsed file: collects every problem instead of stopping at the first. */
  private static final class Walk {
    final List<Problem> problems = new ArrayList<>();
    private final RuleSet.Builder builder = RuleSet.builder();
    /** The custom rules names are checked against, looked up at the first name not built in. */
    private final Supplier<CustomRules> known;
    private CustomRules custom;

    Walk(CustomRules known) {
      this.known = known != null ? () -> known : CustomRules::installed;
    }

    private CustomRules custom() {
      if (custom == null) {
        custom = known.get();
      }
      return custom;
    }

    RuleSet ruleSet(JsonNode root) {
      if (root == null || root.isMissingNode()) {
        problem(null, "the file is empty; a rule file is a JSON object with at least"
            + " \"name\" and \"version\"");
        return null;
      }
      if (!root.isObject()) {
        problem(null, "a rule file must be a JSON object, was " + describe(root));
        return null;
      }
      for (Map.Entry<String, JsonNode> field : root.properties()) {
        String key = field.getKey();
        JsonNode value = field.getValue();
        switch (key) {
          case "name" -> text(key, value, RuleSet::nameProblem, builder::name);
          case "version" -> text(key, value, RuleSet::versionProblem, builder::version);
          case "filters" -> filters(value);
          case "scorers" -> scorers(value);
          case "parameters" -> parameters(value);
          default -> unknown(key, "field", key, TOP_LEVEL);
        }
      }
      for (String required : List.of("name", "version")) {
        if (!root.has(required)) {
          problem(required, "required, absent; a rule file states its name and version");
        }
      }
      if (!problems.isEmpty()) {
        return null;
      }
      try {
        return builder.build();
      } catch (IllegalArgumentException e) {
        // What build() checks across fields: that some scorer weighs.
        problem("scorers", e.getMessage());
        return null;
      }
    }

    private void text(
        String path, JsonNode node, Function<String, String> check,
        Function<String, RuleSet.Builder> set) {
      if (!node.isTextual()) {
        problem(path, "must be a string, was " + describe(node));
        return;
      }
      String problem = check.apply(node.textValue());
      if (problem != null) {
        problem(path, problem);
      } else {
        set.apply(node.textValue());
      }
    }

    private void filters(JsonNode node) {
      if (!node.isObject()) {
        problem("filters", "must be an object of filter names and true or false, was "
            + describe(node));
        return;
      }
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String filter = field.getKey();
        String path = "filters." + filter;
        boolean builtIn = RuleSet.FILTERS.contains(filter);
        if (!builtIn && custom().scorerNames().contains(filter)) {
          problem(path, "\"" + filter + "\" is a custom scorer, not a filter; give it a weight"
              + " under scorers");
        } else if (!builtIn && !custom().filterNames().contains(filter)) {
          unknown(path, "filter", filter, RuleSet.FILTERS, custom().filterNames());
        } else if (!field.getValue().isBoolean()) {
          problem(path, "must be true or false, was " + describe(field.getValue()));
        } else if (builtIn) {
          builder.filter(filter, field.getValue().booleanValue());
        } else {
          builder.customFilter(filter, field.getValue().booleanValue());
        }
      }
    }

    private void scorers(JsonNode node) {
      if (!node.isObject()) {
        problem("scorers", "must be an object of scorer names and weights, was "
            + describe(node));
        return;
      }
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String scorer = field.getKey();
        String path = "scorers." + scorer;
        JsonNode weight = field.getValue();
        boolean builtIn = RuleSet.SCORERS.contains(scorer);
        if (!builtIn && custom().filterNames().contains(scorer)) {
          problem(path, "\"" + scorer + "\" is a custom filter, not a scorer; switch it on under"
              + " filters");
        } else if (!builtIn && !custom().scorerNames().contains(scorer)) {
          unknown(path, "scorer", scorer, RuleSet.SCORERS, custom().scorerNames());
        } else if (!weight.isNumber()) {
          problem(path, "must be a weight from 0 to 1, was " + describe(weight));
        } else if (RuleSet.weightProblem(weight.doubleValue()) != null) {
          problem(path, RuleSet.weightProblem(weight.doubleValue()));
        } else if (builtIn) {
          builder.weight(scorer, weight.doubleValue());
        } else {
          builder.customWeight(scorer, weight.doubleValue());
        }
      }
    }

    private void parameters(JsonNode node) {
      if (!node.isObject()) {
        problem("parameters", "must be an object of parameter names and values, was "
            + describe(node));
        return;
      }
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String path = "parameters." + field.getKey();
        RuleParameter parameter = RuleParameter.named(field.getKey());
        if (parameter == null) {
          unknown(path, "parameter", field.getKey(), parameterNames());
          continue;
        }
        Object value = convert(parameter, field.getValue(), path);
        if (value == null) {
          continue;
        }
        String problem = parameter.problem(value);
        if (problem != null) {
          problem(path, problem);
        } else {
          builder.set(parameter, value);
        }
      }
    }

    /** The parameter's value in the type its setter takes, or null after a problem. */
    private Object convert(RuleParameter parameter, JsonNode node, String path) {
      return switch (parameter.type()) {
        case NUMBER -> {
          if (!node.isNumber()) {
            problem(path, "must be a number, was " + describe(node));
            yield null;
          }
          yield node.doubleValue();
        }
        case WHOLE -> wholeNumber(node, path);
        case DATED -> datedValues(node, path);
        case PAIRS -> pairs(node, path);
      };
    }

    private Integer wholeNumber(JsonNode node, String path) {
      if (!node.isIntegralNumber()) {
        problem(path, "must be a whole number, was " + describe(node));
        return null;
      }
      if (!node.canConvertToInt()) {
        problem(path, "is out of range, was " + node);
        return null;
      }
      return node.intValue();
    }

    private List<DatedValue> datedValues(JsonNode node, String path) {
      if (!node.isArray() || node.isEmpty()) {
        problem(path, "must be a list of at least one dated value such as"
            + " {\"valid_from\": \"2024-01-01\", \"value\": 785}, was "
            + (node.isArray() ? "an empty list" : describe(node)));
        return null;
      }
      int before = problems.size();
      List<DatedValue> dated = new ArrayList<>();
      Map<LocalDate, Integer> firstIndex = new HashMap<>();
      for (int i = 0; i < node.size(); i++) {
        String at = path + "[" + i + "]";
        DatedValue value = datedValue(node.get(i), at);
        if (value == null) {
          continue;
        }
        Integer earlier = firstIndex.putIfAbsent(value.validFrom(), i);
        if (earlier != null) {
          problem(at + ".valid_from", value.validFrom() + " already starts " + path + "[" + earlier
              + "]; each date may start one value only");
          continue;
        }
        dated.add(value);
      }
      return problems.size() == before ? dated : null;
    }

    private DatedValue datedValue(JsonNode node, String path) {
      if (!node.isObject()) {
        problem(path, "must be an object with valid_from, value and source, was "
            + describe(node));
        return null;
      }
      int before = problems.size();
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (name.equals("valid_until")) {
          problem(path + "." + name, "unknown field \"valid_until\": a value holds until the"
              + " valid_from of the next one (known: " + String.join(", ", DATED_FIELDS) + ")");
        } else if (!DATED_FIELDS.contains(name)) {
          unknown(path + "." + name, "field", name, DATED_FIELDS);
        }
      }
      LocalDate validFrom = null;
      JsonNode from = node.get("valid_from");
      if (from == null) {
        problem(path + ".valid_from", "required, absent");
      } else if (!from.isTextual() || !from.textValue().matches("\\d{4}-\\d{2}-\\d{2}")) {
        problem(path + ".valid_from",
            "must be an ISO-8601 date such as 2024-01-01, was " + describe(from));
      } else {
        try {
          validFrom = LocalDate.parse(from.textValue());
        } catch (DateTimeParseException e) {
          problem(path + ".valid_from", "is no date, was " + describe(from));
        }
      }
      JsonNode value = node.get("value");
      if (value == null) {
        problem(path + ".value", "required, absent");
      } else if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
        problem(path + ".value", "must be a number, was " + describe(value));
      } else if (value.doubleValue() < 0) {
        // Dated thresholds are amounts of money: a negative one would lift every obligation.
        problem(path + ".value", "must not be negative, was " + describe(value));
      }
      JsonNode source = node.get("source");
      if (source != null && !source.isTextual()) {
        problem(path + ".source", "must be a string, was " + describe(source));
      }
      if (problems.size() > before) {
        return null;
      }
      return new DatedValue(
          validFrom, value.doubleValue(), source == null ? null : source.textValue());
    }

    private List<List<String>> pairs(JsonNode node, String path) {
      if (!node.isArray()) {
        problem(path, "must be a list of pairs of ISCO unit groups such as [\"2221\", \"5321\"],"
            + " was " + describe(node));
        return null;
      }
      int before = problems.size();
      List<List<String>> pairs = new ArrayList<>();
      for (int i = 0; i < node.size(); i++) {
        JsonNode pair = node.get(i);
        String at = path + "[" + i + "]";
        boolean twoStrings = pair.isArray() && pair.size() == 2
            && pair.get(0).isTextual() && pair.get(1).isTextual();
        List<String> codes = twoStrings
            ? List.of(pair.get(0).textValue(), pair.get(1).textValue())
            : null;
        if (!RuleParameter.isUnitGroupPair(codes)) {
          problem(at, "must be two 4-digit ISCO unit groups such as [\"2221\", \"5321\"], was "
              + (pair.isArray() ? pair.toString() : describe(pair)));
        } else {
          pairs.add(codes);
        }
      }
      return problems.size() == before ? pairs : null;
    }

    private void unknown(String path, String what, String name, Collection<String> known) {
      unknown(path, what, name, known, List.of());
    }

    /** An unknown name; the known ones are listed built-in first, then custom. */
    private void unknown(
        String path, String what, String name, Collection<String> known,
        Collection<String> custom) {
      StringBuilder reason = new StringBuilder("unknown ").append(what).append(' ')
          .append(describe(TextNode.valueOf(name)));
      List<String> all = new ArrayList<>(known);
      all.addAll(custom);
      String near = nearest(name, all);
      if (near != null) {
        reason.append(", did you mean \"").append(near).append("\"?");
      }
      reason.append(" (known: ").append(String.join(", ", known));
      if (!custom.isEmpty()) {
        reason.append("; custom: ").append(String.join(", ", custom));
      }
      problem(path, reason.append(')').toString());
    }

    private void problem(String field, String reason) {
      problems.add(new Problem(field, reason));
    }
  }

  /** The known name within two edits of {@code name}, ignoring case, if there is one. */
  private static String nearest(String name, Collection<String> known) {
    LevenshteinDistance distance = new LevenshteinDistance(2);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int d = distance.apply(name.toLowerCase(Locale.ROOT), candidate);
      if (d >= 0 && d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best;
  }

  /** A JSON value in a few words: strings quoted and cut, containers by kind only. */
  private static String describe(JsonNode node) {
    if (node.isTextual()) {
      String text = node.textValue();
      if (text.codePointCount(0, text.length()) > MAX_VALUE_CODE_POINTS) {
        text = text.substring(0, text.offsetByCodePoints(0, MAX_VALUE_CODE_POINTS)) + "...";
      }
      return TextNode.valueOf(text).toString(); // quoted and escaped as in JSON
    }
    if (node.isObject()) {
      return "an object";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isMissingNode()) {
      return "absent";
    }
    return node.toString();
  }

  // ---------------------------------------------------------------- writing

  @SuppressWarnings("unchecked")
  private static JsonNode toNode(RuleParameter.Type type, Object value) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    return switch (type) {
      case NUMBER -> number((Double) value);
      case WHOLE -> IntNode.valueOf((Integer) value);
      case DATED -> {
        ArrayNode list = nodes.arrayNode();
        for (DatedValue dated : (List<DatedValue>) value) {
          ObjectNode item = list.addObject();
          item.put("valid_from", dated.validFrom().toString());
          item.set("value", number(dated.value()));
          if (dated.source() != null) {
            item.put("source", dated.source());
          }
        }
        yield list;
      }
      case PAIRS -> {
        ArrayNode list = nodes.arrayNode();
        for (List<String> pair : (List<List<String>>) value) {
          ArrayNode codes = list.addArray();
          pair.forEach(codes::add);
        }
        yield list;
      }
    };
  }

  /** A whole number without a fraction ({@code 50}, not {@code 50.0}); reads back equal. */
  private static JsonNode number(double value) {
    boolean negativeZero = value == 0 && Double.doubleToRawLongBits(value) != 0;
    return value == Math.rint(value) && Math.abs(value) < 1e15 && !negativeZero
        ? LongNode.valueOf((long) value)
        : DoubleNode.valueOf(value);
  }
}
