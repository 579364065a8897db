package io.mcumgr4j.server.transport.memory;

import io.mcumgr4j.client.ClientConfig;
import io.mcumgr4j.client.ClientLoad;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.server.ServerConfig;
import io.mcumgr4j.server.SmpServer;
import io.mcumgr4j.server.TestGroups;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Many requests through the in-memory link at once; every response must be its request's. */
class InMemoryConcurrencyTest {

  private SmpServer server;
  private SmpClient client;

  @BeforeEach
  void start() throws Exception {
    server = TestGroups.server(ServerConfig.DEFAULT.withWorkerThreads(4).withQueueCapacity(256));
    client = new SmpClient(new InMemoryTransport(server),
        ClientConfig.DEFAULT.withTimeout(Duration.ofSeconds(2)).withRetries(3));
  }

  @AfterEach
  void stop() {
    client.close();
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

  @Test
  void burstsBackToBack() throws Exception {
    for (int round = 0; round < 5; round++) {
      ClientLoad.asyncBurst(client, 600);
    }
  }
}
