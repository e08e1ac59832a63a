package org.passgenau.io;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.google.common.base.Throwables;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.common.util.concurrent.ThreadFactoryBuilder;
import com.google.common.util.concurrent.Uninterruptibles;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.function.Function;
import org.passgenau.io.Problems.Problem;
import org.passgenau.model.Opportunity;
import org.passgenau.model.Profile;

/**
 * Reads a JSON Lines file of the data contract ({@code opportunities.jsonl}, {@code
 * profiles.jsonl}) into model records, turning every line that cannot be read into a {@link Reject}
 * and going on with the rest.
 *
 * <pre>{@code
 * ReadResult<Opportunity> read =
 *     JsonLinesReader.opportunities().read(Path.of("opportunities.jsonl"));
 * read.rejects().forEach(rejectWriter::write);
 * }</pre>
 *
 * <p>Rules: each line is one record or one reject, never both and never neither, unless it is
 * blank (empty, or spaces and tabs only; control characters and Unicode spaces are not blank). A
 * line is rejected when it is not one JSON object, when a value has the wrong type, an unknown code
 * or is out of range, when a required field is missing, or when its {@code id} was already read
 * (the first record wins). A reject carries the record's {@code id} whenever the line gets far
 * enough to show it. Unknown fields are ignored and counted per field path.
 *
 * <p>Lines: only {@code \n} and {@code \r\n} end a line. A lone {@code \r} stays inside its line,
 * where JSON takes it for white space between values and refuses it inside a string, so that line
 * numbers in rejects agree with {@code wc -l}; a last line without a line end counts too. A line
 * whose bytes are not UTF-8 is rejected, without id or field, its reason naming the first bad byte
 * and its offset in the line ({@code not UTF-8: byte 0xFC at byte 40 of the line}) and nothing
 * else of it; the lines after it are read as usual. So is a line longer than {@link
 * #MAX_LINE_BYTES}, read past in bounded memory, and a line nested deeper than Jackson's limit of
 * 1000 levels. A source that cannot be read at all (missing file, failing stream, a line with no
 * end within {@link #MAX_SKIPPED_LINE_BYTES}) fails with an {@link UncheckedIOException} naming
 * it, since that is the caller's problem rather than the producer's. Character streams are cut
 * into lines by the same rules as bytes.
 *
 * <p>Record contents are never logged: profiles are personal data.
 *
 * <p>Files and byte streams are read in large blocks and each line is parsed straight from its
 * bytes; {@link #withThreads(int)} parses blocks on several threads with the same outcome.
 *
 * <p>A reader is immutable and thread-safe; each {@code read} keeps its own state, and calls the
 * consumers on the calling thread, in file order, whatever the number of threads.
 */
public final class JsonLinesReader<T> {

  /**
   * The longest line read, in bytes of UTF-8 without its line end: 16 MiB, far above any record
   * of the contract (a long description takes some kilobytes). A longer line is rejected as a
   * whole ({@code line is longer than the limit of 16777216 bytes (16 MiB)}), without id or field,
   * and reading goes on after it; its bytes are dropped as they arrive, so that memory stays
   * bounded by about this limit plus one read block. A character stream counts the UTF-8 bytes
   * of its characters, so that it is cut exactly as its bytes would be.
   */
  public static final int MAX_LINE_BYTES = 16 << 20;

  /**
   * How far a line longer than {@link #MAX_LINE_BYTES} is read looking for its end: 1 GiB. A
   * line with more bytes than this before its line end (a stream of zeros, a binary file, a
   * device) is taken for input that is not JSON Lines at all: the read fails with an {@link
   * UncheckedIOException} naming the source and the line, after the lines before it went to the
   * consumers. Waiting for a line end forever would never end on such input.
   */
  public static final long MAX_SKIPPED_LINE_BYTES = 1L << 30;

  private static final ObjectMapper MAPPER = strictMapper();

