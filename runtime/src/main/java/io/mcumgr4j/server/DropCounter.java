package io.mcumgr4j.server;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the packets a server drops without an answer, as a device out of buffers does. */
final class DropCounter {

  private static final System.Logger LOG = System.getLogger(SmpServer.class.getName());

  private final AtomicLong dropped = new AtomicLong();

  void drop(String why, TransportInfo info) {
    dropped.incrementAndGet();
    LOG.log(Level.DEBUG, () -> "dropped a packet from " + info.peer() + ": " + why);
  }

  long count() {
    return dropped.get();
  }
}
