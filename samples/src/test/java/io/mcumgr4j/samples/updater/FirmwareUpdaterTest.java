package io.mcumgr4j.samples.updater;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.groups.image.ImgMgmt;
import io.mcumgr4j.groups.image.ImgMgmtClient;
import io.mcumgr4j.mcuboot.ImageVersion;
import io.mcumgr4j.mcuboot.McubootImage;
import io.mcumgr4j.mcuboot.McubootImageBuilder;
import io.mcumgr4j.simulator.SimulatedDevice;
import io.mcumgr4j.transport.udp.UdpTransport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FirmwareUpdater}'s command line against a simulated device over UDP. */
class FirmwareUpdaterTest {

  @TempDir Path dir;

  @Test
  void updatesTestsResetsAndConfirms() throws Exception {
    byte[] firmware = new byte[60_000];
    new Random(7).nextBytes(firmware);
    byte[] image = new McubootImageBuilder().version(ImageVersion.of(2, 1, 0)).payload(firmware).build();
    Path file = dir.resolve("app.signed.bin");
    Files.write(file, image);

    try (SimulatedDevice device = SimulatedDevice.builder(dir.resolve("device"))
        .resetDelay(Duration.ofMillis(20)).start()) {
      InetSocketAddress address =
          device.serveUdp(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).localAddress();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      String conn = "udp:127.0.0.1:" + address.getPort();

      int code = FirmwareUpdater.run(new String[] {conn, file.toString()}, print(out), print(err));

      String output = out.toString(StandardCharsets.UTF_8);
      assertThat(code).as("exit code; stderr: %s", err).isZero();
      assertThat(output).contains("100 %", "marked for test", "the device is back", "confirmed; final state");
      assertThat(device.bootCount()).isEqualTo(2);
      try (SmpClient smp = new SmpClient(new UdpTransport(address))) {
        ImgMgmt.Slot running = new ImgMgmtClient(smp).state().images().get(0);
        assertThat(running.version()).isEqualTo("2.1.0");
        assertThat(running.hash()).isEqualTo(McubootImage.parse(image).hash());
        assertThat(running.active()).isTrue();
        assertThat(running.confirmed()).isTrue();
      }

      // the same image again: nothing to upload, no reset
      out.reset();
      assertThat(FirmwareUpdater.run(new String[] {conn, file.toString()}, print(out), print(err))).isZero();
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("nothing to do");
      assertThat(device.bootCount()).isEqualTo(2);
    }
  }

  @Test
  void aFileThatIsNoImageFailsWithOneLine() throws Exception {
    Path file = Files.writeString(dir.resolve("notes.txt"), "not an image");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = FirmwareUpdater.run(new String[] {"udp:127.0.0.1:1", file.toString()},
        print(new ByteArrayOutputStream()), print(err));
    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("update failed: ");
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }
}
