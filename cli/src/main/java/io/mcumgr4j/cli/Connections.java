package io.mcumgr4j.cli;

import io.mcumgr4j.client.SmpTransportException;
import io.mcumgr4j.frame.UdpLimits;
import io.mcumgr4j.serial.SerialPorts;
import io.mcumgr4j.transport.SmpTransport;
import io.mcumgr4j.transport.serial.SerialTransport;
import io.mcumgr4j.transport.udp.UdpTransport;
import java.io.IOException;
import java.net.InetSocketAddress;

/** Opens the transport a {@code --conn} string names. */
final class Connections {

  private Connections() {}

  /**
   * @param conn {@code udp:HOST[:PORT]} or {@code serial:DEVICE[,baud=N]}
   * @param mtu the link MTU, or {@code null} for the transport's default
   */
  static SmpTransport open(String conn, Integer mtu) throws IOException {
    if (conn.startsWith("udp:")) {
      InetSocketAddress address = Addresses.parse(conn.substring(4), UdpLimits.DEFAULT_PORT);
      if (address.isUnresolved()) {
        throw new SmpTransportException("cannot resolve " + address.getHostString(), null);
      }
      return mtu == null ? new UdpTransport(address) : new UdpTransport(address, mtu);
    }
    if (conn.startsWith("serial:")) {
      SerialSpec spec = SerialSpec.parse(conn.substring(7));
      SerialPorts.Port port;
      try {
        port = SerialPorts.open(spec.device(), spec.baud());
      } catch (IOException e) {
        throw new SmpTransportException("cannot open " + spec.device() + ": " + e.getMessage(), e);
      }
      return SerialTransport.over(port, mtu == null ? SerialTransport.DEFAULT_MTU : mtu, null);
    }
    throw new IllegalArgumentException("--conn must be udp:HOST[:PORT] or serial:DEVICE[,baud=N], not '" + conn + "'");
  }
}
