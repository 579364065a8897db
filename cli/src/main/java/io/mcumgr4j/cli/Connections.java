package io.mcumgr4j.cli;

import io.mcumgr4j.bluez.BluezGattLink;
import io.mcumgr4j.bluez.BluezTarget;
import io.mcumgr4j.client.SmpTransportException;
import io.mcumgr4j.frame.UdpLimits;
import io.mcumgr4j.serial.SerialPorts;
import io.mcumgr4j.transport.SmpTransport;
import io.mcumgr4j.transport.ble.GattTransport;
import io.mcumgr4j.transport.serial.SerialTransport;
import io.mcumgr4j.transport.tcp.TcpTransport;
import io.mcumgr4j.transport.udp.UdpTransport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

/** Opens the transport a {@code --conn} string names. */
final class Connections {

  static final String FORMS =
      "udp:HOST[:PORT], serial:DEVICE[,baud=N], tcp:HOST:PORT, ble:ADDRESS or ble:name=NAME";

  private Connections() {}

  /**
   * @param conn {@code udp:HOST[:PORT]}, {@code serial:DEVICE[,baud=N]}, {@code tcp:HOST:PORT},
   *     {@code ble:ADDRESS} or {@code ble:name=NAME}
   * @param mtu the largest packet sent, or {@code null} for the transport's default (over BLE one
   *     write; more for a device that reassembles requests)
   * @param scanTimeout how long a BLE device may take to be found, and then to connect
   * @throws UsageException when {@code conn} is malformed (nothing is opened)
   * @throws SmpTransportException when the device cannot be reached
   */
  static SmpTransport open(String conn, Integer mtu, Duration scanTimeout) throws IOException {
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
      case "ble" -> {
        BluezTarget target = bleTarget(rest);
        BluezGattLink link;
        try {
          link = BluezGattLink.connect(target, scanTimeout);
        } catch (IOException e) {
          throw new SmpTransportException(e.getMessage(), e);
        }
        try {
          return mtu == null ? new GattTransport(link) : new GattTransport(link, mtu);
        } catch (IllegalArgumentException e) {
          link.close();
          throw new UsageException("--mtu: " + e.getMessage());
        }
      }
      default -> throw new UsageException("--conn must be " + FORMS + ", not '" + conn + "'");
    }
  }

  private static BluezTarget bleTarget(String rest) {
    try {
      if (rest.startsWith("name=") && rest.length() > 5) {
        return BluezTarget.name(rest.substring(5));
      }
      return BluezTarget.address(rest);
    } catch (IllegalArgumentException e) {
      throw new UsageException("bad BLE device '" + rest + "': an address AA:BB:CC:DD:EE:FF or name=NAME");
    }
  }

  private static InetSocketAddress resolved(InetSocketAddress address) {
    if (address.isUnresolved()) {
      throw new SmpTransportException("cannot resolve " + address.getHostString(), null);
    }
    return address;
  }
}
