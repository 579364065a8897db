package io.mcumgr4j.transport.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.client.ClientConfig;
import io.mcumgr4j.client.ResponseErrors;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.error.MgmtException;
import io.mcumgr4j.frame.SmpFrame;
import io.mcumgr4j.frame.SmpHeader;
import io.mcumgr4j.frame.UdpLimits;
import io.mcumgr4j.server.Packets;
import io.mcumgr4j.server.ServerConfig;
import io.mcumgr4j.server.SmpServer;
import io.mcumgr4j.server.TestGroups;
import io.mcumgr4j.server.transport.udp.UdpServerEndpoint;
import io.mcumgr4j.testing.Vectors;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** SMP over real UDP sockets on the loopback interface: client transport, server endpoint. */
class UdpRoundTripTest {

  private static final ClientConfig CONFIG = ClientConfig.DEFAULT.withTimeout(Duration.ofSeconds(2)).withRetries(3);
  private static final InetSocketAddress LOOPBACK_ANY_PORT =
      new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

  private final SmpServer server = TestGroups.server(ServerConfig.DEFAULT);

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void echoRoundTripGivesZephyrsBytes() throws Exception {
    try (UdpServerEndpoint endpoint = new UdpServerEndpoint(server, LOOPBACK_ANY_PORT);
        SmpClient client = new SmpClient(new UdpTransport(endpoint.localAddress()), CONFIG)) {
      SmpFrame rsp = Packets.assertZephyrEcho(client, "udp");
      assertThat(rsp.header().version()).isEqualTo(1);
      assertThat(rsp.header().flags()).isZero();
    }
  }

  @Test
  void mcumgrParamsAndErrorsOverUdp() throws Exception {
    try (UdpServerEndpoint endpoint = new UdpServerEndpoint(server, LOOPBACK_ANY_PORT);
        SmpClient client = new SmpClient(new UdpTransport(endpoint.localAddress()), CONFIG)) {
      SmpFrame params = client.send(Op.READ, 0, 6, Packets.bytes("a0"));
      assertThat(Packets.hex(params.payload()))
          .isEqualTo(Packets.hex(Vectors.get("udp", "os/mcumgr_params").responsePayload()));

      SmpFrame absent = client.send(Op.READ, 1, 0, Packets.bytes("a0"));
      assertThat(Packets.hex(absent.payload())).isEqualTo("bf62726308ff");
      assertThatThrownBy(() -> ResponseErrors.check(absent.payload()))
          .isInstanceOfSatisfying(MgmtException.class, e -> assertThat(e.rc()).isEqualTo(8));

      SmpFrame groupError = client.send(Op.WRITE, TestGroups.TEST_GROUP, TestGroups.CMD_GROUP_ERROR,
          Packets.bytes("a0"));
      assertThatThrownBy(() -> ResponseErrors.check(groupError.payload(), TestGroups.TestError::of))
          .isInstanceOfSatisfying(GroupErrorException.class,
              e -> assertThat(e.error()).isSameAs(TestGroups.TestError.NOT_WANTED));
    }
  }

  @Test
  void v1ClientGetsTheTranslatedRc() throws Exception {
    try (UdpServerEndpoint endpoint = new UdpServerEndpoint(server, LOOPBACK_ANY_PORT);
        SmpClient client = new SmpClient(new UdpTransport(endpoint.localAddress()),
            CONFIG.withVersion(SmpHeader.VERSION_1))) {
      SmpFrame rsp = client.send(Op.WRITE, TestGroups.TEST_GROUP, TestGroups.CMD_GROUP_ERROR, Packets.bytes("a0"));
      assertThat(rsp.header().version()).isZero();
      assertThat(Packets.hex(rsp.payload())).isEqualTo("bf6272630bff");
    }
  }

  @Test
  void handlersSeeTheUdpLink() throws Exception {
    try (UdpServerEndpoint endpoint = new UdpServerEndpoint(server, LOOPBACK_ANY_PORT, 1200);
        UdpTransport transport = new UdpTransport(endpoint.localAddress());
        SmpClient client = new SmpClient(transport, CONFIG)) {
      SmpFrame rsp = client.send(Op.READ, TestGroups.TEST_GROUP, TestGroups.CMD_CONTEXT, Packets.bytes("a0"));

      assertThat(TestGroups.textField(rsp.payload(), "transport")).isEqualTo("udp");
      assertThat(TestGroups.textField(rsp.payload(), "peer"))
          .contains("127.0.0.1")
          .endsWith(":" + transport.localAddress().getPort());
      assertThat(TestGroups.uintField(rsp.payload(), "mtu")).isEqualTo(1200);
      assertThat(TestGroups.uintField(rsp.payload(), "version")).isEqualTo(1);
      assertThat(TestGroups.uintField(rsp.payload(), "seq")).isEqualTo(rsp.header().sequence());
    }
    try (UdpServerEndpoint endpoint = new UdpServerEndpoint(server, LOOPBACK_ANY_PORT);
        SmpClient client = new SmpClient(new UdpTransport(endpoint.localAddress()), CONFIG)) {
      SmpFrame rsp = client.send(Op.READ, TestGroups.TEST_GROUP, TestGroups.CMD_CONTEXT, Packets.bytes("a0"));
      assertThat(TestGroups.uintField(rsp.payload(), "mtu")).isEqualTo(UdpLimits.DEFAULT_MTU);
    }
  }

