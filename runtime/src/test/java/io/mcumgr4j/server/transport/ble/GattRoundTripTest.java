package io.mcumgr4j.server.transport.ble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.client.ClientConfig;
import io.mcumgr4j.client.RequestTooLargeException;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.client.SmpTransportException;
import io.mcumgr4j.frame.SmpFrame;
import io.mcumgr4j.gatt.Fragments;
import io.mcumgr4j.server.Packets;
import io.mcumgr4j.server.ServerConfig;
import io.mcumgr4j.server.SmpServer;
import io.mcumgr4j.server.TestGroups;
import io.mcumgr4j.transport.ble.GattTransport;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SMP over GATT end to end: a client on a {@link GattTransport}, a server behind a {@link GattPeripheral}. */
class GattRoundTripTest {

  private static final ClientConfig CONFIG = ClientConfig.DEFAULT.withTimeout(Duration.ofSeconds(5)).withRetries(0);

  private final SmpServer server = TestGroups.server(ServerConfig.DEFAULT.withBufSize(2048).withBufCount(8));

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void zephyrsEchoAtEveryMtu() throws IOException {
    for (int attMtu : new int[] {Fragments.MIN_ATT_MTU, 24, 64, 185, 247, Fragments.MAX_ATT_MTU}) {
      InMemoryGattLink link = new InMemoryGattLink(server, attMtu);
      try (SmpClient client = new SmpClient(new GattTransport(link, 2048), CONFIG)) {
        Packets.assertZephyrEcho(client, "udp");
        assertThat(client.transport().address()).isEqualTo("ble:in-memory");
      }
    }
  }

  @Test
  void requestsAndResponsesSpanningManyValuesInFlightTogether() throws IOException {
    InMemoryGattLink link = new InMemoryGattLink(server, Fragments.MIN_ATT_MTU);
    try (SmpClient client = new SmpClient(new GattTransport(link, 2048), CONFIG)) {
      List<CompletableFuture<SmpFrame>> answers = new ArrayList<>();
      List<String> sent = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        String text = ("echo " + i + " ").repeat(40); // about 300 bytes: 16 writes and as many notifications
        sent.add(text);
        answers.add(client.sendAsync(Op.WRITE, 0, 0, new CborWriter().startMap(1).key("d").text(text).toByteArray()));
      }
      for (int i = 0; i < answers.size(); i++) {
        byte[] expected = new CborWriter().startMap().key("r").text(sent.get(i)).end().toByteArray();
        assertThat(Packets.hex(SmpClient.await(answers.get(i)).payload())).isEqualTo(Packets.hex(expected));
      }
    }
  }

  @Test
  void byDefaultARequestFitsOneWriteAndALargerOneIsRefusedBeforeSending() throws IOException {
    InMemoryGattLink link = new InMemoryGattLink(server, 64);
    try (SmpClient client = new SmpClient(new GattTransport(link), CONFIG)) {
      assertThat(client.transport().mtu()).isEqualTo(61);
      byte[] tooLarge = new CborWriter().startMap(1).key("d").text("x".repeat(60)).toByteArray();
      assertThatThrownBy(() -> client.send(Op.WRITE, 0, 0, tooLarge))
          .isInstanceOf(RequestTooLargeException.class);
      byte[] fits = new CborWriter().startMap(1).key("d").text("x".repeat(40)).toByteArray();
      assertThat(client.send(Op.WRITE, 0, 0, fits).header().op()).isEqualTo(3);
    }
    assertThatThrownBy(() -> new GattTransport(link, 7)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aClosedLinkFailsTheSend() throws IOException {
    InMemoryGattLink link = new InMemoryGattLink(server, 185);
    SmpClient client = new SmpClient(new GattTransport(link), CONFIG);
    link.close();
    assertThatThrownBy(() -> client.send(Op.WRITE, 0, 0, new CborWriter().startMap(0).toByteArray()))
        .isInstanceOf(SmpTransportException.class)
        .hasMessageContaining("link closed");
    client.close();
  }
}
