package io.mcumgr4j.client;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.frame.SmpFrame;
import io.mcumgr4j.frame.SmpHeader;
import io.mcumgr4j.transport.SmpTransport;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * An SMP client over one {@link SmpTransport}: numbers requests, matches responses to them by
 * sequence number (group and command must match too), times out and retries, and lets up to 256
 * requests be in flight at once (the 8-bit sequence space); further requests wait for a free
 * sequence number. Responses that match nothing in flight (late, duplicated, foreign) are dropped.
 *
 * <p>A request's sequence number is freed as soon as its future is done, however that happens:
 * a response, a timeout, a failed send, {@link #close()}, or the caller cancelling or completing
 * the future. The timeout of an attempt runs from the moment the transport's {@code send}
 * returns, so a send that blocks on a slow link does not use up the time for the answer.
 *
 * <p>Errors reported inside a response ({@code rc}, {@code err}) are not this class's concern:
 * it completes with the response frame, and typed stubs or {@link ResponseErrors} read it.
 */
public final class SmpClient implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(SmpClient.class.getName());
  private static final int SEQUENCES = 256;

  private final SmpTransport transport;
  private final ClientConfig config;
  private final AtomicReferenceArray<Pending> inFlight = new AtomicReferenceArray<>(SEQUENCES);
  /** Requests waiting for a free sequence number; guarded by {@link #starts}. */
  private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
  /**
   * Orders claiming sequence numbers against queueing, releasing and closing, so a freed number
   * always finds a waiter and no request slips in after {@link #close()} collected the pending
   * ones.
   */
  private final Object starts = new Object();
  private final AtomicInteger nextSequence = new AtomicInteger();
  private final ScheduledThreadPoolExecutor timer;
  /** Written under {@link #starts}; read without it only where a stale value is harmless. */
  private volatile boolean closed;
  /** The largest packet the device takes, once known ({@link #limitRequests}); the MTU until then. */
  private volatile int deviceLimit = Integer.MAX_VALUE;

  /** One request: its frame, the future to complete, and its retry state. */
  private final class Pending {
    final int op;
    final int group;
    final int command;
    final byte[] payload;
    final Duration timeout;
    final CompletableFuture<SmpFrame> future = new CompletableFuture<>();
    int retriesLeft;
    /** The claimed sequence number, -1 while waiting; guarded by {@link #starts}. */
    int sequence = -1;
    byte[] packet;
    /** Guarded by this. */
    ScheduledFuture<?> timeoutTask;

    Pending(int op, int group, int command, byte[] payload, Duration timeout, int retries) {
      this.op = op;
      this.group = group;
      this.command = command;
      this.payload = payload;
      this.timeout = timeout;
      this.retriesLeft = retries;
    }
  }

  /** A client with {@link ClientConfig#DEFAULT}; starts the transport. */
  public SmpClient(SmpTransport transport) throws IOException {
    this(transport, ClientConfig.DEFAULT);
  }

  /** A client; starts the transport. */
  public SmpClient(SmpTransport transport, ClientConfig config) throws IOException {
    this.transport = transport;
    this.config = config;
    this.timer = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "smp-client-timer");
      t.setDaemon(true);
      return t;
    });
    timer.setRemoveOnCancelPolicy(true);
    transport.start(this::onPacket);
  }

  public ClientConfig config() {
    return config;
  }

  public SmpTransport transport() {
    return transport;
  }

  /**
   * Sends a request with the configured timeout and retries.
   *
   * @param payload the CBOR payload (use {@code A0}, an empty map, for commands without
   *     parameters)
   * @return the response frame; fails with {@link SmpTimeoutException} or {@link
   *     SmpTransportException}
   */
  public CompletableFuture<SmpFrame> sendAsync(Op op, int group, int command, byte[] payload) {
    return sendAsync(op, group, command, payload, config.timeout(), config.retries());
  }

  /** Sends a request with its own timeout and retry count (e.g. a long first upload chunk). */
  public CompletableFuture<SmpFrame> sendAsync(
      Op op, int group, int command, byte[] payload, Duration timeout, int retries) {
    if (!op.isRequest()) {
      throw new IllegalArgumentException(op + " is not a request op");
    }
    if (payload.length > SmpHeader.MAX_LENGTH) {
      throw new IllegalArgumentException("payload of " + payload.length + " bytes exceeds 65535");
    }
    int packet = SmpHeader.SIZE + payload.length;
    if (packet > transport.mtu() || packet > deviceLimit) {
      boolean link = packet > transport.mtu();
      return CompletableFuture.failedFuture(new RequestTooLargeException("a request of " + packet + " bytes (group "
          + group + " command " + command + ") exceeds " + (link ? "the " + transport.name() + " link's MTU of "
          + transport.mtu() : "the device's buf_size limit of " + deviceLimit) + " bytes: nothing was sent"));
    }
    Pending p = new Pending(op.code(), group, command, payload, timeout, retries);
    // registered before the request can be claimed, so every way of completing frees the slot
    p.future.whenComplete((response, failure) -> release(p));
    boolean claimed;
    boolean refused;
    synchronized (starts) {
      refused = closed;
      claimed = !refused && claim(p);
      if (!refused && !claimed) {
        waiting.add(p);
      }
    }
    if (refused) {
      p.future.completeExceptionally(new SmpTransportException("client is closed", null));
    } else if (claimed) {
      transmit(p);
    }
    return p.future;
  }

  /**
   * Refuses from now on, before sending, requests whose packet is larger than {@code maxPacket}
   * bytes: what the device's {@code buf_size} lets through this link (the transfers set it when
   * they read {@code mcumgr params}).
   */
  public void limitRequests(int maxPacket) {
    this.deviceLimit = maxPacket;
  }

  /** Blocking {@link #sendAsync(Op, int, int, byte[])}. */
  public SmpFrame send(Op op, int group, int command, byte[] payload) {
    return await(sendAsync(op, group, command, payload));
  }

  /** Blocking {@link #sendAsync(Op, int, int, byte[], Duration, int)}. */
  public SmpFrame send(Op op, int group, int command, byte[] payload, Duration timeout, int retries) {
    return await(sendAsync(op, group, command, payload, timeout, retries));
  }

  /**
   * Waits for a future of this client and rethrows its failure as it is (an {@link
   * io.mcumgr4j.error.SmpException} subclass).
   */
  public static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(false);
      throw new SmpTransportException("interrupted while waiting for a response", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new CompletionException(cause);
    }
  }

  /** Requests in flight (for diagnostics and tests). */
  public int inFlight() {
    int n = 0;
    for (int i = 0; i < SEQUENCES; i++) {
      if (inFlight.get(i) != null) {
        n++;
      }
    }
    return n;
  }

  /** Takes a free sequence number for {@code p} and builds its packet; called under {@link #starts}. */
  private boolean claim(Pending p) {
    for (int i = 0; i < SEQUENCES; i++) {
      int seq = nextSequence.getAndIncrement() & 0xFF;
      if (inFlight.compareAndSet(seq, null, p)) {
        p.sequence = seq;
        SmpHeader header = new SmpHeader(p.op, config.version(), 0, p.payload.length, p.group, seq, p.command);
        p.packet = new SmpFrame(header, p.payload).encode();
        return true;
      }
    }
    return false;
  }

  /**
   * Sends one attempt, then starts its timeout. Completing a future happens outside the lock of
   * {@code p}: completion runs {@link #release}, which may transmit other requests.
   */
  private void transmit(Pending p) {
    if (p.future.isDone()) {
      return;
    }
    try {
      transport.send(p.packet);
    } catch (IOException | RuntimeException e) {
      finish(p, null, new SmpTransportException("send to " + transport.address() + " failed: " + e.getMessage(), e));
      return;
    }
    boolean rejected = false;
    synchronized (p) {
      // release() cancels the task under the same lock once the future is done; checking here
      // keeps an answer that beat us to it from leaving a timer behind
      if (p.future.isDone()) {
        return;
      }
      try {
        p.timeoutTask = timer.schedule(() -> onTimeout(p), p.timeout.toNanos(), TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException e) {
        rejected = true; // close() stopped the timer
      }
    }
    if (rejected) {
      finish(p, null, new SmpTransportException("client closed", null));
    }
  }

  private void onTimeout(Pending p) {
    boolean retry;
    synchronized (p) {
      if (p.future.isDone()) {
        return;
      }
      retry = p.retriesLeft > 0 && !closed;
      if (retry) {
        p.retriesLeft--;
      }
    }
    if (retry) {
      LOG.log(Level.DEBUG, () -> "no response to sequence " + p.sequence + " in " + p.timeout + ", sending again");
      transmit(p);
    } else {
      finish(p, null, new SmpTimeoutException(
          "no response from " + transport.address() + " to group " + p.group + " command " + p.command
              + " (sequence " + p.sequence + ") within " + p.timeout.toMillis() + " ms"));
    }
  }

  private void onPacket(byte[] packet) {
    int pos = 0;
    while (packet.length - pos >= SmpHeader.SIZE) {
      SmpHeader h = SmpHeader.decode(packet, pos, packet.length - pos);
      int start = pos + SmpHeader.SIZE;
      if (packet.length - start < h.length()) {
        LOG.log(Level.DEBUG, () -> "dropped a truncated response: " + h);
        return;
      }
      pos = start + h.length();
      Pending p = inFlight.get(h.sequence());
      if (p == null || (h.op() & 1) == 0 || h.op() != (p.op | 1) || h.group() != p.group || h.command() != p.command) {
        LOG.log(Level.DEBUG, () -> "dropped a response that matches no request in flight: " + h);
        continue;
      }
      finish(p, new SmpFrame(h, Arrays.copyOfRange(packet, start, start + h.length())), null);
    }
  }

  /**
   * Completes a request unless something else did first. The sequence number is freed before the
   * future completes, so a caller woken by it sees the request gone from {@link #inFlight()}.
   */
  private void finish(Pending p, SmpFrame response, RuntimeException failure) {
    if (p.future.isDone()) {
      return;
    }
    free(p);
    if (failure != null) {
      p.future.completeExceptionally(failure);
    } else {
      p.future.complete(response);
    }
  }

  /**
   * Runs once the future of {@code p} is done, by whatever means (a caller cancelling or
   * completing it included): frees what it holds and starts waiting requests.
   */
  private void release(Pending p) {
    free(p);
    drainWaiting();
  }

  /** Stops the timeout of {@code p} and frees its sequence number or wait-queue place; idempotent. */
  private void free(Pending p) {
    synchronized (p) {
      if (p.timeoutTask != null) {
        p.timeoutTask.cancel(false);
      }
    }
    synchronized (starts) {
      if (p.sequence >= 0) {
        inFlight.compareAndSet(p.sequence, p, null);
      } else {
        waiting.remove(p);
      }
    }
  }

  /** Starts waiting requests while sequence numbers are free; sends outside the lock. */
  private void drainWaiting() {
    List<Pending> ready = new ArrayList<>();
    synchronized (starts) {
      Pending next;
      while ((next = waiting.peek()) != null && !closed && claim(next)) {
        ready.add(waiting.poll());
      }
    }
    for (Pending p : ready) {
      transmit(p);
    }
  }

  /** Fails every request in flight or waiting, stops the timer and closes the transport. */
  @Override
  public void close() {
    List<Pending> pending = new ArrayList<>();
    synchronized (starts) {
      if (closed) {
        return;
      }
      closed = true;
      // nothing is claimed or queued after this point, so the lists are complete
      for (int i = 0; i < SEQUENCES; i++) {
        Pending p = inFlight.get(i);
        if (p != null) {
          pending.add(p);
        }
      }
      pending.addAll(waiting);
      waiting.clear();
    }
    SmpTransportException gone = new SmpTransportException("client closed", null);
    for (Pending p : pending) {
      finish(p, null, gone);
    }
    timer.shutdownNow();
    transport.close();
  }

  /** Timeouts scheduled and not yet run or cancelled (for tests: none may outlive its request). */
  int scheduledTimeouts() {
    return timer.getQueue().size();
  }
}
