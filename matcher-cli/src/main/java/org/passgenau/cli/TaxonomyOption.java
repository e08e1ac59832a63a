package org.passgenau.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.passgenau.taxonomy.OccupationTaxonomy;
import org.passgenau.taxonomy.TaxonomyFormatException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --taxonomy} and {@code --esco} options of every command that ranks or classifies,
 * mixed into each: the shipped TSV (or the one given), with an ESCO download added to it.
 */
final class TaxonomyOption {

  @Spec(Spec.Target.MIXEE) private CommandSpec command;

  @Option(names = "--taxonomy", paramLabel = "FILE",
      description = "Occupation taxonomy TSV (default: the shipped one, "
          + "data/taxonomy/occupations.tsv as built into the jar).")
  private Path file;

  @Option(names = "--esco", paramLabel = "DIR", converter = Folder.class,
      description = "ESCO download to add to the taxonomy: the official CSV export in any"
          + " languages (occupations_xx.csv, ISCOGroups_xx.csv), the Tabiya layout, or label"
          + " files occupations_xx.tsv; titles without a code are classified against it too.")
  private Path esco;

  /**
   * {@code --esco}: a folder with files named as ESCO's, refused at parse time (exit 2)
   * otherwise, before any input is read. Their content is checked when loading.
   */
  static final class Folder implements ITypeConverter<Path> {
    private static final Pattern ESCO_FILE =
        Pattern.compile("(occupations|iscogroups).*\\.(csv|tsv)", Pattern.CASE_INSENSITIVE);

    @Override
    public Path convert(String value) throws IOException {
      Path dir = Path.of(value);
      if (!Files.isDirectory(dir)) {
        throw new TypeConversionException(value + (Files.exists(dir)
            ? " is not a folder" : " does not exist") + "; give the folder of an ESCO download");
      }
      if (files(dir).stream().noneMatch(
          file -> ESCO_FILE.matcher(file.getFileName().toString()).matches())) {
        throw new TypeConversionException(value + " holds no ESCO files (occupations_xx.csv,"
            + " ISCOGroups_xx.csv, occupations.csv, occupations_xx.tsv here or in labels/)");
      }
      return dir;
    }
  }

  /** The file given, or null, for checking that no output overwrites it. */
  Path file() {
    return file;
  }

  /** The ESCO folder given, or null. */
  Path esco() {
    return esco;
  }

  /** Whether either option was given. */
  boolean given() {
    return file != null || esco != null;
  }

  /** The first of the options given, for refusing it where nothing is ranked; null if none. */
  String firstGiven() {
    return file != null ? "--taxonomy" : esco != null ? "--esco" : null;
  }

  /** The files of the ESCO folder given (none without), so that no output overwrites one. */
  List<Path> escoFiles() {
    if (esco == null) {
      return List.of();
    }
    try {
      return files(esco);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the ESCO folder " + esco, e);
    }
  }

  /** The files of an ESCO folder and of its labels/ folder. */
  private static List<Path> files(Path esco) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path dir : List.of(esco, esco.resolve("labels"))) {
      if (Files.isDirectory(dir)) {
        try (Stream<Path> listed = Files.list(dir)) {
          listed.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
      }
    }
    return files;
  }

  /**
   * The TSV file the option names, else the taxonomy shipped in the jar, so that a run ranks
   * alike from any working directory; with the ESCO folder added when one is given.
   *
   * @throws ParameterException (exit 2) naming the option and the file, line and column, when a
   *     file of it is malformed
   */
  Engines.Taxonomy load() throws IOException {
    if (esco == null) {
      return file == null
          ? new Engines.Taxonomy(OccupationTaxonomy.shipped(), "shipped")
          : new Engines.Taxonomy(loadTsv(OccupationTaxonomy.builder()).build(), file.toString());
    }
    OccupationTaxonomy.Builder builder = file == null
        ? OccupationTaxonomy.builder().loadShipped()
        : loadTsv(OccupationTaxonomy.builder());
    try {
      builder.loadEsco(esco);
    } catch (TaxonomyFormatException e) {
      throw invalid("--esco", e.getMessage());
    }
    return new Engines.Taxonomy(builder.build(),
        (file == null ? "shipped" : file.toString()) + " + ESCO " + esco, true);
  }

  private OccupationTaxonomy.Builder loadTsv(OccupationTaxonomy.Builder builder)
      throws IOException {
    try {
      return builder.loadTsv(file);
    } catch (TaxonomyFormatException e) {
      throw invalid("--taxonomy", e.getMessage());
    }
  }

  private ParameterException invalid(String option, String problem) {
    return new ParameterException(command.commandLine(),
        "Invalid value for option '" + option + "': " + problem);
  }
}
