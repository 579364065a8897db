package io.mcumgr4j.simulator.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.callback.CallbackResult;
import io.mcumgr4j.callback.MgmtCallbacks;
import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.error.MgmtException;
import io.mcumgr4j.groups.image.ImgMgmt.Slot;
import io.mcumgr4j.groups.image.ImgMgmt.State;
import io.mcumgr4j.groups.image.ImgMgmt.UploadResult;
import io.mcumgr4j.groups.image.ImgMgmt;
import io.mcumgr4j.groups.image.ImgMgmtClient;
import io.mcumgr4j.groups.image.ImgMgmtError;
import io.mcumgr4j.mcuboot.ImageVersion;
import io.mcumgr4j.mcuboot.McubootImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image group end to end: generated client, real UDP, simulated MCUboot device in real files. */
class ImgMgmtUdpTest {

  private static final byte[] V1 = Images.image(ImageVersion.of(1, 0, 0), 3000);
  private static final byte[] V2 = Images.image(new ImageVersion(1, 2, 3, 4), 5000);

  @TempDir
  Path dir;
  private UdpImageDevice device;
  private ImgMgmtClient img;

  @BeforeEach
  void start() throws Exception {
    device = new UdpImageDevice(dir, 1, V1, false);
    img = device.client();
  }

  @AfterEach
  void stop() {
    device.close();
  }

  private static byte[] hash(byte[] image) throws Exception {
    return McubootImage.parse(image).hash();
  }

  private static Slot slot(State state, int slot) {
    return state.images().stream().filter(s -> s.slot() == slot).findFirst().orElseThrow();
  }

  private static void assertFlags(Slot slot, boolean pending, boolean confirmed, boolean active, boolean permanent) {
    assertThat(new boolean[] {slot.pending(), slot.confirmed(), slot.active(), slot.permanent()})
        .as("pending, confirmed, active, permanent of slot %d", slot.slot())
        .containsExactly(pending, confirmed, active, permanent);
  }

  @Test
  void otaFlowTestBootRevert() throws Exception {
    UploadResult last = Uploader.all(img, V2);
    assertThat(last.off()).isEqualTo(V2.length);
    assertThat(last.match()).isNull();

    State state = img.state();
    assertThat(state.splitStatus()).isZero();
    assertThat(state.images()).hasSize(2);
    Slot uploaded = slot(state, 1);
    assertThat(uploaded.image()).isNull();
    assertThat(uploaded.version()).isEqualTo("1.2.3.4");
    assertThat(uploaded.hash()).isEqualTo(hash(V2));
    assertThat(uploaded.bootable()).isTrue();
    assertFlags(uploaded, false, false, false, false);
    assertThat(slot(state, 0).version()).isEqualTo("1.0.0");
    assertFlags(slot(state, 0), false, true, true, false);

    State tested = img.setState(hash(V2), false);
    assertFlags(slot(tested, 1), true, false, false, false);

    device.store.boot();
    State running = img.state();
    assertThat(slot(running, 0).hash()).isEqualTo(hash(V2));
    assertFlags(slot(running, 0), false, false, true, false);
    assertFlags(slot(running, 1), false, true, false, false);

    device.store.boot();
    State reverted = img.state();
    assertThat(slot(reverted, 0).hash()).isEqualTo(hash(V1));
    assertFlags(slot(reverted, 0), false, true, true, false);
    assertFlags(slot(reverted, 1), false, false, false, false);
  }

  @Test
  void confirmedImageStaysAndSurvivesANewStore() throws Exception {
    Uploader.all(img, V2);
    img.setState(hash(V2), false);
    device.store.boot();
    State confirmed = img.setState(null, true);
    assertFlags(slot(confirmed, 0), false, true, true, false);
    device.store.boot();
    assertThat(slot(img.state(), 0).hash()).isEqualTo(hash(V2));

    device.store.close();
    try (ImageStore reopened = new ImageStore(dir, 1, UdpImageDevice.SLOT_SIZE, V1)) {
      assertThat(reopened.slot(0, 0)).isEqualTo(V2);
      assertThat(reopened.swapType(0)).isEqualTo(ImageStore.SwapType.NONE);
    }
  }

