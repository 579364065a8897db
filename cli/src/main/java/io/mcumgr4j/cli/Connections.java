package io.mcumgr4j.cli;

import io.mcumgr4j.client.SmpTransportException;
import io.mcumgr4j.frame.UdpLimits;
import io.mcumgr4j.serial.SerialPorts;
import io.mcumgr4j.transport.SmpTransport;
import io.mcumgr4j.transport.serial.SerialTransport;
import io.mcumgr4j.transport.tcp.TcpTransport;
import io.mcumgr4j.transport.udp.UdpTransport;
import java.io.IOException;
import java.net.InetSocketAddress;

/** Opens the transport a {@code --conn} string names. */
final class Connections {

  static final String FORMS = "udp:HOST[:PORT], serial:DEVICE[,baud=N] or tcp:HOST:PORT";

  private Connections() {}

  /**
   * @param conn {@code udp:HOST[:PORT]}, {@code serial:DEVICE[,baud=N]} or {@code tcp:HOST:PORT}
   * @param mtu the link MTU, or {@code null} for the transport's default
   * @throws UsageException when {@code conn} is malformed (nothing is opened)
   * @throws SmpTransportException when the device cannot be reached
   */
  static SmpTransport open(String conn, Integer mtu) throws IOException {
    int colon = conn.indexOf(':');
    String scheme = colon < 0 ? conn : conn.substring(0, colon);
    String rest = colon < 0 ? "" : conn.substring(colon + 1);
    switch (scheme) {
      case "udp" -> {
        InetSocketAddress address = resolved(Addresses.parse(rest, UdpLimits.DEFAULT_PORT));
        try {
          return mtu == null ? new UdpTransport(address) : new UdpTransport(address, mtu);
        } catch (IllegalArgumentException e) {
          throw new UsageException("--mtu: " + e.getMessage());
        }
      }
      case "serial" -> {
        SerialSpec spec = SerialSpec.parse(rest);
        SerialPorts.Port port;
        try {
          port = SerialPorts.open(spec.device(), spec.baud());
        } catch (IOException e) {
          throw new SmpTransportException("cannot open serial:" + spec.device() + ": " + e.getMessage(), e);
        }
        return SerialTransport.over(port, mtu == null ? SerialTransport.DEFAULT_MTU : mtu, null);
      }
      case "tcp" -> {
        InetSocketAddress address = resolved(Addresses.parse(rest, -1));
        try {
          return new TcpTransport(address, TcpTransport.DEFAULT_CONNECT_TIMEOUT,
              mtu == null ? SerialTransport.DEFAULT_MTU : mtu, null);
        } catch (IllegalArgumentException e) {
          throw new UsageException("--mtu: " + e.getMessage());
        } catch (IOException e) {
          throw new SmpTransportException(e.getMessage(), e);
        }
      }
      default -> throw new UsageException("--conn must be " + FORMS + ", not '" + conn + "'");
    }
  }

  private static InetSocketAddress resolved(InetSocketAddress address) {
    if (address.isUnresolved()) {
      throw new SmpTransportException("cannot resolve " + address.getHostString(), null);
    }
    return address;
  }
}
