package io.mcumgr4j.simulator.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.callback.CallbackResult;
import io.mcumgr4j.client.ClientConfig;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.error.MgmtException;
import io.mcumgr4j.frame.SmpFrame;
import io.mcumgr4j.frame.SmpHeader;
import io.mcumgr4j.groups.os.OsMgmt;
import io.mcumgr4j.groups.os.OsMgmtClient;
import io.mcumgr4j.groups.os.OsMgmtError;
import io.mcumgr4j.groups.os.OsMgmtEvents;
import io.mcumgr4j.server.RequestContext;
import io.mcumgr4j.server.ServerConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated {@link OsMgmtClient} against {@link SimulatedOsMgmt} served by its generated
 * dispatcher over real UDP on 127.0.0.1: every command's fields and values, errors for SMP v2 and
 * v1, bad inputs, and the reset hook.
 */
class OsMgmtUdpTest {

  private static final ClientConfig V1 = ClientConfig.DEFAULT.withVersion(SmpHeader.VERSION_1);
  private static final HexFormat HEX = HexFormat.of();

  private final CountDownLatch resetDone = new CountDownLatch(1);
  private final AtomicInteger resets = new AtomicInteger();
  private final RecordingOsMgmt os = new RecordingOsMgmt(new SimulatedOsMgmt(
      new DeviceClock(Clock.fixed(Instant.parse("2026-06-03T22:19:37Z"), ZoneOffset.UTC)),
      SimulatedOsMgmtTest.INFO,
      () -> {
        resets.incrementAndGet();
        resetDone.countDown();
      },
      SimulatedOsMgmt.ZEPHYR_RESET_DELAY));
  private final UdpOsDevice device;

  OsMgmtUdpTest() throws Exception {
    device = new UdpOsDevice(os);
  }

  @AfterEach
  void close() {
    device.close();
  }

  /** The simulation, recording which resets reached it (past the dispatcher and its hook). */
  private static final class RecordingOsMgmt implements OsMgmt {
    final SimulatedOsMgmt delegate;
    final List<String> resetCalls = new CopyOnWriteArrayList<>();

    RecordingOsMgmt(SimulatedOsMgmt delegate) {
      this.delegate = delegate;
    }

    @Override
    public Echo echo(String text) {
      return delegate.echo(text);
    }

    @Override
    public TaskStats taskStats() {
      return delegate.taskStats();
    }

    @Override
    public Map<String, MemoryPool> memoryPools() {
      return delegate.memoryPools();
    }

    @Override
    public DateTime dateTime() {
      return delegate.dateTime();
    }

    @Override
    public void setDateTime(String datetime) {
      delegate.setDateTime(datetime);
    }

    @Override
    public void reset(Boolean force, Integer bootMode) {
      resetCalls.add("force=" + force + " bootMode=" + bootMode);
      delegate.reset(force, bootMode);
    }

    @Override
    public McumgrParams params(RequestContext ctx) {
      return delegate.params(ctx);
    }

    @Override
    public Info info(String format) {
      return delegate.info(format);
    }

    @Override
    public BootloaderInfo bootloaderInfo(String query) {
      return delegate.bootloaderInfo(query);
    }
  }

  private static byte[] hex(String s) {
    return HEX.parseHex(s.replace(" ", ""));
  }

