package io.mcumgr4j.server.transport.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.server.ServerConfig;
import io.mcumgr4j.server.SmpServer;
import io.mcumgr4j.server.TestGroups;
import io.mcumgr4j.testing.Vectors;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The TCP endpoint seen from raw sockets: its wire bytes, its connection bound, its close. */
class TcpServerEndpointTest {

  private static final InetSocketAddress LOOPBACK_ANY_PORT =
      new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  private static final Vectors.Exchange ECHO = Vectors.get("serial", "os/echo");

  private final SmpServer server = TestGroups.server(ServerConfig.DEFAULT);

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void answersZephyrsSerialWireBytes() throws Exception {
    try (TcpServerEndpoint endpoint = new TcpServerEndpoint(server, LOOPBACK_ANY_PORT);
        Socket raw = connect(endpoint)) {
      assertThat(exchange(raw, ECHO.serialWireRequest())).isEqualTo(ECHO.serialWireResponse());
    }
  }

  @Test
  void aPeerLeavingMidFrameDisturbsNoOther() throws Exception {
    byte[] half = Arrays.copyOf(ECHO.serialWireRequest(), ECHO.serialWireRequest().length / 2);
    try (TcpServerEndpoint endpoint = new TcpServerEndpoint(server, LOOPBACK_ANY_PORT);
        Socket steady = connect(endpoint)) {
      assertThat(exchange(steady, ECHO.serialWireRequest())).isEqualTo(ECHO.serialWireResponse());
      try (Socket leaving = connect(endpoint)) {
        OutputStream out = leaving.getOutputStream();
        out.write(half);
        out.flush();
        awaitConnections(endpoint, 2);
      }
      awaitConnections(endpoint, 1);

      // the steady peer's own half frame is not mixed with the other's
      OutputStream out = steady.getOutputStream();
      out.write(half);
      out.flush();
      byte[] rest = Arrays.copyOfRange(ECHO.serialWireRequest(), half.length, ECHO.serialWireRequest().length);
      assertThat(exchange(steady, rest)).isEqualTo(ECHO.serialWireResponse());
    }
  }

  @Test
  void connectionsOverTheBoundAreClosedAtOnce() throws Exception {
    try (TcpServerEndpoint endpoint = new TcpServerEndpoint(server, LOOPBACK_ANY_PORT, 1);
        Socket first = connect(endpoint)) {
      awaitConnections(endpoint, 1);
      try (Socket second = connect(endpoint)) {
        assertThat(second.getInputStream().read()).as("end of stream").isEqualTo(-1);
      }
      assertThat(exchange(first, ECHO.serialWireRequest())).isEqualTo(ECHO.serialWireResponse());
      first.close();
      awaitConnections(endpoint, 0);

      try (Socket third = connect(endpoint)) {
        assertThat(exchange(third, ECHO.serialWireRequest())).isEqualTo(ECHO.serialWireResponse());
      }
    }
  }

  @Test
  void closeEndsEveryConnectionAndLeavesTheServerOpen() throws Exception {
    TcpServerEndpoint endpoint = new TcpServerEndpoint(server, LOOPBACK_ANY_PORT);
    try (Socket a = connect(endpoint); Socket b = connect(endpoint)) {
      awaitConnections(endpoint, 2);
      endpoint.close();
      endpoint.close();
      assertThat(a.getInputStream().read()).isEqualTo(-1);
      assertThat(b.getInputStream().read()).isEqualTo(-1);
      assertThat(endpoint.connectionCount()).isZero();
      assertThatThrownBy(() -> connect(endpoint)).isInstanceOf(IOException.class);
    }
    try (TcpServerEndpoint again = new TcpServerEndpoint(server, LOOPBACK_ANY_PORT);
        Socket raw = connect(again)) {
      assertThat(exchange(raw, ECHO.serialWireRequest())).isEqualTo(ECHO.serialWireResponse());
    }
  }

  @Test
  void aTakenPortNamesTheAddress() throws Exception {
    try (TcpServerEndpoint first = new TcpServerEndpoint(server, LOOPBACK_ANY_PORT)) {
      assertThatThrownBy(() -> new TcpServerEndpoint(server, first.localAddress()))
          .isInstanceOf(IOException.class)
          .hasMessageContaining(String.valueOf(first.localAddress().getPort()));
    }
    assertThatThrownBy(() -> new TcpServerEndpoint(server, LOOPBACK_ANY_PORT, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Socket connect(TcpServerEndpoint endpoint) throws IOException {
    Socket socket = new Socket(endpoint.localAddress().getAddress(), endpoint.localAddress().getPort());
    socket.setSoTimeout(10_000);
    return socket;
  }

  /** Writes {@code request} and reads as many bytes as the echo vector's framed response has. */
  private static byte[] exchange(Socket socket, byte[] request) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(request);
    out.flush();
    return socket.getInputStream().readNBytes(ECHO.serialWireResponse().length);
  }

  /** Waits (boundedly) until the endpoint serves {@code n} connections, then holds it to that. */
  private static void awaitConnections(TcpServerEndpoint endpoint, int n) throws InterruptedException {
    for (int i = 0; i < 1000 && endpoint.connectionCount() != n; i++) {
      Thread.sleep(10);
    }
    assertThat(endpoint.connectionCount()).isEqualTo(n);
  }
}