  /** Blocks parsed or waiting per worker thread: enough to keep workers busy, few in memory. */
  private static final int BLOCKS_IN_FLIGHT_PER_THREAD = 2;

  private final ObjectReader reader;
  private final Function<T, String> idOf;
  private final KnownFields knownFields;
  private final int threads;

  /** Bytes read at once; small in tests so that lines cross block ends. */
  private final int blockSize;

  /** For tests: every line parsed the way it was before lines were read from bytes. */
  private final boolean treesOnly;

  /** {@link #MAX_LINE_BYTES} and {@link #MAX_SKIPPED_LINE_BYTES}, smaller in tests. */
  private final int maxLineBytes;

  private final long maxSkippedBytes;

  private JsonLinesReader(Class<T> type, Function<T, String> idOf) {
    this.reader = MAPPER.readerFor(type);
    this.idOf = idOf;
    this.knownFields = KnownFields.of(MAPPER, MAPPER.constructType(type));
    this.threads = 1;
    this.blockSize = LineBlocks.CHUNK;
    this.treesOnly = false;
    this.maxLineBytes = MAX_LINE_BYTES;
    this.maxSkippedBytes = MAX_SKIPPED_LINE_BYTES;
  }

  private JsonLinesReader(
      JsonLinesReader<T> original,
      int threads,
      int blockSize,
      boolean treesOnly,
      int maxLineBytes,
      long maxSkippedBytes) {
    this.reader = original.reader;
    this.idOf = original.idOf;
    this.knownFields = original.knownFields;
    this.threads = threads;
    this.blockSize = blockSize;
    this.treesOnly = treesOnly;
    this.maxLineBytes = maxLineBytes;
    this.maxSkippedBytes = maxSkippedBytes;
  }

  /** A reader of {@code opportunities.jsonl}. */
  public static JsonLinesReader<Opportunity> opportunities() {
    return new JsonLinesReader<>(Opportunity.class, Opportunity::id);
  }

  /** A reader of {@code profiles.jsonl}. */
  public static JsonLinesReader<Profile> profiles() {
    return new JsonLinesReader<>(Profile.class, Profile::id);
  }

  /**
   * A reader like this one that parses files and byte streams on {@code threads} threads: the
   * calling thread reads the input and cuts it into blocks of whole lines, {@code threads} worker
   * threads parse the blocks, and the calling thread hands the records and rejects to the consumers
   * in file order, checking duplicate ids in file order too. Records, rejects and counts are the
   * same for every number of threads; only a few blocks are in memory at once. The workers live for
   * one {@code read} and are gone when it returns or throws. {@link Reader} sources are always read
   * on the calling thread alone.
   *
   * <pre>{@code
   * ReadSummary summary = JsonLinesReader.opportunities()
   *     .withThreads(Runtime.getRuntime().availableProcessors())
   *     .read(Path.of("opportunities.jsonl"), engineBatch::add, rejectWriter::write);
   * }</pre>
   *
   * <p>This reader is unchanged; both are immutable and thread-safe.
   *
   * @param threads the number of parsing threads; 1, the default, parses on the calling thread
   * @throws IllegalArgumentException when {@code threads} is less than 1
   */
  public JsonLinesReader<T> withThreads(int threads) {
    checkArgument(threads >= 1, "threads must be at least 1, was %s", threads);
    return threads == this.threads
        ? this
        : new JsonLinesReader<>(
            this, threads, blockSize, treesOnly, maxLineBytes, maxSkippedBytes);
  }

  /** A reader that reads {@code bytes} at a time, for tests of lines across block ends. */
  JsonLinesReader<T> withBlockSize(int bytes) {
    checkArgument(bytes >= 1, "block size must be at least 1, was %s", bytes);
    return new JsonLinesReader<>(this, threads, bytes, treesOnly, maxLineBytes, maxSkippedBytes);
  }

