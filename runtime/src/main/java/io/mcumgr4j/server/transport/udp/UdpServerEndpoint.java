package io.mcumgr4j.server.transport.udp;

import io.mcumgr4j.frame.UdpLimits;
import io.mcumgr4j.server.SmpServer;
import io.mcumgr4j.server.TransportInfo;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;

/**
 * Server side of SMP over UDP: receives one packet per datagram and answers each response to the
 * sender's address and port. As Zephyr's UDP transport reads each datagram into an MTU-sized
 * buffer, a longer datagram is cut at the MTU, and its header then claims more payload than
 * arrived: it is answered {@code rc} 9 (ECORRUPT).
 */
public final class UdpServerEndpoint implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(UdpServerEndpoint.class.getName());

  private final SmpServer server;
  private final DatagramSocket socket;
  private final int mtu;
  private final Thread reader;

  /** Binds {@code address} (port 0 for an ephemeral port) and starts receiving. */
  public UdpServerEndpoint(SmpServer server, InetSocketAddress address) throws SocketException {
    this(server, address, UdpLimits.DEFAULT_MTU);
  }

  /**
   * As {@link #UdpServerEndpoint(SmpServer, InetSocketAddress)} with another MTU: the longest
   * datagram read whole (Zephyr's {@code CONFIG_MCUMGR_TRANSPORT_UDP_MTU}), also what handlers see.
   *
   * @throws IllegalArgumentException if {@code mtu} is outside 1..65507 (the largest UDP payload)
   */
  public UdpServerEndpoint(SmpServer server, InetSocketAddress address, int mtu) throws SocketException {
    if (mtu < 1 || mtu > UdpLimits.MAX_DATAGRAM) {
      throw new IllegalArgumentException("mtu " + mtu + " outside 1.." + UdpLimits.MAX_DATAGRAM);
    }
    this.server = server;
    this.mtu = mtu;
    this.socket = new DatagramSocket(address);
    this.reader = new Thread(this::receive, "smp-udp-server-" + localAddress());
    reader.setDaemon(true);
    reader.start();
  }

  /** The bound address (with the actual port when bound to port 0). */
  public InetSocketAddress localAddress() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  private void receive() {
    byte[] buf = new byte[mtu]; // DatagramSocket cuts longer datagrams, as Zephyr's recvfrom does
    DatagramPacket packet = new DatagramPacket(buf, buf.length);
    while (!socket.isClosed()) {
      try {
        packet.setLength(buf.length);
        socket.receive(packet);
        SocketAddress peer = packet.getSocketAddress();
        TransportInfo info = new TransportInfo("udp", peer.toString(), mtu);
        server.submit(buf, 0, packet.getLength(), info,
            (rsp, off, len) -> socket.send(new DatagramPacket(rsp, off, len, peer)));
      } catch (IOException e) {
        if (!socket.isClosed()) {
          LOG.log(Level.WARNING, "UDP receive failed: " + e);
        }
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "UDP request handling failed", e);
      }
    }
  }

  /** Stops receiving and closes the socket (the server itself stays open). */
  @Override
  public void close() {
    socket.close();
    try {
      reader.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
