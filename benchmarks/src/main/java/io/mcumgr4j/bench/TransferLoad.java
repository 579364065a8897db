package io.mcumgr4j.bench;

import com.sun.management.OperatingSystemMXBean;
import io.mcumgr4j.client.ClientConfig;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.groups.os.OsMgmtClient;
import io.mcumgr4j.mcuboot.ImageVersion;
import io.mcumgr4j.mcuboot.McubootImageBuilder;
import io.mcumgr4j.server.ServerConfig;
import io.mcumgr4j.simulator.SimulatedDevice;
import io.mcumgr4j.simulator.link.Impairment;
import io.mcumgr4j.simulator.link.LossyUdpProxy;
import io.mcumgr4j.transfer.FileUploader;
import io.mcumgr4j.transfer.ImageUploader;
import io.mcumgr4j.transfer.TransferOptions;
import io.mcumgr4j.transport.udp.UdpTransport;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A load tool (not JMH: a transfer takes seconds) for the client's request path and transfers over
 * real UDP on loopback against a {@link SimulatedDevice} in the same process, optionally through a
 * {@link LossyUdpProxy}. Prints one line per round; run several rounds and compare medians.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.mcumgr4j.bench.TransferLoad echo 5000 [rounds]
 * java -cp benchmarks/target/benchmarks.jar io.mcumgr4j.bench.TransferLoad upload BYTES [rounds]
 * java -cp benchmarks/target/benchmarks.jar io.mcumgr4j.bench.TransferLoad file BYTES [rounds] [--verify]
 *     [--loss P] [--delay-ms D] [--timeout-ms T] [--retries R] [--seed S] [--window W] [--buf-count N]
 *     [--proxy]   (through the relay even without loss or delay)
 *     [--device HOST:PORT]   (a device served elsewhere: mcumgr4j serve, Zephyr; no simulated one in this JVM)
 * </pre>
 *
 * <p>An image upload also prints its time per chunk between the first and the last but one answer:
 * what a chunk costs once the upload runs, without the checks before the first chunk and the
 * device's work after the last.
 */
public final class TransferLoad {

