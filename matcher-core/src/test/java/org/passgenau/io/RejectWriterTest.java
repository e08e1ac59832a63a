package org.passgenau.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class RejectWriterTest {

  @Test
  void aRejectLineHasAllFiveFieldsInContractOrder() throws IOException {
    StringWriter out = new StringWriter();
    try (RejectWriter writer = new RejectWriter(out)) {
      writer.write(
          new Reject(
              "profiles.jsonl", 12, "P-12", "birth_year", "birth_year must be a whole number, was \"1999\""));
    }

    assertThat(out.toString())
        .as("reject line")
        .isEqualTo(
            "{\"file\":\"profiles.jsonl\",\"line\":12,\"id\":\"P-12\",\"field\":\"birth_year\","
                + "\"reason\":\"birth_year must be a whole number, was \\\"1999\\\"\"}\n");
  }

  @Test
  void anUnknownIdAndFieldAreWrittenAsNullSoEveryLineHasTheSameShape() throws IOException {
    StringWriter out = new StringWriter();
    try (RejectWriter writer = new RejectWriter(out)) {
      writer.write(new Reject("opportunities.jsonl", 3, null, null, "malformed JSON at column 2"));
    }

    assertThat(out.toString())
        .as("reject line of unparseable text")
        .isEqualTo(
            "{\"file\":\"opportunities.jsonl\",\"line\":3,\"id\":null,\"field\":null,"
                + "\"reason\":\"malformed JSON at column 2\"}\n");
  }

  @Test
  void aRejectNeedsAPositiveLineNumber() {
    assertThatThrownBy(() -> new Reject("f.jsonl", 0, null, null, "bad"))
        .as("a reject on line 0")
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was 0");
  }
}
