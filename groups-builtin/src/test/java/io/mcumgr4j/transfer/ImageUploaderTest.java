package io.mcumgr4j.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.groups.image.ImgMgmtError;
import io.mcumgr4j.mcuboot.ImageVersion;
import io.mcumgr4j.mcuboot.McubootImageBuilder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** {@link ImageUploader} against {@link FakeDevice}'s scripted image group. */
class ImageUploaderTest {

  @Test
  void fillsEveryPacketToBufSizeAndSendsFirstChunkFieldsOnlyAtZero() throws Exception {
    try (FakeDevice device = new FakeDevice(1024)) {
      byte[] image = FakeImage.image(20_000, 1);
      List<long[]> progress = new CopyOnWriteArrayList<>();
      TransferOptions options = TransferOptions.builder()
          .force(true) // a fake image: random bytes behind MCUboot's magic
          .listener((done, total) -> progress.add(new long[] {done, total}))
          .build();

      ImageUploader.Result result = new ImageUploader(device.client, options).upload(image);

      FileTransferTest.assertSameBytes(device.image.completed, image);
      assertThat(result.length()).isEqualTo(20_000);
      assertThat(result.sha()).isEqualTo(ImageUploader.sha256(image, image.length));
      assertThat(result.match()).isNull();
      List<Integer> packets = device.imageGroup.packetSizes;
      assertThat(packets).hasSize(result.requests());
      assertThat(packets.subList(0, packets.size() - 1)).containsOnly(1024);
      assertThat(device.image.chunks.get(0).firstChunkFields()).isTrue();
      assertThat(device.image.chunks.subList(1, packets.size())).noneMatch(FakeImage.Chunk::firstChunkFields);
      assertThat(progress).last().isEqualTo(new long[] {20_000, 20_000});
    }
  }

  @Test
  void restartsAtZeroWithAllFirstChunkFieldsAfterAReboot() throws Exception {
    try (FakeDevice device = new FakeDevice(512)) {
      byte[] image = FakeImage.image(10_000, 2);
      device.image.rebootBefore.add(5);

      List<FakeImage.Chunk> chunks = uploadIntact(device, image, FakeDevice.OPTIONS.withWindow(1));
      assertThat(chunks.get(4).off()).isPositive();
      assertThat(chunks.get(5).off()).isZero();
      assertThat(chunks.get(5).firstChunkFields()).isTrue();
    }
  }

  @Test
  void resendsFromTheSmallerOffsetTheDeviceAnswers() throws Exception {
    try (FakeDevice device = new FakeDevice(512)) {
      byte[] image = FakeImage.image(6_000, 3);
      device.image.rewindBefore.put(4, 100L);

      uploadIntact(device, image, FakeDevice.OPTIONS.withWindow(1));
      assertThat(device.image.chunks.get(4).off()).isEqualTo(100);
      assertThat(device.image.chunks.get(4).firstChunkFields()).isFalse();
    }
  }

  @Test
  void lostRepliesAreRetriedAndTheDuplicatesAnsweredWithTheExpectedOffset() throws Exception {
    try (FakeDevice device = new FakeDevice(512)) {
      byte[] image = FakeImage.image(5_000, 4);
      // Response 1 answers mcumgr params, 2 the first chunk (its resend resumes by sha), 3 that
      // resend, 4 the chunk after it (its resend is dropped as a duplicate).
      device.link.dropResponse(2);
      device.link.dropResponse(4);

      List<FakeImage.Chunk> chunks = uploadIntact(device, image, FakeDevice.OPTIONS.withWindow(1));
      assertThat(chunks.get(0).off()).isZero();
      assertThat(chunks.get(1).off()).isZero();
      assertThat(chunks.get(2).off()).isPositive().isEqualTo(chunks.get(3).off());
      assertThat(chunks.get(4).off()).isGreaterThan(chunks.get(3).off());
    }
  }

  @Test
  void aLostAnswerToTheLastChunkEndsTheUploadOnceTheSlotHoldsTheImage() throws Exception {
    byte[] image = new McubootImageBuilder().version(ImageVersion.of(1, 0, 0)).payload(new byte[4_000]).build();
    int chunks;
    try (FakeDevice device = new FakeDevice(512)) {
      new ImageUploader(device.client, FakeDevice.OPTIONS.withWindow(1)).upload(image);
      chunks = device.image.chunks.size();
    }
    try (FakeDevice device = new FakeDevice(512)) {
      // response 1 answers the image state read ahead of the upload, 2 mcumgr params: the last
      // chunk's is response chunks + 2
      device.link.dropResponse(chunks + 2);

      uploadIntact(device, image, FakeDevice.OPTIONS.withWindow(1));
      // the resent last chunk was answered offset 0 (the device had finished and forgotten the
      // upload); the slot's hash said it was done, so no new upload began
      List<FakeImage.Chunk> sent = device.image.chunks;
      assertThat(sent).hasSize(chunks + 1);
      assertThat(sent.get(chunks).off()).isEqualTo(sent.get(chunks - 1).off());
      assertThat(sent.subList(1, sent.size())).noneMatch(c -> c.off() == 0);
      // one before the first chunk, one (or a copy more, on a stalled machine) after the answer 0
      assertThat(device.image.stateReads).isBetween(2, 3);
    }
  }

