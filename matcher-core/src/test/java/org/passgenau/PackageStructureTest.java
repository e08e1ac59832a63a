package org.passgenau;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The library's packages depend on each other in one direction: model, io, taxonomy, index, rank,
 * output. A cycle would tie them into one lump that cannot be understood, tested or split apart
 * piece by piece.
 */
class PackageStructureTest {

  private static final JavaClasses LIBRARY =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.passgenau");

  @Test
  void theLibrarysPackagesHaveNoCycles() {
    ArchRule noCycles =
        slices()
            .matching("org.passgenau.(*)..")
            .should()
            .beFreeOfCycles();

    noCycles.check(LIBRARY);
  }

  @Test
  void theCheckSeesTheWholeLibrary() {
    // An import that found nothing would make every rule above pass vacuously.
    for (String pkg : new String[] {"model", "io", "taxonomy", "index", "rank", "output", "assign"}) {
      assertThat(LIBRARY.containPackage("org.passgenau." + pkg))
          .as("package %s imported", pkg)
          .isTrue();
    }
  }
}
