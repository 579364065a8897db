package io.mcumgr4j.server.transport.udp;

import io.mcumgr4j.frame.UdpLimits;
import io.mcumgr4j.server.ResponseSink;
import io.mcumgr4j.server.SmpServer;
import io.mcumgr4j.server.TransportInfo;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Server side of SMP over UDP: receives one packet per datagram and answers each response to the
 * sender's address and port. As Zephyr's UDP transport reads each datagram into an MTU-sized
 * buffer, a longer datagram is cut at the MTU, and its header then claims more payload than
 * arrived: it is answered {@code rc} 9 (ECORRUPT).
 *
 * <p>As Zephyr's UDP thread feeds its one SMP work queue, the endpoint handles one request at a
 * time, in the order the datagrams arrived, whoever sent them, on its receiving thread: no hand-over
 * to another thread lengthens the round trip. Datagrams that arrive meanwhile wait, up to the
 * server's {@link io.mcumgr4j.server.ServerConfig#queueCapacity() queueCapacity}; beyond that they
 * are dropped (and counted), as a device out of buffers drops them.
 */
public final class UdpServerEndpoint implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(UdpServerEndpoint.class.getName());

  private final SmpServer server;
  private final DatagramChannel channel;
  private final int mtu;
  private final Thread reader;
  /** Requests that arrived while another was handled, oldest first; only the reader touches it. */
  private final ArrayDeque<Waiting> backlog = new ArrayDeque<>();
  /** The last sender and how it is named, so a peer sending again costs no new name. */
  private SocketAddress lastPeer;
  private TransportInfo lastInfo;

  /** A request taken off the socket to be handled after the one in hand. */
  private record Waiting(byte[] packet, SocketAddress peer) {}

  /** Binds {@code address} (port 0 for an ephemeral port) and starts receiving. */
  public UdpServerEndpoint(SmpServer server, InetSocketAddress address) throws IOException {
    this(server, address, UdpLimits.DEFAULT_MTU);
  }

  /**
   * As {@link #UdpServerEndpoint(SmpServer, InetSocketAddress)} with another MTU: the longest
   * datagram read whole (Zephyr's {@code CONFIG_MCUMGR_TRANSPORT_UDP_MTU}), also what handlers see.
   *
   * @throws IllegalArgumentException if {@code mtu} is outside 1..65507 (the largest UDP payload)
   */
  public UdpServerEndpoint(SmpServer server, InetSocketAddress address, int mtu) throws IOException {
    if (mtu < 1 || mtu > UdpLimits.MAX_DATAGRAM) {
      throw new IllegalArgumentException("mtu " + mtu + " outside 1.." + UdpLimits.MAX_DATAGRAM);
    }
    this.server = server;
    this.mtu = mtu;
    this.channel = DatagramChannel.open();
    try {
      channel.bind(address);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    this.reader = new Thread(this::serve, "smp-udp-server-" + localAddress());
    reader.setDaemon(true);
    reader.start();
  }

  /** The bound address (with the actual port when bound to port 0). */
  public InetSocketAddress localAddress() {
    try {
      return (InetSocketAddress) channel.getLocalAddress();
    } catch (IOException e) {
      return null; // closed
    }
  }

  private void serve() {
    ByteBuffer buffer = ByteBuffer.allocate(mtu); // a longer datagram is cut, as Zephyr's recvfrom cuts it
    while (channel.isOpen()) {
      try {
        Waiting next = backlog.poll();
        if (next != null) {
          handle(next.packet(), next.packet().length, next.peer());
        } else {
          buffer.clear();
          SocketAddress peer = channel.receive(buffer);
          handle(buffer.array(), buffer.position(), peer);
        }
        takeWhatArrived(buffer);
      } catch (IOException e) {
        if (channel.isOpen()) {
          LOG.log(Level.WARNING, "UDP receive failed: " + e);
        }
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "UDP request handling failed", e);
      }
    }
  }

  private void handle(byte[] packet, int length, SocketAddress peer) {
    if (!peer.equals(lastPeer)) {
      lastPeer = peer;
      lastInfo = new TransportInfo("udp", peer.toString(), mtu);
    }
    ResponseSink sink = (rsp, off, len) -> channel.send(ByteBuffer.wrap(rsp, off, len), peer);
    server.process(packet, 0, length, lastInfo, sink);
  }

  /**
   * Moves the datagrams that arrived while a request was handled into the backlog, as far as it
   * has room, and drops the rest.
   */
  private void takeWhatArrived(ByteBuffer buffer) throws IOException {
    channel.configureBlocking(false);
    try {
      while (true) {
        buffer.clear();
        SocketAddress peer = channel.receive(buffer);
        if (peer == null) {
          return;
        }
        if (backlog.size() < server.config().queueCapacity()) {
          backlog.add(new Waiting(Arrays.copyOf(buffer.array(), buffer.position()), peer));
        } else {
          server.dropped("request queue full", new TransportInfo("udp", peer.toString(), mtu));
        }
      }
    } finally {
      channel.configureBlocking(true);
    }
  }

  /** Stops receiving and closes the socket (the server itself stays open). */
  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "closing: " + e);
    }
    try {
      reader.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
