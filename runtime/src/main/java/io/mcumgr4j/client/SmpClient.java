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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BooleanSupplier;

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
 * <p>The request path avoids waking other threads, which costs more than the rest of a round trip
 * on loopback: a thread that waits for its answer ({@link #await}, or {@code get} and {@code join}
 * on a request's future) reads the link itself where the transport allows it ({@link
 * SmpTransport#receiveWhile}, {@link #receiveWhile}), and the timeouts of all requests share one timer task, moved only
 * when a request is due before it, rather than one task per attempt.
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
  /**
   * Fails timed-out requests off the timer thread: a stage on such a future that blocks on another
   * request would otherwise hold up the very thread that times that request out.
   */
  private final ExecutorService timeouts = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "smp-client-timeout");
    t.setDaemon(true);
    return t;
  });
  /** Guards {@link #sweep} and {@link #sweepDue}. */
  private final Object sweepLock = new Object();
  /** The one timer task that finds attempts past their deadline; null while none is scheduled. */
  private ScheduledFuture<?> sweep;
  /** When {@link #sweep} runs ({@link System#nanoTime()}). */
  private long sweepDue;
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
    final CompletableFuture<SmpFrame> future = new ResponseFuture<>(SmpClient.this);
    /** Guarded by this. */
    int retriesLeft;
    /** The claimed sequence number, -1 while waiting; guarded by {@link #starts}. */
    int sequence = -1;
    byte[] packet;
    /** When the attempt on the link times out ({@link System#nanoTime()}); 0 while none is. */
    volatile long deadline;

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
   * io.mcumgr4j.error.SmpException} subclass). The waiting thread reads the link itself where the
   * transport allows it.
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

  /** Sends one attempt, then arms its timeout. */
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
    long due = System.nanoTime() + p.timeout.toNanos();
    p.deadline = due == 0 ? 1 : due;
    if (!sweepBy(p.deadline)) {
      finish(p, null, new SmpTransportException("client closed", null));
    }
  }

  /**
   * Makes sure the sweep runs no later than {@code due}. Only a request due before the scheduled
   * sweep moves it, so a steady stream of requests with one timeout schedules nothing: scheduling
   * an earlier task wakes the timer thread, which costs as much as the rest of a round trip.
   *
   * @return false once {@link #close()} stopped the timer
   */
  private boolean sweepBy(long due) {
    synchronized (sweepLock) {
      if (sweep != null && sweepDue - due <= 0) {
        return true;
      }
      if (sweep != null) {
        sweep.cancel(false);
      }
      try {
        sweep = timer.schedule(this::sweep, due - System.nanoTime(), TimeUnit.NANOSECONDS);
        sweepDue = due;
        return true;
      } catch (RejectedExecutionException e) {
        sweep = null;
        return false;
      }
    }
  }

  /** Times out the attempts past their deadline and schedules itself for the next one due. */
  private void sweep() {
    synchronized (sweepLock) {
      sweep = null; // from here, a request armed after the scan below schedules a sweep itself
    }
    long now = System.nanoTime();
    long next = 0;
    List<Pending> expired = new ArrayList<>();
    List<Long> expiredDeadlines = new ArrayList<>();
    for (int i = 0; i < SEQUENCES; i++) {
      Pending p = inFlight.get(i);
      long due = p == null ? 0 : p.deadline;
      if (due == 0 || p.future.isDone()) {
        continue;
      }
      if (due - now <= 0) {
        expired.add(p);
        expiredDeadlines.add(due);
      } else if (next == 0 || due - next < 0) {
        next = due;
      }
    }
    if (next != 0) {
      sweepBy(next);
    }
    for (int i = 0; i < expired.size(); i++) {
      onTimeout(expired.get(i), expiredDeadlines.get(i));
    }
  }

  /** Retries or fails {@code p} if its attempt due at {@code due} is still the one on the link. */
  private void onTimeout(Pending p, long due) {
    boolean retry;
    synchronized (p) {
      // an answer, or another sweep that saw the same deadline, may have come first
      if (p.future.isDone() || p.deadline != due) {
        return;
      }
      p.deadline = 0;
      retry = p.retriesLeft > 0 && !closed;
      if (retry) {
        p.retriesLeft--;
      }
    }
    if (retry) {
      LOG.log(Level.DEBUG, () -> "no response to sequence " + p.sequence + " in " + p.timeout + ", sending again");
      transmit(p);
    } else {
      SmpTimeoutException timeout = new SmpTimeoutException(
          "no response from " + transport.address() + " to group " + p.group + " command " + p.command
              + " (sequence " + p.sequence + ") within " + p.timeout.toMillis() + " ms");
      try {
        timeouts.execute(() -> finish(p, null, timeout));
      } catch (RejectedExecutionException e) {
        finish(p, null, timeout); // closed meanwhile
      }
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
      transport.wakeReceivers(); // a caller reading for this answer would notice only at its next poll
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

  /** Disarms the timeout of {@code p} and frees its sequence number or wait-queue place; idempotent. */
  private void free(Pending p) {
    p.deadline = 0;
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
    timeouts.shutdown();
    transport.close();
  }

  /**
   * Reads the link on the calling thread while {@code waiting} holds, for at most {@code nanos},
   * where the transport allows it ({@link SmpTransport#receiveWhile}), and returns at once where
   * it does not; may return early. For code that waits for any of several requests, e.g. a window
   * of transfer chunks, before it takes the answers it collects: it then takes them from the link
   * itself rather than being woken by the transport's thread. Waiting on one request's future does
   * this by itself.
   */
  public void receiveWhile(BooleanSupplier waiting, long nanos) {
    if (!closed) {
      transport.receiveWhile(waiting, nanos);
    }
  }

  /** Requests with an armed timeout (for tests: none may outlive its request). */
  int armedTimeouts() {
    int n = 0;
    for (int i = 0; i < SEQUENCES; i++) {
      Pending p = inFlight.get(i);
      if (p != null && p.deadline != 0) {
        n++;
      }
    }
    return n;
  }
}
