package org.passgenau.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file written atomically has its old content or all of its new one, and nothing is left over. */
class AtomicOutputTest {

  @TempDir Path dir;

  private List<String> folder() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aCommittedFileReplacesTheOldOneAndNothingElseIsLeft() throws IOException {
    Path target = Files.writeString(dir.resolve("out.csv"), "old\n");

    try (AtomicOutput files = new AtomicOutput()) {
      try (Writer out = files.open(target)) {
        out.write("new\n");
      }
      assertThat(Files.readString(target)).as("before the commit").isEqualTo("old\n");
      files.commit();
    }

    assertThat(Files.readString(target)).isEqualTo("new\n");
    assertThat(folder()).containsExactly("out.csv");
  }

  @Test
  void aFailureInTheMiddleOfWritingKeepsThePreviousFileAndLeavesNoTemporaryFile()
      throws IOException {
    Path target = Files.writeString(dir.resolve("out.csv"), "old\n");

    assertThatThrownBy(() -> {
      try (AtomicOutput files = new AtomicOutput()) {
        Writer out = files.open(target);
        out.write("half of the new content".repeat(10_000)); // past the buffer, onto the disk
        throw new IllegalStateException("ranking failed");
      }
    }).hasMessage("ranking failed");

    assertThat(Files.readString(target)).isEqualTo("old\n");
    assertThat(folder()).containsExactly("out.csv");
  }

  @Test
  void aWriteThatFailsKeepsThePreviousFileAndLeavesNoTemporaryFile() throws IOException {
    Path target = Files.writeString(dir.resolve("out.jsonl"), "old\n");

    assertThatThrownBy(() -> {
      try (AtomicOutput files = new AtomicOutput()) {
        try (Writer out = files.open(target)) {
          out.write("{\"id\":\"P-1\"}\n");
          out.write("{\"id\":\"P-\ud800\"}\n"); // UTF-8 cannot encode an unpaired surrogate
        }
        files.commit();
      }
    }).isInstanceOf(IOException.class);

    assertThat(Files.readString(target)).isEqualTo("old\n");
    assertThat(folder()).containsExactly("out.jsonl");
  }

  @Test
  void severalFilesAreMovedIntoPlaceOnlyAtTheCommit() throws IOException {
    Path groups = Files.writeString(dir.resolve("groups.csv"), "old groups\n");
    Path html = dir.resolve("audit.html");

    assertThatThrownBy(() -> {
      try (AtomicOutput files = new AtomicOutput()) {
        files.open(groups).write("new groups\n");
        files.open(html).write("<html>");
        throw new IOException("No space left on device");
      }
    }).hasMessageContaining("No space left");
    assertThat(Files.readString(groups)).isEqualTo("old groups\n");
    assertThat(folder()).containsExactly("groups.csv");

    try (AtomicOutput files = new AtomicOutput()) {
      files.open(groups).write("new groups\n");
      files.open(html).write("<html>");
      files.commit();
    }
    assertThat(Files.readString(groups)).isEqualTo("new groups\n");
    assertThat(Files.readString(html)).isEqualTo("<html>");
    assertThat(folder()).containsExactly("audit.html", "groups.csv");
  }

  @Test
  void aReplacedFileKeepsItsPermissions() throws IOException {
    Path target = Files.writeString(dir.resolve("rejects.jsonl"), "old\n");
    PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
    assumeTrue(view != null, "a POSIX file system");
    view.setPermissions(PosixFilePermissions.fromString("rw-------"));

    AtomicOutput.writeString(target, "new\n");

    assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo("new\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
        .isEqualTo("rw-------");
  }

  @Test
  void aRelativeTargetIsWrittenInItsFolder() throws IOException {
    Path target = Path.of("").toAbsolutePath().relativize(dir.resolve("summary.json"));

    AtomicOutput.writeString(target, "{}\n");

    assertThat(Files.readString(dir.resolve("summary.json"))).isEqualTo("{}\n");
    assertThat(folder()).containsExactly("summary.json");
  }
}
