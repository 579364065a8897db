package io.mcumgr4j.transport.udp;

import io.mcumgr4j.frame.UdpLimits;
import io.mcumgr4j.transport.SmpTransport;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Client side of SMP over UDP: one SMP packet per datagram, sent to the device's address
 * (IPv4 or IPv6; Zephyr's default port is {@link UdpLimits#DEFAULT_PORT}) from an ephemeral local port.
 * Datagrams from any other address are ignored.
 *
 * <p>A thread waiting for its answer reads the socket itself ({@link #receiveWhile}); the
 * transport's own reader stands aside meanwhile and reads only while no such thread does, for
 * answers nobody blocks on. Waking a thread to hand it an answer costs about as much as the rest
 * of a round trip on loopback, and this way no thread is woken on the way.
 */
public final class UdpTransport implements SmpTransport {

  private static final System.Logger LOG = System.getLogger(UdpTransport.class.getName());
  /** How long a reading caller blocks at most before it looks again whether it still waits. */
  private static final long POLL_MILLIS = 20;
  /**
   * How long the reader stays aside after the last reading caller left: a caller that sends and
   * waits again within it reads its answer itself, no thread woken; an answer nobody waits for
   * waits at most this long for the reader.
   */
  private static final long ASIDE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  /** How long a send waits at most for room in a full socket buffer. */
  private static final long SEND_PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final InetSocketAddress device;
  private final int mtu;
  private final DatagramChannel channel;
  /** The reader's selector; callers borrow theirs from {@link #idle}. */
  private final Selector readerSelector;
  private final ConcurrentLinkedQueue<CallerReader> idle = new ConcurrentLinkedQueue<>();
  private final List<CallerReader> all = new CopyOnWriteArrayList<>();
  /** Callers in {@link #receiveWhile}; while there are any, the reader does not read. */
  private final AtomicInteger callers = new AtomicInteger();
  /** Threads between taking a datagram off the socket and having handed it over. */
  private final AtomicInteger delivering = new AtomicInteger();
  /** This thread's share of {@link #delivering}: a stage that blocks inside a hand-over must not wait for itself. */
  private final ThreadLocal<int[]> ownDeliveries = ThreadLocal.withInitial(() -> new int[1]);
  private volatile Consumer<byte[]> receiver;
  private volatile Thread reader;
  /** When the last reading caller left ({@link System#nanoTime()}). */
  private volatile long callerLeft = System.nanoTime() - ASIDE_NANOS;

  /** A selector and a buffer for a caller that reads. */
  private record CallerReader(Selector selector, ByteBuffer buffer) {}

  /** A transport to {@code device} with {@link UdpLimits#DEFAULT_MTU}. */
  public UdpTransport(InetSocketAddress device) throws IOException {
    this(device, UdpLimits.DEFAULT_MTU);
  }

  /**
   * @param device the device's address and port
   * @param mtu the largest SMP packet to send in one datagram (what chunked transfers size by)
   */
  public UdpTransport(InetSocketAddress device, int mtu) throws IOException {
    if (device.isUnresolved()) {
      throw new IllegalArgumentException("cannot resolve " + device.getHostString());
    }
    if (mtu < 16 || mtu > UdpLimits.MAX_DATAGRAM) {
      throw new IllegalArgumentException("mtu " + mtu + " outside 16.." + UdpLimits.MAX_DATAGRAM);
    }
    this.device = device;
    this.mtu = mtu;
    this.channel = DatagramChannel.open(device.getAddress() instanceof Inet6Address
        ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
    try {
      channel.bind(null);
      channel.configureBlocking(false);
      this.readerSelector = Selector.open();
      channel.register(readerSelector, SelectionKey.OP_READ);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** The local address the transport sends from. */
  public InetSocketAddress localAddress() {
    try {
      return (InetSocketAddress) channel.getLocalAddress();
    } catch (IOException e) {
      return null; // closed
    }
  }

  @Override
  public synchronized void start(Consumer<byte[]> receiver) {
    if (reader != null) {
      throw new IllegalStateException("already started");
    }
    this.receiver = receiver;
    reader = new Thread(this::read, "smp-udp-client-" + device);
    reader.setDaemon(true);
    reader.start();
  }

  /** The transport's own reader: delivers what arrives while no caller reads. */
  private void read() {
    ByteBuffer buffer = ByteBuffer.allocate(UdpLimits.MAX_DATAGRAM + 1);
    while (channel.isOpen()) {
      try {
        standAside();
        readerSelector.select();
        readerSelector.selectedKeys().clear();
        int[] own = beginDelivery();
        try {
          // a caller that came meanwhile reads; it sees this count if it came later than the check
          if (callers.get() == 0 && drain(buffer, () -> true) && callers.get() > 0) {
            wakeCallers(); // a caller came meanwhile and may be waiting for what this took
          }
        } finally {
          endDelivery(own);
        }
      } catch (IOException | ClosedSelectorException e) {
        if (channel.isOpen()) {
          LOG.log(Level.WARNING, "UDP receive from " + device + " failed: " + e);
        }
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "response handling failed", e);
      }
    }
  }

  /**
   * Parks the reader while callers read, and a little after: parking until the last caller
   * leaves would cost a wake-up per request, the very hand-over callers read to avoid.
   */
  private void standAside() {
    while (channel.isOpen() && (callers.get() > 0 || System.nanoTime() - callerLeft < ASIDE_NANOS)) {
      LockSupport.parkNanos(this, ASIDE_NANOS);
    }
  }

  private int[] beginDelivery() {
    int[] own = ownDeliveries.get();
    own[0]++;
    delivering.incrementAndGet();
    return own;
  }

  private void endDelivery(int[] own) {
    delivering.decrementAndGet();
    own[0]--;
  }

  /**
   * Delivers datagrams from the socket while there are any and {@code waiting} holds; the caller
   * counts itself in {@link #delivering} around it.
   *
   * @return whether it took a datagram
   */
  private boolean drain(ByteBuffer buffer, BooleanSupplier waiting) throws IOException {
    boolean took = false;
    do {
      buffer.clear();
      SocketAddress from = channel.receive(buffer);
      if (from == null) {
        return took;
      }
      took = true;
      if (device.equals(from)) {
        receiver.accept(Arrays.copyOf(buffer.array(), buffer.position()));
      }
    } while (waiting.getAsBoolean());
    return took;
  }

  @Override
  public void receiveWhile(BooleanSupplier waiting, long nanos) {
    if (receiver == null || !channel.isOpen()) {
      return;
    }
    CallerReader mine = borrow();
    if (mine == null) {
      return;
    }
    // called from a stage this thread runs while it hands an answer over: reading, it holds no
    // one's answer, so its share leaves the count meanwhile (two such threads waited for each other)
    int outer = ownDeliveries.get()[0];
    delivering.addAndGet(-outer);
    callers.incrementAndGet();
    try {
      long start = System.nanoTime();
      while (channel.isOpen() && !Thread.currentThread().isInterrupted()) {
        // another thread may have taken our answer off the socket: let it finish handing it over
        for (int spins = 0; delivering.get() > 0 && waiting.getAsBoolean(); spins++) {
          if (spins < 100) {
            Thread.yield();
          } else {
            LockSupport.parkNanos(100_000); // a slow completion stage downstream: no busy wait
          }
        }
        long left = nanos - (System.nanoTime() - start);
        if (!waiting.getAsBoolean() || left <= 0) {
          return;
        }
        mine.selector().select(Math.max(1, Math.min(POLL_MILLIS, TimeUnit.NANOSECONDS.toMillis(left))));
        mine.selector().selectedKeys().clear();
        int[] own = beginDelivery();
        try {
          if (drain(mine.buffer(), waiting) && callers.get() > 1) {
            wakeCallers(); // what this caller took may have held another one's answer
          }
        } finally {
          endDelivery(own);
        }
      }
    } catch (IOException | ClosedSelectorException e) {
      if (channel.isOpen()) {
        LOG.log(Level.WARNING, "UDP receive from " + device + " failed: " + e);
      }
    } finally {
      callerLeft = System.nanoTime();
      callers.decrementAndGet();
      delivering.addAndGet(outer);
      giveBack(mine);
    }
  }

  /** Wakes the callers in {@link #receiveWhile}: a timeout or a close may have ended their wait. */
  @Override
  public void wakeReceivers() {
    if (callers.get() > 0) {
      wakeCallers();
    }
  }

  private void wakeCallers() {
    for (CallerReader r : all) {
      r.selector().wakeup();
    }
  }

  private CallerReader borrow() {
    CallerReader r = idle.poll();
    if (r != null) {
      return r;
    }
    Selector selector = null;
    try {
      selector = Selector.open();
      channel.register(selector, SelectionKey.OP_READ);
      r = new CallerReader(selector, ByteBuffer.allocate(UdpLimits.MAX_DATAGRAM + 1));
      all.add(r);
      if (!channel.isOpen()) {
        selector.close();
        return null;
      }
      return r;
    } catch (IOException e) {
      if (selector != null) {
        closeQuietly(selector);
      }
      return null; // closed meanwhile; the caller waits for its future, which close() fails
    }
  }

  private void giveBack(CallerReader r) {
    idle.add(r);
    // close() may have swept the idle ones just before the add
    if (!channel.isOpen() && idle.remove(r)) {
      closeQuietly(r.selector());
    }
  }

  @Override
  public void send(byte[] packet) throws IOException {
    ByteBuffer datagram = ByteBuffer.wrap(packet);
    long start = System.nanoTime();
    // the channel does not block (the callers' selectors need that): wait out a full buffer here
    while (channel.send(datagram, device) == 0) {
      if (System.nanoTime() - start > SEND_PATIENCE_NANOS) {
        throw new IOException("the socket's send buffer stayed full for a second");
      }
      LockSupport.parkNanos(50_000);
    }
  }

  @Override
  public int mtu() {
    return mtu;
  }

  @Override
  public String name() {
    return "udp";
  }

  /** {@code udp:HOST:PORT} with the host as given, an IPv6 host in brackets. */
  @Override
  public String address() {
    String host = device.getHostString();
    return "udp:" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + device.getPort();
  }

  @Override
  public void close() {
    closeQuietly(channel);
    readerSelector.wakeup();
    Thread r = reader;
    if (r != null) {
      LockSupport.unpark(r);
    }
    // bounded wait, so no packet reaches the receiver from the reader after close returns
    if (r != null && r != Thread.currentThread()) {
      try {
        r.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    closeQuietly(readerSelector);
    for (CallerReader c : all) {
      if (idle.remove(c)) {
        closeQuietly(c.selector());
      }
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      LOG.log(Level.DEBUG, "closing: " + e);
    }
  }
}
