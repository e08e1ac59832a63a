package org.passgenau.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passgenau.model.Availability;
import org.passgenau.model.Cefr;
import org.passgenau.model.Demand;
import org.passgenau.model.Employer;
import org.passgenau.model.Experience;
import org.passgenau.model.Family;
import org.passgenau.model.Health;
import org.passgenau.model.HoursRange;
import org.passgenau.model.Level;
import org.passgenau.model.Location;
import org.passgenau.model.Mobility;
import org.passgenau.model.Occupation;
import org.passgenau.model.Opportunity;
import org.passgenau.model.OpportunityKind;
import org.passgenau.model.PermitStatus;
import org.passgenau.model.Profile;
import org.passgenau.model.Qualification;
import org.passgenau.model.QualificationRequirement;
import org.passgenau.model.Recognition;
import org.passgenau.model.ResidenceObligation;
import org.passgenau.model.School;
import org.passgenau.model.WorkBan;
import org.passgenau.model.WorkPermit;

/**
 * Keeps {@code docs/data-contract.md} honest: the field paths in its opportunity and profile
 * tables are exactly those the JSON mapping reads, and a fully populated record writes.
 *
 * <p>Paths are dotted and without list indices, as the reader counts unknown fields: {@code
 * mobility.max_commute_km}, {@code languages.level}. In the doc, {@code languages[].level} is the
 * same path, and a row whose type is a shared object type ({@code occupation}, {@code location})
 * stands for that type's fields too.
 */
class DataContractDocTest {

  private static final Path DOC =
      Path.of(System.getProperty("passgenau.data", "../data"))
          .resolveSibling("docs")
          .resolve("data-contract.md");

  private static final Pattern CODE = Pattern.compile("`([^`]+)`");
  private static final Pattern TYPE_HEADING = Pattern.compile("^### `([a-z_]+)`\\s*$");

  private static List<String> doc;

  @BeforeAll
  static void readDoc() throws IOException {
    doc = Files.readAllLines(DOC, StandardCharsets.UTF_8);
  }

  @Test
  void opportunityTableListsEveryFieldOfTheMapping() {
    Map<String, Boolean> read = readPaths(Opportunity.class);

    assertSameFields("opportunity (written)", writtenPaths(fullOpportunity(), read), read.keySet());
    assertSameFields("opportunity", documented("## Opportunities"), read.keySet());
  }

  @Test
  void profileTableListsEveryFieldOfTheMapping() {
    Map<String, Boolean> read = readPaths(Profile.class);

    assertSameFields("profile (written)", writtenPaths(fullProfile(), read), read.keySet());
    assertSameFields("profile", documented("## Profiles"), read.keySet());
  }

  /** Fails naming the paths on either side only. */
  private static void assertSameFields(String what, Set<String> actual, Set<String> expected) {
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(actual);
    Set<String> unknown = new TreeSet<>(actual);
    unknown.removeAll(expected);
    assertThat(missing.isEmpty() && unknown.isEmpty())
        .as(
            "%s fields of %s: in the mapping but not listed: %s; listed but not in the mapping: %s",
            what, DOC, missing, unknown)
        .isTrue();
  }

  // --- The doc -----------------------------------------------------------------------------

  /**
   * The field paths in the table of the section whose heading starts with {@code heading}, with
   * shared object types expanded.
   */
  private static Set<String> documented(String heading) {
    Map<String, List<String>> sharedTypes = sharedObjectTypes();
    Set<String> paths = new TreeSet<>();
    for (List<String> row : tableRows(section(heading))) {
      List<String> fields = codes(row.get(0));
      List<String> types = row.size() > 1 ? codes(row.get(1)) : List.of();
      for (String field : fields) {
        String path = field.replace("[]", "");
        paths.add(path);
        for (String type : types) {
          for (String sub : sharedTypes.getOrDefault(type, List.of())) {
            paths.add(path + "." + sub);
          }
        }
      }
    }
    return paths;
  }

  /** Each {@code ### `type`} table under the shared value types: type name to its fields. */
  private static Map<String, List<String>> sharedObjectTypes() {
    Map<String, List<String>> types = new TreeMap<>();
    List<String> lines = section("## Shared value types");
    String type = null;
    List<String> block = new ArrayList<>();
    for (String line : lines) {
      Matcher heading = TYPE_HEADING.matcher(line);
      if (heading.matches() || line.startsWith("### ")) {
        if (type != null) {
          types.put(type, fieldsOf(block));
        }
        type = heading.matches() ? heading.group(1) : null;
        block = new ArrayList<>();
      } else {
        block.add(line);
      }
    }
    if (type != null) {
      types.put(type, fieldsOf(block));
    }
    return types;
  }

  private static List<String> fieldsOf(List<String> block) {
    List<String> fields = new ArrayList<>();
    for (List<String> row : tableRows(block)) {
      fields.addAll(codes(row.get(0)));
    }
    return fields;
  }

  /** The lines after the {@code ## } heading starting with {@code heading}, to the next one. */
  private static List<String> section(String heading) {
    List<String> lines = new ArrayList<>();
    boolean in = false;
    for (String line : doc) {
      if (line.startsWith("## ")) {
        in = line.startsWith(heading);
      } else if (in) {
        lines.add(line);
      }
    }
    assertThat(lines).as("section '%s' of %s", heading, DOC).isNotEmpty();
    return lines;
  }

