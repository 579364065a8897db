package io.mcumgr4j.simulator.os;

import io.mcumgr4j.client.ClientConfig;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.frame.UdpLimits;
import io.mcumgr4j.groups.os.OsMgmt;
import io.mcumgr4j.groups.os.OsMgmtClient;
import io.mcumgr4j.groups.os.OsMgmtDispatcher;
import io.mcumgr4j.server.ServerConfig;
import io.mcumgr4j.server.SmpServer;
import io.mcumgr4j.simulator.testing.UdpLink;
import java.io.IOException;

/**
 * An {@link SmpServer} serving one OS group implementation through its generated dispatcher on a
 * UDP endpoint at 127.0.0.1 (ephemeral port), and the clients opened to it; closes all of them.
 */
final class UdpOsDevice implements AutoCloseable {

  final SmpServer server;
  private final UdpLink link;

  /** Zephyr's UDP defaults: buffers 2048 x 2, MTU 1500. */
  UdpOsDevice(OsMgmt impl) throws IOException {
    this(impl, ServerConfig.DEFAULT, UdpLimits.DEFAULT_MTU);
  }

  UdpOsDevice(OsMgmt impl, ServerConfig config, int mtu) throws IOException {
    this.server = new SmpServer(config);
    server.register(new OsMgmtDispatcher(impl));
    this.link = UdpLink.serve(server, mtu, ClientConfig.DEFAULT);
  }

  /** A raw SMP client speaking {@code config}'s version. */
  SmpClient client(ClientConfig config) throws IOException {
    return link.open(config);
  }

  /** The generated typed client over a new SMP v2 connection. */
  OsMgmtClient os() throws IOException {
    return new OsMgmtClient(client(ClientConfig.DEFAULT));
  }

  /** The generated typed client over a new connection with {@code config}. */
  OsMgmtClient os(ClientConfig config) throws IOException {
    return new OsMgmtClient(client(config));
  }

  @Override
  public void close() {
    link.close();
  }
}
