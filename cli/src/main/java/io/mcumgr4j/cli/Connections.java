package io.mcumgr4j.cli;

import io.mcumgr4j.client.SmpTransportException;
import io.mcumgr4j.transport.SmpTransport;
import io.mcumgr4j.transport.serial.SerialPorts;
import io.mcumgr4j.transport.serial.SerialTransport;
import io.mcumgr4j.transport.udp.UdpTransport;
import java.io.IOException;
import java.net.InetSocketAddress;

/** Opens the transport a {@code --conn} string names. */
final class Connections {

  private static final int DEFAULT_BAUD = 115200;

  private Connections() {}

  /**
   * @param conn {@code udp:HOST[:PORT]} or {@code serial:DEVICE[,baud=N]}
   * @param mtu the link MTU, or {@code null} for the transport's default
   */
  static SmpTransport open(String conn, Integer mtu) throws IOException {
    if (conn.startsWith("udp:")) {
      InetSocketAddress address = Addresses.parse(conn.substring(4), UdpTransport.DEFAULT_PORT);
      return mtu == null ? new UdpTransport(address) : new UdpTransport(address, mtu);
    }
    if (conn.startsWith("serial:")) {
      String[] parts = conn.substring(7).split(",");
      int baud = DEFAULT_BAUD;
      for (int i = 1; i < parts.length; i++) {
        if (!parts[i].startsWith("baud=")) {
          throw new IllegalArgumentException("unknown serial option '" + parts[i] + "' (expected baud=N)");
        }
        baud = Integer.parseInt(parts[i].substring(5));
      }
      SerialPorts.Port port;
      try {
        port = SerialPorts.open(parts[0], baud);
      } catch (IOException e) {
        throw new SmpTransportException("cannot open " + parts[0] + ": " + e.getMessage(), e);
      }
      return SerialTransport.over(port, mtu == null ? SerialTransport.DEFAULT_MTU : mtu, null);
    }
    throw new IllegalArgumentException("--conn must be udp:HOST[:PORT] or serial:DEVICE[,baud=N], not '" + conn + "'");
  }
}
