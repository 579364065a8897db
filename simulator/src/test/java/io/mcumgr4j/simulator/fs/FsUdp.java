package io.mcumgr4j.simulator.fs;

import io.mcumgr4j.client.ClientConfig;
import io.mcumgr4j.frame.UdpLimits;
import io.mcumgr4j.groups.fs.FsMgmtClient;
import io.mcumgr4j.groups.fs.FsMgmtDispatcher;
import io.mcumgr4j.server.ServerConfig;
import io.mcumgr4j.server.SmpServer;
import io.mcumgr4j.simulator.testing.UdpLink;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A server with only the simulated FS group on 127.0.0.1 (port 0), typed v2 and v1 clients, and a
 * raw socket for Zephyr's request packets. Generous timeouts, no retries: a retried upload chunk
 * would arrive twice and fail its offset check, as on a device.
 */
final class FsUdp implements AutoCloseable {

  private static final ClientConfig CONFIG = ClientConfig.DEFAULT.withTimeout(Duration.ofSeconds(10)).withRetries(0);

  final SmpServer server = new SmpServer(ServerConfig.DEFAULT);
  final SimulatedFsMgmt fs;
  final FsMgmtClient client;
  final FsMgmtClient clientV1;
  private final UdpLink link;

  FsUdp(Path root) throws IOException {
    this(root, SimulatedFsMgmt.Limits.DEFAULT);
  }

  FsUdp(Path root, SimulatedFsMgmt.Limits limits) throws IOException {
    fs = new SimulatedFsMgmt(root, server.callbacks(), limits);
    server.register(new FsMgmtDispatcher(fs));
    link = UdpLink.serve(server, UdpLimits.DEFAULT_MTU, CONFIG);
    client = new FsMgmtClient(link.client());
    clientV1 = new FsMgmtClient(link.clientV1());
  }

  /** Sends {@code packet} as one datagram and returns the response packet. */
  byte[] exchange(byte[] packet) throws IOException {
    return link.exchange(packet);
  }

  @Override
  public void close() {
    link.close();
  }
}
