package io.mcumgr4j.simulator.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcumgr4j.cbor.CborReader;
import io.mcumgr4j.frame.SmpHeader;
import io.mcumgr4j.groups.shell.ShellMgmtDispatcher;
import io.mcumgr4j.server.SmpServer;
import io.mcumgr4j.simulator.testing.UdpLink;
import io.mcumgr4j.testing.Vectors;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Zephyr 4.4.0 smp_svr's shell requests, sent byte for byte over UDP: the answers must be Zephyr's. */
class ShellZephyrVectorsTest {

  private UdpLink loopback;

  @AfterEach
  void close() {
    loopback.close();
  }

  private void start(String version) throws Exception {
    SmpServer server = new SmpServer();
    server.register(new ShellMgmtDispatcher(new SimulatedShellMgmt(ShellRegistry.withDefaults(() -> version, () -> 0),
        SimulatedShellMgmt.DEFAULT_MAX_LINE_LENGTH)));
    loopback = UdpLink.serve(server);
  }

  @Test
  void anUnknownCommandGetsZephyrsBytes() throws Exception {
    start("4.4.0");
    Vectors.Exchange zephyr = Vectors.get("udp", "shell/exec(bogus)");

    assertThat(hex(loopback.exchange(zephyr.requestBytes()))).isEqualTo(hex(zephyr.responseBytes()));
  }

  @Test
  void kernelVersionOfTheSameVersionGetsZephyrsBytes() throws Exception {
    start("4.4.0");
    Vectors.Exchange zephyr = Vectors.get("udp", "shell/exec(kernel version)");

    assertThat(hex(loopback.exchange(zephyr.requestBytes()))).isEqualTo(hex(zephyr.responseBytes()));
  }

  @Test
  void kernelVersionOfAnotherVersionHasZephyrsKeysAndTypes() throws Exception {
    start("1.2.3-sim+7");
    Vectors.Exchange zephyr = Vectors.get("udp", "shell/exec(kernel version)");

    byte[] answer = loopback.exchange(zephyr.requestBytes());

    // the same header but for the length
    assertThat(Arrays.copyOfRange(answer, 0, 2)).isEqualTo(Arrays.copyOfRange(zephyr.responseBytes(), 0, 2));
    assertThat(Arrays.copyOfRange(answer, 4, 8)).isEqualTo(Arrays.copyOfRange(zephyr.responseBytes(), 4, 8));
    CborReader in = CborReader.of(answer, SmpHeader.SIZE, answer.length - SmpHeader.SIZE);
    in.beginMap();
    assertThat(in.nextKey()).isEqualTo("o");
    assertThat(in.text()).isEqualTo("\r\nZephyr version 1.2.3-sim+7\r\n");
    assertThat(in.nextKey()).isEqualTo("ret");
    assertThat(in.int32()).isZero();
    assertThat(in.nextKey()).isNull();
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