  /**
   * A reader with smaller line limits than {@link #MAX_LINE_BYTES} and {@link
   * #MAX_SKIPPED_LINE_BYTES}, for tests. {@code maxSkippedBytes} must be at least {@code
   * maxLineBytes + 2} and, for reading bytes, the block size, so that a line that fits a block is
   * never taken for an endless one.
   */
  JsonLinesReader<T> withLineLimits(int maxLineBytes, long maxSkippedBytes) {
    checkArgument(
        maxLineBytes >= 1 && maxLineBytes <= MAX_LINE_BYTES,
        "maxLineBytes must be 1 to %s, was %s",
        MAX_LINE_BYTES,
        maxLineBytes);
    checkArgument(
        maxSkippedBytes >= maxLineBytes + 2L,
        "maxSkippedBytes must be at least maxLineBytes + 2, was %s",
        maxSkippedBytes);
    return new JsonLinesReader<>(
        this, threads, blockSize, treesOnly, maxLineBytes, maxSkippedBytes);
  }

  /** A reader that parses every line into a tree first, the slow way: the reference in tests. */
  JsonLinesReader<T> parsingTreesOnly() {
    return new JsonLinesReader<>(this, threads, blockSize, true, maxLineBytes, maxSkippedBytes);
  }

  /**
   * Reads a UTF-8 file into memory.
   *
   * <pre>{@code
   * ReadResult<Opportunity> read =
   *     JsonLinesReader.opportunities().read(Path.of("opportunities.jsonl"));
   * }</pre>
   *
   * <p>Thread-safe; the records and rejects are in file order.
   *
   * @throws UncheckedIOException naming the file when it cannot be read
   */
  public ReadResult<T> read(Path file) {
    ImmutableList.Builder<T> records = ImmutableList.builder();
    ImmutableList.Builder<Reject> rejects = ImmutableList.builder();
    ReadSummary summary = read(file, records::add, rejects::add);
    return new ReadResult<>(
        records.build(), rejects.build(), summary.unknownFields(), summary.linesRead());
  }

  /**
   * Reads a character stream into memory, on the calling thread; {@code source} names it in
   * rejects. The reader is not closed.
   *
   * <pre>{@code
   * ReadResult<Profile> read = JsonLinesReader.profiles().read(new StringReader(text), "request");
   * }</pre>
   *
   * <p>Thread-safe; the records and rejects are in the stream's order.
   *
   * @throws UncheckedIOException naming the source when it cannot be read
   */
  public ReadResult<T> read(Reader in, String source) {
    ImmutableList.Builder<T> records = ImmutableList.builder();
    ImmutableList.Builder<Reject> rejects = ImmutableList.builder();
    ReadSummary summary = read(in, source, records::add, rejects::add);
    return new ReadResult<>(
        records.build(), rejects.build(), summary.unknownFields(), summary.linesRead());
  }

