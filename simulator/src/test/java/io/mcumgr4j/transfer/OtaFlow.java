package io.mcumgr4j.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.groups.image.ImgMgmt;
import io.mcumgr4j.groups.image.ImgMgmtClient;
import io.mcumgr4j.groups.os.OsMgmtClient;
import io.mcumgr4j.mcuboot.McubootImage;
import io.mcumgr4j.simulator.SimulatedDevice;
import java.util.concurrent.TimeUnit;

/** The OTA flow of spec 7.5 against a simulated device, with the checks each step allows. */
final class OtaFlow {

  private OtaFlow() {}

  /** Upload, test the new slot by its TLV hash, reset, confirm the image now running. */
  static void run(SimulatedDevice device, SmpClient client, byte[] image) throws Exception {
    ImgMgmtClient img = new ImgMgmtClient(client);
    McubootImage parsed = McubootImage.parse(image);

    ImageUploader.Result result = new ImageUploader(client).upload(image);
    assertThat(result.match()).isNotEqualTo(Boolean.FALSE);

    ImgMgmt.Slot uploaded = slot(img.state(), 1);
    assertThat(uploaded.hash()).isEqualTo(parsed.hash());
    assertThat(uploaded.version()).isEqualTo(parsed.version().toString());
    assertThat(uploaded.pending()).isFalse();

    assertThat(slot(img.setState(uploaded.hash(), false), 1).pending()).isTrue();
    int boots = device.bootCount();
    new OsMgmtClient(client).reset(null, null);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (device.bootCount() == boots) {
      assertThat(System.nanoTime()).as("the device restarted after reset").isLessThan(deadline);
      Thread.sleep(20);
    }

    ImgMgmt.Slot running = slot(img.state(), 0);
    assertThat(running.hash()).isEqualTo(parsed.hash());
    assertThat(running.active()).isTrue();
    assertThat(running.confirmed()).isFalse();
    assertThat(slot(img.setState(null, true), 0).confirmed()).isTrue();
  }

  static ImgMgmt.Slot slot(ImgMgmt.State state, int slot) {
    return state.images().stream().filter(s -> s.slot() == slot).findFirst().orElseThrow(
        () -> new AssertionError("no slot " + slot + " in " + state));
  }
}
