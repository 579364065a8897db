package io.mcumgr4j.samples.testing;

import io.mcumgr4j.client.ClientConfig;
import io.mcumgr4j.server.SmpServer;
import io.mcumgr4j.server.transport.memory.InMemoryTransport;
import io.mcumgr4j.server.transport.udp.UdpServerEndpoint;
import io.mcumgr4j.transport.SmpTransport;
import io.mcumgr4j.transport.udp.UdpTransport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The links end-to-end tests run over: the in-memory transport, and real UDP on the loopback
 * interface with an MTU of the server's {@code buf_size} (so any request the server accepts fits
 * one datagram).
 */
public enum Link {
  MEMORY {
    @Override
    public Connection open(SmpServer server, ClientConfig config) throws IOException {
      return new Connection(new InMemoryTransport(server), config, null);
    }
  },
  UDP {
    @Override
    public Connection open(SmpServer server, ClientConfig config) throws IOException {
      int mtu = server.config().bufSize();
      UdpServerEndpoint endpoint =
          new UdpServerEndpoint(server, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), mtu);
      SmpTransport transport;
      try {
        transport = new UdpTransport(endpoint.localAddress(), mtu);
      } catch (IOException | RuntimeException e) {
        endpoint.close();
        throw e;
      }
      return new Connection(transport, config, endpoint);
    }
  };

  /** Connects a client with {@code config} to {@code server}. */
  public abstract Connection open(SmpServer server, ClientConfig config) throws IOException;

  /** Connects an SMP v2 client with the default timeout and retries to {@code server}. */
  public Connection open(SmpServer server) throws IOException {
    return open(server, ClientConfig.DEFAULT);
  }
}
