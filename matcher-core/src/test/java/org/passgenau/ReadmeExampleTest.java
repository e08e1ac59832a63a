package org.passgenau;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java example is what a host writes first: it must compile as written. */
class ReadmeExampleTest {

  private static final Path README =
      Path.of(System.getProperty("passgenau.data", "../data")).resolveSibling("README.md");

  /** The imports a host would write for the example; the README shows only the code. */
  private static final String IMPORTS =
      String.join(
          "\n",
          "import java.nio.file.Path;",
          "import java.time.LocalDate;",
          "import java.util.List;",
          "import java.util.Locale;",
          "import org.passgenau.io.*;",
          "import org.passgenau.model.*;",
          "import org.passgenau.rank.*;",
          "import org.passgenau.taxonomy.*;");

  /** Lines before the example's first line in the compiled source. */
  private static final int EXAMPLE_OFFSET = 11;

  @TempDir Path classes;

  /** The first {@code java} block under the heading "The Java API". */
  static String javaApiExample(String readme) {
    int section = readme.indexOf("\n## The Java API\n");
    assertThat(section).as("README has a section 'The Java API'").isNotNegative();
    Matcher block =
        Pattern.compile("```java\\n(.*?)\\n```", Pattern.DOTALL).matcher(readme.substring(section));
    assertThat(block.find()).as("a ```java block in 'The Java API'").isTrue();
    return block.group(1);
  }

  @Test
  void theReadmesJavaExampleCompilesAsWritten() throws IOException {
    String example = javaApiExample(Files.readString(README, StandardCharsets.UTF_8));
    String source =
        IMPORTS + "\n\nclass ReadmeExample {\n  void run() throws Exception {\n"
            + example + "\n  }\n}\n";

    List<Diagnostic<? extends JavaFileObject>> errors = compile("ReadmeExample", source);

    assertThat(errors)
        .as("compiler errors in README.md's Java example, compiled as%n%s", source)
        .extracting(d -> "line " + (d.getLineNumber() - EXAMPLE_OFFSET) + " of the example: "
            + d.getMessage(Locale.ENGLISH))
        .isEmpty();
  }

  @Test
  void anExampleThatNoLongerFitsTheApiFails() throws IOException {
    // The check above would pass vacuously if the compiler were not really run.
    List<Diagnostic<? extends JavaFileObject>> errors =
        compile(
            "Stale",
            IMPORTS + "\nclass Stale { void run() { MatchingEngine.builder().noSuchOption(); } }");

    assertThat(errors).extracting(d -> d.getMessage(Locale.ENGLISH)).singleElement()
        .asString().contains("noSuchOption");
  }

  private List<Diagnostic<? extends JavaFileObject>> compile(String name, String source)
      throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    assertThat(compiler).as("a JDK's compiler").isNotNull();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    // Surefire may start the tests from a manifest-only jar; it names the real class path here.
    // With the library's module descriptor the library and its modules are on the module path:
    // a host that does not use modules sees them all on its class path, so compile like one.
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String modulePath = System.getProperty("jdk.module.path");
    if (modulePath != null && !modulePath.isEmpty()) {
      classPath = modulePath + File.pathSeparator + classPath;
    }
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null)) {
      JavaFileObject unit =
          new SimpleJavaFileObject(
              URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
              return source;
            }
          };
      compiler
          .getTask(
              new StringWriter(),
              files,
              diagnostics,
              List.of("-classpath", classPath, "-d", classes.toString(), "-proc:none"),
              null,
              List.of(unit))
          .call();
    }
    return diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .toList();
  }
}