  private TransferLoad() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    long amount = Long.parseLong(args[1]);
    int rounds = args.length > 2 && !args[2].startsWith("--") ? Integer.parseInt(args[2]) : 5;
    ClientConfig config = ClientConfig.DEFAULT;
    String timeout = option(args, "--timeout-ms", null);
    if (timeout != null) {
      config = config.withTimeout(Duration.ofMillis(Long.parseLong(timeout)));
    }
    String retries = option(args, "--retries", null);
    if (retries != null) {
      config = config.withRetries(Integer.parseInt(retries));
    }
    long seed = Long.parseLong(option(args, "--seed", "1"));
    String device = option(args, "--device", null);
    for (int round = 1; round <= rounds; round++) {
      if (device != null) {
        int colon = device.lastIndexOf(':');
        run(mode, amount, round, args, config, seed,
            new InetSocketAddress(device.substring(0, colon), Integer.parseInt(device.substring(colon + 1))));
        continue;
      }
      Path dir = Files.createTempDirectory("transfer-load");
      int bufCount = Integer.parseInt(option(args, "--buf-count", "2"));
      try (SimulatedDevice simulated = SimulatedDevice.builder(dir)
          .serverConfig(ServerConfig.DEFAULT.withBufCount(bufCount)).images(1, 4L << 20).start()) {
        run(mode, amount, round, args, config, seed,
            simulated.serveUdp(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).localAddress());
      } finally {
        deleteTree(dir);
      }
    }
  }

  /** One round against the device at {@code address}, through the relay when the link is impaired. */
  private static void run(String mode, long amount, int round, String[] args, ClientConfig config, long seed,
      InetSocketAddress address) throws IOException {
    double loss = Double.parseDouble(option(args, "--loss", "0"));
    Duration delay = Duration.ofMillis(Long.parseLong(option(args, "--delay-ms", "0")));
    // without --loss or --delay-ms the client talks to the device directly
    boolean impaired = loss > 0 || !delay.isZero() || List.of(args).contains("--proxy");
    Impairment link = Impairment.lossy(loss).withDelay(delay);
    try (LossyUdpProxy proxy = impaired ? LossyUdpProxy.start(address, link, link, seed + round) : null;
        SmpClient client = new SmpClient(new UdpTransport(impaired ? proxy.localAddress() : address), config)) {
      switch (mode) {
        case "echo" -> echo(client, (int) amount, round);
        case "file" -> file(client, (int) amount, round, options(args));
        default -> upload(client, (int) amount, round, options(args));
      }
      if (impaired) {
        System.out.println("  link: requests " + proxy.toDevice() + "; answers " + proxy.fromDevice());
      }
    }
  }

  private static void echo(SmpClient client, int count, int round) {
    OsMgmtClient os = new OsMgmtClient(client);
    for (int i = 0; i < Math.min(count, 500); i++) {
      os.echo("warm-up");
    }
    long cpu = cpuNanos();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      os.echo("hello");
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    cpu = cpuNanos() - cpu;
    System.out.printf("echo round %d: %d requests in %.3f s = %.0f requests/s, %.1f us each%n",
        round, count, seconds, count / seconds, seconds * 1e6 / count);
    printCpu(cpu, count);
  }

  private static void upload(SmpClient client, int size, int round, TransferOptions options) {
    byte[] payload = new byte[size];
    new Random(round).nextBytes(payload);
    byte[] image = new McubootImageBuilder().version(ImageVersion.of(1, 0, round)).payload(payload).build();
    count = 0;
    long cpu = cpuNanos();
    long start = System.nanoTime();
    ImageUploader.Result result = new ImageUploader(client, options).upload(image);
    double seconds = (System.nanoTime() - start) / 1e9;
    cpu = cpuNanos() - cpu;
    int n = count;
    System.out.printf("  chunks: %.1f us per chunk between the first and the last but one answer%n",
        (marks[n - 2] - marks[0]) / 1e3 / (n - 2));
    System.out.printf("upload round %d: %d bytes in %d requests, %.3f s = %.2f MB/s, %.1f us per request%n",
        round, image.length, result.requests(), seconds, image.length / seconds / 1e6,
        seconds * 1e6 / result.requests());
    printCpu(cpu, result.requests());
  }

  /** A file upload, with the after-upload hash check when {@code --verify} is given. */
  private static void file(SmpClient client, int size, int round, TransferOptions options) {
    byte[] data = new byte[size];
    new Random(round).nextBytes(data);
    long start = System.nanoTime();
    int requests = new FileUploader(client, options).upload("/lfs1/load.bin", data);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("file round %d: %d bytes in %d requests%s, %.3f s = %.2f MB/s%n", round, size, requests,
        options.verify() ? " and the hash check" : "", seconds, size / seconds / 1e6);
  }

  /** The CPU time of the whole process: with {@code --device}, what the client costs. */
  private static long cpuNanos() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static void printCpu(long cpuNanos, int requests) {
    System.out.printf("  cpu: %.1f us of this process's CPU time per request%n", cpuNanos / 1e3 / requests);
  }

  private static final long[] marks = new long[1 << 16];
  private static int count;

  private static void mark(long done, long total) {
    if (count < marks.length) {
      marks[count++] = System.nanoTime();
    }
  }

  private static TransferOptions options(String[] args) {
    TransferOptions.Builder b = TransferOptions.builder().listener(TransferLoad::mark);
    String timeout = option(args, "--timeout-ms", null);
    if (timeout != null) {
      b.chunkTimeout(Duration.ofMillis(Long.parseLong(timeout)));
    }
    String retries = option(args, "--retries", null);
    if (retries != null) {
      b.retries(Integer.parseInt(retries));
    }
    b.window(Integer.parseInt(option(args, "--window", "0")));
    b.verify(List.of(args).contains("--verify"));
    return b.build();
  }

  private static String option(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
