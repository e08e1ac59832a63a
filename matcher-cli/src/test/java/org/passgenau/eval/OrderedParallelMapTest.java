package org.passgenau.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The ordered parallel map behind the commands and the rule-set runner. */
class OrderedParallelMapTest {

  @Test
  void outcomesReachTheSinkInTheProfilesOrderWhateverTheThreadsFinishFirst()
      throws InterruptedException {
    List<Integer> profiles = IntStream.range(0, 200).boxed().toList();
    List<String> seen = new ArrayList<>();
    Thread caller = Thread.currentThread();
    List<Boolean> onCaller = new ArrayList<>();

    OrderedParallelMap.run(
        profiles,
        4,
        "test",
        i -> {
          // Early profiles take longest, so later ones finish first.
          LockSupport.parkNanos((200 - i) * 10_000L);
          return "P-" + i;
        },
        (i, outcome) -> {
          seen.add(i + "=" + outcome);
          onCaller.add(Thread.currentThread() == caller);
        });

    assertThat(seen).containsExactlyElementsOf(profiles.stream().map(i -> i + "=P-" + i).toList());
    assertThat(onCaller).as("sink runs on the calling thread").containsOnly(true);
  }

  @Test
  void workRunsOnSeveralNamedDaemonThreads() throws InterruptedException {
    ConcurrentHashMap<String, Boolean> threads = new ConcurrentHashMap<>();
    OrderedParallelMap.run(
        IntStream.range(0, 64).boxed().toList(),
        3,
        "rank",
        i -> {
          LockSupport.parkNanos(200_000);
          return threads.put(Thread.currentThread().getName(), Thread.currentThread().isDaemon());
        },
        (i, outcome) -> {});

    assertThat(threads.keySet())
        .isNotEmpty()
        .allMatch(name -> name.matches("passgenau-rank-[0-2]"));
    assertThat(threads.values()).containsOnly(true);
  }

  @Test
  void aFailingProfileStopsTheRunWithItsOwnException() {
    AtomicInteger handed = new AtomicInteger();

    assertThatThrownBy(
            () ->
                OrderedParallelMap.run(
                    IntStream.range(0, 100).boxed().toList(),
                    2,
                    "test",
                    i -> {
                      if (i == 5) {
                        throw new IllegalArgumentException("profile 5 is broken");
                      }
                      return i;
                    },
                    (i, outcome) -> handed.incrementAndGet()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("profile 5 is broken");
    assertThat(handed).as("outcomes before the failing profile").hasValue(5);
  }
}
