package org.passgenau.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The command line in a JVM of its own, as a user starts it: for what only a process shows, such
 * as the working directory, a small heap, or being killed.
 */
final class ForkedCli {

  private ForkedCli() {}

  /** The command for {@code args}: this JVM's java and test class path, with {@code heap}. */
  static List<String> command(String heap, List<String> args) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command =
        new ArrayList<>(List.of(java.toString(), heap, "-cp", classPath, Main.class.getName()));
    command.addAll(args);
    return command;
  }

  /** Runs {@code args} in {@code workingDirectory} to its end, at most three minutes. */
  static CliRun run(Path workingDirectory, String heap, List<String> args) throws Exception {
    Path out = Files.createTempFile("passgenau", ".out");
    Path err = Files.createTempFile("passgenau", ".err");
    try {
      Process process = new ProcessBuilder(command(heap, args))
          .directory(workingDirectory.toFile())
          .redirectOutput(out.toFile())
          .redirectError(err.toFile())
          .start();
      if (!process.waitFor(180, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("the command did not finish in three minutes: " + args);
      }
      return new CliRun(process.exitValue(), read(out), read(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
