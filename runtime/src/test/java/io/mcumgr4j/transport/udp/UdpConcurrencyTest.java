package io.mcumgr4j.transport.udp;

import io.mcumgr4j.client.ClientConfig;
import io.mcumgr4j.client.ClientLoad;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.server.ServerConfig;
import io.mcumgr4j.server.SmpServer;
import io.mcumgr4j.server.TestGroups;
import io.mcumgr4j.server.transport.udp.UdpServerEndpoint;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Many requests over real UDP at once; every response must be the one of its request. The
 * server's queue holds a whole sequence space and the client retries, so a datagram lost on a
 * busy loopback cannot fail the test.
 */
class UdpConcurrencyTest {

  private SmpServer server;
  private UdpServerEndpoint endpoint;
  private SmpClient client;

  @BeforeEach
  void start() throws Exception {
    server = TestGroups.server(ServerConfig.DEFAULT.withWorkerThreads(4).withQueueCapacity(256));
    endpoint = new UdpServerEndpoint(server, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    client = new SmpClient(new UdpTransport(endpoint.localAddress()),
        ClientConfig.DEFAULT.withTimeout(Duration.ofSeconds(1)).withRetries(8));
  }

  @AfterEach
  void stop() {
    client.close();
    endpoint.close();
    server.close();
  }

  @Test
  void sixteenThreadsOfBlockingRequests() throws Exception {
    ClientLoad.blockingFromThreads(client, 16, 1000);
  }

  @Test
  void twoThousandAsyncRequestsAtOnce() throws Exception {
    ClientLoad.asyncBurst(client, 2000);
  }
}
