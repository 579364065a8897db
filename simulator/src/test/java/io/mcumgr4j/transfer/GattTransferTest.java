package io.mcumgr4j.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.groups.enumeration.EnumMgmtClient;
import io.mcumgr4j.groups.image.ImgMgmt;
import io.mcumgr4j.groups.image.ImgMgmtClient;
import io.mcumgr4j.groups.os.OsMgmtClient;
import io.mcumgr4j.groups.settings.SettingsMgmtClient;
import io.mcumgr4j.groups.stat.StatMgmtClient;
import io.mcumgr4j.mcuboot.McubootImage;
import io.mcumgr4j.server.ServerConfig;
import io.mcumgr4j.server.transport.ble.InMemoryGattLink;
import io.mcumgr4j.simulator.SimulatedDevice;
import io.mcumgr4j.transport.ble.GattTransport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in groups' clients and a windowed image upload over SMP over GATT, cut to small and
 * large ATT MTUs, against the simulated device behind an in-memory link.
 */
class GattTransferTest {

  @TempDir Path dir;

  @Test
  void builtInClientsAndAWindowedImageUploadAtSmallAndLargeMtus() throws Exception {
    byte[] image = SimulatedDeviceTransferTest.image(3, 1, 4, 40_000);
    try (SimulatedDevice device = SimulatedDevice.builder(dir)
        .serverConfig(ServerConfig.DEFAULT.withBufSize(1024).withBufCount(4)).start()) {
      for (int attMtu : new int[] {23, 247}) {
        // the simulated device reassembles requests, as Zephyr with CONFIG_MCUMGR_TRANSPORT_BT_REASSEMBLY
        try (SmpClient client = new SmpClient(new GattTransport(new InMemoryGattLink(device.server(), attMtu), 1024))) {
          OsMgmtClient os = new OsMgmtClient(client);
          assertThat(os.echo("over GATT at " + attMtu).text()).isEqualTo("over GATT at " + attMtu);
          assertThat(os.params().bufCount()).isEqualTo(4);
          SettingsMgmtClient settings = new SettingsMgmtClient(client);
          settings.write("app/ble", "v".getBytes(StandardCharsets.UTF_8));
          assertThat(settings.read("app/ble", OptionalLong.empty()).value()).containsExactly('v');
          assertThat(new StatMgmtClient(client).list().names()).isNotEmpty();
          assertThat(new EnumMgmtClient(client).count().count()).isPositive();

          ImageUploader.Result result = new ImageUploader(client).upload(image);
          assertThat(result.length()).isEqualTo(image.length);
          ImgMgmt.Slot secondary = OtaFlow.slot(new ImgMgmtClient(client).state(), 1);
          assertThat(secondary.hash()).isEqualTo(McubootImage.parse(image).hash());
          new ImgMgmtClient(client).erase(OptionalLong.of(1));
        }
      }
    }
  }
}
