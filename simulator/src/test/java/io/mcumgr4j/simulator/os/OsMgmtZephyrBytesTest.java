package io.mcumgr4j.simulator.os;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.client.ClientConfig;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.frame.SmpFrame;
import io.mcumgr4j.frame.SmpHeader;
import io.mcumgr4j.server.ServerConfig;
import io.mcumgr4j.testing.Vectors;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The simulated OS group against Zephyr 4.4.0's own responses (the runtime's UDP vectors): Zephyr's
 * requests are sent as they were captured, over UDP, and the answers compared with Zephyr's byte for
 * byte where nothing device-specific is in them, by structure (keys, key order, CBOR major types,
 * container lengths) where the values are the device's own.
 */
class OsMgmtZephyrBytesTest {

  private final SimulatedOsMgmt os = new SimulatedOsMgmt(
      new DeviceClock(Clock.fixed(Instant.parse("2026-06-03T22:19:37Z"), ZoneOffset.UTC)),
      SimulatedOsMgmtTest.INFO, () -> {}, Duration.ZERO);
  /** Zephyr's UDP configuration, as in the vectors: buffers 2048 x 2, MTU 1500. */
  private final UdpOsDevice device;
  private final SmpClient client;

  OsMgmtZephyrBytesTest() throws Exception {
    device = new UdpOsDevice(os);
    client = device.client(ClientConfig.DEFAULT);
  }

  @AfterEach
  void close() {
    device.close();
  }

  /** Sends the vector's request payload with its op and ids; checks the response header as Zephyr's. */
  private static SmpFrame exchange(SmpClient client, Vectors.Exchange vector) {
    SmpHeader request = SmpHeader.decode(vector.requestBytes());
    SmpHeader zephyr = SmpHeader.decode(vector.responseBytes());
    SmpFrame rsp = client.send(Op.fromCode(request.op()), request.group(), request.command(), vector.requestPayload());

    SmpHeader ours = rsp.header();
    assertThat(ours.op()).isEqualTo(zephyr.op());
    assertThat(ours.version()).isEqualTo(zephyr.version());
    assertThat(ours.flags()).isEqualTo(zephyr.flags());
    assertThat(ours.group()).isEqualTo(zephyr.group());
    assertThat(ours.command()).isEqualTo(zephyr.command());
    assertThat(ours.length()).isEqualTo(rsp.payload().length);
    return rsp;
  }

  @ParameterizedTest
  @ValueSource(strings = {"os/echo", "os/echo(empty)", "os/echo(after bench)", "os/mcumgr_params",
      "connect/mcumgr_params(auto)"})
  void answersZephyrsExactBytes(String name) {
    Vectors.Exchange vector = Vectors.get("udp", name);

    SmpFrame rsp = exchange(client, vector);

    assertThat(rsp.payload()).isEqualTo(vector.responsePayload());
    assertThat(rsp.header().length()).isEqualTo(SmpHeader.decode(vector.responseBytes()).length());
  }

  @Test
  void taskStatsHasZephyrsStructure() throws Exception {
    Vectors.Exchange vector = Vectors.get("udp", "os/taskstat");
    CborShape.Item zephyr = CborShape.decode(vector.responsePayload());
    CborShape.Item ours;
    // A JVM has more threads than Zephyr's sample: a larger buffer and MTU hold them all.
    try (UdpOsDevice big = new UdpOsDevice(os, ServerConfig.DEFAULT.withBufSize(16384), 16384)) {
      ours = CborShape.decode(exchange(big.client(ClientConfig.DEFAULT), vector).payload());
    }

    assertThat(ours.map().keySet()).containsExactlyElementsOf(zephyr.map().keySet());
    assertThat(ours.indefinite()).isEqualTo(zephyr.indefinite()).isTrue();
    CborShape.Item ourTasks = ours.get("tasks");
    CborShape.Item zephyrTasks = zephyr.get("tasks");
    assertThat(ourTasks.indefinite()).isEqualTo(zephyrTasks.indefinite()).isTrue();
    assertThat(ourTasks.map().values()).allSatisfy(t -> assertThat(t.indefinite()).isTrue());
    Map<String, Set<Integer>> zephyrShape = CborShape.recordShape(zephyrTasks);
    Map<String, Set<Integer>> ourShape = CborShape.recordShape(ourTasks);
    // Same per-task keys in the same order: prio, tid, state, stksiz, stkuse.
    assertThat(ourShape.keySet()).containsExactlyElementsOf(zephyrShape.keySet());
    // Each value of a major type Zephyr used for that key (prio: 0 or 1, the others 0).
    ourShape.forEach((key, majors) -> assertThat(zephyrShape.get(key)).as(key).containsAll(majors));
    assertThat(zephyrShape.get("prio")).containsExactlyInAnyOrder(CborShape.UINT, CborShape.NEGINT);
  }

  @Test
  void infoAllHasZephyrsStructure() {
    Vectors.Exchange vector = Vectors.get("udp", "os/info(all)");
    CborShape.Item zephyr = CborShape.decode(vector.responsePayload());

    CborShape.Item ours = CborShape.decode(exchange(client, vector).payload());

    assertThat(ours.map().keySet()).containsExactlyElementsOf(zephyr.map().keySet()).containsExactly("output");
    assertThat(ours.indefinite()).isEqualTo(zephyr.indefinite()).isTrue();
    assertThat(ours.get("output").major()).isEqualTo(zephyr.get("output").major()).isEqualTo(CborShape.TEXT);
    assertThat(ours.get("output").value()).isEqualTo(
        "mcumgr4j testhost 0123456789ab 17.0.15 Wed Jun  3 22:19:37 2026 jvm amd64 Linux/amd64 mcumgr4j");
    // Zephyr's build time has the form this device's has: five words, the day padded.
    assertThat((String) zephyr.get("output").value()).contains(" Wed Jun  3 22:19:37 2026 ");
  }

  @Test
  void infoWithoutFormatIsZephyrsResponseWithAnotherKernelName() {
    Vectors.Exchange vector = Vectors.get("udp", "os/info(default)");

    byte[] ours = exchange(client, vector).payload();

    byte[] kernel = "mcumgr4j".getBytes(StandardCharsets.US_ASCII);
    byte[] zephyr = vector.responsePayload();
    // bf 66 "output" 66 "Zephyr" ff, the text head and text swapped for "mcumgr4j"'s.
    assertThat(Arrays.copyOfRange(zephyr, 0, 8)).isEqualTo(Arrays.copyOfRange(ours, 0, 8));
    assertThat(zephyr[8]).isEqualTo((byte) (0x60 + "Zephyr".length()));
    assertThat(ours[8]).isEqualTo((byte) (0x60 + kernel.length));
    assertThat(Arrays.copyOfRange(ours, 9, 9 + kernel.length)).isEqualTo(kernel);
    assertThat(ours).hasSize(9 + kernel.length + 1).endsWith((byte) 0xFF);
    assertThat(ours).isEqualTo(bytes("bf 66 6f7574707574 68 6d63756d677234 6a ff"));
  }

  private static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }
}
