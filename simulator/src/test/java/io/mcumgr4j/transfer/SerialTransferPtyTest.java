package io.mcumgr4j.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcumgr4j.client.ClientConfig;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.groups.image.ImgMgmtClient;
import io.mcumgr4j.serial.PtyPair;
import io.mcumgr4j.serial.SerialPorts;
import io.mcumgr4j.server.ServerConfig;
import io.mcumgr4j.server.transport.serial.SerialServerEndpoint;
import io.mcumgr4j.simulator.SimulatedDevice;
import io.mcumgr4j.testing.Ptys;
import io.mcumgr4j.transport.serial.SerialTransport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Image uploads over the serial console framing across a real pty pair made by socat (skipped
 * when socat is not installed), with Zephyr 4.4.0's serial build: {@code buf_size} 2048 x 4.
 */
class SerialTransferPtyTest {

  private static final long WAIT_SECONDS = 10;
  private static final ClientConfig CLIENT = ClientConfig.DEFAULT.withTimeout(Duration.ofSeconds(WAIT_SECONDS));

  @TempDir Path dir;
  private PtyPair pty;
  private SerialPorts.Port device;
  private SerialPorts.Port host;

  @BeforeEach
  void openPtyPair() throws Exception {
    pty = Ptys.openOrSkip();
    device = SerialPorts.open(pty.serverEnd().toString(), Ptys.BAUD);
    host = SerialPorts.open(pty.clientEnd().toString(), Ptys.BAUD);
  }

  @AfterEach
  void closePtyPair() {
    for (AutoCloseable c : new AutoCloseable[] {host, device, pty}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        // closing a test's pty: nothing left to check
      }
    }
  }

  @Test
  void packetsAreSizedAsSmpclientsWereForZephyr440() throws Exception {
    try (FakeDevice fake = new FakeDevice(2048);
        SerialServerEndpoint endpoint = SerialServerEndpoint.over(fake.server, device).start();
        SmpClient client = new SmpClient(SerialTransport.over(host, SerialTransport.DEFAULT_MTU, null), CLIENT)) {
      byte[] image = FakeImage.image(132_472, 12);

      ImageUploader.Result result = new ImageUploader(client, FakeDevice.FORCED).upload(image);

      FileTransferTest.assertSameBytes(fake.image.completed, image);
      List<Integer> packets = fake.imageGroup.packetSizes;
      assertThat(result.requests()).isEqualTo(66);
      assertThat(packets.subList(0, 65)).containsOnly(2044);
      assertThat(fake.image.chunks.get(0).length()).isEqualTo(1959);
      assertThat(fake.image.chunks.get(1).length()).isEqualTo(2020);
      assertThat(fake.image.chunks.get(64).length()).isEqualTo(2018);
      assertThat(endpoint.dropCounts().values()).allMatch(n -> n == 0);
    }
  }

  @Test
  void otaFlowAgainstTheSimulatedDevice() throws Exception {
    try (SimulatedDevice sim = SimulatedDevice.builder(dir.resolve("sim"))
            .serverConfig(ServerConfig.DEFAULT.withBufCount(4))
            .start()) {
      Assumptions.assumeTrue(!sim.server().groups(ImgMgmtClient.GROUP_ID).isEmpty(),
          "SimulatedDevice does not register the image group yet");
      sim.serveSerial(device.input(), device.output(), device.path());
      try (SmpClient client = new SmpClient(SerialTransport.over(host, SerialTransport.DEFAULT_MTU, null), CLIENT)) {
        OtaFlow.run(sim, client, SimulatedDeviceTransferTest.image(1, 0, 1, 50_000));
      }
    }
  }
}