  @Test
  void confirmingTheSecondaryMakesItPermanent() throws Exception {
    Uploader.all(img, V2);
    State state = img.setState(hash(V2), true);
    assertFlags(slot(state, 1), true, false, false, true);
    device.store.boot();
    State after = img.state();
    assertThat(slot(after, 0).hash()).isEqualTo(hash(V2));
    assertFlags(slot(after, 0), false, true, true, false);
  }

  @Test
  void anInterruptedUploadResumesFromTheDevicesOffsetWithANewClient() throws Exception {
    UploadResult reply = Uploader.first(img, V2, Uploader.CHUNK);
    reply = Uploader.chunkAt(img, V2, reply.off(), Uploader.CHUNK);
    assertThat(reply.off()).isEqualTo(2 * Uploader.CHUNK);

    ImgMgmtClient other = device.client();
    UploadResult resumed = Uploader.first(other, V2, Uploader.CHUNK);
    assertThat(resumed.off()).isEqualTo(2 * Uploader.CHUNK);
    assertThat(Uploader.rest(other, V2, resumed).off()).isEqualTo(V2.length);
    assertThat(device.store.slot(0, 1)).isEqualTo(V2);
  }

  @Test
  void outOfOrderAndDuplicatedChunksAreAnsweredWithTheExpectedOffset() throws Exception {
    Uploader.first(img, V2, Uploader.CHUNK);
    assertThat(Uploader.chunkAt(img, V2, 3000, Uploader.CHUNK).off()).isEqualTo(1024);
    assertThat(Uploader.chunkAt(img, V2, 1024, Uploader.CHUNK).off()).isEqualTo(2048);
    assertThat(Uploader.chunkAt(img, V2, 1024, Uploader.CHUNK).off()).isEqualTo(2048);
    assertThat(Uploader.chunkAt(img, V2, 1000, 100).off()).isEqualTo(2048);
    Uploader.rest(img, V2, new UploadResult(2048, null));
    assertThat(device.store.slot(0, 1)).isEqualTo(V2);
  }

  @Test
  void aDifferentShaAtOffsetZeroStartsOver() throws Exception {
    Uploader.first(img, V2, Uploader.CHUNK);
    Uploader.chunkAt(img, V2, 1024, Uploader.CHUNK);
    byte[] v3 = Images.image(ImageVersion.of(3, 0, 0), 4000);
    UploadResult restarted = Uploader.first(img, v3, Uploader.CHUNK);
    assertThat(restarted.off()).isEqualTo(Uploader.CHUNK);
    Uploader.rest(img, v3, restarted);
    assertThat(slot(img.state(), 1).hash()).isEqualTo(hash(v3));
  }

  @Test
  void anImageWhoseHashIsWrongIsListedButNeverBoots() throws Exception {
    byte[] corrupt = V2.clone();
    corrupt[1000] ^= 1;
    Uploader.all(img, corrupt);
    assertThat(slot(img.state(), 1).bootable()).isTrue();
    img.setState(hash(corrupt), false);
    device.store.boot();
    State state = img.state();
    assertThat(state.images()).hasSize(1);
    assertThat(slot(state, 0).hash()).isEqualTo(hash(V1));
  }

  @Test
  void aTruncatedImageNeverBoots() throws Exception {
    byte[] truncated = Arrays.copyOf(V2, V2.length - 20);
    Uploader.all(img, truncated);
    // as on flash, the missing bytes of the hash TLV read erased: listed, with a hash that is not the image's
    Slot listed = slot(img.state(), 1);
    assertThat(listed.hash()).isNotEqualTo(hash(V2)).endsWith(0xFF, 0xFF, 0xFF);
    assertGroupError(() -> img.setState(hash(V2), false), ImgMgmtError.HASH_NOT_FOUND, 8);
    img.setState(listed.hash(), false);
    device.store.boot();
    assertThat(img.state().images()).singleElement().satisfies(s -> assertThat(s.hash()).isEqualTo(hash(V1)));
  }

