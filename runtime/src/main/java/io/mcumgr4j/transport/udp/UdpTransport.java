package io.mcumgr4j.transport.udp;

import io.mcumgr4j.frame.UdpLimits;
import io.mcumgr4j.transport.SmpTransport;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Client side of SMP over UDP: one SMP packet per datagram, sent to the device's address
 * (IPv4 or IPv6; Zephyr's default port is {@link UdpLimits#DEFAULT_PORT}) from an ephemeral local port.
 * Datagrams from any other address are ignored.
 */
public final class UdpTransport implements SmpTransport {

  private static final System.Logger LOG = System.getLogger(UdpTransport.class.getName());

  private final InetSocketAddress device;
  private final int mtu;
  private final DatagramSocket socket;
  private volatile Thread reader;

  /** A transport to {@code device} with {@link UdpLimits#DEFAULT_MTU}. */
  public UdpTransport(InetSocketAddress device) throws SocketException {
    this(device, UdpLimits.DEFAULT_MTU);
  }

  /**
   * @param device the device's address and port
   * @param mtu the largest SMP packet to send in one datagram (what chunked transfers size by)
   */
  public UdpTransport(InetSocketAddress device, int mtu) throws SocketException {
    if (device.isUnresolved()) {
      throw new IllegalArgumentException("cannot resolve " + device.getHostString());
    }
    if (mtu < 16 || mtu > UdpLimits.MAX_DATAGRAM) {
      throw new IllegalArgumentException("mtu " + mtu + " outside 16.." + UdpLimits.MAX_DATAGRAM);
    }
    this.device = device;
    this.mtu = mtu;
    this.socket = new DatagramSocket();
  }

  /** The local address the transport sends from. */
  public InetSocketAddress localAddress() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  @Override
  public synchronized void start(Consumer<byte[]> receiver) {
    if (reader != null) {
      throw new IllegalStateException("already started");
    }
    reader = new Thread(() -> receive(receiver), "smp-udp-client-" + device);
    reader.setDaemon(true);
    reader.start();
  }

  private void receive(Consumer<byte[]> receiver) {
    byte[] buf = new byte[UdpLimits.MAX_DATAGRAM + 1];
    DatagramPacket packet = new DatagramPacket(buf, buf.length);
    while (!socket.isClosed()) {
      try {
        packet.setLength(buf.length);
        socket.receive(packet);
        if (!device.equals(packet.getSocketAddress())) {
          continue;
        }
        receiver.accept(Arrays.copyOf(buf, packet.getLength()));
      } catch (IOException e) {
        if (!socket.isClosed()) {
          LOG.log(Level.WARNING, "UDP receive from " + device + " failed: " + e);
        }
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "response handling failed", e);
      }
    }
  }

  @Override
  public void send(byte[] packet) throws IOException {
    socket.send(new DatagramPacket(packet, packet.length, device));
  }

  @Override
  public int mtu() {
    return mtu;
  }

  @Override
  public String name() {
    return "udp";
  }

  /** {@code udp:HOST:PORT} with the host as given, an IPv6 host in brackets. */
  @Override
  public String address() {
    String host = device.getHostString();
    return "udp:" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + device.getPort();
  }

  @Override
  public void close() {
    socket.close();
    // bounded wait, so no packet reaches the receiver after close returns
    Thread r = reader;
    if (r != null && r != Thread.currentThread()) {
      try {
        r.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