  /**
   * Streams a UTF-8 file, for batch files too large to hold: each record goes to {@code records}
   * and each reject to {@code rejects}, in file order, on the calling thread. When a consumer
   * throws, reading stops and the exception propagates.
   *
   * <pre>{@code
   * ReadSummary summary = JsonLinesReader.opportunities()
   *     .read(Path.of("opportunities.jsonl"), batch::add, rejectWriter::write);
   * }</pre>
   *
   * <p>Thread-safe: concurrent reads do not share state.
   *
   * @throws UncheckedIOException naming the file when it cannot be read
   */
  public ReadSummary read(
      Path file, Consumer<? super T> records, Consumer<? super Reject> rejects) {
    checkNotNull(file, "file");
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString(), records, rejects);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Streams UTF-8 bytes such as standard input; {@code source} names them in rejects. Each record
   * goes to {@code records} and each reject to {@code rejects}, in the stream's order, on the
   * calling thread, as soon as its line has arrived. The stream is not closed. When a consumer
   * throws, reading stops and the exception propagates.
   *
   * <pre>{@code
   * ReadSummary summary =
   *     JsonLinesReader.profiles()
   *         .read(System.in, "standard input", ranker::rank, rejectWriter::write);
   * }</pre>
   *
   * <p>Thread-safe: concurrent reads do not share state.
   *
   * @throws UncheckedIOException naming the source when it cannot be read
   */
  public ReadSummary read(
      InputStream in,
      String source,
      Consumer<? super T> records,
      Consumer<? super Reject> rejects) {
    checkNotNull(in, "in");
    checkNotNull(source, "source");
    checkNotNull(records, "records");
    checkNotNull(rejects, "rejects");
    Pass pass = new Pass(source, records, rejects);
    try {
      if (threads == 1) {
        readOnThisThread(in, pass);
      } else {
        readOnWorkers(in, pass);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read " + source + " after line " + pass.lines + ": " + e.getMessage(), e);
    }
    return pass.summary();
  }

  /**
   * Streams a character stream on the calling thread; {@code source} names it in rejects. The
   * reader is not closed. Slower than reading bytes: prefer {@link #read(InputStream, String,
   * Consumer, Consumer)} when the source is bytes.
   *
   * <p>Thread-safe: concurrent reads do not share state.
   *
   * @throws UncheckedIOException naming the source when it cannot be read
   */
  public ReadSummary read(
      Reader in, String source, Consumer<? super T> records, Consumer<? super Reject> rejects) {
    checkNotNull(in, "in");
    checkNotNull(source, "source");
    checkNotNull(records, "records");
    checkNotNull(rejects, "rejects");
    CharLines lines = new CharLines(in, maxLineBytes, maxSkippedBytes);
    Pass pass = new Pass(source, records, rejects);
    LineParser parser = new LineParser();
    long lineNumber = 0;
    try {
      for (String line = lines.next(); line != null; line = lines.next()) {
        lineNumber++;
        if (lines.kind() == LineBlocks.Kind.TOO_LONG) {
          pass.reject(lineNumber, null, Problems.tooLong(maxLineBytes));
          continue;
        }
        if (lines.kind() == LineBlocks.Kind.ENDLESS) {
          throw endless(source, lineNumber);
        }
        if (lineNumber == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1); // a byte order mark some editors write
        }
        if (!Utf8Lines.isBlank(line)) {
          parser.parse(line, lineNumber, pass);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read " + source + " after line " + lineNumber + ": " + e.getMessage(), e);
    }
    pass.lines = lineNumber;
    return pass.summary();
  }

  private void readOnThisThread(InputStream in, Pass pass) throws IOException {
    LineBlocks blocks = new LineBlocks(in, false, blockSize, maxLineBytes, maxSkippedBytes);
    LineParser parser = new LineParser();
    while (blocks.next()) {
      switch (blocks.kind()) {
        case LINES ->
            pass.lines +=
                parser.parseBlock(
                    blocks.bytes(), blocks.from(), blocks.to(), blocks.atStart(), pass.lines, pass);
        case TOO_LONG -> {
          pass.lines++;
          pass.reject(pass.lines, null, Problems.tooLong(maxLineBytes));
        }
        case ENDLESS -> throw endless(pass.source, pass.lines + 1);
      }
    }
  }

  /** The failure for a line without a line end in its first {@code maxSkippedBytes}. */
  private UncheckedIOException endless(String source, long line) {
    String message =
        String.format(
            "cannot read %s: line %d has no line end within %d bytes, so this is not JSON Lines;"
                + " nothing after it is read",
            source, line, maxSkippedBytes);
    return new UncheckedIOException(message, new IOException(message));
  }

  private void readOnWorkers(InputStream in, Pass pass) throws IOException {
    // The threads are kept so that a read returns only once they have ended: an executor
    // reports termination while its last worker thread is still on its way out.
    List<Thread> started = new ArrayList<>();
    ThreadFactory named =
        new ThreadFactoryBuilder().setNameFormat("json-lines-parser-%d").setDaemon(true).build();
    ExecutorService workers =
        Executors.newFixedThreadPool(
            threads,
            task -> {
              Thread thread = named.newThread(task);
              synchronized (started) {
                started.add(thread);
              }
              return thread;
            });
    ThreadLocal<LineParser> parsers = ThreadLocal.withInitial(LineParser::new);
    ArrayDeque<Future<ParsedBlock<T>>> inFlight = new ArrayDeque<>();
    try {
      LineBlocks blocks = new LineBlocks(in, true, blockSize, maxLineBytes, maxSkippedBytes);
      while (blocks.next()) {
        if (blocks.kind() == LineBlocks.Kind.ENDLESS) {
          while (!inFlight.isEmpty()) {
            pass.lines = next(inFlight, pass.source).replay(pass, pass.lines);
          }
          throw endless(pass.source, pass.lines + 1);
        }
        if (blocks.kind() == LineBlocks.Kind.TOO_LONG) {
          ParsedBlock<T> tooLong = new ParsedBlock<>();
          tooLong.reject(1, null, Problems.tooLong(maxLineBytes));
          tooLong.lineCount(1);
          inFlight.add(CompletableFuture.completedFuture(tooLong));
          continue;
        }
        byte[] bytes = blocks.bytes();
        int from = blocks.from();
        int to = blocks.to();
        boolean atStart = blocks.atStart();
        inFlight.add(
            workers.submit(
                () -> {
                  ParsedBlock<T> block = new ParsedBlock<>();
                  block.lineCount(parsers.get().parseBlock(bytes, from, to, atStart, 0, block));
                  return block;
                }));
        if (inFlight.size() >= BLOCKS_IN_FLIGHT_PER_THREAD * threads) {
          pass.lines = next(inFlight, pass.source).replay(pass, pass.lines);
        }
      }
      while (!inFlight.isEmpty()) {
        pass.lines = next(inFlight, pass.source).replay(pass, pass.lines);
      }
    } finally {
      inFlight.forEach(block -> block.cancel(true));
      MoreExecutors.shutdownAndAwaitTermination(workers, Duration.ofMinutes(1));
      joinAll(started);
    }
  }

  /** Waits for the threads to end, keeping the caller's interrupt for after. */
  private static void joinAll(List<Thread> threads) {
    List<Thread> copy;
    synchronized (threads) {
      copy = List.copyOf(threads);
    }
    for (Thread thread : copy) {
      Uninterruptibles.joinUninterruptibly(thread, Duration.ofMinutes(1));
    }
  }

  /** The oldest block in flight, once parsed; a worker's failure is rethrown here. */
  private ParsedBlock<T> next(ArrayDeque<Future<ParsedBlock<T>>> inFlight, String source)
      throws InterruptedIOException {
    try {
      return inFlight.remove().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while reading " + source);
    } catch (ExecutionException e) {
      Throwables.throwIfUnchecked(e.getCause());
      throw new IllegalStateException("cannot parse " + source, e.getCause());
    }
  }

  /** Where the outcome of each line goes, in line order. */
  interface LineSink<T> {
    /** A record that was read; {@code unknownFields} is valid during the call only. */
    void record(long line, T record, List<String> unknownFields);

    /** A line refused before its id was checked against earlier lines. */
    void reject(long line, String id, Problem problem);
  }

  /**
   * Parses lines into outcomes: straight from the bytes or text into a record when that works, else
   * through a tree so that the reject names the id, field and value. Confined to one thread.
   */
  private final class LineParser {
    private final UnknownFieldCollector unknownFields = new UnknownFieldCollector();
    private final ObjectReader direct = reader.withHandler(unknownFields);
    private final List<String> treeUnknownFields = new ArrayList<>();

    /**
     * Parses the lines of {@code [from, to)}, numbered after {@code linesBefore}; returns how many
     * lines there were, blank ones included. A line that is not UTF-8 is rejected, naming only
     * its first bad byte: the rest of it cannot be trusted to be text.
     */
    long parseBlock(
        byte[] bytes, int from, int to, boolean atStart, long linesBefore, LineSink<T> sink) {
      long line = linesBefore;
      int position = from;
      while (position < to) {
        int end = Utf8Lines.scanLine(bytes, position, to);
        int bad = -1;
        if (end < 0) {
          bad = ~end;
          end = Utf8Lines.lineEnd(bytes, bad, to);
        }
        line++;
        int contentEnd = end;
        if (end < to && end > position && bytes[end - 1] == '\r') {
          contentEnd--; // the CR of CRLF; a lone CR elsewhere stays in the line
        }
        if (contentEnd - position > maxLineBytes) {
          // As LineBlocks would have dropped it, had it not fitted in the block.
          sink.reject(line, null, Problems.tooLong(maxLineBytes));
        } else if (bad >= 0) {
          sink.reject(line, null, Problems.notUtf8(bytes[bad], bad - position));
        } else {
          int start = position;
          if (atStart && line == linesBefore + 1 && Utf8Lines.startsWithBom(bytes, start, end)) {
            start += 3; // a byte order mark some editors write
          }
          if (!Utf8Lines.isBlank(bytes, start, Math.max(start, contentEnd))) {
            parse(bytes, start, contentEnd, line, sink);
          }
        }
        position = end < to ? end + 1 : end;
      }
      return line - linesBefore;
    }

    private void parse(byte[] bytes, int from, int to, long line, LineSink<T> sink) {
      int first = from;
      while (first < to && (bytes[first] == ' ' || bytes[first] == '\t')) {
        first++;
      }
      // Only an object goes straight to the record; a zero second byte would make Jackson take
      // the bytes for UTF-16.
      if (!treesOnly
          && first < to
          && bytes[first] == '{'
          && (first + 1 == to || bytes[first + 1] != 0)) {
        unknownFields.clear();
        T record;
        try {
          record = direct.readValue(bytes, first, to - first);
        } catch (IOException | RuntimeException e) {
          record = null; // the tree below finds out what is wrong
        }
        if (record != null) {
          if (unknownFields.seen()) {
            sink.record(line, record, unknownFieldsOf(bytes, first, to));
          } else {
            sink.record(line, record, List.of());
          }
          return;
        }
      }
      parseTree(new String(bytes, from, to - from, StandardCharsets.UTF_8), line, sink);
    }

    void parse(String text, long line, LineSink<T> sink) {
      int first = 0;
      while (first < text.length() && (text.charAt(first) == ' ' || text.charAt(first) == '\t')) {
        first++;
      }
      if (!treesOnly && first < text.length() && text.charAt(first) == '{') {
        unknownFields.clear();
        T record;
        try {
          record = direct.readValue(text);
        } catch (IOException | RuntimeException e) {
          record = null; // the tree below finds out what is wrong
        }
        if (record != null) {
          if (unknownFields.seen()) {
            sink.record(line, record, unknownFieldsOf(text));
          } else {
            sink.record(line, record, List.of());
          }
          return;
        }
      }
      parseTree(text, line, sink);
    }

    /** The paths of the unknown fields of a line that was read, named from its tree. */
    private List<String> unknownFieldsOf(byte[] bytes, int from, int to) {
      try {
        return unknownFieldsIn(MAPPER.readTree(bytes, from, to - from));
      } catch (IOException e) {
        throw new IllegalStateException("a line read as a record no longer reads as a tree", e);
      }
    }

    private List<String> unknownFieldsOf(String text) {
      try {
        return unknownFieldsIn(MAPPER.readTree(text));
      } catch (IOException e) {
        throw new IllegalStateException("a line read as a record no longer reads as a tree", e);
      }
    }

    private List<String> unknownFieldsIn(JsonNode tree) {
      treeUnknownFields.clear();
      knownFields.forEachUnknown(tree, treeUnknownFields::add);
      return treeUnknownFields;
    }

    /** The way every line was read before: a tree first, so that a reject can name the id. */
    private void parseTree(String text, long line, LineSink<T> sink) {
      JsonNode tree;
      try (JsonParser parser = MAPPER.createParser(text)) {
        tree = MAPPER.readTree(parser);
      } catch (JsonProcessingException e) {
        sink.reject(line, recoverId(text), Problems.malformed(e));
        return;
      } catch (IOException e) {
        throw new UncheckedIOException(e); // cannot happen when parsing a String
      }
      if (tree == null || !tree.isObject()) {
        sink.reject(line, null, Problems.notAnObject(tree == null ? MAPPER.missingNode() : tree));
        return;
      }
      String id = idOf(tree);
      T record;
      try {
        record = reader.readValue(tree);
      } catch (JsonMappingException e) {
        sink.reject(line, id, Problems.refused(e, tree));
        return;
      } catch (IOException | RuntimeException e) {
        // Not expected from a tree; rejected rather than thrown, so every line is accounted for.
        sink.reject(line, id, new Problem(null, "cannot be read: " + e.getMessage()));
        return;
      }
      sink.record(line, record, unknownFieldsIn(tree));
    }
  }

  /** The state of one read: ids seen, counts. Confined to the reading thread. */
  private final class Pass implements LineSink<T> {
    private final String source;
    private final Consumer<? super T> recordSink;
    private final Consumer<? super Reject> rejectSink;
    private final Map<String, Long> firstLineOfId = new HashMap<>();
    private final Map<String, Long> unknownFields = new TreeMap<>();
    private long lines;
    private long records;
    private long rejected;

    Pass(String source, Consumer<? super T> recordSink, Consumer<? super Reject> rejectSink) {
      this.source = source;
      this.recordSink = recordSink;
      this.rejectSink = rejectSink;
    }

    @Override
    public void record(long line, T record, List<String> unknownFieldPaths) {
      String recordId = idOf.apply(record);
      Long first = firstLineOfId.putIfAbsent(recordId, line);
      if (first != null) {
        reject(
            line,
            recordId,
            new Problem("id", "duplicate id '" + recordId + "', first read on line " + first));
        return;
      }
      for (String path : unknownFieldPaths) {
        unknownFields.merge(path, 1L, Long::sum);
      }
      records++;
      recordSink.accept(record);
    }

    @Override
    public void reject(long line, String id, Problem problem) {
      rejected++;
      rejectSink.accept(new Reject(source, line, id, problem.field(), problem.reason()));
    }

    ReadSummary summary() {
      return new ReadSummary(lines, records, rejected, ImmutableSortedMap.copyOf(unknownFields));
    }
  }

  private static String idOf(JsonNode tree) {
    JsonNode id = tree.get("id");
    return id != null && id.isTextual() && !id.textValue().isBlank() ? id.textValue() : null;
  }

  /** The top-level {@code id} of a line that is not valid JSON, if it comes before the damage. */
  static String recoverId(String line) {
    try (JsonParser parser = MAPPER.createParser(line)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          JsonToken value = parser.nextToken();
          if ("id".equals(name)) {
            return value == JsonToken.VALUE_STRING && !parser.getText().isBlank()
                ? parser.getText()
                : null;
          }
          parser.skipChildren();
        } else if (token == JsonToken.END_OBJECT) {
          return null;
        }
      }
    } catch (IOException | RuntimeException e) {
      // The damage came first: no id to report.
    }
    return null;
  }

  private static ObjectMapper strictMapper() {
    ObjectMapper mapper = Json.newMapper();
    // {"id":"a","id":"b"} is ambiguous; reject it instead of keeping the last value.
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    return mapper;
  }
}
