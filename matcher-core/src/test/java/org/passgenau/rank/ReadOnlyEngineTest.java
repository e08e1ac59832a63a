package org.passgenau.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.passgenau.rank.SavedIndexRanking.ranking;
import static org.passgenau.rank.SavedIndexRanking.reader;
import static org.passgenau.rank.SavedIndexRanking.save;
import static org.passgenau.rank.SavedIndexRanking.writer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.store.LockObtainFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadOnlyEngineTest {

  @Test
  void twoReadOnlyEnginesRankFromOneSavedIndexAtOnce(@TempDir Path dir) {
    save(dir);
    try (MatchingEngine first = reader(dir);
        MatchingEngine second = reader(dir)) {
      assertThat(first.size()).isEqualTo(SavedIndexRanking.opportunities().size());
      assertThat(ranking(first)).as("the same saved index, the same ranking")
          .isNotEmpty()
          .isEqualTo(ranking(second));
      try (MatchingEngine writer = writer(dir)) {
        assertThat(writer.size()).as("the readers hold no write lock").isEqualTo(6);
      }
    }
  }

  @Test
  void aReadOnlyEngineRanksAsTheEngineThatWroteTheIndex(@TempDir Path dir) {
    try (MatchingEngine writer = writer(dir)) {
      writer.upsertAll(SavedIndexRanking.opportunities());
      writer.refresh();
      writer.commit();
      try (MatchingEngine reader = reader(dir)) {
        MatchResult written = writer.match(SavedIndexRanking.warehouseHelper(),
            MatchOptions.defaults().asOf(Fixtures.TODAY));
        MatchResult read = reader.match(SavedIndexRanking.warehouseHelper(),
            MatchOptions.defaults().asOf(Fixtures.TODAY));
        assertThat(read).as("a reader beside the writer that holds the lock").isEqualTo(written);
        assertThat(read.matches()).isNotEmpty();
      }
    }
  }

  @Test
  void aReadOnlyEngineSeesTheWritersLaterCommitsAfterARefresh(@TempDir Path dir) {
    try (MatchingEngine writer = writer(dir)) {
      List<org.passgenau.model.Opportunity> all = SavedIndexRanking.opportunities();
      writer.upsertAll(all.subList(0, 2));
      writer.refresh();
      writer.commit();
      try (MatchingEngine reader = reader(dir)) {
        assertThat(reader.size()).isEqualTo(2);
        writer.upsertAll(all.subList(2, all.size()));
        writer.refresh();
        reader.refresh();
        assertThat(reader.size()).as("nothing committed yet").isEqualTo(2);
        writer.commit();
        reader.refresh();
        assertThat(reader.size()).as("the writer's last commit").isEqualTo(all.size());
        assertThat(ranking(reader)).isEqualTo(ranking(writer));
      }
    }
  }

  @Test
  void aReadOnlyEngineRefusesEveryChange(@TempDir Path dir) {
    save(dir);
    try (MatchingEngine engine = reader(dir)) {
      List<Runnable> changes = List.of(
          () -> engine.upsert(SavedIndexRanking.opportunities().get(0)),
          () -> engine.upsertAll(List.of()),
          engine::bulkUpsert,
          () -> engine.delete("V-KREFELD"),
          engine::commit);
      for (Runnable change : changes) {
        assertThatThrownBy(change::run)
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("read-only")
            .hasMessageContaining(dir.toString());
      }
      assertThat(engine.size()).as("nothing changed").isEqualTo(6);
    }
  }

  @Test
  void aReadOnlyEngineNeedsASavedIndexAndNamesTheDirectory(@TempDir Path dir) throws IOException {
    Path missing = dir.resolve("missing");
    assertThatThrownBy(() -> reader(missing))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("does not exist");
    assertThat(Files.exists(missing)).as("a reader creates no directory").isFalse();

    Path empty = Files.createDirectory(dir.resolve("empty"));
    assertThatThrownBy(() -> reader(empty))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no saved opportunity index in " + empty);

    assertThatThrownBy(() -> MatchingEngine.builder().readOnly().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("directory");
  }

  @Test
  void aSecondWriterIsToldTheIndexIsLockedAndByWhom(@TempDir Path dir) {
    try (MatchingEngine first = writer(dir)) {
      assertThatThrownBy(() -> writer(dir))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining(dir.toString())
          .hasMessageContaining("locked by another writer")
          .hasMessageContaining("write.lock held by pid " + ProcessHandle.current().pid())
          .cause()
          .isInstanceOf(LockObtainFailedException.class);
      assertThat(first.size()).as("the first writer stays usable").isZero();
    }
    assertThat(Files.exists(dir.resolve("writer.info"))).as("removed at close").isFalse();
  }

  @Test
  void aWriterInfoLeftByAKilledWriterBlocksNothing(@TempDir Path dir) throws IOException {
    save(dir);
    Files.writeString(dir.resolve("writer.info"),
        "pid 1 on a-gone-host since 2026-01-01T00:00:00Z");
    try (MatchingEngine writer = writer(dir);
        MatchingEngine reader = reader(dir)) {
      assertThat(Files.readString(dir.resolve("writer.info")))
          .as("the new writer records itself")
          .startsWith("pid " + ProcessHandle.current().pid() + " on ");
      assertThat(reader.size()).isEqualTo(writer.size()).isEqualTo(6);
    }
  }

  @Test
  void aChildProcessRanksFromTheIndexWhileThisProcessWritesAndReadsIt(@TempDir Path dir)
      throws Exception {
    save(dir);
    try (MatchingEngine writer = writer(dir);
        MatchingEngine reader = reader(dir)) {
      Child child = Child.run("read", dir);
      assertThat(child.exitCode()).as(child.output()).isZero();
      assertThat(child.output().strip())
          .as("the child's ranking, read beside this JVM's writer and reader")
          .isEqualTo(ranking(reader))
          .isEqualTo(ranking(writer));
    }
  }

  @Test
  void aWriterInAnotherProcessIsRefusedNamingThisOne(@TempDir Path dir) throws Exception {
    save(dir);
    try (MatchingEngine writer = writer(dir)) {
      Child child = Child.run("write", dir);
      assertThat(child.exitCode()).as(child.output()).isEqualTo(SavedIndexRanking.REFUSED);
      assertThat(child.output())
          .contains("locked by another writer")
          .contains("write.lock held by pid " + ProcessHandle.current().pid());
    }
  }

  /** A JVM of its own running {@link SavedIndexRanking#main}. */
  private record Child(int exitCode, String output) {

    static Child run(String mode, Path dir) throws IOException, InterruptedException {
      String classPath =
          System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      Process process = new ProcessBuilder(java.toString(), "-cp", classPath,
              SavedIndexRanking.class.getName(), mode, dir.toString())
          .redirectErrorStream(true)
          .start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("the child JVM did not finish");
      }
      return new Child(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
  }
}