  @Test
  void ipv6RoundTrip() throws Exception {
    InetSocketAddress v6 = new InetSocketAddress(InetAddress.getByName("::1"), 0);
    UdpServerEndpoint endpoint;
    try {
      endpoint = new UdpServerEndpoint(server, v6);
    } catch (SocketException e) {
      Assumptions.abort("no IPv6 loopback on this machine: " + e.getMessage());
      return;
    }
    try (endpoint;
        UdpTransport transport = new UdpTransport(endpoint.localAddress());
        SmpClient client = new SmpClient(transport, CONFIG)) {
      SmpFrame rsp = client.send(Op.WRITE, 0, 0, TestGroups.echoRequest("over IPv6"));
      assertThat(TestGroups.echoText(rsp.payload())).isEqualTo("over IPv6");

      SmpFrame ctx = client.send(Op.READ, TestGroups.TEST_GROUP, TestGroups.CMD_CONTEXT, Packets.bytes("a0"));
      assertThat(TestGroups.textField(ctx.payload(), "peer")).contains(":1");
    }
  }

  @Test
  void datagramsLongerThanTheMtuAreCutAndAnsweredCorruptShortOnesDropped() throws Exception {
    int bufSize = server.config().bufSize();
    try (UdpServerEndpoint endpoint = new UdpServerEndpoint(server, LOOPBACK_ANY_PORT, bufSize);
        DatagramSocket raw = new DatagramSocket(LOOPBACK_ANY_PORT)) {
      raw.setSoTimeout(10_000);
      // a write to command 5 with {pad: bstr} of the whole MTU, and one byte more
      int n = bufSize - 16;
      byte[] fits = Packets.message(2, 1, TestGroups.TEST_GROUP, 1, TestGroups.CMD_WRITE_ONLY, pad(n));
      byte[] tooBig = Packets.message(2, 1, TestGroups.TEST_GROUP, 2, TestGroups.CMD_WRITE_ONLY, pad(n + 1));
      assertThat(fits).hasSize(bufSize);

      // cut at the MTU, as Zephyr's recvfrom cuts it: the header claims one byte more than arrived
      send(raw, endpoint, tooBig);
      assertThat(Packets.hex(receive(raw)))
          .isEqualTo(Packets.header(3, 1, 6, TestGroups.TEST_GROUP, 2, 5) + "bf62726309ff");

      long before = server.droppedPackets();
      send(raw, endpoint, new byte[] {0x0a, 0, 0, 0});
      awaitDropped(before + 1);

      send(raw, endpoint, fits);
      byte[] rsp = receive(raw);
      assertThat(Packets.hex(rsp)).isEqualTo(Packets.header(3, 1, 2, TestGroups.TEST_GROUP, 1, 5) + "bfff");
    }
  }

  @Test
  void severalMessagesInOneDatagramGetOneDatagramEach() throws Exception {
    try (UdpServerEndpoint endpoint = new UdpServerEndpoint(server, LOOPBACK_ANY_PORT);
        DatagramSocket raw = new DatagramSocket(LOOPBACK_ANY_PORT)) {
      raw.setSoTimeout(10_000);
      send(raw, endpoint, Packets.concat(
          Packets.message(2, 1, 0, 1, 0, TestGroups.echoRequest("a")),
          Packets.message(2, 1, 0, 2, 0, TestGroups.echoRequest("b"))));
      assertThat(Packets.hex(receive(raw))).isEqualTo(Packets.header(3, 1, 6, 0, 1, 0) + "bf61726161ff");
      assertThat(Packets.hex(receive(raw))).isEqualTo(Packets.header(3, 1, 6, 0, 2, 0) + "bf61726162ff");
    }
  }

  @Test
  void closingTheEndpointLeavesTheServerOpen() throws Exception {
    UdpServerEndpoint first = new UdpServerEndpoint(server, LOOPBACK_ANY_PORT);
    first.close();
    first.close();
    try (UdpServerEndpoint second = new UdpServerEndpoint(server, LOOPBACK_ANY_PORT);
        SmpClient client = new SmpClient(new UdpTransport(second.localAddress()), CONFIG)) {
      assertThat(TestGroups.echoText(client.send(Op.WRITE, 0, 0, TestGroups.echoRequest("still here")).payload()))
          .isEqualTo("still here");
    }
  }

  @Test
  void transportDescribesItself() throws Exception {
    InetSocketAddress device = new InetSocketAddress(InetAddress.getLoopbackAddress(), UdpLimits.DEFAULT_PORT);
    try (UdpTransport t = new UdpTransport(device)) {
      assertThat(t.name()).isEqualTo("udp");
      assertThat(t.mtu()).isEqualTo(1500);
    }
    try (UdpTransport t = new UdpTransport(device, 512)) {
      assertThat(t.mtu()).isEqualTo(512);
    }
    assertThat(UdpLimits.DEFAULT_PORT).isEqualTo(1337);
    assertThatThrownBy(() -> new UdpTransport(device, 15)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new UdpTransport(InetSocketAddress.createUnresolved("nowhere.invalid", 1337)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] pad(int n) {
    return new CborWriter(16, 0xFFFF).startMap(1).key("pad").bytes(new byte[n]).toByteArray();
  }

  private static void send(DatagramSocket raw, UdpServerEndpoint endpoint, byte[] packet) throws Exception {
    raw.send(new DatagramPacket(packet, packet.length, endpoint.localAddress()));
  }

  private static byte[] receive(DatagramSocket raw) throws Exception {
    byte[] buf = new byte[65536];
    DatagramPacket p = new DatagramPacket(buf, buf.length);
    raw.receive(p);
    return Arrays.copyOf(buf, p.getLength());
  }

  private void awaitDropped(long expected) throws InterruptedException {
    for (int i = 0; i < 1000 && server.droppedPackets() < expected; i++) {
      Thread.sleep(10);
    }
    assertThat(server.droppedPackets()).isEqualTo(expected);
  }
}
