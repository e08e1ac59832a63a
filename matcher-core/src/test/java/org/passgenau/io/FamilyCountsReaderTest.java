package org.passgenau.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.passgenau.model.Profile;

/** {@code family.children_under_3} and {@code children_school_age} are counts, not flags. */
class FamilyCountsReaderTest {

  private static ReadResult<Profile> profiles(String line) {
    return JsonLinesReader.profiles().read(new StringReader(line), "profiles.jsonl");
  }

  private static Reject onlyReject(String family) {
    ReadResult<Profile> read = profiles("{\"id\":\"P-7\",\"family\":" + family + "}");
    assertThat(read.records()).as("records of %s", family).isEmpty();
    assertThat(read.rejects()).as("rejects of %s", family).hasSize(1);
    return read.rejects().get(0);
  }

  @Test
  void childrenAreReadAsCounts() {
    ReadResult<Profile> read = profiles("{\"id\":\"P-7\",\"family\":{\"children_under_3\":2,"
        + "\"children_school_age\":3,\"childcare_arranged\":false}}");

    assertThat(read.rejects()).as("rejects").isEmpty();
    assertThat(read.records().get(0).family().childrenUnder3()).as("under 3").isEqualTo(2);
    assertThat(read.records().get(0).family().childrenSchoolAge()).as("school age").isEqualTo(3);
  }

  @Test
  void aYesForSmallChildrenIsRejectedNamingTheFieldAndValue() {
    Reject reject = onlyReject("{\"children_under_3\":true}");

    assertThat(reject.id()).as("id").isEqualTo("P-7");
    assertThat(reject.field()).as("field").isEqualTo("family.children_under_3");
    assertThat(reject.reason()).as("reason names the value")
        .isEqualTo("family.children_under_3 must be a whole number, was true");
  }

  @Test
  void aNoForSchoolChildrenIsRejectedNamingTheFieldAndValue() {
    Reject reject = onlyReject("{\"children_school_age\":false}");

    assertThat(reject.field()).as("field").isEqualTo("family.children_school_age");
    assertThat(reject.reason()).as("reason names the value")
        .isEqualTo("family.children_school_age must be a whole number, was false");
  }

  @Test
  void aNegativeOrFractionalCountIsRejected() {
    assertThat(onlyReject("{\"children_under_3\":-1}").field())
        .as("a negative count").isEqualTo("family.children_under_3");
    assertThat(onlyReject("{\"children_school_age\":1.5}").field())
        .as("half a child").isEqualTo("family.children_school_age");
    assertThat(onlyReject("{\"children_school_age\":\"2\"}").field())
        .as("a count written as text").isEqualTo("family.children_school_age");
  }
}
