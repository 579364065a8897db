package io.mcumgr4j.simulator.fleet;

import io.mcumgr4j.simulator.SimulatedDevice;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Simulated devices in one process, each with its own data directory and UDP port, so that fleet
 * tooling (a rollout to many boards, a dashboard polling them) can be tested without the boards.
 * Device {@code i} (from 0) keeps its state in {@code dataDir/device-(i+1)} and serves UDP on the
 * first address's port plus {@code i} (or an ephemeral port each when that port is 0).
 */
public final class Fleet implements AutoCloseable {

  private final List<SimulatedDevice> devices;
  private final List<InetSocketAddress> addresses;

  private Fleet(List<SimulatedDevice> devices, List<InetSocketAddress> addresses) {
    this.devices = Collections.unmodifiableList(devices);
    this.addresses = Collections.unmodifiableList(addresses);
  }

  /**
   * Starts {@code count} devices; when one cannot start, those already started are closed.
   *
   * @param first the first device's address; port 0 gives every device an ephemeral port
   * @param configure applied to each device's builder (buffers, images, shell, ...)
   * @throws IllegalArgumentException if {@code count} is below 1 or the ports would pass 65535
   * @throws IOException if a directory cannot be made or a port is taken
   */
  public static Fleet start(int count, Path dataDir, InetSocketAddress first,
      UnaryOperator<SimulatedDevice.Builder> configure) throws IOException {
    if (count < 1) {
      throw new IllegalArgumentException("a fleet needs at least one device, not " + count);
    }
    if (first.getPort() != 0 && first.getPort() + count - 1 > 65535) {
      throw new IllegalArgumentException(count + " devices from port " + first.getPort() + " pass port 65535");
    }
    List<SimulatedDevice> devices = new ArrayList<>(count);
    List<InetSocketAddress> addresses = new ArrayList<>(count);
    try {
      for (int i = 0; i < count; i++) {
        Path dir = Files.createDirectories(dataDir.resolve("device-" + (i + 1)));
        SimulatedDevice device = configure.apply(SimulatedDevice.builder(dir)).start();
        devices.add(device);
        int port = first.getPort() == 0 ? 0 : first.getPort() + i;
        addresses.add(device.serveUdp(new InetSocketAddress(first.getAddress(), port)).localAddress());
      }
    } catch (IOException | RuntimeException e) {
      for (SimulatedDevice device : devices) {
        device.close();
      }
      throw e;
    }
    return new Fleet(devices, addresses);
  }

  /** The devices, in port order. */
  public List<SimulatedDevice> devices() {
    return devices;
  }

  /** Where each device serves UDP, in the same order. */
  public List<InetSocketAddress> addresses() {
    return addresses;
  }

  /** Closes every device (their endpoints with them). */
  @Override
  public void close() {
    for (SimulatedDevice device : devices) {
      device.close();
    }
  }
}
