package io.mcumgr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcumgr4j.serial.PtyPair;
import io.mcumgr4j.serial.SerialPorts;
import io.mcumgr4j.simulator.SimulatedDevice;
import io.mcumgr4j.testing.Ptys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code image list} and {@code fs status} with {@code -c serial:PTY}: the simulated device serves
 * one end of a socat pty pair, the command opens the other. Skipped (not passed) when socat is not
 * installed.
 */
class ImageFsPtyTest {

  @TempDir Path dir;
  private PtyPair pty;
  private SerialPorts.Port devicePort;
  private SimulatedDevice device;

  @BeforeEach
  void serveOnAPty() throws Exception {
    pty = Ptys.openOrSkip();
    device = SimulatedDevice.builder(dir.resolve("device")).start();
    devicePort = SerialPorts.open(pty.serverEnd().toString(), Ptys.BAUD);
    device.serveSerial(devicePort.input(), devicePort.output(), "pty");
  }

  @AfterEach
  void stop() {
    if (device != null) {
      device.close();
    }
    if (devicePort != null) {
      devicePort.close();
    }
    if (pty != null) {
      pty.close();
    }
  }

  @Test
  void imageListAndFsStatusOverSerial() throws Exception {
    Files.write(dir.resolve("device/fs/lfs1/hello.txt"), "hello, serial".getBytes());
    String conn = "serial:" + pty.clientEnd() + ",baud=" + Ptys.BAUD;

    ImageFsDevice.Run list = ImageFsDevice.run("-c", conn, "--timeout", "5", "--json", "image", "list");
    ImageFsDevice.Run status = ImageFsDevice.run("-c", conn, "--timeout", "5", "fs", "status", "/lfs1/hello.txt");

    assertThat(list.code()).as("%s", list).isZero();
    List<Map<String, Object>> slots = list.jsonArray();
    assertThat(slots).hasSize(1);
    assertThat(slots.get(0)).containsEntry("version", "0.0.0").containsEntry("active", true);
    assertThat(status.code()).as("%s", status).isZero();
    assertThat(status.out()).isEqualTo("/lfs1/hello.txt: 13 bytes\n");
  }
}
