package io.mcumgr4j.simulator.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.groups.os.OsMgmt;
import io.mcumgr4j.groups.os.OsMgmtError;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** {@link SimulatedOsMgmt} called directly: the mappings from the JVM and the info format. */
class SimulatedOsMgmtTest {

  static final OsInfo INFO = new OsInfo("mcumgr4j", "testhost", "0123456789ab", "17.0.15",
      "Wed Jun  3 22:19:37 2026", "jvm", "amd64", "Linux/amd64", "mcumgr4j");

  private final SimulatedOsMgmt os = new SimulatedOsMgmt(
      new DeviceClock(Clock.fixed(Instant.parse("2026-06-03T22:19:37Z"), ZoneOffset.UTC)), INFO,
      () -> {}, Duration.ZERO);

  @Test
  void tasksAreSortedByNameAndKeyedUniquely() {
    Thread w1 = new Thread(() -> {}, "w");
    Thread unnamed1 = new Thread(() -> {}, "");
    Thread w2 = new Thread(() -> {}, "w");
    Thread wHash = new Thread(() -> {}, "w#4");
    Thread alpha = new Thread(() -> {}, "alpha");
    Thread unnamed2 = new Thread(() -> {}, "");

    Map<String, OsMgmt.TaskStat> tasks =
        SimulatedOsMgmt.tasksOf(List.of(w1, unnamed1, w2, wHash, alpha, unnamed2)).tasks();

    // Equal names keep thread creation (id) order; a taken key gets "#tid", again if need be.
    assertThat(tasks.keySet()).containsExactly("", "#1", "alpha", "w", "w#4", "w#4#5");
    assertThat(tasks.values()).extracting(OsMgmt.TaskStat::tid).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
    assertThat(tasks.get("w#4").tid()).isEqualTo(4);
    assertThat(tasks.get("w#4#5").tid()).isEqualTo(5);
  }

  @Test
  void javaPrioritiesAreZephyrPreemptiblePriorities() {
    Thread max = new Thread(() -> {}, "max");
    max.setPriority(Thread.MAX_PRIORITY);
    Thread norm = new Thread(() -> {}, "norm");
    Thread min = new Thread(() -> {}, "min");
    min.setPriority(Thread.MIN_PRIORITY);

    Map<String, OsMgmt.TaskStat> tasks = SimulatedOsMgmt.tasksOf(List.of(max, norm, min)).tasks();

    assertThat(tasks.get("max").prio()).isZero();
    assertThat(tasks.get("norm").prio()).isEqualTo(5);
    assertThat(tasks.get("min").prio()).isEqualTo(9);
  }

  @Test
  void threadStatesAreZephyrStateBits() throws InterruptedException {
    Thread unstarted = new Thread(() -> {}, "unstarted");
    Thread finished = new Thread(() -> {}, "finished");
    finished.start();
    finished.join();

    Map<String, OsMgmt.TaskStat> tasks =
        SimulatedOsMgmt.tasksOf(List.of(unstarted, finished, Thread.currentThread())).tasks();

    assertThat(tasks.get("unstarted").state()).isEqualTo(0x04);
    assertThat(tasks.get("finished").state()).isEqualTo(0x08);
    assertThat(tasks.get(Thread.currentThread().getName()).state()).isEqualTo(0x80);
    assertThat(tasks.values()).allSatisfy(t -> {
      assertThat(t.stksiz()).isZero();
      assertThat(t.stkuse()).isZero();
    });
    assertThat(SimulatedOsMgmt.zephyrState(Thread.State.RUNNABLE)).isEqualTo(0x80);
    assertThat(SimulatedOsMgmt.zephyrState(Thread.State.BLOCKED)).isEqualTo(0x02);
    assertThat(SimulatedOsMgmt.zephyrState(Thread.State.WAITING)).isEqualTo(0x02);
    assertThat(SimulatedOsMgmt.zephyrState(Thread.State.TIMED_WAITING)).isEqualTo(0x02);
    assertThat(SimulatedOsMgmt.zephyrState(Thread.State.NEW)).isEqualTo(0x04);
    assertThat(SimulatedOsMgmt.zephyrState(Thread.State.TERMINATED)).isEqualTo(0x08);
  }

