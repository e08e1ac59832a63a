package org.passgenau.modulehost;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The library is a module that exports its API and nothing else, and works for a host on the
 * module path: Jackson may read the model, the message bundles and the shipped taxonomy load,
 * the engine ranks.
 */
class ModuleHostTest {

  /** The library's own classes: the class path entry that holds its module descriptor. */
  private static Path libraryClasses() {
    return classPath().stream()
        .filter(p -> Files.isRegularFile(p.resolve("module-info.class")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no module-info.class on " + classPath()));
  }

  private static List<Path> classPath() {
    String path =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.stream(path.split(File.pathSeparator)).map(Path::of).toList();
  }

  @Test
  void theModuleExportsTheApiPackagesOnly() {
    ModuleDescriptor module = ModuleFinder.of(libraryClasses()).findAll().stream()
        .map(ModuleReference::descriptor)
        .findFirst()
        .orElseThrow();

    assertThat(module.name()).isEqualTo("org.passgenau.core");
    assertThat(module.exports().stream()
            .filter(e -> !e.isQualified())
            .map(ModuleDescriptor.Exports::source)
            .collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(
            "org.passgenau.model", "org.passgenau.io", "org.passgenau.taxonomy",
            "org.passgenau.rank", "org.passgenau.rank.spi", "org.passgenau.output",
            "org.passgenau.assign");
    assertThat(module.packages())
        .as("the index stays inside")
        .contains("org.passgenau.index", "org.passgenau.index.analysis");
    assertThat(module.uses()).containsExactly("org.passgenau.rank.spi.CustomRule");
  }

  @Test
  void aHostOnTheModulePathReadsIndexesAndExplainsInEnglishAndGerman() throws Exception {
    // The library and the modules it needs on the module path; the host on the class path.
    Set<String> needed = Set.of("lucene-core", "lucene-analysis-common", "jackson-databind",
        "jackson-core", "jackson-annotations", "jackson-datatype-jsr310", "guava",
        "failureaccess", "caffeine", "commons-text", "commons-lang3");
    List<String> modulePath = new ArrayList<>();
    modulePath.add(libraryClasses().toString());
    for (Path entry : classPath()) {
      String name = entry.getFileName().toString();
      if (name.endsWith(".jar") && needed.contains(name.replaceFirst("-\\d.*$", ""))) {
        modulePath.add(entry.toString());
      }
    }
    Path hostClasses = Path.of(ModuleHost.class.getProtectionDomain().getCodeSource()
        .getLocation().toURI());
    Path opportunities = Path.of(System.getProperty("passgenau.data", "../data"))
        .resolve("opportunities.jsonl");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process host = new ProcessBuilder(java.toString(),
            "--module-path", String.join(File.pathSeparator, modulePath),
            "--add-modules", "org.passgenau.core",
            "-Duser.language=nl", // English must stay English on a Dutch server
            "-cp", hostClasses.toString(),
            ModuleHost.class.getName(), opportunities.toString())
        .redirectErrorStream(true)
        .start();
    assertThat(host.waitFor(120, TimeUnit.SECONDS)).as("the host finished").isTrue();
    String output = new String(host.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(host.exitValue()).as(output).isZero();
    List<String> lines = output.lines().toList();
    assertThat(lines).as(output).hasSize(4);
    assertThat(lines.get(2))
        .as("the shipped taxonomy, read from within the module")
        .isEqualTo(ModuleHost.shippedTaxonomy())
        .endsWith("Kok 5120");
    assertThat(lines.get(3)).isEqualTo("module org.passgenau.core");
    // The same as on the class path (these tests run on an English JVM), in two languages.
    assertThat(lines.subList(0, 2))
        .isEqualTo(ModuleHost.explanations(opportunities));
    assertThat(lines.get(0)).as("English and German").isNotEqualTo(lines.get(1));
  }

}
