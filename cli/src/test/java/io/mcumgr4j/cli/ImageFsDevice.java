package io.mcumgr4j.cli;

import io.mcumgr4j.simulator.SimulatedDevice;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A simulated device on loopback UDP for the image and FS command tests, and the in-process
 * {@code mcumgr4j} run against it.
 */
final class ImageFsDevice implements AutoCloseable {

  final SimulatedDevice device;
  final String conn;

  private ImageFsDevice(SimulatedDevice device, String conn) {
    this.device = device;
    this.conn = conn;
  }

  static ImageFsDevice start(Path dir) throws IOException {
    SimulatedDevice device = SimulatedDevice.builder(dir).start();
    InetSocketAddress address = device.serveUdp(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
        .localAddress();
    return new ImageFsDevice(device, "udp:127.0.0.1:" + address.getPort());
  }

  /** Runs {@code mcumgr4j -c <this device> args...}. */
  Run cli(String... args) {
    List<String> all = new ArrayList<>(List.of("-c", conn));
    all.addAll(List.of(args));
    return run(all.toArray(String[]::new));
  }

  /** Runs {@code mcumgr4j args...} in-process. */
  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = Main.run(o, e, args);
    }
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    device.close();
  }

  /** A finished run: exit code, standard output, standard error. */
  record Run(int code, String out, String err) {

    /** Standard output parsed as JSON (maps, lists, strings, longs, doubles, booleans, null). */
    Object json() {
      return Json.parse(out);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> jsonObject() {
      return (Map<String, Object>) json();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> jsonArray() {
      return (List<Map<String, Object>>) json();
    }

    @Override
    public String toString() {
      return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
    }
  }
}