  @Test
  void taskStatsListsTheJvmsLiveThreads() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    Thread waiter = new Thread(() -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "os-test-waiter-" + System.nanoTime());
    waiter.setPriority(7);
    waiter.start();
    try {
      Map<String, OsMgmt.TaskStat> tasks = os.taskStats().tasks();

      assertThat(tasks).containsKey(waiter.getName());
      OsMgmt.TaskStat task = tasks.get(waiter.getName());
      assertThat(task.prio()).isEqualTo(3);
      // Running until it reaches await(), then waiting.
      assertThat(task.state()).isIn(0x80L, 0x02L);
      assertThat(tasks.values()).extracting(OsMgmt.TaskStat::tid)
          .containsExactlyElementsOf(LongStream.range(0, tasks.size()).boxed().toList());
      assertThat(tasks.values()).allSatisfy(t -> assertThat(t.prio()).isBetween(0, 9));
    } finally {
      release.countDown();
      waiter.join(TimeUnit.SECONDS.toMillis(10));
    }
  }

  @Test
  void memoryPoolsAreTheJvmsPoolsInKibibyteBlocks() {
    List<String> names = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(MemoryPoolMXBean::isValid).map(MemoryPoolMXBean::getName).toList();

    Map<String, OsMgmt.MemoryPool> pools = os.memoryPools();

    assertThat(pools.keySet()).containsExactlyElementsOf(names);
    assertThat(pools.values()).isNotEmpty().allSatisfy(p -> {
      assertThat(p.blksiz()).isEqualTo(1024);
      assertThat(p.nfree()).isBetween(0L, p.nblks());
      assertThat(p.min()).isBetween(0L, p.nfree());
    });
  }

  @Test
  void infoSelectsFieldsInZephyrsOrder() {
    assertThat(os.info(null).output()).isEqualTo("mcumgr4j");
    assertThat(os.info("").output()).isEqualTo("mcumgr4j");
    assertThat(os.info("s").output()).isEqualTo("mcumgr4j");
    assertThat(os.info("a").output()).isEqualTo(
        "mcumgr4j testhost 0123456789ab 17.0.15 Wed Jun  3 22:19:37 2026 jvm amd64 Linux/amd64 mcumgr4j");
    assertThat(os.info("oipmbvrns").output()).isEqualTo(os.info("a").output());
    assertThat(os.info("vs").output()).isEqualTo("mcumgr4j 17.0.15");
    assertThat(os.info("ss").output()).isEqualTo("mcumgr4j");
    assertThat(os.info("asn").output()).isEqualTo(os.info("a").output());
    assertThat(os.info("na").output()).isEqualTo(os.info("a").output());
    assertThat(os.info("i").output()).isEqualTo("Linux/amd64");
    assertThat(os.info("b").output()).isEqualTo("Wed Jun  3 22:19:37 2026");
    assertThat(os.info("ni").output()).isEqualTo("testhost Linux/amd64");
  }

  @Test
  void unknownFormatCharactersAreInvalidFormat() {
    for (String format : new String[] {"x", "sx", "S", "A", " ", "s ", "\u00e9", "a!"}) {
      assertThatThrownBy(() -> os.info(format))
          .as(format)
          .isInstanceOfSatisfying(GroupErrorException.class,
              e -> assertThat(e.error()).isSameAs(OsMgmtError.INVALID_FORMAT));
    }
  }

  @Test
  void bootloaderInfoIsMcubootInSwapUsingMove() {
    assertThat(os.bootloaderInfo(null)).isEqualTo(new OsMgmt.BootloaderInfo("MCUboot", null, null));
    assertThat(os.bootloaderInfo("mode")).isEqualTo(new OsMgmt.BootloaderInfo(null, 3, null));
    for (String query : new String[] {"", "Mode", "mode ", "active_b0_slot"}) {
      assertThatThrownBy(() -> os.bootloaderInfo(query))
          .isInstanceOfSatisfying(GroupErrorException.class,
              e -> assertThat(e.error()).isSameAs(OsMgmtError.QUERY_YIELDS_NO_ANSWER));
    }
  }

  @Test
  void constructorRefusesANegativeResetDelay() {
    DeviceClock clock = new DeviceClock(Clock.systemUTC());
    assertThatThrownBy(() -> new SimulatedOsMgmt(clock, INFO, () -> {}, Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
