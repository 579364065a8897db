package io.mcumgr4j.server.transport.memory;

import io.mcumgr4j.server.SmpServer;
import io.mcumgr4j.server.TransportInfo;
import io.mcumgr4j.transport.SmpTransport;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A client transport wired straight to an {@link SmpServer} in the same JVM: each request is
 * submitted to the server's workers, each response handed back as a copy. No bytes are lost or
 * reordered, so it suits tests and benchmarks of everything above the link.
 */
public final class InMemoryTransport implements SmpTransport {

  private final SmpServer server;
  private final int mtu;
  private final TransportInfo info;
  private volatile Consumer<byte[]> receiver;
  private volatile boolean closed;

  /** A transport whose link carries packets up to the server's {@code buf_size}. */
  public InMemoryTransport(SmpServer server) {
    this(server, server.config().bufSize());
  }

  public InMemoryTransport(SmpServer server, int mtu) {
    this.server = server;
    this.mtu = mtu;
    this.info = new TransportInfo("memory", "in-memory client " + System.identityHashCode(this), mtu);
  }

  @Override
  public void start(Consumer<byte[]> receiver) {
    this.receiver = receiver;
  }

  @Override
  public void send(byte[] packet) {
    if (closed) {
      throw new IllegalStateException("transport closed");
    }
    server.submit(packet, 0, packet.length, info, (rsp, off, len) -> {
      Consumer<byte[]> r = receiver;
      if (!closed && r != null) {
        r.accept(Arrays.copyOfRange(rsp, off, off + len));
      }
    });
  }

  @Override
  public int mtu() {
    return mtu;
  }

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public void close() {
    closed = true;
  }
}
