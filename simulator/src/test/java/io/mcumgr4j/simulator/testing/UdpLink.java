package io.mcumgr4j.simulator.testing;

import io.mcumgr4j.callback.MgmtCallbacks;
import io.mcumgr4j.client.ClientConfig;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.frame.SmpHeader;
import io.mcumgr4j.frame.UdpLimits;
import io.mcumgr4j.server.GroupHandler;
import io.mcumgr4j.server.ServerConfig;
import io.mcumgr4j.server.SmpServer;
import io.mcumgr4j.server.transport.udp.UdpServerEndpoint;
import io.mcumgr4j.transport.udp.UdpTransport;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A server under test on real UDP on 127.0.0.1 (a port the system picks), the clients opened to it
 * and raw datagram exchanges for byte-exact comparisons with Zephyr's packets; closing it closes
 * them all and the server. Generous timeouts keep a loaded machine from failing a test; nothing
 * asserts timings.
 */
public final class UdpLink implements AutoCloseable {

  /** 5 s per attempt, 2 retries. */
  public static final ClientConfig CONFIG = ClientConfig.DEFAULT.withTimeout(Duration.ofSeconds(5)).withRetries(2);

  private final SmpServer server;
  private final UdpServerEndpoint endpoint;
  private final int mtu;
  private final List<SmpClient> clients = new ArrayList<>();
  private final SmpClient v2;
  private final SmpClient v1;

  private UdpLink(SmpServer server, int mtu, ClientConfig config) throws IOException {
    this.server = server;
    this.mtu = mtu;
    this.endpoint = new UdpServerEndpoint(server, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), mtu);
    this.v2 = open(config);
    this.v1 = open(config.withVersion(SmpHeader.VERSION_1));
  }

  /** Serves {@code server} with UDP's default MTU and {@link #CONFIG} clients. */
  public static UdpLink serve(SmpServer server) throws IOException {
    return new UdpLink(server, UdpLimits.DEFAULT_MTU, CONFIG);
  }

  /** Serves {@code server} with datagrams up to {@code mtu} and clients with {@code config}. */
  public static UdpLink serve(SmpServer server, int mtu, ClientConfig config) throws IOException {
    return new UdpLink(server, mtu, config);
  }

  /** A new server ({@link ServerConfig#DEFAULT}, events on {@code callbacks}) with {@code groups}, served. */
  public static UdpLink serving(MgmtCallbacks callbacks, GroupHandler... groups) throws IOException {
    SmpServer server = new SmpServer(ServerConfig.DEFAULT, callbacks);
    for (GroupHandler g : groups) {
      server.register(g);
    }
    return serve(server);
  }

  /** As {@link #serving(MgmtCallbacks, GroupHandler...)} with a new event bus. */
  public static UdpLink serving(GroupHandler... groups) throws IOException {
    return serving(new MgmtCallbacks(), groups);
  }

  public SmpServer server() {
    return server;
  }

  /** The SMP v2 client of this link. */
  public SmpClient client() {
    return v2;
  }

  /** The SMP v1 client of this link. */
  public SmpClient clientV1() {
    return v1;
  }

  /** A new client with {@code clientConfig}, closed with the link. */
  public synchronized SmpClient open(ClientConfig clientConfig) throws IOException {
    SmpClient client = new SmpClient(new UdpTransport(endpoint.localAddress(), mtu), clientConfig);
    clients.add(client);
    return client;
  }

  /** Sends one packet as it is from a socket of its own and answers the datagram that comes back. */
  public byte[] exchange(byte[] packet) throws IOException {
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      socket.setSoTimeout(10_000);
      socket.send(new DatagramPacket(packet, packet.length, endpoint.localAddress()));
      DatagramPacket answer = new DatagramPacket(new byte[65536], 65536);
      socket.receive(answer);
      return Arrays.copyOf(answer.getData(), answer.getLength());
    }
  }

  @Override
  public synchronized void close() {
    clients.forEach(SmpClient::close);
    endpoint.close();
    server.close();
  }
}
