package org.passgenau.io;

import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes one or more files so that each either keeps its previous content or gets the whole new
 * one, never a part: each is written to a temporary file in its own folder, and {@link #commit()}
 * moves them all into place at the end, atomically where the file system can ({@code
 * ATOMIC_MOVE}), else by replacing. Closing without a commit, as a failure does (an exception, a
 * full disk), deletes the temporary files and leaves the targets as they were.
 *
 * <pre>{@code
 * try (AtomicOutput files = new AtomicOutput()) {
 *   try (ResultWriter results = ResultWriter.of(ResultFormat.CSV, files.open(Path.of("out.csv")))) {
 *     results.forEach(results::write);
 *   }
 *   files.commit(); // nothing before this line touched out.csv
 * }
 * }</pre>
 *
 * <p>A temporary file is named after its target ({@code .out.csv.<random>.tmp}), created with the
 * permissions a new file would get and, when it replaces a file, given that file's permissions;
 * its content is forced to the disk before the move. The files of one commit are moved one after
 * the other, so that a reader may see some of a set already replaced for a moment. A process that
 * is killed leaves its temporary file behind, never a half-written target.
 *
 * <p>Not thread-safe: open, write and commit from one thread (a writer handed out may be written
 * from another, one at a time).
 */
public final class AtomicOutput implements Closeable {

  /** Temporary file by target, in the order opened. */
  private final Map<Path, Pending> pending = new LinkedHashMap<>();
  private boolean committed;

  /**
   * A UTF-8 writer to a temporary file that {@link #commit()} moves to {@code target}. Closing the
   * writer does not commit; not closing it is fine, as commit closes it.
   *
   * @throws IllegalStateException when {@code target} is already open here, or after the commit
   */
  public Writer open(Path target) throws IOException {
    checkNotNull(target, "target");
    checkState(!committed, "already committed");
    Path absolute = target.toAbsolutePath().normalize();
    checkState(!pending.containsKey(absolute), "%s is already open", target);
    Path folder = absolute.getParent();
    FileChannel channel = null;
    Path temporary = null;
    for (int attempt = 0; channel == null; attempt++) {
      temporary = folder.resolve("." + absolute.getFileName() + "."
          + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16) + ".tmp");
      try {
        channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE);
      } catch (FileAlreadyExistsException e) {
        if (attempt == 9) {
          throw e;
        }
      }
    }
    Pending file = new Pending(absolute, temporary, channel);
    pending.put(absolute, file);
    return file.writer;
  }

  /** Writes {@code text} to {@code target} as UTF-8, atomically. */
  public static void writeString(Path target, CharSequence text) throws IOException {
    try (AtomicOutput output = new AtomicOutput()) {
      output.open(target).append(text);
      output.commit();
    }
  }

  /**
   * Closes every writer (forcing its content to the disk) and moves each temporary file onto its
   * target, in the order opened. When a move fails, the temporary files not yet moved are deleted
   * on {@link #close()}; the targets moved stay replaced.
   */
  public void commit() throws IOException {
    checkState(!committed, "already committed");
    for (Pending file : pending.values()) {
      file.writer.close();
    }
    for (Pending file : pending.values()) {
      file.keepPermissionsOfTarget();
      try {
        Files.move(file.temporary, file.target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(file.temporary, file.target, StandardCopyOption.REPLACE_EXISTING);
      }
      file.moved = true;
    }
    committed = true;
  }

  /**
   * Deletes the temporary files not moved into place, so that an output given up on leaves the
   * targets as they were and nothing else behind. Closing after a commit does nothing.
   *
   * @throws UncheckedIOException when a temporary file cannot be deleted, naming it
   */
  @Override
  public void close() {
    List<String> left = new ArrayList<>();
    for (Pending file : pending.values()) {
      if (file.moved) {
        continue;
      }
      try {
        file.writer.abandon();
        Files.deleteIfExists(file.temporary);
      } catch (IOException e) {
        left.add(file.temporary + " (" + e.getMessage() + ")");
      }
    }
    pending.clear();
    if (!left.isEmpty()) {
      throw new UncheckedIOException(new IOException(
          "cannot delete the temporary " + String.join(", ", left)));
    }
  }

  /** A temporary file on its way to its target. */
  private static final class Pending {
    final Path target;
    final Path temporary;
    final TemporaryWriter writer;
    boolean moved;

    Pending(Path target, Path temporary, FileChannel channel) {
      this.target = target;
      this.temporary = temporary;
      this.writer = new TemporaryWriter(channel);
    }

    /** A replaced file keeps who may read it: results and rejects may be personal data. */
    void keepPermissionsOfTarget() throws IOException {
      PosixFileAttributeView target =
          Files.getFileAttributeView(this.target, PosixFileAttributeView.class);
      if (target == null || !Files.isRegularFile(this.target)) {
        return;
      }
      Set<PosixFilePermission> permissions = target.readAttributes().permissions();
      Files.getFileAttributeView(temporary, PosixFileAttributeView.class)
          .setPermissions(permissions);
    }
  }

  /**
   * Buffered UTF-8 to the temporary file; closing flushes and forces it to the disk. Characters
   * that UTF-8 cannot encode (an unpaired surrogate) fail the write rather than turn into '?'.
   */
  private static final class TemporaryWriter extends FilterWriter {
    private final FileChannel channel;
    private boolean closed;

    TemporaryWriter(FileChannel channel) {
      super(new BufferedWriter(new OutputStreamWriter(
          Channels.newOutputStream(channel), StandardCharsets.UTF_8.newEncoder())));
      this.channel = channel;
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      try {
        flush();
        channel.force(true);
      } catch (IOException e) {
        channel.close(); // the file is given up on; its buffer need not be written again
        throw e;
      }
      super.close();
    }

    /** Closes without flushing: what is buffered is thrown away with the file. */
    void abandon() throws IOException {
      if (!closed) {
        closed = true;
        channel.close();
      }
    }
  }
}