  @Test
  void uploadErrorsAreZephyrsCodes() throws Exception {
    byte[] badMagic = V2.clone();
    badMagic[0] = 0;
    assertGroupError(() -> Uploader.first(img, badMagic, 100), ImgMgmtError.INVALID_IMAGE_HEADER_MAGIC, 23);
    assertGroupError(() -> img.upload(OptionalLong.empty(), OptionalLong.of(UdpImageDevice.SLOT_SIZE + 1), OptionalLong.of(0),
        Arrays.copyOf(V2, 100), null, null), ImgMgmtError.INVALID_IMAGE_TOO_LARGE, 30);
    assertGroupError(() -> img.upload(OptionalLong.empty(), OptionalLong.of(5000), OptionalLong.empty(),
        Arrays.copyOf(V2, 100), null, null), ImgMgmtError.INVALID_OFFSET, 20);
    assertGroupError(() -> img.upload(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.of(0),
        Arrays.copyOf(V2, 100), null, null), ImgMgmtError.INVALID_LENGTH, 21);
    assertGroupError(() -> Uploader.first(img, V2, 31), ImgMgmtError.INVALID_IMAGE_HEADER, 22);
    assertGroupError(() -> img.upload(OptionalLong.empty(), OptionalLong.of(5000), OptionalLong.of(0),
        Arrays.copyOf(V2, 100), new byte[33], null), ImgMgmtError.INVALID_HASH, 24);
    byte[] older = Images.image(ImageVersion.of(1, 0, 0), 100);
    assertGroupError(() -> img.upload(OptionalLong.empty(), OptionalLong.of(older.length), OptionalLong.of(0),
        older, null, true), ImgMgmtError.CURRENT_VERSION_IS_NEWER, 27);
    assertGroupError(() -> img.upload(OptionalLong.of(1), OptionalLong.of(V2.length), OptionalLong.of(0),
        Arrays.copyOf(V2, 100), null, null), ImgMgmtError.NO_FREE_SLOT, 9);

    img.upload(OptionalLong.empty(), OptionalLong.of(1500), OptionalLong.of(0), Arrays.copyOf(V2, 1024), null, null);
    assertGroupError(() -> Uploader.chunkAt(img, V2, 1024, 1024), ImgMgmtError.INVALID_IMAGE_DATA_OVERRUN, 31);
    // the error ended the upload: a chunk at the old offset learns to start again
    assertThat(Uploader.chunkAt(img, V2, 1024, Uploader.CHUNK).off()).isZero();

    // upgrade with a newer version is taken
    assertThat(img.upload(OptionalLong.empty(), OptionalLong.of(V2.length), OptionalLong.of(0),
        Arrays.copyOf(V2, 100), null, true).off()).isEqualTo(100);
  }

  @Test
  void v1RequestsGetTheTranslatedRc() throws Exception {
    ImgMgmtClient v1 = device.clientV1();
    byte[] badMagic = V2.clone();
    badMagic[0] = 0;
    assertRc(() -> Uploader.first(v1, badMagic, 100), MgmtErr.EUNKNOWN);
    assertRc(() -> Uploader.first(v1, V2, 31), MgmtErr.EINVAL);
    assertRc(() -> v1.setState(new byte[32], false), MgmtErr.EUNKNOWN);
    Uploader.all(v1, V2);
    v1.setState(hash(V2), false);
    assertRc(() -> v1.setState(null, true), MgmtErr.EBADSTATE);
    device.store.boot();
    // the old image is the revert slot now: NO_FREE_SLOT
    assertRc(() -> Uploader.first(v1, V1, 100), MgmtErr.EBADSTATE);
  }

