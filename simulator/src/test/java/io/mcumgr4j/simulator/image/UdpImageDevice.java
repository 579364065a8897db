package io.mcumgr4j.simulator.image;

import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.frame.SmpHeader;
import io.mcumgr4j.groups.image.ImgMgmtClient;
import io.mcumgr4j.groups.image.ImgMgmtDispatcher;
import io.mcumgr4j.server.ServerConfig;
import io.mcumgr4j.server.SmpServer;
import io.mcumgr4j.simulator.testing.UdpLink;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A simulated image device on UDP 127.0.0.1 (ephemeral port, datagrams up to 2048 bytes): an {@link ImageStore} in a directory,
 * {@link SimulatedImgMgmt} behind its generated dispatcher, and the clients opened to it. Generous
 * timeouts; nothing asserts timings.
 */
final class UdpImageDevice implements AutoCloseable {

  /** Datagrams as large as Zephyr's UDP buffer, so requests of up to 2048 bytes arrive whole. */
  private static final int MTU = 2048;

  /** Each slot's size. */
  static final int SLOT_SIZE = 256 * 1024;

  final ImageStore store;
  final SmpServer server;
  private final UdpLink link;

  UdpImageDevice(Path dir, int images, byte[] initial, boolean checkImage) throws IOException {
    store = new ImageStore(dir, images, SLOT_SIZE, initial);
    store.boot();
    server = new SmpServer(ServerConfig.DEFAULT);
    server.register(new ImgMgmtDispatcher(new SimulatedImgMgmt(store, server.callbacks(), checkImage)));
    link = UdpLink.serve(server, MTU, UdpLink.CONFIG);
  }

  /** A new SMP v2 connection. */
  SmpClient smp() throws IOException {
    return link.open(UdpLink.CONFIG);
  }

  /** A new typed client over a new SMP v2 connection. */
  ImgMgmtClient client() throws IOException {
    return new ImgMgmtClient(smp());
  }

  /** A new typed client over a new SMP v1 connection. */
  ImgMgmtClient clientV1() throws IOException {
    return new ImgMgmtClient(link.open(UdpLink.CONFIG.withVersion(SmpHeader.VERSION_1)));
  }

  @Override
  public void close() {
    link.close();
    store.close();
  }
}
