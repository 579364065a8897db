package io.mcumgr4j.cli;

import io.mcumgr4j.simulator.SimulatedDevice;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * A simulated device (shell allowed, quick resets) on loopback UDP for the command tests, and the
 * in-process {@code mcumgr4j} run against it.
 */
final class CliDevice implements AutoCloseable {

  private final SimulatedDevice device;
  private final String conn;

  private CliDevice(SimulatedDevice device, String conn) {
    this.device = device;
    this.conn = conn;
  }

  static CliDevice start(Path dir) throws IOException {
    SimulatedDevice device = SimulatedDevice.builder(dir).allowShell(true).resetDelay(Duration.ofMillis(10)).start();
    int port = device.serveUdp(new InetSocketAddress("127.0.0.1", 0)).localAddress().getPort();
    return new CliDevice(device, "udp:127.0.0.1:" + port);
  }

  SimulatedDevice device() {
    return device;
  }

  /** The {@code --conn} of the device. */
  String conn() {
    return conn;
  }

  /** Runs {@code mcumgr4j -c CONNECTION args...} in-process. */
  static Run runOn(String connection, String... args) {
    return runAlone(Stream.concat(Stream.of("-c", connection), Stream.of(args)).toArray(String[]::new));
  }

  /** Runs {@code mcumgr4j args...} in-process, with no {@code -c} added. */
  static Run runAlone(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), args);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    device.close();
  }
}
