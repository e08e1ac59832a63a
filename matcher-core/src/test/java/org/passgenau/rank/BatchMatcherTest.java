package org.passgenau.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.passgenau.io.JsonLinesReader;
import org.passgenau.model.Opportunity;
import org.passgenau.model.Profile;
import org.passgenau.rank.spi.CustomScorer;
import org.passgenau.taxonomy.OccupationTaxonomy;

/**
 * A batch of the sample profiles ranked against the sample opportunities on several threads: the
 * results are the engine's own, in the profiles' order, streamed with bounded memory.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BatchMatcherTest {

  private static final Path DATA = Path.of(System.getProperty("passgenau.data", "../data"));
  private static final MatchOptions OPTIONS =
      MatchOptions.defaults().asOf(LocalDate.of(2026, 11, 23)).withTopK(10);
  /** The sample profile whose ranking breaks, with {@link BrokenForOneProfile}. */
  private static final int BROKEN = 37;

  private static MatchingEngine engine;
  private static List<Profile> profiles;

  @BeforeAll
  static void index() throws IOException {
    profiles = JsonLinesReader.profiles().read(DATA.resolve("profiles.jsonl")).records();
    engine = MatchingEngine.builder()
        .ruleSet(RuleSet.defaults().toBuilder().customWeight("broken", 0.1).build())
        .customRule(new BrokenForOneProfile(profiles.get(BROKEN).id()))
        .taxonomy(OccupationTaxonomy.fromTsv(DATA.resolve("taxonomy/occupations.tsv")))
        .build();
    engine.upsertAll(
        JsonLinesReader.opportunities().read(DATA.resolve("opportunities.jsonl")).records());
    engine.refresh();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  /** The profiles but the one whose ranking breaks. */
  private static List<Profile> rankable() {
    List<Profile> rankable = new ArrayList<>(profiles);
    rankable.remove(BROKEN);
    return rankable;
  }

  @ParameterizedTest(name = "{0} threads")
  @ValueSource(ints = {1, 2, 4})
  void eachResultIsWhatTheEngineGivesThatProfileAloneInTheProfilesOrder(int threads) {
    BatchMatcher matcher =
        BatchMatcher.builder(engine).options(OPTIONS).threads(threads).maxInFlight(5).build();
    List<Profile> batch = rankable();
    assertThat(batch).as("more profiles than may be in flight").hasSizeGreaterThan(5 * 20);

    List<MatchResult> results = new ArrayList<>();
    long matched = matcher.matchAll(batch, results::add);

    List<MatchResult> oneByOne = new ArrayList<>();
    batch.forEach(profile -> oneByOne.add(engine.match(profile, OPTIONS)));
    assertThat(matched).isEqualTo(batch.size());
    assertThat(results).isEqualTo(oneByOne);
  }

  @Test
  void theDefaultBoundIsEightProfilesPerThreadAndTheDefaultThreadsTheProcessors() {
    BatchMatcher matcher = BatchMatcher.builder(engine).threads(3).build();
    BatchMatcher defaults = BatchMatcher.builder(engine).build();

    assertThat(matcher.maxInFlight()).isEqualTo(24);
    assertThat(defaults.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(defaults.options()).isEqualTo(MatchOptions.defaults());
  }

  @Test
  void resultsAreHandedOnByOneThreadOnly() {
    Set<Thread> handedOnBy = ConcurrentHashMap.newKeySet();
    BatchMatcher matcher = BatchMatcher.builder(engine).options(OPTIONS).threads(4).build();

    matcher.matchAll(rankable(), result -> handedOnBy.add(Thread.currentThread()));

    assertThat(handedOnBy).hasSize(1);
    assertThat(handedOnBy.iterator().next()).isNotSameAs(Thread.currentThread());
  }

  @Test
  void theFirstResultIsHandedOnBeforeTheNextProfileArrives() throws InterruptedException {
    CountDownLatch firstWritten = new CountDownLatch(1);
    List<String> written = new CopyOnWriteArrayList<>();
    BatchMatcher matcher = BatchMatcher.builder(engine).options(OPTIONS).threads(2).build();

    try (BatchMatcher.Run run = matcher.start(result -> {
      written.add(result.profileId());
      firstWritten.countDown();
    })) {
      run.submit(profiles.get(0));
      // A reader of standard input may wait for its producer, which may wait for this result.
      assertThat(firstWritten.await(30, TimeUnit.SECONDS)).as("first result handed on").isTrue();
      assertThat(written).containsExactly(profiles.get(0).id());
      run.submit(profiles.get(1));
    }
    assertThat(written).containsExactly(profiles.get(0).id(), profiles.get(1).id());
  }

  @Test
  void aSlowConsumerHoldsBackTheReaderOnceTheBoundIsReached() throws InterruptedException {
    CountDownLatch consumerMayGoOn = new CountDownLatch(1);
    BatchMatcher matcher =
        BatchMatcher.builder(engine).options(OPTIONS).threads(2).maxInFlight(3).build();
    BatchMatcher.Run run = matcher.start(result -> awaitQuietly(consumerMayGoOn));
    Thread reader = new Thread(() -> rankable().subList(0, 10).forEach(run::submit));
    reader.start();

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (reader.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(reader.getState()).as("reader waits for room").isEqualTo(Thread.State.WAITING);
    assertThat(run.submitted()).as("profiles in flight").isEqualTo(3);
    assertThat(run.matched()).isZero();

    consumerMayGoOn.countDown();
    reader.join();
    run.close();
    assertThat(run.submitted()).isEqualTo(10);
    assertThat(run.matched()).isEqualTo(10);
  }

  @Test
  void aFailingMatchStopsTheRunWithItsOwnExceptionAndLeavesNoThreadRunning() {
    List<MatchResult> results = new ArrayList<>();
    BatchMatcher matcher =
        BatchMatcher.builder(engine).options(OPTIONS).threads(2).maxInFlight(4).build();

    assertThatThrownBy(() -> matcher.matchAll(profiles, results::add))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("broken for " + profiles.get(BROKEN).id());
    assertThat(results).as("the results before the broken profile, in order")
        .extracting(MatchResult::profileId)
        .containsExactlyElementsOf(
            profiles.subList(0, BROKEN).stream().map(Profile::id).toList());
    assertThat(batchThreads()).isEmpty();
  }

  @Test
  void aFailingConsumerStopsTheRunAndItsExceptionReachesTheCallerOnce() {
    IllegalStateException diskFull = new IllegalStateException("disk full");
    BatchMatcher matcher =
        BatchMatcher.builder(engine).options(OPTIONS).threads(2).maxInFlight(4).build();
    List<MatchResult> written = new ArrayList<>();
    BatchMatcher.Run run = matcher.start(result -> {
      if (written.size() == 5) {
        throw diskFull;
      }
      written.add(result);
    });

    Throwable thrown = null;
    for (Profile profile : rankable()) {
      try {
        run.submit(profile);
      } catch (IllegalStateException e) {
        thrown = e;
        break;
      }
    }

    assertThat(thrown).as("the consumer's own exception").isSameAs(diskFull);
    assertThat(batchThreads()).isEmpty();
    assertThatThrownBy(() -> run.submit(profiles.get(0)))
        .as("submit after the failure")
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the batch run stopped after a failure")
        .hasCause(diskFull);
    run.close(); // already said: quiet
    assertThat(run.matched()).isEqualTo(5);
  }

  @Test
  void closeReportsAFailureThatNoSubmitReported() {
    IllegalStateException diskFull = new IllegalStateException("disk full");
    BatchMatcher matcher = BatchMatcher.builder(engine).options(OPTIONS).threads(1).build();
    BatchMatcher.Run run = matcher.start(result -> {
      throw diskFull;
    });
    run.submit(profiles.get(0));

    assertThatThrownBy(run::close).isSameAs(diskFull);
    run.close();
    assertThatThrownBy(() -> run.submit(profiles.get(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the batch run is closed");
  }

  @Test
  void aThreadCountOutsideOneTo256IsRefusedNamingTheValue() {
    assertThatThrownBy(() -> BatchMatcher.builder(engine).threads(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("threads must be 1 to 256, was 0");
    assertThatThrownBy(() -> BatchMatcher.builder(engine).threads(257))
        .hasMessage("threads must be 1 to 256, was 257");
    assertThatThrownBy(() -> BatchMatcher.builder(engine).maxInFlight(0))
        .hasMessage("maxInFlight must be at least 1, was 0");
  }

  private static Set<String> batchThreads() {
    Set<String> names = new java.util.TreeSet<>();
    Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> name.startsWith("passgenau-batch-"))
        .forEach(names::add);
    return names;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A scorer that cannot rank one profile, as a rule with a bug might. */
  private record BrokenForOneProfile(String profileId) implements CustomScorer {
    @Override
    public String name() {
      return "broken";
    }

    @Override
    public double extract(Opportunity opportunity) {
      return 0;
    }

    @Override
    public DoubleUnaryOperator score(Profile person, LocalDate asOf) {
      if (person.id().equals(profileId)) {
        throw new IllegalStateException("broken for " + profileId);
      }
      return value -> 0;
    }

    @Override
    public String explain(Profile person, LocalDate asOf, double extracted, Locale locale) {
      return null;
    }
  }
}
