package io.mcumgr4j.groups.fs;

import io.mcumgr4j.client.ClientConfig;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.frame.SmpHeader;
import io.mcumgr4j.server.ServerConfig;
import io.mcumgr4j.server.SmpServer;
import io.mcumgr4j.transport.udp.UdpServerEndpoint;
import io.mcumgr4j.transport.udp.UdpTransport;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * A server with only the simulated FS group on 127.0.0.1 (port 0), typed v2 and v1 clients, and a
 * raw socket for Zephyr's request packets. Generous timeouts, no retries: a retried upload chunk
 * would arrive twice and fail its offset check, as on a device.
 */
final class FsUdp implements AutoCloseable {

  private static final ClientConfig CONFIG = ClientConfig.DEFAULT.withTimeout(Duration.ofSeconds(10)).withRetries(0);

  final SmpServer server = new SmpServer(ServerConfig.DEFAULT);
  final SimulatedFsMgmt fs;
  final FsMgmtClient client;
  final FsMgmtClient clientV1;
  private final UdpServerEndpoint endpoint;
  private final SmpClient v2;
  private final SmpClient v1;
  private final DatagramSocket raw;

  FsUdp(Path root) throws IOException {
    this(root, SimulatedFsMgmt.Limits.DEFAULT);
  }

  FsUdp(Path root, SimulatedFsMgmt.Limits limits) throws IOException {
    fs = new SimulatedFsMgmt(root, server.callbacks(), limits);
    server.register(new FsMgmtDispatcher(fs));
    endpoint = new UdpServerEndpoint(server, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    v2 = new SmpClient(new UdpTransport(endpoint.localAddress()), CONFIG);
    v1 = new SmpClient(new UdpTransport(endpoint.localAddress()), CONFIG.withVersion(SmpHeader.VERSION_1));
    client = new FsMgmtClient(v2);
    clientV1 = new FsMgmtClient(v1);
    raw = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    raw.setSoTimeout(10_000);
  }

  /** Sends {@code packet} as one datagram and returns the response packet. */
  byte[] exchange(byte[] packet) throws IOException {
    raw.send(new DatagramPacket(packet, packet.length, endpoint.localAddress()));
    byte[] buffer = new byte[4096];
    DatagramPacket response = new DatagramPacket(buffer, buffer.length);
    raw.receive(response);
    return Arrays.copyOf(buffer, response.getLength());
  }

  @Override
  public void close() {
    raw.close();
    v1.close();
    v2.close();
    endpoint.close();
    server.close();
  }
}
