package io.mcumgr4j.simulator.link;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A UDP relay between clients and a device that behaves like a bad link: it drops, duplicates,
 * delays and reorders datagrams each way as its {@link Impairment}s say, drawing from a seeded
 * random source so a run can be repeated. Clients send to {@link #localAddress()}; each client gets
 * a socket of its own towards the device, so the device sees one peer per client, as it would
 * without the relay.
 *
 * <p>Meant for tests and benchmarks of transfers over loopback: it relays to the one device it was
 * made for and serves at most {@value #MAX_CLIENTS} clients; datagrams from further clients are
 * dropped.
 */
public final class LossyUdpProxy implements AutoCloseable {

  /** The most clients relayed at once. */
  public static final int MAX_CLIENTS = 64;

  private static final System.Logger LOG = System.getLogger(LossyUdpProxy.class.getName());
  private static final int MAX_DATAGRAM = 65_507;
  /** How long a reordered datagram is held beyond its delay, so the ones after it overtake it. */
  private static final long REORDER_HOLD_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
  /** How long after the first copy a duplicate follows. */
  private static final long DUPLICATE_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  private final InetSocketAddress device;
  private final DatagramSocket front;
  private final Direction toDevice;
  private final Direction fromDevice;
  private final Map<SocketAddress, Upstream> upstreams = new ConcurrentHashMap<>();
  private final ScheduledThreadPoolExecutor later;
  private final Thread frontReader;
  private volatile boolean closed;

  /** Counts of what a direction did to its datagrams. */
  public static final class Stats {
    private long received;
    private long dropped;
    private long duplicated;
    private long reordered;

    /** Datagrams that came in. */
    public synchronized long received() {
      return received;
    }

    /** Datagrams lost. */
    public synchronized long dropped() {
      return dropped;
    }

    /** Datagrams sent twice. */
    public synchronized long duplicated() {
      return duplicated;
    }

    /** Datagrams held back for later ones to overtake. */
    public synchronized long reordered() {
      return reordered;
    }

    @Override
    public synchronized String toString() {
      return received + " received, " + dropped + " dropped, " + duplicated + " duplicated, " + reordered
          + " reordered";
    }
  }

  /** One way through the relay: its impairment, random source and counts. */
  private final class Direction {
    final Impairment impairment;
    final Random random;
    final Stats stats = new Stats();

    Direction(Impairment impairment, long seed) {
      this.impairment = impairment;
      this.random = new Random(seed);
    }

    /** Decides the datagram's fate and sends it (now or later) through {@code out} to {@code to}. */
    void relay(byte[] data, DatagramSocket out, SocketAddress to) {
      long delay;
      boolean duplicate;
      synchronized (stats) {
        stats.received++;
        if (random.nextDouble() < impairment.drop()) {
          stats.dropped++;
          return;
        }
        delay = impairment.delay().toNanos();
        long jitter = impairment.jitter().toNanos();
        if (jitter > 0) {
          delay += (long) (random.nextDouble() * jitter);
        }
        if (random.nextDouble() < impairment.reorder()) {
          stats.reordered++;
          delay += REORDER_HOLD_NANOS;
        }
        duplicate = random.nextDouble() < impairment.duplicate();
        if (duplicate) {
          stats.duplicated++;
        }
      }
      sendAfter(delay, data, out, to);
      if (duplicate) {
        sendAfter(delay + DUPLICATE_GAP_NANOS, data, out, to);
      }
    }
  }

  /** A client's own socket towards the device, and the thread relaying the device's answers. */
  private final class Upstream {
    final SocketAddress client;
    final DatagramSocket socket;

    Upstream(SocketAddress client) throws IOException {
      this.client = client;
      this.socket = new DatagramSocket(new InetSocketAddress(device.getAddress(), 0));
      Thread reader = new Thread(this::readAnswers, "lossy-udp-proxy-up " + client);
      reader.setDaemon(true);
      reader.start();
    }

    private void readAnswers() {
      readLoop(socket, (data, from) -> {
        if (device.equals(from)) {
          fromDevice.relay(data, front, client);
        }
      });
    }
  }

  private LossyUdpProxy(InetSocketAddress device, InetSocketAddress bind, Impairment toDevice,
      Impairment fromDevice, long seed) throws IOException {
    this.device = device;
    this.front = new DatagramSocket(bind);
    this.toDevice = new Direction(toDevice, seed);
    this.fromDevice = new Direction(fromDevice, seed * 31 + 17);
    this.later = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "lossy-udp-proxy-delay");
      t.setDaemon(true);
      return t;
    });
    this.frontReader = new Thread(() -> readLoop(front, this::fromClient), "lossy-udp-proxy " + bind);
    frontReader.setDaemon(true);
    frontReader.start();
  }

  /**
   * Starts a relay to {@code device} on a port of the loopback address the system picks.
   *
   * @param toDevice what happens to requests
   * @param fromDevice what happens to answers
   * @param seed the random source's seed: the same seed and traffic give the same decisions
   */
  public static LossyUdpProxy start(InetSocketAddress device, Impairment toDevice, Impairment fromDevice, long seed)
      throws IOException {
    return new LossyUdpProxy(device, new InetSocketAddress(device.getAddress(), 0), toDevice, fromDevice, seed);
  }

  /** Where clients send their requests. */
  public InetSocketAddress localAddress() {
    return (InetSocketAddress) front.getLocalSocketAddress();
  }

  /** What happened to the requests so far. */
  public Stats toDevice() {
    return toDevice.stats;
  }

  /** What happened to the answers so far. */
  public Stats fromDevice() {
    return fromDevice.stats;
  }

  private void fromClient(byte[] data, SocketAddress client) {
    Upstream up = upstreams.get(client);
    if (up == null) {
      if (upstreams.size() >= MAX_CLIENTS) {
        LOG.log(Level.DEBUG, () -> "dropped a datagram of client " + client + ": too many clients");
        return;
      }
      try {
        up = new Upstream(client);
      } catch (IOException e) {
        LOG.log(Level.WARNING, "no socket for client " + client + ": " + e);
        return;
      }
      upstreams.put(client, up);
    }
    toDevice.relay(data, up.socket, device);
  }

  private interface Receiver {
    void accept(byte[] data, SocketAddress from);
  }

  private void readLoop(DatagramSocket socket, Receiver receiver) {
    byte[] buf = new byte[MAX_DATAGRAM];
    DatagramPacket packet = new DatagramPacket(buf, buf.length);
    while (!closed && !socket.isClosed()) {
      try {
        packet.setLength(buf.length);
        socket.receive(packet);
        receiver.accept(Arrays.copyOf(buf, packet.getLength()), packet.getSocketAddress());
      } catch (IOException e) {
        if (!socket.isClosed()) {
          LOG.log(Level.DEBUG, "relay receive failed: " + e);
        }
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "relay failed", e);
      }
    }
  }

  private void sendAfter(long delayNanos, byte[] data, DatagramSocket out, SocketAddress to) {
    if (delayNanos <= 0) {
      send(data, out, to);
      return;
    }
    try {
      later.schedule(() -> send(data, out, to), delayNanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      // closed: the datagram is lost with the link
    }
  }

  private static void send(byte[] data, DatagramSocket out, SocketAddress to) {
    try {
      out.send(new DatagramPacket(data, data.length, to));
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "relay send to " + to + " failed: " + e);
    }
  }

  /** Stops relaying: datagrams still held back are lost, every socket closes. */
  @Override
  public void close() {
    closed = true;
    later.shutdownNow();
    front.close();
    for (Upstream up : upstreams.values()) {
      up.socket.close();
    }
    try {
      frontReader.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
