package org.passgenau.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Checks a command's output files before any work: each must be able to exist (its folder is
 * there and is a folder), none may be the same file as another output or as an input, which it
 * would silently overwrite. Standard output ({@code -}) and absent options are skipped.
 */
final class OutputFiles {

  private final CommandLine cmd;
  private final Map<String, Path> outputs = new LinkedHashMap<>();
  private final Map<String, Path> inputs = new LinkedHashMap<>();

  OutputFiles(CommandLine cmd) {
    this.cmd = cmd;
  }

  OutputFiles output(String option, Path file) {
    if (file != null && !file.toString().equals("-")) {
      outputs.put(option, file);
    }
    return this;
  }

  OutputFiles input(String option, Path file) {
    if (file != null && !file.toString().equals("-")) {
      inputs.put(option, file);
    }
    return this;
  }

  /**
   * @throws ParameterException (exit 2) naming the option and the file
   */
  void check() {
    Map<Path, String> seen = new LinkedHashMap<>();
    inputs.forEach((option, file) -> seen.put(key(file), option));
    outputs.forEach((option, file) -> {
      Path folder = file.toAbsolutePath().getParent();
      if (folder != null && !Files.isDirectory(folder)) {
        throw new ParameterException(cmd, "Invalid value for option '" + option + "': " + file
            + " cannot be written: " + folder
            + (Files.exists(folder) ? " is not a folder" : " does not exist"));
      }
      if (Files.isDirectory(file)) {
        throw new ParameterException(cmd, "Invalid value for option '" + option + "': " + file
            + " is a folder, not a file");
      }
      String other = seen.putIfAbsent(key(file), option);
      if (other != null) {
        throw new ParameterException(cmd, "Invalid value for option '" + option + "': " + file
            + " is also given to " + other + ", which writing it would overwrite");
      }
    });
  }

  /** The file as one path whatever its spelling: real when it exists, else normalised. */
  private static Path key(Path file) {
    try {
      return Files.exists(file) ? file.toRealPath() : file.toAbsolutePath().normalize();
    } catch (IOException e) {
      return file.toAbsolutePath().normalize();
    }
  }
}
