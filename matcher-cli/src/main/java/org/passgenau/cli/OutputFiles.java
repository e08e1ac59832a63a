package org.passgenau.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Checks a command's output files before any work: each must be able to exist (its folder is
 * there and is a folder), none may be the same file as another output or as an input, which it
 * would silently overwrite. An output folder ({@code --out DIR}) may be missing, as it is created,
 * but must not be a file; each file written into it counts as an output. Standard output ({@code
 * -}) and absent options are skipped.
 */
final class OutputFiles {

  /** An option and one file it names. */
  private record Named(String option, Path file) {}

  private final CommandLine cmd;
  private final List<Named> outputs = new ArrayList<>();
  private final List<Named> folders = new ArrayList<>();
  private final List<Named> inputs = new ArrayList<>();

  OutputFiles(CommandLine cmd) {
    this.cmd = cmd;
  }

  OutputFiles output(String option, Path file) {
    if (given(file)) {
      outputs.add(new Named(option, file));
    }
    return this;
  }

  /** A folder the command writes {@code names} into, creating it when missing. */
  OutputFiles folder(String option, Path dir, String... names) {
    if (given(dir)) {
      folders.add(new Named(option, dir));
      for (String name : names) {
        outputs.add(new Named(option, dir.resolve(name)));
      }
    }
    return this;
  }

  OutputFiles input(String option, Path file) {
    if (given(file)) {
      inputs.add(new Named(option, file));
    }
    return this;
  }

  OutputFiles inputs(String option, List<Path> files) {
    if (files != null) {
      files.forEach(file -> input(option, file));
    }
    return this;
  }

  /** The files of the taxonomy options, {@code --taxonomy} and the ESCO files of {@code --esco}. */
  OutputFiles taxonomy(TaxonomyOption taxonomy) {
    return input("--taxonomy", taxonomy.file()).inputs("--esco", taxonomy.escoFiles());
  }

  private static boolean given(Path file) {
    return file != null && !file.toString().equals("-");
  }

  /**
   * @throws ParameterException (exit 2) naming the option and the file
   */
  void check() {
    Map<Path, String> seen = new LinkedHashMap<>();
    inputs.forEach(input -> seen.putIfAbsent(key(input.file()), input.option()));
    for (Named folder : folders) {
      if (Files.exists(folder.file()) && !Files.isDirectory(folder.file())) {
        throw invalid(folder, "is a file, not a directory");
      }
      String other = seen.putIfAbsent(key(folder.file()), folder.option());
      if (other != null) {
        throw invalid(folder, "is also given to " + other + ", which writing it would overwrite");
      }
    }
    for (Named output : outputs) {
      Path file = output.file();
      Path parent = file.toAbsolutePath().getParent();
      boolean createdFolder = folders.stream().anyMatch(f -> f.option().equals(output.option()));
      if (!createdFolder && parent != null && !Files.isDirectory(parent)) {
        throw invalid(output, "cannot be written: " + parent
            + (Files.exists(parent) ? " is not a folder" : " does not exist"));
      }
      if (Files.isDirectory(file)) {
        throw invalid(output, "is a folder, not a file");
      }
      String other = seen.putIfAbsent(key(file), output.option());
      if (other != null) {
        throw invalid(output, "is also given to " + other + ", which writing it would overwrite");
      }
    }
  }

  private ParameterException invalid(Named named, String problem) {
    return new ParameterException(cmd, "Invalid value for option '" + named.option() + "': "
        + named.file() + " " + problem);
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
