package io.mcumgr4j.simulator.fs;

import io.mcumgr4j.server.TransportInfo;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one upload or download in progress (Zephyr's {@code fs_mgmt_ctxt}): its file stays open
 * between requests. Only {@link FsSession} touches it, under its lock.
 */
final class FsTransfer {

  /** One daemon thread closes idle transfers of every simulated device in the JVM. */
  private static final ScheduledThreadPoolExecutor IDLE_CLOSER = new ScheduledThreadPoolExecutor(1, r -> {
    Thread t = new Thread(r, "fs-mgmt-idle-close");
    t.setDaemon(true);
    return t;
  });

  static {
    IDLE_CLOSER.setRemoveOnCancelPolicy(true);
  }

  final boolean upload;
  final String name;
  final TransportInfo link;
  final FileChannel channel;
  /** The next offset expected: bytes stored (upload) or the end of the last chunk read (download). */
  long off;
  /** The whole file's size: the upload's announced {@code len}, the download's size at open; 0 unknown. */
  long len;
  /** Bytes the other files under the root held when an upload opened, for the capacity check. */
  long othersBytes;
  private long lastUse;
  private ScheduledFuture<?> idleClose;

  FsTransfer(boolean upload, String name, TransportInfo link, FileChannel channel) {
    this.upload = upload;
    this.name = name;
    this.link = link;
    this.channel = channel;
  }

  /** Whether a request of this direction, path and link continues this transfer. */
  boolean continuedBy(boolean upload, String name, TransportInfo link) {
    return this.upload == upload && this.name.equals(name) && this.link.equals(link);
  }

  /** Whether the transfer is complete (Zephyr: a known length reached). */
  boolean finished() {
    return len > 0 && off >= len;
  }

  /**
   * Arranges for {@code closer} to run once the transfer has been idle for {@code timeoutNanos};
   * each call restarts the wait.
   */
  void touch(long timeoutNanos, Runnable closer) {
    lastUse = System.nanoTime();
    if (idleClose != null) {
      idleClose.cancel(false);
    }
    idleClose = IDLE_CLOSER.schedule(closer, timeoutNanos, TimeUnit.NANOSECONDS);
  }

  /** Whether no request used the transfer for {@code timeoutNanos}; a closer already running checks this. */
  boolean idleFor(long timeoutNanos) {
    return System.nanoTime() - lastUse >= timeoutNanos;
  }

  /** Closes the file; the transfer is over. */
  void close() throws IOException {
    if (idleClose != null) {
      idleClose.cancel(false);
    }
    channel.close();
  }
}
