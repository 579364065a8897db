package io.mcumgr4j.bench;

import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.frame.SmpFrame;
import io.mcumgr4j.frame.SmpHeader;
import io.mcumgr4j.simulator.fleet.Fleet;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a fleet of simulated devices in one process costs and serves ({@code serve --devices N}):
 * the heap and resident memory each device adds once started and once it has answered, its
 * threads, and echo requests per second across all of them from one client socket that keeps
 * {@code window} requests in flight, sent to the devices in turn.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.mcumgr4j.bench.FleetLoad [devices] [requests] [window]
 * </pre>
 */
public final class FleetLoad {

  private FleetLoad() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int window = args.length > 2 ? Integer.parseInt(args[2]) : 64;
    Path dir = Files.createTempDirectory("fleet-load");
    try {
      Footprint before = Footprint.now();
      long start = System.nanoTime();
      try (Fleet fleet = Fleet.start(count, dir, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
          b -> b)) {
        double startSeconds = (System.nanoTime() - start) / 1e9;
        Footprint started = Footprint.now();
        System.out.printf("%d devices started in %.1f s: %s per device%n", count, startSeconds,
            started.minus(before).per(count));
        for (int round = 1; round <= 3; round++) {
          echoes(fleet.addresses(), requests, window, round);
        }
        System.out.printf("after answering: %s per device%n", Footprint.now().minus(before).per(count));
      }
    } finally {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  /** Sends {@code requests} echoes across the devices with {@code window} in flight; prints the rate. */
  private static void echoes(List<InetSocketAddress> devices, int requests, int window, int round) throws IOException {
    byte[] payload = new CborWriter().startMap(1).key("d").text("fleet").toByteArray();
    try (DatagramChannel channel = DatagramChannel.open()) {
      channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      channel.socket().setSoTimeout(2000);
      DatagramPacket answer = new DatagramPacket(new byte[2048], 2048);
      int sent = 0;
      int answered = 0;
      int lost = 0;
      long start = System.nanoTime();
      while (answered + lost < requests) {
        while (sent < requests && sent - answered - lost < window) {
          SmpHeader header = new SmpHeader(2, SmpHeader.VERSION_2, 0, payload.length, 0, sent & 0xFF, 0);
          channel.send(ByteBuffer.wrap(new SmpFrame(header, payload).encode()), devices.get(sent % devices.size()));
          sent++;
        }
        try {
          channel.socket().receive(answer);
          answered++;
        } catch (SocketTimeoutException e) {
          lost += sent - answered - lost; // what is still out will not come
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("round %d: %d echoes across %d devices in %.2f s = %.0f requests/s (%d unanswered)%n",
          round, answered, devices.size(), seconds, answered / seconds, lost);
    }
  }

  /** Heap in use after a collection, resident memory and live threads. */
  private record Footprint(long heap, long resident, long threads) {

    static Footprint now() throws IOException {
      for (int i = 0; i < 3; i++) {
        System.gc();
      }
      long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      long resident = 0;
      Path status = Path.of("/proc/self/status");
      if (Files.exists(status)) {
        for (String line : Files.readAllLines(status)) {
          if (line.startsWith("VmRSS:")) {
            resident = Long.parseLong(line.replaceAll("\\D", "")) * 1024;
          }
        }
      }
      return new Footprint(heap, resident, ManagementFactory.getThreadMXBean().getThreadCount());
    }

    Footprint minus(Footprint other) {
      return new Footprint(heap - other.heap, resident - other.resident, threads - other.threads);
    }

    String per(int count) {
      return String.format("heap %.1f KiB, resident %.1f KiB, %.2f threads", heap / 1024.0 / count,
          resident / 1024.0 / count, (double) threads / count);
    }
  }
}
