package io.mcumgr4j.transport.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.client.ClientConfig;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.frame.SmpFrame;
import io.mcumgr4j.serial.SerialFrameEncoder;
import io.mcumgr4j.server.Packets;
import io.mcumgr4j.server.ServerConfig;
import io.mcumgr4j.server.SmpServer;
import io.mcumgr4j.server.TestGroups;
import io.mcumgr4j.server.transport.tcp.TcpServerEndpoint;
import io.mcumgr4j.testing.Vectors;
import io.mcumgr4j.transport.serial.SerialTransport;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SMP over real TCP sockets on the loopback interface: client transport, server endpoint. */
class TcpRoundTripTest {

  private static final ClientConfig CONFIG = ClientConfig.DEFAULT.withTimeout(Duration.ofSeconds(10));
  private static final InetSocketAddress LOOPBACK_ANY_PORT =
      new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

  private final SmpServer server = TestGroups.server(ServerConfig.DEFAULT);

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void echoRoundTripGivesZephyrsBytes() throws Exception {
    try (TcpServerEndpoint endpoint = new TcpServerEndpoint(server, LOOPBACK_ANY_PORT);
        SmpClient client = new SmpClient(new TcpTransport(endpoint.localAddress()), CONFIG)) {
      Packets.assertZephyrEcho(client, "serial");
    }
  }

  @Test
  void handlersSeeEachConnectionAsItsOwnTcpPeer() throws Exception {
    try (TcpServerEndpoint endpoint = new TcpServerEndpoint(server, LOOPBACK_ANY_PORT);
        SmpClient a = new SmpClient(new TcpTransport(endpoint.localAddress()), CONFIG);
        SmpClient b = new SmpClient(new TcpTransport(endpoint.localAddress()), CONFIG)) {
      byte[] ctxA = context(a);
      byte[] ctxB = context(b);

      assertThat(TestGroups.textField(ctxA, "transport")).isEqualTo("tcp");
      assertThat(TestGroups.textField(ctxA, "peer")).contains("127.0.0.1");
      assertThat(TestGroups.textField(ctxA, "peer")).isNotEqualTo(TestGroups.textField(ctxB, "peer"));
      assertThat(TestGroups.uintField(ctxA, "mtu")).isEqualTo(server.config().bufSize());
      assertThat(endpoint.connectionCount()).isEqualTo(2);
    }
  }

  @Test
  void twoClientsAtOnceEachGetTheirOwnAnswers() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (TcpServerEndpoint endpoint = new TcpServerEndpoint(server, LOOPBACK_ANY_PORT);
        SmpClient a = new SmpClient(new TcpTransport(endpoint.localAddress()), CONFIG);
        SmpClient b = new SmpClient(new TcpTransport(endpoint.localAddress()), CONFIG)) {
      Future<List<String>> fromA = pool.submit(() -> echoes(a, "a", 50));
      Future<List<String>> fromB = pool.submit(() -> echoes(b, "b", 50));

      assertThat(fromA.get(30, TimeUnit.SECONDS)).isEqualTo(expected("a", 50));
      assertThat(fromB.get(30, TimeUnit.SECONDS)).isEqualTo(expected("b", 50));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theClientWritesTheSerialFramingAndHearsConsoleText() throws Exception {
    Vectors.Exchange zephyr = Vectors.get("serial", "os/echo");
    byte[] large = SmpFrame.of(2, 1, 0, 2, 0, TestGroups.echoRequest("x".repeat(300))).encode();
    BlockingQueue<String> console = new LinkedBlockingQueue<>();
    BlockingQueue<byte[]> packets = new LinkedBlockingQueue<>();
    try (ServerSocket device = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        TcpTransport transport = new TcpTransport(
            address(device), Duration.ofSeconds(10), SerialTransport.DEFAULT_MTU, console::add);
        Socket wire = device.accept()) {
      wire.setSoTimeout(10_000);
      transport.start(packets::add);

      transport.send(zephyr.requestBytes());
      assertThat(wire.getInputStream().readNBytes(zephyr.serialWireRequest().length))
          .isEqualTo(zephyr.serialWireRequest());
      transport.send(large);
      byte[] framed = SerialFrameEncoder.client().encode(large);
      assertThat(wire.getInputStream().readNBytes(framed.length)).isEqualTo(framed);

      OutputStream out = wire.getOutputStream();
      out.write("uart:~$ kernel uptime\n".getBytes(StandardCharsets.US_ASCII));
      out.write(zephyr.serialWireResponse());
      out.flush();
      assertThat(console.poll(10, TimeUnit.SECONDS)).isEqualTo("uart:~$ kernel uptime");
      assertThat(packets.poll(10, TimeUnit.SECONDS)).isEqualTo(zephyr.responseBytes());
    }
  }

  @Test
  void aRefusedConnectionNamesTheAddress() throws Exception {
    InetSocketAddress nobody;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      nobody = new InetSocketAddress("127.0.0.1", probe.getLocalPort());
    }
    assertThatThrownBy(() -> new TcpTransport(nobody))
        .isInstanceOf(ConnectException.class)
        .hasMessageContaining("127.0.0.1:" + nobody.getPort())
        .hasCauseInstanceOf(ConnectException.class);
  }

  @Test
  void transportDescribesItself() throws Exception {
    try (ServerSocket device = new ServerSocket(0, 2, InetAddress.getLoopbackAddress());
        TcpTransport byDefault = new TcpTransport(address(device));
        TcpTransport small = new TcpTransport(address(device), Duration.ofSeconds(1), 512, null)) {
      assertThat(byDefault.name()).isEqualTo("tcp");
      assertThat(byDefault.address()).isEqualTo("tcp:" + address(device).getHostString() + ":" + device.getLocalPort());
      // the firmware reads the serial framing: its length and CRC share the device's buffer
      assertThat(byDefault.bufferReserve()).isEqualTo(4);
      assertThat(byDefault.mtu()).isEqualTo(SerialTransport.DEFAULT_MTU);
      assertThat(small.mtu()).isEqualTo(512);
      assertThatThrownBy(() -> small.send(new byte[513])).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new TcpTransport(address(device), Duration.ZERO, 512, null))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  private static byte[] context(SmpClient client) throws Exception {
    return client.send(Op.READ, TestGroups.TEST_GROUP, TestGroups.CMD_CONTEXT, Packets.bytes("a0")).payload();
  }

  private static List<String> echoes(SmpClient client, String prefix, int count) throws Exception {
    List<String> got = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      got.add(TestGroups.echoText(client.send(Op.WRITE, 0, 0, TestGroups.echoRequest(prefix + i)).payload()));
    }
    return got;
  }

  private static List<String> expected(String prefix, int count) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(prefix + i);
    }
    return out;
  }

  private static InetSocketAddress address(ServerSocket socket) {
    return new InetSocketAddress(socket.getInetAddress(), socket.getLocalPort());
  }
}
