package io.mcumgr4j.server;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.callback.CallbackResult;
import io.mcumgr4j.callback.CommandEvent;
import io.mcumgr4j.callback.MgmtCallbacks;
import io.mcumgr4j.callback.MgmtEventIds;
import io.mcumgr4j.cbor.CborReader;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.error.MgmtException;
import io.mcumgr4j.frame.SmpHeader;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * An SMP server: the group registry and the request processing of Zephyr's {@code smp.c}, fed
 * by server endpoints (UDP, serial, in-memory) through {@link #submit}.
 *
 * <p>Response rules, as Zephyr 4.4.0 applies them: op + 1, group, sequence and command echoed,
 * version {@code min(request version, 1)}, flags 0; maps written with indefinite length. A packet
 * may carry several messages back to back; each gets its own response and processing stops at
 * the first {@code {rc}} error. Fewer than 8 bytes left is dropped without an answer; a payload
 * shorter than the header's length gets {@code rc} 9 (ECORRUPT); a response op, an unknown op,
 * group or command, or a command without a handler for the op gets {@code rc} 8 (ENOTSUP); a
 * version above 1 gets 13, a v1 request to a server without v1 support 12.
 *
 * <p>Threading: {@link #submit} routes a packet by its peer ({@link TransportInfo#peer()}) to
 * one of {@code workerThreads} single-thread workers, each with its own queue of {@code
 * queueCapacity} packets. The requests of one peer are therefore handled one at a time and in
 * the order they arrived, as Zephyr handles a transport's requests, while different peers may be
 * handled in parallel (peers that hash to the same worker share it). {@link #runExclusive} runs
 * an action while no message is being handled, e.g. a simulated reset.
 */
public final class SmpServer implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(SmpServer.class.getName());

  private final ServerConfig config;
  private final MgmtCallbacks callbacks;
  private final CopyOnWriteArrayList<GroupHandler> groups = new CopyOnWriteArrayList<>();
  /** Single-thread executors; a peer always lands on the same one, which keeps its order. */
  private final ThreadPoolExecutor[] lanes;
  private final ThreadLocal<Worker> workers;
  /** Handling a message holds the read lock, {@link #runExclusive} the write lock. */
  private final ReentrantReadWriteLock handling = new ReentrantReadWriteLock();
  private final AtomicLong dropped = new AtomicLong();
  private volatile RequestLog requestLog;

  /** Per-thread state, so the request path allocates no buffers. */
  private final class Worker {
    final CborWriter writer = new CborWriter(Math.min(512, config.bufSize()), config.bufSize());
    final CborReader reader = new CborReader();
    final RequestContext ctx = new RequestContext(SmpServer.this);
  }

  /** Told of every message the server answers, e.g. to log requests one per line. */
  @FunctionalInterface
  public interface RequestLog {
    /**
     * @param request the request header
     * @param transport where it came from
     * @param rc 0 for a normal response (group errors included), else the {@code rc} sent
     */
    void handled(SmpHeader request, TransportInfo transport, int rc);
  }

  /** A server with {@link ServerConfig#DEFAULT} and a new event bus. */
  public SmpServer() {
    this(ServerConfig.DEFAULT, new MgmtCallbacks());
  }

  public SmpServer(ServerConfig config) {
    this(config, new MgmtCallbacks());
  }

  public SmpServer(ServerConfig config, MgmtCallbacks callbacks) {
    this.config = config;
    this.callbacks = callbacks;
    this.lanes = new ThreadPoolExecutor[config.workerThreads()];
    for (int i = 0; i < lanes.length; i++) {
      String name = "smp-worker-" + (i + 1);
      lanes[i] = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
          new ArrayBlockingQueue<>(config.queueCapacity()),
          r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
          });
    }
    // one per thread: each lane's thread, and any thread calling process() directly
    this.workers = ThreadLocal.withInitial(Worker::new);
  }

  public ServerConfig config() {
    return config;
  }

  public MgmtCallbacks callbacks() {
    return callbacks;
  }

  /** Sets the request log ({@code null} for none). */
  public void setRequestLog(RequestLog log) {
    this.requestLog = log;
  }

  /**
   * Registers a group. A further registration under an id already present may add command slots
   * the earlier ones leave empty (an application extending a built-in group).
   *
   * @throws IllegalArgumentException if a command id already has a handler under that group id
   */
  public synchronized void register(GroupHandler group) {
    for (GroupHandler g : groups) {
      if (g.groupId() != group.groupId()) {
        continue;
      }
      for (int id = 0; id < group.commandSlots(); id++) {
        if (hasSlot(group, id) && hasSlot(g, id)) {
          throw new IllegalArgumentException(
              "command " + id + " of group " + group.groupId() + " is already registered by '"
                  + g.name() + "'");
        }
      }
    }
    groups.add(group);
  }

  /** Removes a registration. */
  public synchronized void unregister(GroupHandler group) {
    groups.remove(group);
  }

  /** The registrations, in registration order. */
  public List<GroupHandler> groups() {
    return List.copyOf(groups);
  }

  /** Packets dropped without an answer: oversized, queue full, or too short for a header. */
  public long droppedPackets() {
    return dropped.get();
  }

  /**
   * Queues one received packet for the worker of its peer, behind the peer's earlier packets.
   * Never throws: a packet larger than {@code bufSize} or arriving while that worker's queue is
   * full is dropped (and counted), as a device out of buffers drops it.
   */
  public void submit(byte[] packet, int offset, int length, TransportInfo info, ResponseSink sink) {
    if (length > config.bufSize()) {
      drop("packet of " + length + " bytes exceeds buf_size " + config.bufSize(), info);
      return;
    }
    byte[] copy = Arrays.copyOfRange(packet, offset, offset + length);
    ThreadPoolExecutor lane = lanes[Math.floorMod(info.peer().hashCode(), lanes.length)];
    try {
      lane.execute(() -> process(copy, 0, copy.length, info, sink));
    } catch (RejectedExecutionException e) {
      drop(lane.isShutdown() ? "server closed" : "request queue full", info);
    }
  }

  /**
   * Processes one received packet on the calling thread and sends the responses to {@code sink}.
   * Never throws.
   */
  public void process(byte[] packet, int offset, int length, TransportInfo info, ResponseSink sink) {
    if (length > config.bufSize()) {
      drop("packet of " + length + " bytes exceeds buf_size " + config.bufSize(), info);
      return;
    }
    Worker w = workers.get();
    int pos = offset;
    int end = offset + length;
    try {
      while (pos < end) {
        if (end - pos < SmpHeader.SIZE) {
          drop((end - pos) + " bytes are too short for an SMP header", info);
          return;
        }
        SmpHeader header = SmpHeader.decode(packet, pos, end - pos);
        pos += SmpHeader.SIZE;
        if (end - pos < header.length()) {
          sendError(w, header, MgmtErr.ECORRUPT.code(),
              "header length " + header.length() + " > " + (end - pos) + " payload bytes", info, sink);
          return;
        }
        boolean goOn;
        Lock lock = handling.readLock();
        lock.lock();
        try {
          goOn = handleMessage(w, header, packet, pos, info, sink);
        } finally {
          lock.unlock();
        }
        if (!goOn) {
          return;
        }
        pos += header.length();
      }
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "request from " + info.peer() + " failed unexpectedly", e);
    }
  }

  /** @return whether processing of the packet may go on (no {@code {rc}} error was sent) */
  private boolean handleMessage(
      Worker w, SmpHeader header, byte[] packet, int payloadOffset, TransportInfo info, ResponseSink sink) {
    Op op = header.opCode();
    if (op == null || !op.isRequest()) {
      return sendError(w, header, MgmtErr.ENOTSUP.code(), "op " + header.op() + " is not a request", info, sink);
    }
    if (header.version() == SmpHeader.VERSION_1 && !config.supportV1()) {
      return sendError(w, header, MgmtErr.UNSUPPORTED_TOO_OLD.code(), "SMP v1 is not supported", info, sink);
    }
    if (header.version() > SmpHeader.VERSION_2) {
      return sendError(w, header, MgmtErr.UNSUPPORTED_TOO_NEW.code(),
          "SMP version " + header.version() + " is not supported", info, sink);
    }
    CommandHandler handler = find(header.group(), header.command(), op);
    if (handler == null) {
      return sendError(w, header, MgmtErr.ENOTSUP.code(), null, info, sink);
    }

    CborWriter out = w.writer.reset();
    out.skip(SmpHeader.SIZE);
    out.startMap();
    RequestContext ctx = w.ctx;
    ctx.reset(header, info);
    int rc = 0;
    String reason = null;
    CallbackResult veto = callbacks.hasListeners(MgmtEventIds.CMD_RECV)
        ? callbacks.notify(MgmtEventIds.CMD_RECV, new CommandEvent(header.group(), header.command(), header.op(), 0))
        : CallbackResult.OK;
    // every path that writes the response is guarded alike: whatever throws, the message gets
    // an {rc} answer and CMD_DONE, and the rest of the packet is still looked at
    try {
      if (veto.status() == CallbackResult.Status.ERROR_RC) {
        rc = veto.rc();
      } else if (veto.status() == CallbackResult.Status.ERROR_ERR) {
        ctx.writeGroupError(out, veto.group(), veto.rc());
      } else {
        try {
          handler.handle(ctx, w.reader.reset(packet, payloadOffset, header.length()), out);
        } catch (GroupErrorException e) {
          out.truncate(SmpHeader.SIZE);
          out.startMap();
          ctx.reset(header, info);
          ctx.writeGroupError(out, e.error());
          e.writeEntries(out);
        }
      }
      if (rc == 0) {
        out.end();
      }
    } catch (MgmtException e) {
      // rc 0 would send the partial output as a success
      rc = e.rc() != 0 ? e.rc() : MgmtErr.EUNKNOWN.code();
      reason = e.reason();
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "handler of group " + header.group() + " command " + header.command() + " failed", e);
      rc = MgmtErr.EUNKNOWN.code();
      reason = "handler failed: " + e;
    }
    if (rc == 0 && ctx.hasGroupError() && header.version() == SmpHeader.VERSION_1) {
      rc = translate(ctx.errorGroup(), ctx.errorRc()).code();
      // Zephyr translates some group errors to EOK (sic); the err map then goes out as it is
    }
    if (rc != 0) {
      sendError(w, header, rc, reason, info, sink);
      notifyDone(header, rc);
      return false;
    }
    header.response(out.size() - SmpHeader.SIZE).encode(out.buffer(), 0);
    send(sink, out.buffer(), out.size(), info);
    log(header, info, 0);
    notifyDone(header, 0);
    return true;
  }

  private CommandHandler find(int group, int command, Op op) {
    for (GroupHandler g : groups) {
      if (g.groupId() == group && command < g.commandSlots() && hasSlot(g, command)) {
        return g.handler(command, op);
      }
    }
    return null;
  }

  private static boolean hasSlot(GroupHandler g, int command) {
    return g.handler(command, Op.READ) != null || g.handler(command, Op.WRITE) != null;
  }

  private MgmtErr translate(int group, int rc) {
    for (GroupHandler g : groups) {
      if (g.groupId() == group) {
        return g.translateError(rc);
      }
    }
    return MgmtErr.EUNKNOWN;
  }

  /** Sends {@code {rc, rsn?}}. Always returns false, so callers can stop in one line. */
  private boolean sendError(
      Worker w, SmpHeader header, int rc, String reason, TransportInfo info, ResponseSink sink) {
    CborWriter out = w.writer;
    try {
      writeError(out, rc, config.verboseErrors() ? reason : null);
    } catch (MgmtException tooLong) {
      writeError(out, rc, null);
    }
    header.response(out.size() - SmpHeader.SIZE).encode(out.buffer(), 0);
    send(sink, out.buffer(), out.size(), info);
    log(header, info, rc);
    return false;
  }

  private static void writeError(CborWriter out, int rc, String reason) {
    out.reset();
    out.skip(SmpHeader.SIZE);
    out.startMap().key("rc").integer(rc);
    if (reason != null) {
      out.key("rsn").text(reason);
    }
    out.end();
  }

  private void notifyDone(SmpHeader header, int rc) {
    if (callbacks.hasListeners(MgmtEventIds.CMD_DONE)) {
      callbacks.notify(MgmtEventIds.CMD_DONE, new CommandEvent(header.group(), header.command(), header.op(), rc));
    }
  }

  private void send(ResponseSink sink, byte[] buf, int length, TransportInfo info) {
    try {
      sink.send(buf, 0, length);
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "response to " + info.peer() + " over " + info.transport() + " not sent: " + e);
    }
  }

  private void log(SmpHeader header, TransportInfo info, int rc) {
    RequestLog l = requestLog;
    if (l != null) {
      try {
        l.handled(header, info, rc);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "request log failed", e);
      }
    }
  }

  private void drop(String why, TransportInfo info) {
    dropped.incrementAndGet();
    LOG.log(Level.DEBUG, () -> "dropped a packet from " + info.peer() + ": " + why);
  }

  /**
   * Runs {@code action} while no message is being handled: waits for the messages in progress to
   * finish and holds further ones off until the action returns (queued packets wait, they are not
   * dropped). A simulated device uses it so a reset never falls in the middle of a handler.
   *
   * @throws IllegalStateException when called from a handler, which would wait for itself
   */
  public <T> T runExclusive(Supplier<T> action) {
    if (handling.getReadHoldCount() > 0) {
      throw new IllegalStateException("runExclusive called while handling a message");
    }
    Lock lock = handling.writeLock();
    lock.lock();
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }

  /** {@link #runExclusive(Supplier)} for an action without a result. */
  public void runExclusive(Runnable action) {
    runExclusive(() -> {
      action.run();
      return null;
    });
  }

  /** Stops the workers; queued requests are still answered, for up to two seconds in all. */
  @Override
  public void close() {
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

  /** The groups registered under {@code groupId}, in registration order. */
  public List<GroupHandler> groups(int groupId) {
    List<GroupHandler> out = new ArrayList<>();
    for (GroupHandler g : groups) {
      if (g.groupId() == groupId) {
        out.add(g);
      }
    }
    return out;
  }
}
