package io.mcumgr4j.cli;

import io.mcumgr4j.frame.UdpLimits;
import io.mcumgr4j.serial.PtyPair;
import io.mcumgr4j.serial.SerialPorts;
import io.mcumgr4j.server.ServerConfig;
import io.mcumgr4j.server.transport.serial.SerialServerEndpoint;
import io.mcumgr4j.server.transport.tcp.TcpServerEndpoint;
import io.mcumgr4j.server.transport.udp.UdpServerEndpoint;
import io.mcumgr4j.simulator.SimulatedDevice;
import io.mcumgr4j.simulator.fleet.Fleet;
import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mcumgr4j serve}: a simulated device on UDP, serial ports and/or a socat pty pair until
 * Ctrl-C or SIGTERM. Each request is logged in one line; an OS reset restarts the device inside the
 * process, its endpoints staying open.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Serve a simulated device (enum, image, fs, os, settings, shell, stat and zephyr basic groups) "
        + "until interrupted.",
        "Without --udp, --serial, --tcp or --pty it serves UDP on 127.0.0.1:1337."})
final class ServeCommand implements Callable<Integer>, LocalCommand {

  private static final String DEFAULT_UDP = "127.0.0.1:1337";

  @Option(names = "--udp", paramLabel = "HOST:PORT",
      description = "Serve UDP on this address (IPv6 as [::1]:1337; port 0 picks one). Repeatable.")
  List<String> udp = new ArrayList<>();

  @Option(names = "--serial", paramLabel = "DEVICE[,baud=N]",
      description = "Serve a real serial port (e.g. /dev/ttyACM0,baud=115200; default baud " + SerialSpec.DEFAULT_BAUD
          + "). Repeatable.")
  List<String> serial = new ArrayList<>();

  @Option(names = "--tcp", paramLabel = "HOST:PORT",
      description = "Serve the serial console framing on a TCP port, as an emulator's UART (-c tcp:HOST:PORT). "
          + "Repeatable.")
  List<String> tcp = new ArrayList<>();

