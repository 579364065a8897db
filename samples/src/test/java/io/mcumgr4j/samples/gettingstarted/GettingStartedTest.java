package io.mcumgr4j.samples.gettingstarted;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.server.SmpServer;
import io.mcumgr4j.server.transport.udp.UdpServerEndpoint;
import io.mcumgr4j.transport.udp.UdpTransport;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** The code of docs/getting-started.md, as written there (port 0 instead of 1337). */
class GettingStartedTest {

  static final class Led implements LedMgmt {
    private boolean on;
    private long switches;

    @Override
    public synchronized void set(boolean value) {
      on = value;
      switches++;
    }

    @Override
    public synchronized State state() {
      return new State(on, switches);
    }
  }

  @Test
  void theGuidesFirstGroupWorks() throws Exception {
    SmpServer server = new SmpServer();
    server.register(new LedMgmtDispatcher(new Led()));
    try (UdpServerEndpoint udp = new UdpServerEndpoint(server, new InetSocketAddress("127.0.0.1", 0));
        SmpClient smp = new SmpClient(new UdpTransport(udp.localAddress()))) {
      LedMgmtClient led = new LedMgmtClient(smp);
      led.set(true);
      assertThat(led.state()).hasToString("State[on=true, switches=1]");
    } finally {
      server.close();
    }
  }
}
