package io.mcumgr4j.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.groups.fs.FsMgmtError;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** {@link FileUploader}, {@link FileDownloader} and {@link FileHash} against {@link FakeDevice}. */
class FileTransferTest {

  private static final String NAME = "/lfs/data.bin";

  @Test
  void uploadFillsPacketsAndSendsLenOnlyAtZero() throws Exception {
    try (FakeDevice device = new FakeDevice(1024)) {
      byte[] data = bytes(50_000, 1);
      List<Long> progress = new CopyOnWriteArrayList<>();
      TransferOptions options = TransferOptions.builder().listener((done, total) -> progress.add(done)).verify(true).build();

      int requests = new FileUploader(device.client, options).upload(NAME, data);

      assertSameBytes(device.files.files.get(NAME), data);
      List<Integer> packets = device.fsGroup.packetSizes.subList(0, requests);
      assertThat(packets.subList(0, requests - 1)).containsOnly(1024);
      assertThat(device.files.uploads.get(0).hasLen()).isTrue();
      assertThat(device.files.uploads.subList(1, requests)).noneMatch(FakeFiles.Chunk::hasLen);
      assertThat(progress).isSorted().last().isEqualTo(50_000L);
    }
  }

  @Test
  void offsetNotValidContinuesFromTheLenTheDeviceSends() throws Exception {
    try (FakeDevice device = new FakeDevice(512)) {
      byte[] data = bytes(10_000, 2);
      device.files.truncateBefore.put(6, 700);

      new FileUploader(device.client, FakeDevice.OPTIONS.withWindow(1)).upload(NAME, data);

      assertSameBytes(device.files.files.get(NAME), data);
      assertThat(device.files.uploads.get(6).off()).isEqualTo(700);
      assertThat(device.files.uploads.get(6).hasLen()).isFalse();
    }
  }

  @Test
  void aWindowedUploadGoesOnFromTheDevicesSizeWhenAChunkIsLost() throws Exception {
    try (FakeDevice device = new FakeDevice(512)) {
      byte[] data = bytes(12_000, 9);
      // requests: 1 mcumgr params, 2 the first chunk, then the window of 3; the 4th is lost
      device.link.dropRequest(4);

      new FileUploader(device.client, FakeDevice.OPTIONS).upload(NAME, data);

      assertSameBytes(device.files.files.get(NAME), data);
      List<FakeFiles.Chunk> uploads = device.files.uploads;
      long lost = uploads.get(1).off() + uploads.get(1).length();
      // the chunk after the lost one was answered FILE_OFFSET_NOT_VALID with the device's size,
      // and the upload went on from there
      assertThat(uploads.get(2).off()).isGreaterThan(lost);
      assertThat(uploads.stream().filter(c -> c.off() == lost).count()).isEqualTo(1);
    }
  }

  @Test
  void lostRepliesAreRetried() throws Exception {
    try (FakeDevice device = new FakeDevice(512)) {
      byte[] data = bytes(5_000, 3);
      // Response 1 answers mcumgr params, 2 the first chunk (resent: the device truncates, writes
      // it again and answers twice its length, so the uploader reads the real size), 7 a later
      // chunk (its resend answers FILE_OFFSET_NOT_VALID with the size already stored).
      device.link.dropResponse(2);
      device.link.dropResponse(7);

      new FileUploader(device.client, FakeDevice.OPTIONS).upload(NAME, data);

      assertSameBytes(device.files.files.get(NAME), data);
      List<FakeFiles.Chunk> chunks = device.files.uploads;
      assertThat(chunks.get(1).off()).isZero();
      assertThat(chunks.get(2).off()).isEqualTo(chunks.get(1).length());
    }
  }

  @Test
  void resumeSendsOnlyWhatTheDeviceLacks() throws Exception {
    try (FakeDevice device = new FakeDevice(512)) {
      byte[] data = bytes(8_000, 4);
      // one request at a time, so none is still on its way when the upload stops and the device's
      // length read below is what the resume finds (a windowed resume has its own test)
      TransferOptions interrupting = TransferOptions.builder()
          .window(1)
          .listener((done, total) -> {
            if (done > 3_000) {
              throw new IllegalStateException("link lost");
            }
          })
          .build();
      assertThatThrownBy(() -> new FileUploader(device.client, interrupting).upload(NAME, data)).hasMessage("link lost");
      int stored = device.files.files.get(NAME).length;
      int before = device.files.uploads.size();

      new FileUploader(device.client, FakeDevice.OPTIONS).resume(NAME, data);

      assertSameBytes(device.files.files.get(NAME), data);
      assertThat(device.files.uploads.get(before).off()).isEqualTo(stored);
      assertThat(device.files.uploads.get(before).hasLen()).isFalse();
    }
  }

  @Test
  void resumeStartsOverWhenTheDeviceFileIsNotAPrefix() throws Exception {
    try (FakeDevice device = new FakeDevice(512)) {
      byte[] data = bytes(3_000, 5);
      device.files.files.put(NAME, bytes(1_000, 6));

      new FileUploader(device.client, FakeDevice.OPTIONS).resume(NAME, data);

      assertSameBytes(device.files.files.get(NAME), data);
      assertThat(device.files.uploads.get(0).off()).isZero();
      assertThat(new FileUploader(device.client).resume(NAME, data)).isZero();
    }
  }