  @Test
  void stateWriteErrors() throws Exception {
    assertGroupError(() -> img.setState(null, false), ImgMgmtError.INVALID_HASH, 24);
    assertGroupError(() -> img.setState(new byte[31], false), ImgMgmtError.INVALID_HASH, 24);
    assertGroupError(() -> img.setState(new byte[32], false), ImgMgmtError.HASH_NOT_FOUND, 8);
    assertGroupError(() -> img.setState(hash(V1), false), ImgMgmtError.IMAGE_SETTING_TEST_TO_ACTIVE_DENIED, 33);
    Uploader.all(img, V2);
    img.setState(hash(V2), false);
    assertThat(slot(img.setState(hash(V2), false), 1).pending()).isTrue();
    assertGroupError(() -> img.setState(null, true), ImgMgmtError.IMAGE_ALREADY_PENDING, 28);
    assertGroupError(() -> img.setState(hash(V2), true), ImgMgmtError.IMAGE_ALREADY_PENDING, 28);
    device.store.boot();
    // running the test image: the old one is the revert slot and cannot be tested
    assertGroupError(() -> img.setState(hash(V1), false), ImgMgmtError.IMAGE_ALREADY_PENDING, 28);
  }

  @Test
  void eraseRefusesTheActiveAndTheRevertSlot() throws Exception {
    assertGroupError(() -> img.erase(OptionalLong.of(0)), ImgMgmtError.NO_FREE_SLOT, 9);
    Uploader.all(img, V2);
    img.setState(hash(V2), false);
    device.store.boot();
    assertGroupError(() -> img.erase(OptionalLong.of(1)), ImgMgmtError.NO_FREE_SLOT, 9);
    img.setState(null, true);
    img.erase(OptionalLong.empty());
    assertThat(img.state().images()).hasSize(1);
    assertGroupError(() -> img.erase(OptionalLong.of(2)), ImgMgmtError.INVALID_SLOT, 14);
  }

  @Test
  void aPendingSecondaryMayBeErasedOrUploadedOverWhichDropsItsMark() throws Exception {
    // CONFIG_MCUMGR_GRP_IMG_ALLOW_ERASE_PENDING defaults to y
    Uploader.all(img, V2);
    img.setState(hash(V2), false);
    img.erase(OptionalLong.empty());
    assertThat(img.state().images()).hasSize(1);
    assertThat(device.store.swapType(0)).isEqualTo(ImageStore.SwapType.NONE);

    Uploader.all(img, V2);
    img.setState(hash(V2), true);
    byte[] v3 = Images.image(ImageVersion.of(3, 0, 0), 4000);
    Uploader.all(img, v3);
    assertThat(device.store.swapType(0)).isEqualTo(ImageStore.SwapType.NONE);
    assertFlags(slot(img.state(), 1), false, false, false, false);
    device.store.boot();
    assertThat(slot(img.state(), 0).hash()).isEqualTo(hash(V1));
  }

  @Test
  void withoutAllowErasePendingAMarkedSecondaryIsInUse(@TempDir Path other) throws Exception {
    try (ImageStore store = new ImageStore(other, 1, UdpImageDevice.SLOT_SIZE, V1)) {
      SimulatedImgMgmt strict = new SimulatedImgMgmt(store, new MgmtCallbacks(), false, false);
      store.startUpload(0);
      store.appendUpload(0, V2);
      store.finishUpload(0);
      strict.setState(hash(V2), false);
      assertGroupError(() -> strict.erase(OptionalLong.empty()), ImgMgmtError.NO_FREE_SLOT, 9);
      assertGroupError(() -> strict.upload(OptionalLong.of(0), OptionalLong.of(V1.length), OptionalLong.of(0),
          Arrays.copyOf(V1, 100), null, null), ImgMgmtError.NO_FREE_SLOT, 9);
      assertThat(store.swapType(0)).isEqualTo(ImageStore.SwapType.TEST);
    }
  }

  @Test
  void eraseEndsTheUploadInProgress() throws Exception {
    Uploader.first(img, V2, Uploader.CHUNK);
    img.erase(OptionalLong.empty());
    assertThat(Uploader.chunkAt(img, V2, 1024, Uploader.CHUNK).off()).isZero();
  }

