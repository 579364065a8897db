package io.mcumgr4j.transport.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.server.SmpServer;
import io.mcumgr4j.server.transport.udp.UdpServerEndpoint;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Argument checks and close of the UDP endpoint and transport. */
class UdpLifecycleTest {

  private static final InetSocketAddress ANY_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

  @Test
  void serverEndpointMtuIsChecked() {
    try (SmpServer server = new SmpServer()) {
      assertThatThrownBy(() -> new UdpServerEndpoint(server, ANY_PORT, 0))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new UdpServerEndpoint(server, ANY_PORT, 65508))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void transportCloseEndsTheReaderThread() throws Exception {
    UdpTransport transport = new UdpTransport(ANY_PORT);
    transport.start(packet -> { });
    transport.close();
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().equals("smp-udp-client-" + ANY_PORT) && t.isAlive());
  }
}
