package io.mcumgr4j.simulator.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.mcuboot.ImageVersion;
import io.mcumgr4j.simulator.image.ImageStore.SwapType;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageStoreTest {

  private static final byte[] V1 = Images.image(ImageVersion.of(1, 0, 0), 3000);
  private static final byte[] V2 = Images.image(ImageVersion.of(2, 0, 0), 5000);

  @TempDir
  Path dir;
  private final List<ImageStore> opened = new ArrayList<>();

  @AfterEach
  void closeStores() {
    opened.forEach(ImageStore::close);
  }

  private ImageStore store() {
    ImageStore store = new ImageStore(dir, 1, 64 * 1024, V1);
    opened.add(store);
    return store;
  }

  /** A new process on the same directory: the old store lets go of the lock first. */
  private ImageStore reopen(ImageStore old) {
    old.close();
    return store();
  }

  private static void upload(ImageStore store, byte[] image) {
    store.startUpload(0);
    store.appendUpload(0, Arrays.copyOf(image, 100));
    store.appendUpload(0, Arrays.copyOfRange(image, 100, image.length));
    store.finishUpload(0);
  }

  @Test
  void firstUseHoldsTheInitialImageInEveryPrimarySlot() {
    ImageStore store = new ImageStore(dir, 2, 64 * 1024, V1);
    opened.add(store);
    assertThat(store.slot(0, 0)).isEqualTo(V1);
    assertThat(store.slot(1, 0)).isEqualTo(V1);
    assertThat(store.slot(0, 1)).isNull();
    assertThat(store.swapType(1)).isEqualTo(SwapType.NONE);
  }

  @Test
  void testSwapsInThenRevertsWithoutConfirm() {
    ImageStore store = store();
    upload(store, V2);
    store.setPending(0, false);
    store.boot();
    assertThat(store.slot(0, 0)).isEqualTo(V2);
    assertThat(store.slot(0, 1)).isEqualTo(V1);
    assertThat(store.swapType(0)).isEqualTo(SwapType.REVERT);
    store.boot();
    assertThat(store.slot(0, 0)).isEqualTo(V1);
    assertThat(store.slot(0, 1)).isEqualTo(V2);
    assertThat(store.swapType(0)).isEqualTo(SwapType.NONE);
  }

  @Test
  void confirmKeepsTheTestedImageAndPermanentNeedsNoConfirm() {
    ImageStore store = store();
    upload(store, V2);
    store.setPending(0, false);
    store.boot();
    store.confirm(0);
    store.boot();
    assertThat(store.slot(0, 0)).isEqualTo(V2);

    upload(store, V1);
    store.setPending(0, true);
    store.boot();
    assertThat(store.slot(0, 0)).isEqualTo(V1);
    assertThat(store.swapType(0)).isEqualTo(SwapType.NONE);
  }

  @Test
  void aSecondaryThatDoesNotVerifyIsErasedNotBooted() {
    ImageStore store = store();
    byte[] bad = V2.clone();
    bad[600] ^= 1;
    upload(store, bad);
    store.setPending(0, false);
    store.boot();
    assertThat(store.slot(0, 0)).isEqualTo(V1);
    assertThat(store.slot(0, 1)).isNull();
    assertThat(store.swapType(0)).isEqualTo(SwapType.NONE);
  }

  @Test
  void stateSurvivesANewStoreOnTheSameDirectory() {
    ImageStore store = store();
    upload(store, V2);
    store.setPending(0, false);
    store.boot();
    ImageStore reopened = reopen(store);
    assertThat(reopened.slot(0, 0)).isEqualTo(V2);
    assertThat(reopened.swapType(0)).isEqualTo(SwapType.REVERT);
    reopened.boot();
    assertThat(reopen(reopened).slot(0, 0)).isEqualTo(V1);
  }

  @Test
  void anInterruptedUploadLeavesAnErasedSlot() {
    ImageStore store = store();
    upload(store, V2);
    store.startUpload(0);
    store.appendUpload(0, Arrays.copyOf(V1, 1000));
    assertThat(store.slot(0, 1)).isNull();
    assertThat(store.uploaded(0)).isEqualTo(1000);
    // a new process (or a boot) has lost the upload's progress, as the device's RAM
    ImageStore reopened = reopen(store);
    assertThat(reopened.uploaded(0)).isEqualTo(-1);
    assertThat(reopened.slot(0, 1)).isNull();
    assertThat(dir.resolve("image-0-slot-1.upload")).doesNotExist();
  }

  @Test
  void eraseBootAndAbortEachEndAnUploadInProgress() {
    ImageStore store = store();
    for (Runnable end : List.<Runnable>of(() -> store.erase(0, 1), store::boot, () -> store.abortUpload(0))) {
      store.startUpload(0);
      store.appendUpload(0, Arrays.copyOf(V2, 700));
      end.run();
      assertThat(store.uploaded(0)).isEqualTo(-1);
      assertThat(dir.resolve("image-0-slot-1.upload")).doesNotExist();
      assertThatThrownBy(() -> store.appendUpload(0, new byte[1])).isInstanceOf(IllegalStateException.class);
    }
    // and a new upload starts from nothing
    upload(store, V2);
    assertThat(store.slot(0, 1)).isEqualTo(V2);
  }

  @Test
  void anUploadFileAKilledProcessLeftIsDroppedAtOpen() throws Exception {
    ImageStore store = store();
    store.close();
    Files.write(dir.resolve("image-0-slot-1.upload"), Arrays.copyOf(V2, 900));
    ImageStore reopened = store();
    assertThat(reopened.uploaded(0)).isEqualTo(-1);
    assertThat(dir.resolve("image-0-slot-1.upload")).doesNotExist();
  }

  @Test
  void aSwapKilledAfterItsRecordIsFinishedAtOpen() throws Exception {
    store().close();
    // the state a process killed between recording the swap and the first rename leaves
    Files.write(dir.resolve("image-0-slot-1.bin"), V1);
    Files.write(dir.resolve("image-0-slot-0.swap"), V2);
    Files.write(dir.resolve("image-0-slot-1.swap"), V1);
    Files.writeString(dir.resolve("boot-state"), "# mcumgr4j image store 1\nimage.0=REVERT\nswapping=0\n");
    ImageStore reopened = store();
    assertThat(reopened.slot(0, 0)).isEqualTo(V2);
    assertThat(reopened.slot(0, 1)).isEqualTo(V1);
    assertThat(reopened.swapType(0)).isEqualTo(SwapType.REVERT);
    assertThat(dir.resolve("image-0-slot-0.swap")).doesNotExist();
    assertThat(Files.readString(dir.resolve("boot-state"))).doesNotContain("swapping");
  }

  @Test
  void aSwapKilledBeforeItsRecordIsDropped() throws Exception {
    ImageStore store = store();
    upload(store, V2);
    store.setPending(0, false);
    Files.write(dir.resolve("image-0-slot-0.swap"), V2);
    ImageStore reopened = reopen(store);
    assertThat(reopened.slot(0, 0)).isEqualTo(V1);
    assertThat(reopened.swapType(0)).isEqualTo(SwapType.TEST);
    assertThat(dir.resolve("image-0-slot-0.swap")).doesNotExist();
  }

  @Test
  void aCorruptStateFileIsRefused() throws Exception {
    store().close();
    Files.writeString(dir.resolve("boot-state"), "# mcumgr4j image store 1\nimage.0=MAYBE\n", StandardCharsets.UTF_8);
    assertThatThrownBy(this::store).isInstanceOf(UncheckedIOException.class).hasMessageContaining("corrupt");
  }

  @Test
  void theInitialImageMustBeValidAndFit() {
    byte[] bad = V1.clone();
    bad[700] ^= 1;
    assertThatThrownBy(() -> new ImageStore(dir, 1, 64 * 1024, bad)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ImageStore(dir, 1, 1024, V1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ImageStore(dir, 1, Integer.MAX_VALUE, V1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSecondStoreOnTheSameDirectoryIsRefusedUntilTheFirstCloses() {
    ImageStore first = store();
    assertThatThrownBy(this::store).isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("already open").hasMessageContaining(".lock");
    first.close();
    assertThatThrownBy(() -> first.setPending(0, false)).isInstanceOf(IllegalStateException.class);
    assertThat(store().slot(0, 0)).isEqualTo(V1);
  }

  @Test
  void aStateWriteThatFailsLeavesTheSwapTypeAsOnDisk() throws Exception {
    ImageStore store = store();
    upload(store, V2);
    // a directory where the temporary state file goes makes the next state write fail
    Files.createDirectory(dir.resolve("boot-state.tmp"));
    assertThatThrownBy(() -> store.setPending(0, true)).isInstanceOf(UncheckedIOException.class);
    assertThat(store.swapType(0)).isEqualTo(SwapType.NONE);
    store.boot();
    assertThat(store.slot(0, 0)).isEqualTo(V1);
    Files.delete(dir.resolve("boot-state.tmp"));
    assertThat(reopen(store).swapType(0)).isEqualTo(SwapType.NONE);
  }
}
