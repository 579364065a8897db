package io.mcumgr4j.server.transport.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.client.ClientConfig;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.client.SmpTimeoutException;
import io.mcumgr4j.client.SmpTransportException;
import io.mcumgr4j.frame.SmpFrame;
import io.mcumgr4j.server.Packets;
import io.mcumgr4j.server.ServerConfig;
import io.mcumgr4j.server.SmpServer;
import io.mcumgr4j.server.TestGroups;
import io.mcumgr4j.testing.Vectors;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The in-memory link: the client and the server in one JVM, through the server's workers. */
class InMemoryRoundTripTest {

  private static final ClientConfig CONFIG = ClientConfig.DEFAULT.withTimeout(Duration.ofSeconds(5)).withRetries(0);

  private final SmpServer server = TestGroups.server(ServerConfig.DEFAULT);

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void echoRoundTripGivesZephyrsBytes() throws Exception {
    try (SmpClient client = new SmpClient(new InMemoryTransport(server), CONFIG)) {
      Packets.assertZephyrEcho(client, "udp");

      SmpFrame params = client.send(Op.READ, 0, 6, Packets.bytes("a0"));
      assertThat(Packets.hex(params.payload()))
          .isEqualTo(Packets.hex(Vectors.get("udp", "os/mcumgr_params").responsePayload()));
    }
  }

  @Test
  void handlersSeeTheMemoryLink() throws Exception {
    InMemoryTransport transport = new InMemoryTransport(server, 777);
    try (SmpClient client = new SmpClient(transport, CONFIG)) {
      SmpFrame rsp = client.send(Op.READ, TestGroups.TEST_GROUP, TestGroups.CMD_CONTEXT, Packets.bytes("a0"));

      assertThat(TestGroups.textField(rsp.payload(), "transport")).isEqualTo("memory").isEqualTo(transport.name());
      assertThat(TestGroups.textField(rsp.payload(), "peer")).startsWith("in-memory client");
      assertThat(TestGroups.uintField(rsp.payload(), "mtu")).isEqualTo(777).isEqualTo(transport.mtu());
      assertThat(TestGroups.uintField(rsp.payload(), "version")).isEqualTo(1);
      assertThat(TestGroups.uintField(rsp.payload(), "seq")).isEqualTo(rsp.header().sequence());
    }
    try (SmpClient client = new SmpClient(new InMemoryTransport(server), CONFIG)) {
      SmpFrame rsp = client.send(Op.READ, TestGroups.TEST_GROUP, TestGroups.CMD_CONTEXT, Packets.bytes("a0"));
      assertThat(TestGroups.uintField(rsp.payload(), "mtu")).isEqualTo(server.config().bufSize());
    }
  }

  @Test
  void twoClientsAreTwoPeers() throws Exception {
    try (SmpClient a = new SmpClient(new InMemoryTransport(server), CONFIG);
        SmpClient b = new SmpClient(new InMemoryTransport(server), CONFIG)) {
      String peerA = TestGroups.textField(
          a.send(Op.READ, TestGroups.TEST_GROUP, TestGroups.CMD_CONTEXT, Packets.bytes("a0")).payload(), "peer");
      String peerB = TestGroups.textField(
          b.send(Op.READ, TestGroups.TEST_GROUP, TestGroups.CMD_CONTEXT, Packets.bytes("a0")).payload(), "peer");
      assertThat(peerA).isNotEqualTo(peerB);
    }
  }

  @Test
  void aCrashingHandlerIsRc1AndTheWorkersGoOn() throws Exception {
    try (SmpClient client = new SmpClient(new InMemoryTransport(server), CONFIG)) {
      for (int i = 0; i < 10; i++) {
        SmpFrame boom = client.send(Op.READ, TestGroups.TEST_GROUP, TestGroups.CMD_BOOM, Packets.bytes("a0"));
        assertThat(Packets.hex(boom.payload())).isEqualTo("bf62726301ff");
      }
      assertThat(TestGroups.echoText(client.send(Op.WRITE, 0, 0, TestGroups.echoRequest("alive")).payload()))
          .isEqualTo("alive");
    }
  }

  @Test
  void aClosedTransportFailsSends() throws Exception {
    InMemoryTransport transport = new InMemoryTransport(server);
    try (SmpClient client = new SmpClient(transport, CONFIG)) {
      transport.close();
      assertThatThrownBy(() -> client.send(Op.WRITE, 0, 0, TestGroups.echoRequest("x")))
          .isInstanceOf(SmpTransportException.class);
      assertThat(client.inFlight()).isZero();
    }
  }

  @Test
  void aClosedServerDropsRequests() throws Exception {
    try (SmpClient client = new SmpClient(new InMemoryTransport(server),
        CONFIG.withTimeout(Duration.ofMillis(200)))) {
      server.close();
      long before = server.droppedPackets();
      assertThatThrownBy(() -> client.send(Op.WRITE, 0, 0, TestGroups.echoRequest("x")))
          .isInstanceOf(SmpTimeoutException.class);
      assertThat(server.droppedPackets()).isEqualTo(before + 1);
    }
  }
}
