package io.mcumgr4j.transfer;

import static io.mcumgr4j.transfer.FileTransferTest.assertSameBytes;
import static io.mcumgr4j.transfer.FileTransferTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.groups.fs.FsMgmtClient;
import io.mcumgr4j.groups.image.ImgMgmt;
import io.mcumgr4j.groups.image.ImgMgmtClient;
import io.mcumgr4j.mcuboot.ImageVersion;
import io.mcumgr4j.mcuboot.McubootImage;
import io.mcumgr4j.mcuboot.McubootImageBuilder;
import io.mcumgr4j.simulator.SimulatedDevice;
import io.mcumgr4j.transport.udp.UdpTransport;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end over UDP against {@link SimulatedDevice}. Skipped while the device does not serve
 * the image and FS groups.
 */
class SimulatedDeviceTransferTest {

  @TempDir Path dir;
  private SimulatedDevice device;
  private SmpClient client;

  @BeforeEach
  void start() throws Exception {
    device = SimulatedDevice.builder(dir).start();
    Assumptions.assumeTrue(
        !device.server().groups(ImgMgmtClient.GROUP_ID).isEmpty() && !device.server().groups(FsMgmtClient.GROUP_ID).isEmpty(),
        "SimulatedDevice does not register the image and FS groups yet");
    InetSocketAddress address = device.serveUdp(new InetSocketAddress("127.0.0.1", 0)).localAddress();
    client = new SmpClient(new UdpTransport(address));
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    device.close();
  }

  @Test
  void uploadTestResetConfirm() throws Exception {
    OtaFlow.run(device, client, image(1, 2, 3, 100_000));
  }

  @Test
  void anInterruptedUploadIsResumedByANewUploader() throws Exception {
    byte[] image = image(2, 0, 0, 60_000);
    TransferOptions interrupting = TransferOptions.builder()
        .listener((done, total) -> {
          if (done > total / 3) {
            throw new IllegalStateException("link lost");
          }
        })
        .build();
    assertThatThrownBy(() -> new ImageUploader(client, interrupting).upload(image)).hasMessage("link lost");

    ImageUploader.Result result = new ImageUploader(client).upload(image);

    int fullUpload = (image.length + 1400) / 1400;
    assertThat(result.requests()).isLessThan(fullUpload);
    ImgMgmt.Slot secondary = OtaFlow.slot(new ImgMgmtClient(client).state(), 1);
    assertThat(secondary.hash()).isEqualTo(McubootImage.parse(image).hash());
  }

  @Test
  void oneMebibyteFileUpAndDownWithHashCheck() {
    byte[] data = bytes(1 << 20, 11);
    TransferOptions verify = TransferOptions.builder().verify(true).build();
    new FileUploader(client, verify).upload("/lfs1/big.bin", data);
    assertSameBytes(new FileDownloader(client, verify).download("/lfs1/big.bin"), data);
  }

  static byte[] image(int major, int minor, int revision, int size) {
    return new McubootImageBuilder()
        .version(ImageVersion.of(major, minor, revision))
        .payload(bytes(size, major))
        .build();
  }
}