  @Option(names = "--pty", description = "Make a pseudo-terminal pair with socat, serve one end and print the "
      + "other for the client (--conn serial:PATH).")
  boolean pty;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the device keeps its state. Default: "
      + "${DEFAULT-VALUE}.", defaultValue = "mcumgr4j-device")
  Path dataDir;

  @Option(names = "--devices", paramLabel = "N", description = "Serve N devices on consecutive UDP ports from "
      + "--udp's, each with its own data directory (DIR/device-1 ...), to test fleet tooling. Default: "
      + "${DEFAULT-VALUE}.", defaultValue = "1")
  int devices;

  @Option(names = "--allow-shell", description = "Serve the shell group (off by default).")
  boolean allowShell;

  @Option(names = "--quiet", description = "No line per request (restarts are still told): under load, printing "
      + "each request costs the device about as much as handling it.")
  boolean quiet;

  @Option(names = "--buf-size", description = "SMP buffer size reported and enforced. Default: ${DEFAULT-VALUE}.",
      defaultValue = "2048")
  int bufSize;

  @Option(names = "--buf-count", description = "SMP buffer count reported. Default: ${DEFAULT-VALUE}.",
      defaultValue = "2")
  int bufCount;

  @Option(names = "--images", paramLabel = "N", description = "Updatable images (MCUboot image pairs). Default: "
      + "${DEFAULT-VALUE}.", defaultValue = "1")
  int images;

  @Option(names = "--slot-size", paramLabel = "BYTES", description = "Size of each image slot. Default: "
      + "${DEFAULT-VALUE}.", defaultValue = "1048576")
  long slotSize;

  /** What is open, closed in reverse order by {@link #stop()}. */
  private final List<AutoCloseable> open = new ArrayList<>();
  private final CountDownLatch stopped = new CountDownLatch(1);

  @Override
  public Integer call() throws Exception {
    if (images < 1 || slotSize < 1) {
      throw new UsageException("--images and --slot-size must be positive");
    }
    boolean otherEndpoints = !serial.isEmpty() || !tcp.isEmpty() || pty;
    List<String> udpAddresses = udp.isEmpty() && !otherEndpoints ? List.of(DEFAULT_UDP) : udp;
    if (devices < 1 || (devices > 1 && (udpAddresses.size() != 1 || otherEndpoints))) {
      throw new UsageException("--devices must be at least 1; more than one device is served on one --udp address "
          + "(and consecutive ports), without --serial, --tcp or --pty");
    }
    // parse everything before anything is opened: a typo should not leave a half-started device
    List<InetSocketAddress> udpBinds = udpAddresses.stream().map(a -> Addresses.parse(a, UdpLimits.DEFAULT_PORT)).toList();
    List<SerialSpec> serialSpecs = serial.stream().map(SerialSpec::parse).toList();
    List<InetSocketAddress> tcpBinds = tcp.stream().map(a -> Addresses.parse(a, -1)).toList();

    // Ctrl-C or SIGTERM: the hook closes endpoints, device and socat, then the JVM exits
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "mcumgr4j-serve-shutdown"));
    try {
      start(udpBinds, serialSpecs, tcpBinds);
    } catch (Exception e) {
      stop();
      throw e; // reported by ExitCodes: socat missing or a port in use is a local failure, in one line
    }
    System.out.println("data in " + dataDir.toAbsolutePath() + ", " + images + " image(s) of " + slotSize
        + " bytes per slot (Ctrl-C stops)");
    stopped.await();
    return ExitCodes.OK;
  }

  /** The device options every served device gets. */
  private SimulatedDevice.Builder configure(SimulatedDevice.Builder builder) {
    return builder.serverConfig(ServerConfig.DEFAULT.withBufSize(bufSize).withBufCount(bufCount))
        .allowShell(allowShell)
        .images(images, slotSize);
  }

  /**
   * Logs each request in one line (unless {@code --quiet}), and each restart; {@code name} tells the
   * devices of a fleet apart.
   */
  private void log(SimulatedDevice device, String name) {
    if (!quiet) {
      device.server().setRequestLog((h, t, rc) -> System.out.printf("%s%s %s group %d command %d seq %d -> %s%n",
          name, t.transport(), t.peer(), h.group(), h.command(), h.sequence(), rc == 0 ? "ok" : "rc " + rc));
    }
    device.onBoot(() -> System.out.println(name + "device restarted (boot " + device.bootCount() + ")"));
  }

  private void startFleet(InetSocketAddress first) throws Exception {
    Fleet fleet;
    try {
      fleet = Fleet.start(devices, dataDir, first, this::configure);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    } catch (BindException e) {
      throw new IOException("cannot serve UDP on one of the " + devices + " ports from " + format(first)
          + ": one is in use or the address is not this machine's (" + e.getMessage() + ")", e);
    }
    opened(fleet);
    for (int i = 0; i < devices; i++) {
      log(fleet.devices().get(i), "device " + (i + 1) + ": ");
    }
    List<InetSocketAddress> addresses = fleet.addresses();
    System.out.println(devices + " simulated devices on udp " + format(addresses.get(0)) + " to "
        + format(addresses.get(devices - 1)) + ", data in " + dataDir.resolve("device-N").toAbsolutePath());
  }

  private void start(List<InetSocketAddress> udpBinds, List<SerialSpec> serialSpecs, List<InetSocketAddress> tcpBinds)
      throws Exception {
    if (devices > 1) {
      startFleet(udpBinds.get(0));
      return;
    }
    SimulatedDevice device = configure(SimulatedDevice.builder(dataDir)).start();
    opened(device);
    log(device, "");

    for (InetSocketAddress bind : udpBinds) {
      UdpServerEndpoint endpoint;
      try {
        endpoint = device.serveUdp(bind);
      } catch (BindException e) {
        throw new IOException("cannot serve UDP on " + format(bind) + ": the address is in use or not this "
            + "machine's (" + e.getMessage() + ")", e);
      }
      System.out.println("simulated device on udp " + format(endpoint.localAddress()));
    }
    for (InetSocketAddress bind : tcpBinds) {
      TcpServerEndpoint endpoint = new TcpServerEndpoint(device.server(), bind); // its bind error names the address
      opened(endpoint);
      System.out.println("simulated device on tcp " + format(endpoint.localAddress()) + " (--conn tcp:"
          + format(endpoint.localAddress()) + ")");
    }
    for (SerialSpec s : serialSpecs) {
      opened(SerialServerEndpoint.over(device.server(), SerialPorts.open(s.device(), s.baud())).start());
      System.out.println("simulated device on serial " + s.device() + " at " + s.baud() + " baud");
    }
    if (pty) {
      PtyPair pair = PtyPair.create();
      opened(pair);
      opened(SerialServerEndpoint.over(device.server(), SerialPorts.open(pair.serverEnd().toString(), SerialSpec.DEFAULT_BAUD))
          .start());
      System.out.println("simulated device on pty " + pair.serverEnd());
      System.out.println("client pty: " + pair.clientEnd() + " (--conn serial:" + pair.clientEnd() + ")");
    }
  }

  private synchronized void opened(AutoCloseable resource) {
    open.add(resource);
  }

  /**
   * Closes serial endpoints before the device and socat last, so no reader sees its pty vanish
   * while serving. Runs from the shutdown hook, and after a failed start; the second run finds
   * nothing open.
   */
  private void stop() {
    List<AutoCloseable> toClose;
    synchronized (this) {
      toClose = new ArrayList<>(open);
      open.clear();
    }
    List<AutoCloseable> order = new ArrayList<>();
    toClose.stream().filter(r -> r instanceof SerialServerEndpoint || r instanceof TcpServerEndpoint).forEach(order::add);
    toClose.stream().filter(r -> r instanceof SimulatedDevice || r instanceof Fleet).forEach(order::add);
    toClose.stream().filter(r -> r instanceof PtyPair).forEach(order::add);
    for (AutoCloseable resource : order) {
      try {
        resource.close();
      } catch (Exception e) {
        System.err.println("mcumgr4j: closing " + resource + " failed: " + e);
      }
    }
    stopped.countDown();
  }

  /** {@code host:port}, IPv6 hosts in brackets, as {@code --udp} takes it. */
  private static String format(InetSocketAddress address) {
    String host = address.getAddress().getHostAddress();
    return (address.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + address.getPort();
  }
}