  @Test
  void theUploadCheckHookSeesEachChunkAndMayAbortTheUpload() throws Exception {
    List<String> seen = new ArrayList<>();
    ImageEvents.onDfuStatus(device.server.callbacks(), ImageEvents.ALL_STATUS, (event, data) ->
        seen.add(Integer.toHexString(event) + "/" + data.image()));
    ImageEvents.onDfuChunk(device.server.callbacks(), (check, previous) -> {
      seen.add("chunk@" + check.request().off() + (check.action().erase() ? " erase" : ""));
      return check.request().off() >= 2048 ? CallbackResult.rc(MgmtErr.EACCESSDENIED) : CallbackResult.OK;
    });
    Uploader.first(img, V2, Uploader.CHUNK);
    Uploader.chunkAt(img, V2, 1024, Uploader.CHUNK);
    Uploader.chunkAt(img, V2, 3000, Uploader.CHUNK); // wrong offset: no hook
    assertThatThrownBy(() -> Uploader.chunkAt(img, V2, 2048, Uploader.CHUNK))
        .isInstanceOfSatisfying(MgmtException.class, e -> assertThat(e.rc()).isEqualTo(MgmtErr.EACCESSDENIED.code()));
    assertThat(Uploader.chunkAt(img, V2, 2048, Uploader.CHUNK).off()).isZero();
    assertThat(seen).containsExactly(
        "chunk@0 erase", "30004/0", "30020/0", "chunk@1024", "30020/0", "chunk@2048", "30002/0");
  }

  @Test
  void aGroupErrorFromTheHookKeepsTheUploadAndStopsNothing() throws Exception {
    List<Integer> seen = new ArrayList<>();
    ImageEvents.onDfuStatus(device.server.callbacks(), ImageEvents.ALL_STATUS, (event, data) -> seen.add(event));
    AtomicBoolean refused = new AtomicBoolean();
    ImageEvents.onDfuChunk(device.server.callbacks(), (check, previous) ->
        check.request().off() == 1024 && refused.compareAndSet(false, true)
            ? CallbackResult.groupError(ImgMgmtError.NO_FREE_MEMORY) : CallbackResult.OK);
    Uploader.first(img, V2, Uploader.CHUNK);
    assertGroupError(() -> Uploader.chunkAt(img, V2, 1024, Uploader.CHUNK), ImgMgmtError.NO_FREE_MEMORY, 15);
    assertThat(Uploader.chunkAt(img, V2, 1024, Uploader.CHUNK).off()).isEqualTo(2048);
    Uploader.rest(img, V2, new UploadResult(2048, null));
    assertThat(device.store.slot(0, 1)).isEqualTo(V2);
    assertThat(refused).isTrue();
    assertThat(seen).doesNotContain(ImageEvents.DFU_STOPPED).contains(ImageEvents.DFU_PENDING);
  }

  @Test
  void aGroupErrorFromTheHookReachesTheClient() throws Exception {
    ImageEvents.onDfuChunk(device.server.callbacks(), (check, previous) ->
        CallbackResult.groupError(ImgMgmtError.NO_FREE_MEMORY));
    assertGroupError(() -> Uploader.first(img, V2, 100), ImgMgmtError.NO_FREE_MEMORY, 15);
  }

  @Test
  void imageCheckAddsMatchToTheLastReply(@TempDir Path other) throws Exception {
    try (UdpImageDevice checking = new UdpImageDevice(other, 1, V1, true)) {
      ImgMgmtClient client = checking.client();
      assertThat(Uploader.all(client, V2).match()).isTrue();
      UploadResult again = Uploader.first(client, V2, Uploader.CHUNK);
      assertThat(again.off()).isEqualTo(V2.length);
      assertThat(again.match()).isTrue();
    }
  }

  @Test
  void twoImagesReportTheImageKeyAndSlotInfo(@TempDir Path other) throws Exception {
    try (UdpImageDevice two = new UdpImageDevice(other, 2, V1, false)) {
      ImgMgmtClient client = two.client();
      UploadResult first = client.upload(OptionalLong.of(1), OptionalLong.of(V2.length), OptionalLong.of(0),
          Arrays.copyOf(V2, Uploader.CHUNK), null, null);
      Uploader.rest(client, V2, first);
      State state = client.state();
      assertThat(state.images()).extracting(Slot::image, Slot::slot)
          .containsExactly(tuple(0L, 0L), tuple(1L, 0L),
              tuple(1L, 1L));
      client.setState(hash(V2), false);
      assertThat(two.store.swapType(1)).isEqualTo(ImageStore.SwapType.TEST);

      ImgMgmt.SlotInfo info = client.slotInfo();
      assertThat(info.images()).hasSize(2);
      ImgMgmt.ImageSlots second = info.images().get(1);
      assertThat(second.image()).isEqualTo(1);
      assertThat(second.maxImageSize()).isEqualTo(UdpImageDevice.SLOT_SIZE);
      assertThat(second.slots()).extracting(ImgMgmt.SlotSize::slot, ImgMgmt.SlotSize::size, ImgMgmt.SlotSize::uploadImageId)
          .containsExactly(tuple(0L, (long) UdpImageDevice.SLOT_SIZE, null),
              tuple(1L, (long) UdpImageDevice.SLOT_SIZE, 1L));
    }
  }

