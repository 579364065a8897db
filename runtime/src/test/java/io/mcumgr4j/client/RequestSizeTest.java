package io.mcumgr4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.server.SmpServer;
import io.mcumgr4j.server.transport.memory.InMemoryTransport;
import io.mcumgr4j.testing.EchoGroup;
import io.mcumgr4j.transport.SmpTransport;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A request that cannot arrive whole is refused before sending, with the limit it passes. */
class RequestSizeTest {

  @Test
  void aRequestLargerThanTheLinksMtuIsRefusedAtOnce() throws Exception {
    AtomicInteger sent = new AtomicInteger();
    try (SmpServer server = new SmpServer()) {
      InMemoryTransport link = new InMemoryTransport(server, 64);
      SmpTransport counting = new SmpTransport() {
        @Override
        public void start(Consumer<byte[]> receiver) throws IOException {
          link.start(receiver);
        }

        @Override
        public void send(byte[] packet) throws IOException {
          sent.incrementAndGet();
          link.send(packet);
        }

        @Override
        public int mtu() {
          return link.mtu();
        }

        @Override
        public String name() {
          return link.name();
        }

        @Override
        public void close() {
          link.close();
        }
      };
      server.register(new EchoGroup());
      try (SmpClient client = new SmpClient(counting)) {
        CompletableFuture<?> tooLarge = client.sendAsync(Op.WRITE, EchoGroup.GROUP, 0, EchoGroup.request(new byte[60]));

        assertThat(tooLarge).isCompletedExceptionally();
        assertThatThrownBy(() -> SmpClient.await(tooLarge))
            .isInstanceOf(RequestTooLargeException.class)
            .hasMessageContaining("exceeds the memory link's MTU of 64 bytes")
            .hasMessageContaining("nothing was sent");
        assertThat(sent).hasValue(0);
        // a request that fits still goes
        client.send(Op.WRITE, EchoGroup.GROUP, 0, EchoGroup.request(new byte[10]));
        assertThat(sent).hasValue(1);
        assertThat(client.inFlight()).isZero();
      }
    }
  }

  @Test
  void onceTheDevicesLimitIsKnownLargerRequestsAreRefused() throws Exception {
    try (SmpServer server = new SmpServer();
        SmpClient client = new SmpClient(new InMemoryTransport(server))) {
      server.register(new EchoGroup());
      client.send(Op.WRITE, EchoGroup.GROUP, 0, EchoGroup.request(new byte[100]));

      client.limitRequests(64);

      assertThatThrownBy(() -> client.send(Op.WRITE, EchoGroup.GROUP, 0, EchoGroup.request(new byte[100])))
          .isInstanceOf(RequestTooLargeException.class)
          .hasMessageContaining("exceeds the device's buf_size limit of 64 bytes");
    }
  }
}
