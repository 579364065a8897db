package io.mcumgr4j.server;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.callback.CallbackResult;
import io.mcumgr4j.callback.CommandEvent;
import io.mcumgr4j.callback.MgmtCallbacks;
import io.mcumgr4j.callback.MgmtEventIds;
import io.mcumgr4j.cbor.CborReader;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.error.ErrorEntries;
import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.error.MgmtException;
import io.mcumgr4j.frame.SmpHeader;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Handles the messages of one received packet as Zephyr's {@code smp.c} does (see {@link
 * SmpServer} for the rules) and sends each response to the packet's sink. Runs on any thread:
 * each thread has its own reader, writer and request context, so the request path allocates no
 * buffers.
 */
final class MessageHandler {

  private static final System.Logger LOG = System.getLogger(SmpServer.class.getName());

  private final ServerConfig config;
  private final MgmtCallbacks callbacks;
  private final GroupRegistry registry;
  private final DropCounter drops;
  private final ThreadLocal<Worker> workers;
  /** Handling a message holds the read lock, {@link #runExclusive} the write lock. */
  private final ReentrantReadWriteLock handling = new ReentrantReadWriteLock();
  private volatile SmpServer.RequestLog requestLog;

  /** Per-thread state. */
  private static final class Worker {
    final CborWriter writer;
    final CborReader reader = new CborReader();
    final RequestContext ctx;
    final EntryWriter entries;

    Worker(SmpServer server) {
      int bufSize = server.config().bufSize();
      this.writer = new CborWriter(Math.min(512, bufSize), bufSize);
      this.ctx = new RequestContext(server);
      this.entries = new EntryWriter(writer);
    }
  }

  /** Writes a group error's extra keys into the response being built. */
  private static final class EntryWriter implements ErrorEntries.EntryWriter {
    private final CborWriter out;

    EntryWriter(CborWriter out) {
      this.out = out;
    }

    @Override
    public EntryWriter uint(String key, long value) {
      out.key(key).uint(value);
      return this;
    }

    @Override
    public EntryWriter text(String key, String value) {
      out.key(key).text(value);
      return this;
    }

    @Override
    public EntryWriter bytes(String key, byte[] value) {
      out.key(key).bytes(value);
      return this;
    }
  }

  MessageHandler(SmpServer server, GroupRegistry registry, DropCounter drops) {
    this.config = server.config();
    this.callbacks = server.callbacks();
    this.registry = registry;
    this.drops = drops;
    // one per thread: each lane's thread, and any thread calling process() directly
    this.workers = ThreadLocal.withInitial(() -> new Worker(server));
  }

  void setRequestLog(SmpServer.RequestLog log) {
    this.requestLog = log;
  }

  /** Handles every message of the packet; never throws. */
  void process(byte[] packet, int offset, int length, TransportInfo info, ResponseSink sink) {
    if (length > config.bufSize()) {
      drops.drop("packet of " + length + " bytes exceeds buf_size " + config.bufSize(), info);
      return;
    }
    Worker w = workers.get();
    int pos = offset;
    int end = offset + length;
    try {
      while (pos < end) {
        if (end - pos < SmpHeader.SIZE) {
          drops.drop((end - pos) + " bytes are too short for an SMP header", info);
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
    CommandHandler handler = registry.find(header.group(), header.command(), op);
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
          if (e.entries() != null && ctx.legacyRc() == 0) {
            e.entries().writeTo(w.entries);
          }
        }
      }
      if (rc == 0) {
        rc = ctx.legacyRc();
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

  private static void send(ResponseSink sink, byte[] buf, int length, TransportInfo info) {
    try {
      sink.send(buf, 0, length);
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "response to " + info.peer() + " over " + info.transport() + " not sent: " + e);
    }
  }

  private void log(SmpHeader header, TransportInfo info, int rc) {
    SmpServer.RequestLog l = requestLog;
    if (l != null) {
      try {
        l.handled(header, info, rc);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "request log failed", e);
      }
    }
  }

  /** See {@link SmpServer#runExclusive(Supplier)}. */
  <T> T runExclusive(Supplier<T> action) {
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
}
