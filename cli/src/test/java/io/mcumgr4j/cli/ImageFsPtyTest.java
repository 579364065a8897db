package io.mcumgr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcumgr4j.device.SimulatedDevice;
import io.mcumgr4j.transport.serial.SerialPorts;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code image list} and {@code fs status} with {@code -c serial:PTY}: the simulated device serves
 * one end of a socat pty pair, the command opens the other. Skipped (not passed) when socat is not
 * installed.
 */
class ImageFsPtyTest {

  private static final int BAUD = 115200;
  private static final long WAIT_SECONDS = 10;

  @TempDir Path dir;
  private Process socat;
  private SerialPorts.Port devicePort;
  private SimulatedDevice device;
  private Path clientEnd;

  @BeforeEach
  void serveOnAPty() throws Exception {
    Optional<Path> executable = onPath("socat");
    Assumptions.assumeTrue(executable.isPresent(),
        "socat is not on the PATH: install the Debian package 'socat' (apt-get install socat) to run this test");
    Path deviceEnd = dir.resolve("device-pty");
    clientEnd = dir.resolve("client-pty");
    Path log = dir.resolve("socat.log");
    socat = new ProcessBuilder(executable.get().toString(), "-d", "-d",
        "pty,raw,echo=0,link=" + deviceEnd, "pty,raw,echo=0,link=" + clientEnd)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (!(Files.exists(deviceEnd) && Files.exists(clientEnd))) {
      assertThat(socat.isAlive()).as("socat running; its log: %s", readQuietly(log)).isTrue();
      assertThat(System.nanoTime()).as("socat made the ptys in time").isLessThan(deadline);
      Thread.sleep(20);
    }
    device = SimulatedDevice.builder(dir.resolve("device")).start();
    devicePort = SerialPorts.open(deviceEnd.toString(), BAUD);
    device.serveSerial(devicePort.input(), devicePort.output(), "pty");
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (device != null) {
      device.close();
    }
    if (devicePort != null) {
      devicePort.close();
    }
    if (socat != null) {
      socat.destroy();
      socat.waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
    }
  }

  @Test
  void imageListAndFsStatusOverSerial() throws Exception {
    Files.write(dir.resolve("device/fs/lfs1/hello.txt"), "hello, serial".getBytes());
    String conn = "serial:" + clientEnd + ",baud=" + BAUD;

    ImageFsDevice.Run list = ImageFsDevice.run("-c", conn, "--timeout", "5", "--json", "image", "list");
    ImageFsDevice.Run status = ImageFsDevice.run("-c", conn, "--timeout", "5", "fs", "status", "/lfs1/hello.txt");

    assertThat(list.code()).as("%s", list).isZero();
    List<Map<String, Object>> slots = list.jsonArray();
    assertThat(slots).hasSize(1);
    assertThat(slots.get(0)).containsEntry("version", "0.0.0").containsEntry("active", true);
    assertThat(status.code()).as("%s", status).isZero();
    assertThat(status.out()).isEqualTo("/lfs1/hello.txt: 13 bytes\n");
  }

  private static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    return Stream.of(path.split(File.pathSeparator))
        .map(d -> Path.of(d, name))
        .filter(Files::isExecutable)
        .findFirst();
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }
}
