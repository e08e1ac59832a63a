package org.passgenau.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link OccupationTaxonomy#shipped()}: the copy of data/taxonomy/occupations.tsv that the build
 * puts into the jar, read without regard to the working directory.
 */
class ShippedResourceTest {

  private final OccupationTaxonomy fromFile = Fixtures.shipped();

  @Test
  void theShippedResourceHoldsTheUnitGroupsOfTheRepositorysFile() {
    assertThat(OccupationTaxonomy.shipped().groups())
        .as("unit groups of the resource and of %s", Fixtures.shippedTsv())
        .isNotEmpty()
        .isEqualTo(fromFile.groups());
  }

  @Test
  void theShippedResourceHasTheFilesTitlesAndKldbCodes() {
    OccupationTaxonomy shipped = OccupationTaxonomy.shipped();
    for (String isco : fromFile.groups()) {
      for (String lang : List.of("de", "nl", "en")) {
        assertThat(shipped.titles(isco, lang))
            .as("titles of %s in %s", isco, lang)
            .isEqualTo(fromFile.titles(isco, lang));
      }
    }
    assertThat(shipped.iscoForKldb("81301")).as("Pflegehelfer").contains("5321");
  }

  @ParameterizedTest(name = "''{0}'' is classified alike")
  @ValueSource(strings = {
    "Pflegehelfer/in (m/w/d)", "Kok (m/v/x)", "Berufskraftfahrerin CE", "magazijnmedewerkers",
    "Softwareentwickler Java", "Zauberkünstler"})
  void aTitleIsClassifiedAsTheFileClassifiesIt(String title) {
    assertThat(OccupationTaxonomy.shipped().classify(title))
        .as("classification of '%s'", title)
        .isEqualTo(fromFile.classify(title));
  }

  @Test
  void theShippedTaxonomyIsReadOnceAndShared() throws Exception {
    List<CompletableFuture<OccupationTaxonomy>> calls = List.of(
        CompletableFuture.supplyAsync(OccupationTaxonomy::shipped),
        CompletableFuture.supplyAsync(OccupationTaxonomy::shipped),
        CompletableFuture.supplyAsync(OccupationTaxonomy::shipped));
    OccupationTaxonomy first = OccupationTaxonomy.shipped();
    for (CompletableFuture<OccupationTaxonomy> call : calls) {
      assertThat(call.get()).as("the same instance on every thread").isSameAs(first);
    }
  }
}