  @Test
  void aSlotThatListedTheImageBeforeTheUploadProvesNothingAtItsEnd() throws Exception {
    byte[] image = new McubootImageBuilder().version(ImageVersion.of(1, 0, 0)).payload(new byte[4_000]).build();
    try (FakeDevice device = new FakeDevice(512)) {
      new ImageUploader(device.client, FakeDevice.OPTIONS.withWindow(1)).upload(image);
      int chunks = device.image.chunks.size();
      byte[] first = device.image.completed;
      // the same image again; the device reboots before writing its last chunk, so the resent
      // chunk is answered 0 while the slot still lists the hash of the first upload
      device.image.rebootBefore.add(2 * chunks);

      new ImageUploader(device.client, FakeDevice.OPTIONS.withWindow(1)).upload(image);

      assertThat(device.image.completed).as("the second upload was written to its end").isNotSameAs(first);
      FileTransferTest.assertSameBytes(device.image.completed, image);
      assertThat(device.image.chunks.subList(chunks + 1, device.image.chunks.size()))
          .as("it started again").anyMatch(c -> c.off() == 0);
    }
  }

  @Test
  void aRebootLateInAnUploadRestartsTheProgressDeadline() throws Exception {
    try (FakeDevice device = new FakeDevice(512)) {
      byte[] image = FakeImage.image(100_000, 12);
      // the way back up to where the device rebooted takes longer than the deadline
      device.image.requestMillis = 5;
      device.image.rebootBefore.add(150);
      TransferOptions options = TransferOptions.builder()
          .chunkTimeout(Duration.ofMillis(300))
          .force(true)
          .window(1)
          .progressDeadline(Duration.ofMillis(500))
          .build();

      uploadIntact(device, image, options);
    }
  }

  @Test
  void aFirstChunkSlowerThanItsResendsIsAnsweredOnceAndTheCopiesResume() throws Exception {
    try (FakeDevice device = new FakeDevice(512)) {
      byte[] image = FakeImage.image(3_000, 10);
      // longer than the first resend waits: three round trips of mcumgr params, at most a second
      device.image.firstRequestMillis = 2_000;

      List<FakeImage.Chunk> chunks = uploadIntact(device, image, FakeDevice.OPTIONS.withWindow(1));
      int copies = (int) chunks.stream().takeWhile(c -> c.off() == 0).count();
      assertThat(copies).as("the first chunk was resent while the device was busy").isGreaterThan(1);
      // the copies resumed the upload by its sha: the next chunk follows the first one's data
      assertThat(chunks.get(copies).off()).isEqualTo(chunks.get(0).length());
      assertThat(chunks.subList(copies, chunks.size())).noneMatch(c -> c.off() == 0);
    }
  }

  @Test
  void anAnswerHeldUpOnTheLinkIsNotTakenForTheDeviceGoingBack() throws Exception {
    try (FakeDevice device = new FakeDevice(512)) {
      byte[] image = FakeImage.image(12_000, 11);
      // requests: 1 mcumgr params, 2 the first chunk, then A, B, C (window 3). A reaches the
      // device after B, which is answered with A's offset; that answer reaches the client after
      // A's, which says the device holds A: the device never went back to A's offset
      device.link.swapRequest(3);
      device.link.swapResponse(3);

      List<FakeImage.Chunk> chunks = uploadIntact(device, image, FakeDevice.OPTIONS);
      long a = chunks.get(0).length();
      assertThat(chunks.get(1).off()).as("B came first").isGreaterThan(a);
      assertThat(chunks.get(2).off()).isEqualTo(a);
      assertThat(chunks.stream().filter(c -> c.off() == a).count()).as("A was not sent again").isEqualTo(1);
    }
  }

