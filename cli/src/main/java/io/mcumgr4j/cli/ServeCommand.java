package io.mcumgr4j.cli;

import io.mcumgr4j.device.SimulatedDevice;
import io.mcumgr4j.server.ServerConfig;
import io.mcumgr4j.transport.udp.UdpServerEndpoint;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mcumgr4j serve}: a simulated device on UDP until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve a simulated device (OS, settings, stat, shell, enum, zephyr basic groups) over UDP "
        + "until interrupted.")
final class ServeCommand implements Callable<Integer> {

  @Option(names = "--udp", paramLabel = "HOST:PORT",
      description = "Address to bind (IPv6 as [::1]:1337). Default: ${DEFAULT-VALUE}.", defaultValue = "127.0.0.1:1337")
  String udp;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the device keeps its state. Default: "
      + "${DEFAULT-VALUE}.", defaultValue = "mcumgr4j-device")
  Path dataDir;

  @Option(names = "--allow-shell", description = "Serve the shell group (off by default).")
  boolean allowShell;

  @Option(names = "--buf-size", description = "SMP buffer size reported and enforced. Default: ${DEFAULT-VALUE}.",
      defaultValue = "2048")
  int bufSize;

  @Option(names = "--buf-count", description = "SMP buffer count reported. Default: ${DEFAULT-VALUE}.",
      defaultValue = "2")
  int bufCount;

  @Override
  public Integer call() throws Exception {
    SimulatedDevice device = SimulatedDevice.builder(dataDir)
        .serverConfig(ServerConfig.DEFAULT.withBufSize(bufSize).withBufCount(bufCount))
        .allowShell(allowShell)
        .start();
    device.server().setRequestLog((h, t, rc) -> System.out.printf("%s %s group %d command %d seq %d -> %s%n",
        t.transport(), t.peer(), h.group(), h.command(), h.sequence(), rc == 0 ? "ok" : "rc " + rc));
    UdpServerEndpoint endpoint = device.serveUdp(Addresses.parse(udp, 1337));
    // Ctrl-C or SIGTERM: the hook closes the device (and its endpoint), then the JVM exits
    Runtime.getRuntime().addShutdownHook(new Thread(device::close));
    System.out.println("simulated device on udp " + endpoint.localAddress() + ", data in " + dataDir
        + " (Ctrl-C stops)");
    new CountDownLatch(1).await();
    return 0;
  }
}