  private static void assertRc(Runnable call, int rc) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(MgmtException.class, e -> assertThat(e.rc()).isEqualTo(rc));
  }

  private static void assertGroupError(Runnable call, OsMgmtError error) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(GroupErrorException.class, e -> assertThat(e.error()).isSameAs(error));
  }

  // echo

  @Test
  void echoReturnsTheText() throws Exception {
    OsMgmtClient client = device.os();

    assertThat(client.echo("Hello, World!").text()).isEqualTo("Hello, World!");
    assertThat(client.echo("").text()).isEmpty();
    assertThat(client.echo("Grüße, 世界 🦀").text()).isEqualTo("Grüße, 世界 🦀");
    assertThat(client.echoAsync("0123456789".repeat(100)).get().text()).isEqualTo("0123456789".repeat(100));
    assertThat(device.os(V1).echo("v1").text()).isEqualTo("v1");
  }

  @Test
  void echoAnswersAReadToo() throws Exception {
    SmpFrame rsp = device.client(ClientConfig.DEFAULT).send(Op.READ, 0, 0, hex("a1 61 64 62 68 69"));

    assertThat(rsp.header().op()).isEqualTo(Op.READ_RSP.code());
    assertThat(rsp.payload()).isEqualTo(hex("bf 61 72 62 68 69 ff"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "a1 61 64 01", // d: 1
      "a1 61 64 41 78", // d: h'78' (bytes, not text)
      "a1 61 64 f6", // d: null
      "a2 61 64 61 78 61 64 61 79", // d twice
      "81 61 64", // not a map
  })
  void badEchoRequestsAreEinval(String payload) throws Exception {
    // (an absent d is not one: Zephyr's decoder leaves it empty and echoes "")
    for (ClientConfig config : new ClientConfig[] {ClientConfig.DEFAULT, V1}) {
      SmpFrame rsp = device.client(config).send(Op.WRITE, 0, 0, hex(payload));

      assertThat(rsp.payload()).isEqualTo(hex("bf 62 72 63 03 ff"));
    }
  }

  @Test
  void anEchoWithoutDEchoesEmptyTextAsZephyrDoes() throws Exception {
    for (ClientConfig config : new ClientConfig[] {ClientConfig.DEFAULT, V1}) {
      SmpFrame rsp = device.client(config).send(Op.WRITE, 0, 0, hex("a0"));

      assertThat(rsp.payload()).isEqualTo(hex("bf 61 72 60 ff"));
    }
  }

  @Test
  void aResetWithForceAsAnIntegerIsAcceptedAndTheIntegerIgnoredAsZephyrDoes() throws Exception {
    // Python smpclient sends force as an integer; Zephyr ignores the decode error and resets
    SmpFrame rsp = device.client(ClientConfig.DEFAULT).send(Op.WRITE, 0, 5, hex("a1 65 66 6f 72 63 65 01"));

    assertThat(rsp.payload()).isEqualTo(hex("bf ff"));
  }

  // task statistics

  @Test
  void taskStatsListsTheJvmThreadsAsZephyrTasks() throws Exception {
    // A JVM has more threads than Zephyr's sample: a larger buffer and MTU hold them all.
    // Two live threads share a name: each gets its own key, the second disambiguated.
    CountDownLatch release = new CountDownLatch(1);
    List<Thread> twins = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Thread t = new Thread(() -> {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "twin");
      t.setDaemon(true);
      t.start();
      twins.add(t);
    }
    try (UdpOsDevice big = new UdpOsDevice(os, ServerConfig.DEFAULT.withBufSize(16384), 16384)) {
      Map<String, OsMgmt.TaskStat> tasks = big.os().taskStats().tasks();

      assertThat(tasks.values()).extracting(OsMgmt.TaskStat::tid)
          .containsExactlyElementsOf(LongStream.range(0, tasks.size()).boxed().toList());
      assertThat(tasks.values()).allSatisfy(t -> {
        assertThat(t.prio()).isBetween(0, 9);
        assertThat(t.state()).isIn(0x02L, 0x04L, 0x08L, 0x80L);
        assertThat(t.stksiz()).isZero();
        assertThat(t.stkuse()).isZero();
      });
      assertThat(tasks.keySet()).contains("twin").anyMatch(k -> k.startsWith("twin#"));
      assertThat(tasks.get("twin").state()).isEqualTo(0x02L); // waiting on the latch: pending
      // The UDP endpoint's thread, answering, is running.
      assertThat(tasks.entrySet()).anyMatch(e -> e.getKey().startsWith("smp-udp-server-")
          && e.getValue().state() == 0x80);
    } finally {
      release.countDown();
      for (Thread t : twins) {
        t.join(10_000);
      }
    }
  }

  @Test
  void taskStatsLargerThanTheBufferIsEmsgsize() throws Exception {
    try (UdpOsDevice small = new UdpOsDevice(os, ServerConfig.DEFAULT.withBufSize(64), 1500)) {
      OsMgmtClient client = small.os();

      assertRc(client::taskStats, 7);
    }
  }

  // memory pools

  @Test
  void memoryPoolsAreKeyedAtTheTopOfTheResponse() throws Exception {
    Map<String, OsMgmt.MemoryPool> pools = device.os().memoryPools();

    assertThat(pools).isNotEmpty();
    assertThat(pools.keySet()).isSubsetOf(os.delegate.memoryPools().keySet());
    assertThat(pools.values()).allSatisfy(p -> {
      assertThat(p.blksiz()).isEqualTo(1024);
      assertThat(p.nfree()).isBetween(0L, p.nblks());
      assertThat(p.min()).isBetween(0L, p.nfree());
    });
  }

  // datetime

  @Test
  void dateTimeReadsAndSetsTheDeviceClock() throws Exception {
    OsMgmtClient client = device.os();
    assertThat(client.dateTime().datetime()).isEqualTo("2026-06-03T22:19:37");

    client.setDateTime("2030-01-02T03:04:05");
    assertThat(client.dateTime().datetime()).isEqualTo("2030-01-02T03:04:05");

    client.setDateTime("2024-02-29 23:59:59.999");
    assertThat(client.dateTime().datetime()).isEqualTo("2024-02-29T23:59:59");

    client.setDateTime("11899-12-31T23:59:59");
    assertThat(client.dateTime().datetime()).isEqualTo("11899-12-31T23:59:59");

    device.os(V1).setDateTime("1900-01-01T00:00:00+01:00");
    assertThat(device.os(V1).dateTime().datetime()).isEqualTo("1900-01-01T00:00:00");
  }

  @Test
  void dateTimeSetAnswersTheEmptyMap() throws Exception {
    SmpFrame rsp = device.client(ClientConfig.DEFAULT)
        .send(Op.WRITE, 0, 4, hex("a1 68 6461746574696d65 73 323032352d30312d30315430303a30303a3030"));

    assertThat(rsp.header().op()).isEqualTo(Op.WRITE_RSP.code());
    assertThat(rsp.payload()).isEqualTo(hex("bf ff"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "2024-02-30T00:00:00",
      "2023-02-29T12:00:00",
      "2024-13-01T00:00:00",
      "2024-01-01T24:00:00",
      "2024-01-01T00:60:00",
      "2024-01-01T00:00:60",
      "1899-12-31T23:59:59",
      "11900-01-01T00:00:00",
      "2024--01-01T00:00:00",
      "2024-01-01TT00:00:00",
      "2024-01-01T00:00",
      "2024-01-01T00:00:00.123456",
      "2024-01-01",
      "",
      "now",
  })
  void badDateTimesAreEinvalAndLeaveTheClock(String text) throws Exception {
    for (ClientConfig config : new ClientConfig[] {ClientConfig.DEFAULT, V1}) {
      OsMgmtClient client = device.os(config);
      assertRc(() -> client.setDateTime(text), 3);
      assertThat(client.dateTime().datetime()).isEqualTo("2026-06-03T22:19:37");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "a0", // no datetime
      "a1 68 6461746574696d66 73 323032352d30312d30315430303a30303a3030", // "datetimf": missing
      "a1 68 6461746574696d65 1a 655f5f00", // datetime: 1700700000
      "a1 68 6461746574696d65 f6", // datetime: null
      "a2 68 6461746574696d65 73 323032352d30312d30315430303a30303a3030"
          + " 68 6461746574696d65 73 323032352d30312d30315430303a30303a3030", // datetime twice
  })
  void badDateTimeRequestsAreEinval(String payload) throws Exception {
    SmpFrame rsp = device.client(ClientConfig.DEFAULT).send(Op.WRITE, 0, 4, hex(payload));

    assertThat(rsp.payload()).isEqualTo(hex("bf 62 72 63 03 ff"));
  }

  // reset

  @Test
  void resetRunsTheActionAfterTheResponse() throws Exception {
    List<OsMgmtEvents.ResetEvent> events = new CopyOnWriteArrayList<>();
    OsMgmtEvents.onReset(device.server.callbacks(), (event, previous) -> {
      events.add(event);
      return CallbackResult.OK;
    });

    device.os().reset(null, null);

    assertThat(resetDone.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(resets).hasValue(1);
    assertThat(events).containsExactly(new OsMgmtEvents.ResetEvent(null, null));
    assertThat(os.resetCalls).containsExactly("force=null bootMode=null");
  }

  @Test
  void aResetRefusedByAListenerIsEbusyAndResetsNothingUntilForced() throws Exception {
    List<OsMgmtEvents.ResetEvent> events = new CopyOnWriteArrayList<>();
    // As Zephyr's reset hook documentation describes it: busy unless forced.
    OsMgmtEvents.onReset(device.server.callbacks(), (event, previous) -> {
      events.add(event);
      return Boolean.TRUE.equals(event.force()) ? CallbackResult.OK : CallbackResult.rc(MgmtErr.EBUSY);
    });
    OsMgmtClient client = device.os();
    OsMgmtClient v1 = device.os(V1);

    assertRc(() -> client.reset(null, null), 10);
    assertRc(() -> client.reset(false, null), 10);
    assertRc(() -> v1.reset(null, 1), 10);
    assertThat(os.resetCalls).isEmpty();
    assertThat(resets).hasValue(0);

    client.reset(true, 1);

    assertThat(resetDone.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(events).containsExactly(
        new OsMgmtEvents.ResetEvent(null, null),
        new OsMgmtEvents.ResetEvent(false, null),
        new OsMgmtEvents.ResetEvent(null, 1),
        new OsMgmtEvents.ResetEvent(true, 1));
    assertThat(os.resetCalls).containsExactly("force=true bootMode=1");
  }

  @Test
  void resetAcceptsAnyBootMode() throws Exception {
    SmpFrame rsp = device.client(ClientConfig.DEFAULT).send(Op.WRITE, 0, 5, hex("a1 69 626f6f745f6d6f6465 18 ff"));

    assertThat(rsp.payload()).isEqualTo(hex("bf ff"));
    assertThat(resetDone.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(os.resetCalls).containsExactly("force=null bootMode=255");
  }

  @Test
  void aResetListenerGroupErrorIsSentAsIs() throws Exception {
    OsMgmtEvents.onReset(device.server.callbacks(),
        (event, previous) -> CallbackResult.groupError(OsMgmtError.QUERY_RESPONSE_VALUE_NOT_VALID));

    OsMgmtClient client = device.os();

    assertGroupError(() -> client.reset(null, null), OsMgmtError.QUERY_RESPONSE_VALUE_NOT_VALID);
    assertThat(os.resetCalls).isEmpty();
  }

  // parameters

  @Test
  void paramsAreTheServersBuffers() throws Exception {
    assertThat(device.os().params()).isEqualTo(new OsMgmt.McumgrParams(2048, 2));
    assertThat(device.os(V1).params()).isEqualTo(new OsMgmt.McumgrParams(2048, 2));
    try (UdpOsDevice serial = new UdpOsDevice(os, ServerConfig.DEFAULT.withBufSize(384).withBufCount(4), 1500)) {
      assertThat(serial.os().params()).isEqualTo(new OsMgmt.McumgrParams(384, 4));
    }
  }

  // info

  @Test
  void infoReportsTheFormatsFields() throws Exception {
    OsMgmtClient client = device.os();

    assertThat(client.info(null).output()).isEqualTo("mcumgr4j");
    assertThat(client.info("").output()).isEqualTo("mcumgr4j");
    assertThat(client.info("a").output()).isEqualTo(
        "mcumgr4j testhost 0123456789ab 17.0.15 Wed Jun  3 22:19:37 2026 jvm amd64 Linux/amd64 mcumgr4j");
    assertThat(client.info("os").output()).isEqualTo("mcumgr4j mcumgr4j");
    assertThat(client.info("rn").output()).isEqualTo("testhost 0123456789ab");
    assertThat(device.os(V1).info("mp").output()).isEqualTo("jvm amd64");
  }

  @Test
  void anUnknownFormatCharacterIsAGroupErrorForV2AndEinvalForV1() throws Exception {
    OsMgmtClient v2 = device.os();
    OsMgmtClient v1 = device.os(V1);

    assertGroupError(() -> v2.info("sx"), OsMgmtError.INVALID_FORMAT);
    assertRc(() -> v1.info("sx"), 3);

    // On the wire: v2 gets err {group 0, rc 2} alone, v1 gets rc 3.
    byte[] request = hex("a1 66 666f726d6174 61 78");
    assertThat(device.client(ClientConfig.DEFAULT).send(Op.READ, 0, 7, request).payload())
        .isEqualTo(hex("bf 63 657272 bf 65 67726f7570 00 62 7263 02 ff ff"));
    assertThat(device.client(V1).send(Op.READ, 0, 7, request).payload())
        .isEqualTo(hex("bf 62 7263 03 ff"));
  }

  @Test
  void aFormatOfTheWrongTypeIsEinval() throws Exception {
    SmpFrame rsp = device.client(ClientConfig.DEFAULT).send(Op.READ, 0, 7, hex("a1 66 666f726d6174 01"));

    assertThat(rsp.payload()).isEqualTo(hex("bf 62 7263 03 ff"));
  }

  // bootloader info

  @Test
  void bootloaderInfoNamesMcubootAndItsMode() throws Exception {
    OsMgmtClient client = device.os();

    assertThat(client.bootloaderInfo(null)).isEqualTo(new OsMgmt.BootloaderInfo("MCUboot", null, null));
    assertThat(client.bootloaderInfo("mode")).isEqualTo(new OsMgmt.BootloaderInfo(null, 3, null));
    // On the wire: the keys Zephyr writes.
    assertThat(device.client(ClientConfig.DEFAULT).send(Op.READ, 0, 8, hex("a0")).payload())
        .isEqualTo(hex("bf 6a 626f6f746c6f61646572 67 4d4355626f6f74 ff"));
    assertThat(device.client(ClientConfig.DEFAULT).send(Op.READ, 0, 8, hex("a1 65 7175657279 64 6d6f6465")).payload())
        .isEqualTo(hex("bf 64 6d6f6465 03 ff"));
  }

  @Test
  void noDowngradeIsSentOnlyWhenTrue() throws Exception {
    SimulatedOsMgmt overwriteOnly = new SimulatedOsMgmt(new DeviceClock(Clock.systemUTC()),
        SimulatedOsMgmtTest.INFO, () -> {}, Duration.ZERO, 2, true);
    try (UdpOsDevice other = new UdpOsDevice(overwriteOnly)) {
      assertThat(other.os().bootloaderInfo("mode")).isEqualTo(new OsMgmt.BootloaderInfo(null, 2, true));
      assertThat(other.client(ClientConfig.DEFAULT).send(Op.READ, 0, 8, hex("a1 65 7175657279 64 6d6f6465")).payload())
          .isEqualTo(hex("bf 64 6d6f6465 02 6c 6e6f2d646f776e6772616465 f5 ff"));
    }
  }

  @Test
  void otherQueriesYieldNoAnswer() throws Exception {
    OsMgmtClient v2 = device.os();
    OsMgmtClient v1 = device.os(V1);

    assertGroupError(() -> v2.bootloaderInfo("active_b0_slot"), OsMgmtError.QUERY_YIELDS_NO_ANSWER);
    assertGroupError(() -> v2.bootloaderInfo(""), OsMgmtError.QUERY_YIELDS_NO_ANSWER);
    assertRc(() -> v1.bootloaderInfo(""), 5);
  }

  // commands the group does not have

  @Test
  void consoleEchoControlIsNotSupported() throws Exception {
    SmpClient client = device.client(ClientConfig.DEFAULT);

    assertThat(client.send(Op.WRITE, 0, 1, hex("a0")).payload()).isEqualTo(hex("bf 62 7263 08 ff"));
    assertThat(client.send(Op.WRITE, 0, 2, hex("a0")).payload()).isEqualTo(hex("bf 62 7263 08 ff"));
    assertThat(client.send(Op.READ, 0, 9, hex("a0")).payload()).isEqualTo(hex("bf 62 7263 08 ff"));
  }
}
