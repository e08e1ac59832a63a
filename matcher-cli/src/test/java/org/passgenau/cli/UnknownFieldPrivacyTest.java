package org.passgenau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Field names from a profile file can carry personal data: the summary never echoes them. */
class UnknownFieldPrivacyTest {

  private static final Path DATA = Path.of(System.getProperty("passgenau.data", "../data"));

  @TempDir Path dir;

  @Test
  void anUnknownProfileFieldIsCountedAndHashedButNotNamed() throws IOException {
    Path profiles = dir.resolve("profiles.jsonl");
    Files.writeString(profiles,
        "{\"id\":\"P-1\",\"ZZKEY_Ahmed_Hassan_born_1990\":true}\n"
            + "{\"id\":\"P-2\",\"ZZKEY_Ahmed_Hassan_born_1990\":1,\"shoe_size\":44}\n",
        StandardCharsets.UTF_8);

    CliRun run = CliRun.of("match", "--opportunities",
        DATA.resolve("opportunities.jsonl").toString(), "--profiles", profiles.toString(),
        "--as-of", "2026-11-23", "--out", dir.resolve("out.jsonl").toString());

    assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
    assertThat(run.err())
        .doesNotContain("Ahmed").doesNotContain("shoe_size")
        .containsPattern("unknown fields ignored: 2 names, withheld as they may carry personal"
            + " data: #[0-9a-f]{8} \\((1|2)\\), #[0-9a-f]{8} \\((1|2)\\)");
  }
}
