package io.mcumgr4j.simulator.enumeration;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcumgr4j.server.ServerConfig;
import io.mcumgr4j.simulator.testing.UdpLink;
import io.mcumgr4j.testing.Vectors;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Zephyr 4.4.0 smp_svr's enumeration requests, sent byte for byte over UDP to a server with the
 * same groups in the same order: the answers must be Zephyr's, header included.
 */
class EnumZephyrVectorsTest {

  private UdpLink loopback;

  @BeforeEach
  void start() throws Exception {
    loopback = UdpLink.serve(SimulatedEnumMgmtTest.smpSvr(ServerConfig.DEFAULT));
  }

  @AfterEach
  void close() {
    loopback.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"enum/count", "enum/list", "enum/group_id(0)", "enum/details"})
  void answersAreZephyrsBytes(String name) throws Exception {
    Vectors.Exchange zephyr = Vectors.get("udp", name);

    byte[] answer = loopback.exchange(zephyr.requestBytes());

    assertThat(HexFormat.of().formatHex(answer)).isEqualTo(HexFormat.of().formatHex(zephyr.responseBytes()));
  }
}
