package org.passgenau.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passgenau.io.JsonLinesReader;
import org.passgenau.model.Profile;
import org.passgenau.rank.MatchOptions;
import org.passgenau.rank.MatchResult;
import org.passgenau.rank.MatchingEngine;
import org.passgenau.taxonomy.OccupationTaxonomy;

/**
 * The audit fields group results and nothing else: on the sample data, every profile's full result
 * stays the same when its audit fields are removed, swapped with another profile's or changed, and
 * no compiled class outside this package calls {@link Profile#audit()}.
 */
class AuditFieldsIndependenceTest {

  private static final Path DATA = Path.of(System.getProperty("passgenau.data", "../data"));
  /** Every admitted opportunity, with its explanation: the whole ranking is compared. */
  private static final MatchOptions ALL =
      new MatchOptions(10_000, LocalDate.of(2026, 11, 23), Locale.ENGLISH);

  private static MatchingEngine engine;
  private static List<Profile> profiles;
  private static List<MatchResult> asGiven;

  @BeforeAll
  static void matchTheSampleData() throws IOException {
    engine = MatchingEngine.builder()
        .taxonomy(OccupationTaxonomy.fromTsv(DATA.resolve("taxonomy/occupations.tsv")))
        .build();
    engine.upsertAll(
        JsonLinesReader.opportunities().read(DATA.resolve("opportunities.jsonl")).records());
    engine.refresh();
    profiles = JsonLinesReader.profiles().read(DATA.resolve("profiles.jsonl")).records();
    asGiven = matchAll(profiles);
  }

  @AfterAll
  static void close() throws IOException {
    engine.close();
  }

  private static List<MatchResult> matchAll(List<Profile> people) {
    return people.stream().map(p -> engine.match(p, ALL)).toList();
  }

  private static List<Profile> withAudit(UnaryOperator<Map<String, String>> change) {
    return profiles.stream().map(p -> p.toBuilder().audit(change.apply(p.audit())).build()).toList();
  }

  @Test
  void theSampleProfilesCarryAuditFieldsAndGetMatches() {
    assertThat(profiles).as("profiles with audit fields")
        .filteredOn(p -> p.audit().containsKey("gender") && p.audit().containsKey("nationality"))
        .hasSize(168);
    assertThat(asGiven).as("results with matches").filteredOn(r -> !r.matches().isEmpty())
        .isNotEmpty();
  }

  @Test
  void everyResultIsTheSameWithoutAuditFields() {
    assertThat(matchAll(withAudit(audit -> Map.of())))
        .as("results without any audit field").isEqualTo(asGiven);
  }

  @Test
  void everyResultIsTheSameWithTheAuditFieldsSwappedBetweenProfiles() {
    List<Map<String, String>> audits = new ArrayList<>(profiles.stream().map(Profile::audit).toList());
    Collections.shuffle(audits, new Random(42));
    List<Profile> swapped = new ArrayList<>();
    int changed = 0;
    for (int i = 0; i < profiles.size(); i++) {
      swapped.add(profiles.get(i).toBuilder().audit(audits.get(i)).build());
      changed += audits.get(i).equals(profiles.get(i).audit()) ? 0 : 1;
    }
    assertThat(changed).as("profiles whose audit fields changed").isGreaterThan(100);

    assertThat(matchAll(swapped)).as("results with shuffled audit fields").isEqualTo(asGiven);
  }

  @Test
  void everyResultIsTheSameWithEveryAuditValueChanged() {
    List<Profile> changed = withAudit(audit -> Map.of(
        "gender", "f".equals(audit.get("gender")) ? "m" : "f",
        "nationality", "DE",
        "religion", "none",
        "age_band", "18-24"));

    assertThat(matchAll(changed)).as("results with other audit values").isEqualTo(asGiven);
  }

  @Test
  void noCodeOutsideTheAuditPackageCallsTheAuditAccessor() throws IOException, URISyntaxException {
    // The library and the command-line module: the audit is the one reader in either.
    Set<Path> roots = new TreeSet<>();
    for (Class<?> type : List.of(MatchingEngine.class, FairnessAudit.class)) {
      roots.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()));
    }
    String accessor = "org/passgenau/model/Profile.audit()Ljava/util/Map;";
    Set<String> callers = new TreeSet<>();
    for (Path classes : roots) {
      try (Stream<Path> files = Files.walk(classes)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
          if (methodsReferenced(Files.readAllBytes(file)).contains(accessor)) {
            callers.add(classes.relativize(file).toString().replace('\\', '/'));
          }
        }
      }
    }

    assertThat(callers).as("classes that call Profile.audit()")
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c).startsWith("org/passgenau/audit/"));
  }

  /** The methods a class file refers to, as {@code owner.name(descriptor)}, from its constants. */
  private static Set<String> methodsReferenced(byte[] classFile) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
    in.readInt(); // magic
    in.readUnsignedShort(); // minor version
    in.readUnsignedShort(); // major version
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    int[] classNames = new int[count];
    int[][] nameAndTypes = new int[count][];
    List<int[]> methodRefs = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 7 -> classNames[i] = in.readUnsignedShort();
        case 10, 11 -> methodRefs.add(new int[] {in.readUnsignedShort(), in.readUnsignedShort()});
        case 12 -> nameAndTypes[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
        case 3, 4, 9, 17, 18 -> in.skipBytes(4);
        case 5, 6 -> {
          in.skipBytes(8);
          i++; // takes two entries
        }
        case 8, 16, 19, 20 -> in.skipBytes(2);
        case 15 -> in.skipBytes(3);
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
    Set<String> methods = new HashSet<>();
    for (int[] ref : methodRefs) {
      int[] nameAndType = nameAndTypes[ref[1]];
      methods.add(utf8[classNames[ref[0]]] + "." + utf8[nameAndType[0]] + utf8[nameAndType[1]]);
    }
    return methods;
  }
}
