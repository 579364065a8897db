package io.mcumgr4j.groups.zephyr;

import io.mcumgr4j.callback.MgmtCallbacks;
import io.mcumgr4j.client.ClientConfig;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.frame.SmpHeader;
import io.mcumgr4j.server.GroupHandler;
import io.mcumgr4j.server.ServerConfig;
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
 * An {@link SmpServer} with the groups under test on a real UDP socket on 127.0.0.1 (port 0),
 * typed clients' SMP v2 and v1 connections to it, and a raw socket for sending Zephyr's request
 * packets byte for byte. Generous timeouts and retries keep a loaded machine from failing a test;
 * nothing asserts timings.
 */
public final class UdpHarness implements AutoCloseable {

  private static final ClientConfig CONFIG = ClientConfig.DEFAULT.withTimeout(Duration.ofSeconds(5)).withRetries(2);

  private final SmpServer server;
  private final UdpServerEndpoint endpoint;
  private final SmpClient v2;
  private final SmpClient v1;
  private final DatagramSocket raw;

  /** Starts a server with {@code groups} registered in this order. */
  public UdpHarness(GroupHandler... groups) throws IOException {
    this(new MgmtCallbacks(), groups);
  }

  /** As {@link #UdpHarness(GroupHandler...)}, the server firing events on {@code callbacks}. */
  public UdpHarness(MgmtCallbacks callbacks, GroupHandler... groups) throws IOException {
    server = new SmpServer(ServerConfig.DEFAULT, callbacks);
    for (GroupHandler g : groups) {
      server.register(g);
    }
    endpoint = new UdpServerEndpoint(server, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    v2 = new SmpClient(new UdpTransport(endpoint.localAddress()), CONFIG);
    v1 = new SmpClient(new UdpTransport(endpoint.localAddress()), CONFIG.withVersion(SmpHeader.VERSION_1));
    raw = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    raw.setSoTimeout(5000);
  }

  /** The server (for its callbacks). */
  public SmpServer server() {
    return server;
  }

  /** A client sending SMP v2 requests. */
  public SmpClient client() {
    return v2;
  }

  /** A client sending SMP v1 requests. */
  public SmpClient clientV1() {
    return v1;
  }

  /** Sends {@code packet} as one datagram and returns the response packet. */
  public byte[] exchange(byte[] packet) throws IOException {
    raw.send(new DatagramPacket(packet, packet.length, endpoint.localAddress()));
    byte[] buffer = new byte[2048];
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
