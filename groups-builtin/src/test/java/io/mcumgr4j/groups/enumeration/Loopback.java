package io.mcumgr4j.groups.enumeration;

import io.mcumgr4j.client.ClientConfig;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.frame.SmpHeader;
import io.mcumgr4j.server.SmpServer;
import io.mcumgr4j.transport.udp.UdpServerEndpoint;
import io.mcumgr4j.transport.udp.UdpTransport;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;

/**
 * A server on real UDP on the loopback interface (port chosen by the system), with an SMP v2
 * client, an SMP v1 client, and raw datagram exchanges for byte-exact comparisons.
 */
public final class Loopback implements AutoCloseable {

  private static final ClientConfig CONFIG = ClientConfig.DEFAULT.withTimeout(Duration.ofSeconds(2)).withRetries(3);

  private final SmpServer server;
  private final UdpServerEndpoint endpoint;
  private final SmpClient client;
  private final SmpClient clientV1;

  private Loopback(SmpServer server) throws IOException {
    this.server = server;
    this.endpoint = new UdpServerEndpoint(server, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    this.client = new SmpClient(new UdpTransport(endpoint.localAddress()), CONFIG);
    this.clientV1 = new SmpClient(new UdpTransport(endpoint.localAddress()), CONFIG.withVersion(SmpHeader.VERSION_1));
  }

  /** Serves {@code server} (closed with this) on UDP. */
  public static Loopback serve(SmpServer server) throws IOException {
    return new Loopback(server);
  }

  /** An SMP v2 client. */
  public SmpClient client() {
    return client;
  }

  /** An SMP v1 client. */
  public SmpClient clientV1() {
    return clientV1;
  }

  /** Sends one packet as it is from a socket of its own and answers the datagram that comes back. */
  public byte[] exchange(byte[] packet) throws IOException {
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      // generous, so that a slow CI machine does not fail the test; a lost answer fails it anyway
      socket.setSoTimeout(10_000);
      socket.send(new DatagramPacket(packet, packet.length, endpoint.localAddress()));
      DatagramPacket answer = new DatagramPacket(new byte[4096], 4096);
      socket.receive(answer);
      return Arrays.copyOf(answer.getData(), answer.getLength());
    }
  }

  @Override
  public void close() {
    client.close();
    clientV1.close();
    endpoint.close();
    server.close();
  }
}
