package io.mcumgr4j.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.groups.image.ImgMgmt;
import io.mcumgr4j.groups.image.ImgMgmtClient;
import io.mcumgr4j.mcuboot.McubootImage;
import io.mcumgr4j.server.ServerConfig;
import io.mcumgr4j.simulator.SimulatedDevice;
import io.mcumgr4j.simulator.link.Impairment;
import io.mcumgr4j.simulator.link.LossyUdpProxy;
import io.mcumgr4j.transport.udp.UdpTransport;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Image uploads with the default options through a link that drops, duplicates and reorders a
 * tenth of the datagrams each way (seeded), to a device with Zephyr's serial buffers (4, so a
 * window of 3). Bounded: the image is small and the relay's decisions repeat with the seed.
 */
class LossyLinkUploadTest {

  @TempDir Path dir;

  @Test
  void anUploadSurvivesATenthLostDuplicatedAndReorderedAndTheImageIsIntact() throws Exception {
    LossyUdpProxy link = uploadIntact(SimulatedDeviceTransferTest.image(3, 1, 4, 160_000),
        TransferOptions.builder().build(), 20261205);

    assertThat(link.toDevice().dropped()).as("requests lost on the way").isPositive();
    assertThat(link.fromDevice().duplicated()).as("answers duplicated").isPositive();
  }

  @Test
  void aLongUploadNeverGoesTenSecondsWithoutProgress() throws Exception {
    // Each loss makes the window resend chunks, and every answer to them still measures the round
    // trip (each attempt is a request of its own). Leaving those answers out, the timeout stayed
    // backed off towards its 3 s ceiling and a long upload went 10-30 s without progress; a lost
    // first chunk waited its whole 30 s timeout before it was resent.
    uploadIntact(SimulatedDeviceTransferTest.image(3, 1, 4, 700_000),
        TransferOptions.builder().progressDeadline(Duration.ofSeconds(10)).build(), 71207);
  }

  /** Uploads {@code image} through the lossy link, checks the slot's hash, returns the closed link. */
  private LossyUdpProxy uploadIntact(byte[] image, TransferOptions options, long seed) throws Exception {
    try (SimulatedDevice device = SimulatedDevice.builder(dir)
            .serverConfig(ServerConfig.DEFAULT.withBufCount(4)).start()) {
      InetSocketAddress address = device.serveUdp(new InetSocketAddress("127.0.0.1", 0)).localAddress();
      try (LossyUdpProxy link = LossyUdpProxy.start(address, Impairment.lossy(0.1), Impairment.lossy(0.1), seed);
          SmpClient client = new SmpClient(new UdpTransport(link.localAddress()))) {

        ImageUploader.Result result = new ImageUploader(client, options).upload(image);

        assertThat(result.length()).isEqualTo(image.length);
        ImgMgmt.Slot secondary = OtaFlow.slot(new ImgMgmtClient(client).state(), 1);
        assertThat(secondary.hash()).isEqualTo(McubootImage.parse(image).hash());
        return link;
      }
    }
  }

  @Test
  void aFileUploadAndDownloadSurviveTheSameLinkAndTheFileIsIntact() throws Exception {
    byte[] data = FileTransferTest.bytes(200_000, 12);
    try (SimulatedDevice device = SimulatedDevice.builder(dir)
            .serverConfig(ServerConfig.DEFAULT.withBufCount(4)).start()) {
      InetSocketAddress address = device.serveUdp(new InetSocketAddress("127.0.0.1", 0)).localAddress();
      try (LossyUdpProxy link = LossyUdpProxy.start(address, Impairment.lossy(0.1), Impairment.lossy(0.1), 1205);
          SmpClient client = new SmpClient(new UdpTransport(link.localAddress()))) {

        new FileUploader(client).upload("/lfs1/lossy.bin", data);
        // and back, through the same link: chunk sizes the device picks change with the offset's width
        FileTransferTest.assertSameBytes(new FileDownloader(client).download("/lfs1/lossy.bin"), data);

        assertThat(link.toDevice().dropped() + link.fromDevice().dropped()).isPositive();
        FileTransferTest.assertSameBytes(
            Files.readAllBytes(device.dataDir().resolve(SimulatedDevice.FS_DIR).resolve("lfs1/lossy.bin")), data);
      }
    }
  }
}