  @Test
  void theSecondaryOfAnImageThatDoesNotRunMayBeConfirmedItsPrimaryNot(@TempDir Path other) throws Exception {
    // CONFIG_MCUMGR_GRP_IMG_ALLOW_CONFIRM_NON_ACTIVE_IMAGE_SECONDARY defaults to y, _ANY to n
    try (UdpImageDevice two = new UdpImageDevice(other, 2, V1, false)) {
      ImgMgmtClient client = two.client();
      Uploader.rest(client, V2, client.upload(OptionalLong.of(1), OptionalLong.of(V2.length), OptionalLong.of(0),
          Arrays.copyOf(V2, Uploader.CHUNK), null, null));
      State confirmed = client.setState(hash(V2), true);
      Slot secondary = confirmed.images().stream().filter(s -> s.image() == 1 && s.slot() == 1).findFirst().orElseThrow();
      assertFlags(secondary, true, false, false, true);
      assertThat(two.store.swapType(1)).isEqualTo(ImageStore.SwapType.PERM);
      two.store.boot();
      assertThat(two.store.slot(1, 0)).isEqualTo(V2);
      assertThat(two.store.swapType(1)).isEqualTo(ImageStore.SwapType.NONE);
      // image 1's primary now holds V2, the first slot with that hash
      assertGroupError(() -> client.setState(hash(V2), true), ImgMgmtError.IMAGE_CONFIRMATION_DENIED, 32);
    }
  }

  @Test
  void upgradeComparesWithTheRunningImageNotTheTargetsPrimary(@TempDir Path other) throws Exception {
    try (UdpImageDevice two = new UdpImageDevice(other, 2, V1, false)) {
      ImgMgmtClient client = two.client();
      Uploader.rest(client, V2, client.upload(OptionalLong.of(1), OptionalLong.of(V2.length), OptionalLong.of(0),
          Arrays.copyOf(V2, Uploader.CHUNK), null, null));
      client.setState(hash(V2), true);
      two.store.boot();
      // image 1 holds 1.2.3 but image 0 runs 1.0.0: img_mgmt_my_version answers the latter
      byte[] v11 = Images.image(ImageVersion.of(1, 1, 0), 2000);
      assertThat(client.upload(OptionalLong.of(1), OptionalLong.of(v11.length), OptionalLong.of(0),
          Arrays.copyOf(v11, 100), null, true).off()).isEqualTo(100);
      byte[] same = Images.image(ImageVersion.of(1, 0, 0), 2000);
      assertGroupError(() -> client.upload(OptionalLong.of(1), OptionalLong.of(same.length), OptionalLong.of(0),
          Arrays.copyOf(same, 100), null, true), ImgMgmtError.CURRENT_VERSION_IS_NEWER, 27);
    }
  }

  private static void assertGroupError(ThrowingCallable call, ImgMgmtError error, int rc) {
    assertThatThrownBy(call).isInstanceOfSatisfying(GroupErrorException.class, e -> {
      assertThat(e.error()).isEqualTo(error);
      assertThat(e.error().group()).isEqualTo(1);
      assertThat(e.error().rc()).isEqualTo(rc);
    });
  }

  private static void assertRc(ThrowingCallable call, MgmtErr err) {
    assertThatThrownBy(call).isInstanceOfSatisfying(MgmtException.class, e -> assertThat(e.rc()).isEqualTo(err.code()));
  }
}