  @Test
  void aNewUploaderResumesWhereTheInterruptedOneStopped() throws Exception {
    try (FakeDevice device = new FakeDevice(512)) {
      byte[] image = FakeImage.image(8_000, 5);
      TransferOptions interrupting = TransferOptions.builder()
          .force(true)
          .listener((done, total) -> {
            if (done > 3_000) {
              throw new IllegalStateException("link lost");
            }
          })
          .build();
      assertThatThrownBy(() -> new ImageUploader(device.client, interrupting).upload(image))
          .hasMessage("link lost");
      int before = device.image.chunks.size();

      uploadIntact(device, image, FakeDevice.OPTIONS);
      // chunks the interrupted upload had in flight may still land after it gave up
      List<FakeImage.Chunk> chunks = device.image.chunks;
      int resumed = before;
      while (chunks.get(resumed).off() != 0) {
        resumed++;
      }
      assertThat(chunks.get(resumed).firstChunkFields()).isTrue();
      assertThat(chunks.get(resumed + 1).off()).isGreaterThan(3_000);
    }
  }

  @Test
  void aWindowKeepsChunksInFlightAndALostOneRestartsItFromTheDevicesOffset() throws Exception {
    try (FakeDevice device = new FakeDevice(512)) {
      byte[] image = FakeImage.image(12_000, 9);
      // requests: 1 mcumgr params, 2 the first chunk, then the window of 3 (buf_count 4 - 1);
      // the 4th request (the second windowed chunk) is lost on its way
      device.link.dropRequest(4);

      List<FakeImage.Chunk> chunks = uploadIntact(device, image, FakeDevice.OPTIONS);
      long lost = chunks.get(1).off() + chunks.get(1).length();
      // the chunk after the lost one arrived at the wrong offset and was answered with the
      // device's; the upload went on from there instead of waiting for a timeout
      assertThat(chunks.get(2).off()).isGreaterThan(lost);
      assertThat(chunks.stream().filter(c -> c.off() == lost).count()).isEqualTo(1);
    }
  }

  @Test
  void anImageThatDoesNotCheckOutIsRefusedBeforeAnythingIsSentUnlessForced() throws Exception {
    try (FakeDevice device = new FakeDevice(512)) {
      byte[] image = new McubootImageBuilder().version(ImageVersion.of(1, 2, 3)).payload(new byte[3_000]).build();
      image[100] ^= 1; // the payload no longer matches the SHA-256 TLV

      assertThatThrownBy(() -> new ImageUploader(device.client).upload(image))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("SHA-256 TLV does not match")
          .hasMessageContaining("nothing was sent");
      assertThatThrownBy(() -> new ImageUploader(device.client).upload(new byte[1_000]))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not a valid MCUboot image");
      assertThat(device.image.chunks).isEmpty();

      new ImageUploader(device.client, FakeDevice.FORCED).upload(image);
      FileTransferTest.assertSameBytes(device.image.completed, image);
    }
  }

  @Test
  void checksMatchWhenTheDeviceSendsIt() throws Exception {
    try (FakeDevice device = new FakeDevice(2048)) {
      device.image.sendMatch = true;
      byte[] image = FakeImage.image(3_000, 6);
      assertThat(new ImageUploader(device.client, FakeDevice.FORCED).upload(image).match()).isTrue();

      device.image.corruptWrites = true;
      assertThatThrownBy(() -> new ImageUploader(device.client, FakeDevice.FORCED).upload(FakeImage.image(3_000, 7)))
          .isInstanceOf(TransferException.class)
          .hasMessageContaining("does not match");
    }
  }

  @Test
  void aDeviceThatKeepsRebootingEndsTheUpload() throws Exception {
    try (FakeDevice device = new FakeDevice(512)) {
      for (int i = 2; i < 100; i += 2) {
        device.image.rebootBefore.add(i);
      }
      assertThatThrownBy(() -> new ImageUploader(device.client, FakeDevice.OPTIONS.withWindow(1)).upload(FakeImage.image(5_000, 8)))
          .isInstanceOf(TransferException.class)
          .hasMessageContaining("earlier offset");
      assertThat(device.image.chunks).hasSize(2 * (Progress.MAX_REWINDS + 1));
    }
  }

  @Test
  void deviceErrorsArePassedOn() throws Exception {
    try (FakeDevice device = new FakeDevice(512)) {
      byte[] notAnImage = new byte[1000];
      assertThatThrownBy(() -> new ImageUploader(device.client, FakeDevice.FORCED).upload(notAnImage))
          .isInstanceOfSatisfying(GroupErrorException.class,
              e -> assertThat(e.error()).isEqualTo(ImgMgmtError.INVALID_IMAGE_HEADER_MAGIC));
    }
  }

  /** Uploads {@code image} and checks the device holds it whole; returns the upload requests it took. */
  private static List<FakeImage.Chunk> uploadIntact(FakeDevice device, byte[] image, TransferOptions options) {
    new ImageUploader(device.client, options).upload(image);
    FileTransferTest.assertSameBytes(device.image.completed, image);
    return device.image.chunks;
  }
}