  @Test
  void downloadReadsChunksOfTheDevicesSizeUntilLen() throws Exception {
    try (FakeDevice device = new FakeDevice(1024)) {
      byte[] data = bytes(30_001, 7);
      device.files.files.put(NAME, data.clone());
      device.files.downloadChunk = 700;
      device.link.dropResponse(3);
      List<long[]> progress = new CopyOnWriteArrayList<>();
      TransferOptions options = TransferOptions.builder()
          .chunkTimeout(FakeDevice.OPTIONS.chunkTimeout())
          .listener((done, total) -> progress.add(new long[] {done, total}))
          .verify(true)
          .build();

      assertSameBytes(new FileDownloader(device.client, options).download(NAME), data);
      assertThat(progress).hasSize(43).last().isEqualTo(new long[] {30_001, 30_001});
    }
  }

  @Test
  void aWindowedDownloadAsksAgainForWhatWasLost() throws Exception {
    try (FakeDevice device = new FakeDevice(1024)) {
      byte[] data = bytes(20_000, 8);
      device.files.files.put(NAME, data.clone());
      device.files.downloadChunk = 700;
      // requests: 1 the first chunk (it tells the chunk size), 2 mcumgr params (the window), then the window
      device.link.dropRequest(4);
      device.link.dropRequest(9);

      assertSameBytes(new FileDownloader(device.client, FakeDevice.OPTIONS).download(NAME), data);
    }
  }

  @Test
  void emptyFilesGoBothWays() throws Exception {
    try (FakeDevice device = new FakeDevice(512)) {
      TransferOptions verify = TransferOptions.builder().verify(true).build();
      assertThat(new FileUploader(device.client, verify).upload(NAME, new byte[0])).isEqualTo(1);
      assertThat(device.files.files.get(NAME)).isEmpty();
      assertThat(new FileDownloader(device.client, verify).download(NAME)).isEmpty();
    }
  }

  @Test
  void hashUsesSha256WhenSupportedElseCrc32ElseTheDefault() throws Exception {
    try (FakeDevice device = new FakeDevice(512)) {
      byte[] data = bytes(2_000, 8);
      device.files.files.put(NAME, data.clone());
      assertThat(new FileHash(device.client).type()).isEqualTo("sha256");
      device.files.hashTypes = Set.of("crc32");
      assertThat(new FileHash(device.client).type()).isEqualTo("crc32");
      device.files.supportedTypesCommand = false;
      FileHash fallback = new FileHash(device.client);
      assertThat(fallback.type()).isNull();
      assertThat(fallback.matches(NAME, data)).isTrue();
      assertThat(fallback.prefixMatches(NAME, data, 100)).isTrue();
      data[1999] ^= 1;
      assertThat(fallback.matches(NAME, data)).isFalse();
    }
  }

  @Test
  void aDifferingHashFailsTheTransfer() throws Exception {
    try (FakeDevice device = new FakeDevice(512)) {
      byte[] data = bytes(2_000, 9);
      device.files.files.put(NAME, data.clone());
      device.files.files.get(NAME)[5] ^= 1;
      TransferOptions verify = TransferOptions.builder().verify(true).build();
      // The download is what the device holds, so it matches; a longer local copy does not.
      assertThat(new FileDownloader(device.client, verify).download(NAME)).isNotEqualTo(data);
      assertThat(new FileHash(device.client).matches(NAME, data)).isFalse();
      assertThat(new FileHash(device.client).matches(NAME, bytes(2_001, 9))).isFalse();
    }
  }

  @Test
  void aMissingFileIsTheDevicesError() throws Exception {
    try (FakeDevice device = new FakeDevice(512)) {
      assertThatThrownBy(() -> new FileDownloader(device.client).download("/lfs/none"))
          .isInstanceOfSatisfying(GroupErrorException.class,
              e -> assertThat(e.error()).isEqualTo(FsMgmtError.FILE_NOT_FOUND));
    }
  }

  @Test
  void aDownloadTooLargeForMemoryIsRefusedUpFront() throws Exception {
    try (FakeDevice device = new FakeDevice(512)) {
      device.files.files.put("/lfs/big", new byte[] {1});
      device.files.claimedLen = (long) FileDownloader.MAX_LENGTH + 1;

      assertThatThrownBy(() -> new FileDownloader(device.client).download("/lfs/big"))
          .isInstanceOf(TransferException.class)
          .hasMessageContaining("more than a byte array holds");
    }
  }

  /** Equal contents, without printing megabytes when they differ. */
  static void assertSameBytes(byte[] actual, byte[] expected) {
    assertThat(actual).isNotNull().hasSameSizeAs(expected);
    assertThat(Arrays.mismatch(actual, expected)).as("first differing index").isEqualTo(-1);
  }

  static byte[] bytes(int size, long seed) {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    return data;
  }
}
