package io.mcumgr4j.server;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Single-thread workers with bounded queues. A peer always lands on the same worker ({@code
 * floorMod(peer.hashCode(), workers)}), so its requests are handled one at a time and in the order
 * they arrived, as Zephyr handles a transport's requests, while other peers go in parallel. A
 * full queue drops the packet: a device out of buffers does not grow.
 */
final class PeerLanes {

  private final ThreadPoolExecutor[] lanes;
  private final DropCounter drops;

  PeerLanes(int workers, int queueCapacity, DropCounter drops) {
    this.drops = drops;
    this.lanes = new ThreadPoolExecutor[workers];
    for (int i = 0; i < lanes.length; i++) {
      String name = "smp-worker-" + (i + 1);
      lanes[i] = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
          new ArrayBlockingQueue<>(queueCapacity),
          r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
          });
    }
  }

  /** Runs {@code work} on the worker of {@code info}'s peer, behind its earlier work, or drops it. */
  void submit(TransportInfo info, Runnable work) {
    ThreadPoolExecutor lane = lanes[Math.floorMod(info.peer().hashCode(), lanes.length)];
    try {
      lane.execute(work);
    } catch (RejectedExecutionException e) {
      drops.drop(lane.isShutdown() ? "server closed" : "request queue full", info);
    }
  }

  /** Stops the workers; queued work still runs, for up to two seconds in all. */
  void close() {
    for (ThreadPoolExecutor lane : lanes) {
      lane.shutdown();
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    try {
      for (ThreadPoolExecutor lane : lanes) {
        if (!lane.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
          lane.shutdownNow();
        }
      }
    } catch (InterruptedException e) {
      for (ThreadPoolExecutor lane : lanes) {
        lane.shutdownNow();
      }
      Thread.currentThread().interrupt();
    }
  }
}