  /** The cells of the table rows whose first cell names a field in backticks. */
  private static List<List<String>> tableRows(List<String> lines) {
    List<List<String>> rows = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("| `")) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.substring(1).split("\\|")) {
          cells.add(cell.trim());
        }
        rows.add(cells);
      }
    }
    return rows;
  }

  private static List<String> codes(String cell) {
    List<String> codes = new ArrayList<>();
    Matcher m = CODE.matcher(cell);
    while (m.find()) {
      codes.add(m.group(1));
    }
    return codes;
  }

  // --- The mapping -------------------------------------------------------------------------

  /**
   * Every field path the reader accepts for {@code type}, as the reader's own view of the records
   * gives it, each with whether it is a record whose fields are paths too (a free map such as
   * {@code audit} is not).
   */
  private static Map<String, Boolean> readPaths(Class<?> type) {
    Map<String, Boolean> paths = new TreeMap<>();
    ObjectMapper mapper = Json.mapper();
    collect(mapper, mapper.constructType(type), "", paths);
    return paths;
  }

  private static void collect(
      ObjectMapper mapper, JavaType type, String prefix, Map<String, Boolean> paths) {
    BeanDescription description = mapper.getDeserializationConfig().introspect(type);
    for (BeanPropertyDefinition property : description.findProperties()) {
      String path = prefix.isEmpty() ? property.getName() : prefix + "." + property.getName();
      JavaType propertyType = property.getPrimaryType();
      JavaType element =
          propertyType.isCollectionLikeType() ? propertyType.getContentType() : propertyType;
      boolean record = element.getRawClass().isRecord();
      paths.put(path, record);
      if (record) {
        collect(mapper, element, path, paths);
      }
    }
  }

  /** The field paths {@code value} is written with; objects are entered where they are records. */
  private static Set<String> writtenPaths(Object value, Map<String, Boolean> readPaths) {
    JsonNode tree;
    try {
      tree = Json.mapper().readTree(Json.toLine(value));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    Set<String> paths = new TreeSet<>();
    walk(tree, "", readPaths, paths);
    return paths;
  }

  private static void walk(
      JsonNode node, String prefix, Map<String, Boolean> readPaths, Set<String> paths) {
    if (node.isArray()) {
      for (JsonNode item : node) {
        walk(item, prefix, readPaths, paths);
      }
    } else if (node.isObject() && (prefix.isEmpty() || readPaths.getOrDefault(prefix, true))) {
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        String path = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
        paths.add(path);
        walk(entry.getValue(), path, readPaths, paths);
      }
    }
  }

  // --- Fully populated records: every optional field set --------------------------------------

  private static Occupation occupation(String isco) {
    return new Occupation(isco, "81301", "http://data.europa.eu/esco/occupation/x", "Pflegehelfer");
  }

  private static Location location() {
    return new Location(51.2562, 6.3905, "41747", "Viersen", "DE-NW", "DE");
  }

  static Opportunity fullOpportunity() {
    return Opportunity.builder("V-1", OpportunityKind.APPRENTICESHIP, "Pflegehelfer/in (m/w/d)")
        .description("Frühdienst")
        .occupation(occupation("5321"))
        .level(Level.HELPER)
        .skills(List.of("Grundpflege"))
        .requireLanguage("de", Cefr.A2)
        .languageSupport(true)
        .qualification(new QualificationRequirement(true, true, Recognition.PARTIAL))
        .recognitionPartnership(true)
        .minSchool(School.LOWER_SECONDARY)
        .location(location())
        .remote(false)
        .hoursPerWeek(HoursRange.of(20, 39))
        .shiftWork(true)
        .nightWork(false)
        .weekendWork(true)
        .flexibleHours(false)
        .childcareSupport(true)
        .drivingLicense("B")
        .physicalDemand(Demand.HIGH)
        .accessible(true)
        .monthlyGrossEur(2450.5)
        .startDate(LocalDate.of(2027, 8, 1))
        .applicationDeadline(LocalDate.of(2027, 6, 30))
        .postedDate(LocalDate.of(2026, 11, 1))
        .openPositions(3)
        .employer(new Employer("E-1", "Klinikum Viersen"))
        .source("feed-a")
        .build();
  }

  static Profile fullProfile() {
    Map<String, String> audit = new LinkedHashMap<>();
    audit.put("gender", "f");
    audit.put("nationality", "SY");
    return Profile.builder("P-1")
        .speaks("de", Cefr.A2)
        .qualification(
            new Qualification(occupation("2221"), Level.SPECIALIST, "SY", Recognition.PARTIAL, 3.0))
        .experience(List.of(new Experience(occupation("5321"), 6.0)))
        .skills(List.of("Grundpflege"))
        .desiredOccupations(List.of(occupation("5321")))
        .school(School.UPPER_SECONDARY)
        .birthYear(1990)
        .location(location())
        .mobility(new Mobility(30.0, 45.0, List.of("B"), false, true))
        .residenceObligation(new ResidenceObligation("DE-NW", LocalDate.of(2027, 6, 30)))
        .workPermit(
            new WorkPermit(
                PermitStatus.ASYLUM_PENDING, WorkBan.TEMPORARY, LocalDate.of(2027, 3, 1), true))
        .availability(new Availability(LocalDate.of(2027, 1, 1), 30.0, 15.0, false, false, true))
        .family(new Family(1, 1, false, true))
        .health(new Health(Demand.MEDIUM, false))
        .audit(audit)
        .build();
  }
}
