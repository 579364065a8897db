package io.mcumgr4j.simulator.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.error.MgmtException;
import io.mcumgr4j.groups.fs.FsMgmt;
import io.mcumgr4j.groups.fs.FsMgmtError;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upload offsets, resumption, limits, the transfer context and v1 against v2 errors. */
class FsUploadTest {

  private static final String NAME = "/lfs1/f.txt";

  @TempDir Path root;
  private Path file;

  @BeforeEach
  void setUp() throws Exception {
    Files.createDirectory(root.resolve("lfs1"));
    file = root.resolve("lfs1/f.txt");
  }

  @Test
  void wrongOffsetAnswersErr11WithTheExpectedLenAfterIt() throws Exception {
    try (FsUdp udp = new FsUdp(root)) {
      assertThat(udp.client.upload(0, NAME, bytes("hello"), OptionalLong.of(10)).off()).isEqualTo(5);
      GroupErrorException e = catchThrowableOfType(
          () -> udp.client.upload(7, NAME, bytes("xyz"), OptionalLong.empty()), GroupErrorException.class);
      assertThat(e.error()).isEqualTo(FsMgmtError.FILE_OFFSET_NOT_VALID);
      // Zephyr's order: smp_add_cmd_err, then "len"
      assertThat(HexFormat.of().formatHex(e.response()))
          .isEqualTo("bf" + "63657272bf6567726f7570086272630bff" + "636c656e05" + "ff");
      assertThat(udp.fs.transferOpen()).as("the server drops its upload state").isFalse();
      assertThat(file).hasContent("hello");
    }
  }

  @Test
  void aNewTransferResumesAtTheFilesSize() throws Exception {
    Files.writeString(file, "hello");
    try (FsUdp udp = new FsUdp(root)) {
      GroupErrorException e = catchThrowableOfType(
          () -> udp.client.upload(3, NAME, bytes("x"), OptionalLong.empty()), GroupErrorException.class);
      assertThat(e.error()).isEqualTo(FsMgmtError.FILE_OFFSET_NOT_VALID);
      assertThat(e.response()).endsWith(HexFormat.of().parseHex("636c656e05ff"));
      assertThat(udp.client.upload(5, NAME, bytes(" world"), OptionalLong.empty()).off()).isEqualTo(11);
      assertThat(file).hasContent("hello world");
      // the length is unknown to a resumed transfer: it stays open until closed
      assertThat(udp.fs.transferOpen()).isTrue();
      udp.client.close();
      assertThat(udp.fs.transferOpen()).isFalse();
    }
  }

  @Test
  void offsetZeroTruncatesOnTheFirstNonEmptyChunkAndRestartsTheCount() throws Exception {
    Files.writeString(file, "old content, long");
    try (FsUdp udp = new FsUdp(root)) {
      assertThat(udp.client.upload(0, NAME, new byte[0], OptionalLong.of(6)).off()).isZero();
      assertThat(file).as("an empty chunk leaves the file").hasContent("old content, long");
      assertThat(udp.client.upload(0, NAME, bytes("abc"), OptionalLong.of(6)).off()).isEqualTo(3);
      assertThat(udp.client.upload(0, NAME, bytes("ABC"), OptionalLong.of(6)).off()).as("restart").isEqualTo(3);
      assertThat(udp.client.upload(3, NAME, bytes("DEF"), OptionalLong.of(6)).off()).isEqualTo(6);
      assertThat(file).hasContent("ABCDEF");
      assertThat(udp.fs.transferOpen()).isFalse();
    }
  }

  @Test
  void aMissingFileIsNotCreatedByALaterChunk() throws Exception {
    try (FsUdp udp = new FsUdp(root)) {
      GroupErrorException e = catchThrowableOfType(
          () -> udp.client.upload(4, NAME, bytes("x"), OptionalLong.empty()), GroupErrorException.class);
      assertThat(e.error()).isEqualTo(FsMgmtError.FILE_OFFSET_NOT_VALID);
      assertThat(e.response()).endsWith(HexFormat.of().parseHex("636c656e00ff"));
      assertThat(file).doesNotExist();
    }
  }

  @Test
  void requestChecks() throws Exception {
    try (FsUdp udp = new FsUdp(root)) {
      assertThat(catchThrowableOfType(() -> udp.client.upload(0, NAME, bytes("x"), OptionalLong.empty()),
          MgmtException.class).err()).as("len missing at off 0").isEqualTo(MgmtErr.EINVAL);
      assertThat(catchThrowableOfType(() -> udp.client.upload(0, "", bytes("x"), OptionalLong.of(1)),
          MgmtException.class).err()).isEqualTo(MgmtErr.EINVAL);
      String longName = "/lfs1/" + "n".repeat(59);
      assertThat(catchThrowableOfType(() -> udp.client.status(longName), MgmtException.class).err())
          .as("65 bytes > CONFIG_MCUMGR_GRP_FS_PATH_LEN").isEqualTo(MgmtErr.EINVAL);
      assertThat(catchThrowableOfType(() -> udp.client.status(longName.substring(1)), GroupErrorException.class)
          .error()).as("64 bytes pass the length check").isEqualTo(FsMgmtError.FILE_INVALID_NAME);
      assertThat(catchThrowableOfType(() -> udp.client.upload(0, "/nomount/x", bytes("x"), OptionalLong.of(1)),
          GroupErrorException.class).error()).isEqualTo(FsMgmtError.MOUNT_POINT_NOT_FOUND);
      assertThat(catchThrowableOfType(() -> udp.client.upload(0, "/lfs1", bytes("x"), OptionalLong.of(1)),
          GroupErrorException.class).error()).isEqualTo(FsMgmtError.FILE_IS_DIRECTORY);
      assertThat(catchThrowableOfType(() -> udp.client.download(0, "/lfs1"), GroupErrorException.class).error())
          .isEqualTo(FsMgmtError.FILE_IS_DIRECTORY);
    }
  }

  @Test
  void sizesAreBoundedBeforeAnythingIsWritten() throws Exception {
    try (FsUdp udp = new FsUdp(root, new SimulatedFsMgmt.Limits(64, 8, Duration.ofSeconds(4)))) {
      assertThat(catchThrowableOfType(() -> udp.client.upload(0, NAME, bytes("x"), OptionalLong.of(9)),
          GroupErrorException.class).error()).isEqualTo(FsMgmtError.FILE_WRITE_FAILED);
      assertThat(file).doesNotExist();
      // without a truthful len, the chunk that would pass the bound is refused and nothing of it stored
      assertThat(udp.client.upload(0, NAME, bytes("12345"), OptionalLong.of(5)).off()).isEqualTo(5);
      assertThat(catchThrowableOfType(() -> udp.client.upload(5, NAME, bytes("6789"), OptionalLong.empty()),
          GroupErrorException.class).error()).isEqualTo(FsMgmtError.FILE_WRITE_FAILED);
      assertThat(file).hasContent("12345");
    }
  }

  @Test
  void theFilesTogetherAreBoundedBeforeAnythingIsWritten() throws Exception {
    Files.writeString(root.resolve("lfs1/other"), "0123456789");   // 10 of the 16 bytes
    try (FsUdp udp = new FsUdp(root, new SimulatedFsMgmt.Limits(64, 1 << 20, Duration.ofSeconds(4), 16))) {
      assertThat(catchThrowableOfType(() -> udp.client.upload(0, NAME, bytes("x"), OptionalLong.of(7)),
          GroupErrorException.class).error()).isEqualTo(FsMgmtError.FILE_WRITE_FAILED);
      assertThat(udp.fs.transferOpen()).isFalse();
      // a len that fits, then a chunk that does not: refused, the stored part kept
      assertThat(udp.client.upload(0, NAME, bytes("abcd"), OptionalLong.of(6)).off()).isEqualTo(4);
      assertThat(catchThrowableOfType(() -> udp.client.upload(4, NAME, bytes("efg"), OptionalLong.empty()),
          GroupErrorException.class).error()).isEqualTo(FsMgmtError.FILE_WRITE_FAILED);
      assertThat(file).hasContent("abcd");
      // replacing the file counts its new size, not old and new together
      assertThat(udp.client.upload(0, NAME, bytes("123456"), OptionalLong.of(6)).off()).isEqualTo(6);
      assertThat(file).hasContent("123456");
    }
  }

  @Test
  void closeFilesEndsAnOpenTransfer() throws Exception {
    try (FsUdp udp = new FsUdp(root)) {
      udp.client.upload(0, NAME, bytes("part"), OptionalLong.of(100));
      assertThat(udp.fs.transferOpen()).isTrue();

      udp.fs.closeFiles();

      assertThat(udp.fs.transferOpen()).isFalse();
      assertThat(udp.client.upload(4, NAME, bytes("!"), OptionalLong.empty()).off()).isEqualTo(5);
    }
  }

  @Test
  void downloadPastTheEndIsEmptyAsOnZephyr() throws Exception {
    Files.writeString(file, "abc");
    try (FsUdp udp = new FsUdp(root)) {
      FsMgmt.Download d = udp.client.download(10, NAME);
      assertThat(d.off()).isEqualTo(10);
      assertThat(d.data()).isEmpty();
      assertThat(d.len()).isNull();
    }
  }

  @Test
  void hashErrors() throws Exception {
    Files.writeString(file, "abc");
    Files.createFile(root.resolve("lfs1/empty"));
    try (FsUdp udp = new FsUdp(root)) {
      assertThat(hashError(udp, NAME, "crc32", 3)).isEqualTo(FsMgmtError.FILE_OFFSET_LARGER_THAN_FILE);
      assertThat(hashError(udp, "/lfs1/empty", "crc32", 0)).isEqualTo(FsMgmtError.FILE_EMPTY);
      assertThat(hashError(udp, NAME, "md5", 0)).isEqualTo(FsMgmtError.CHECKSUM_HASH_NOT_FOUND);
      assertThat(hashError(udp, "/lfs1/none", "sha256", 0)).isEqualTo(FsMgmtError.FILE_NOT_FOUND);
      assertThat(catchThrowableOfType(() -> udp.client.hash(NAME, "sha256abc", OptionalLong.empty(),
          OptionalLong.empty()), MgmtException.class).err()).isEqualTo(MgmtErr.EINVAL);
      assertThat(catchThrowableOfType(() -> udp.client.hash(NAME, null, OptionalLong.empty(),
          OptionalLong.of(0)), MgmtException.class).err()).isEqualTo(MgmtErr.EINVAL);
      assertThat(udp.client.hash(NAME, "", OptionalLong.empty(), OptionalLong.empty()).type())
          .as("an empty type is the default").isEqualTo("crc32");
    }
  }

  @Test
  void v1RequestsGetTheTranslatedRcAlone() throws Exception {
    Files.writeString(file, "abc");
    try (FsUdp udp = new FsUdp(root)) {
      assertThat(catchThrowableOfType(() -> udp.clientV1.download(0, "/lfs1/none"), MgmtException.class).err())
          .isEqualTo(MgmtErr.ENOENT);
      assertThat(catchThrowableOfType(() -> udp.clientV1.upload(9, NAME, bytes("x"), OptionalLong.empty()),
          MgmtException.class).err()).as("offset not valid has no v1 code").isEqualTo(MgmtErr.EUNKNOWN);
      assertThat(catchThrowableOfType(() -> udp.clientV1.status("/lfs1/../x"), MgmtException.class).err())
          .isEqualTo(MgmtErr.EINVAL);
      assertThat(catchThrowableOfType(() -> udp.clientV1.hash(NAME, "md5", OptionalLong.empty(),
          OptionalLong.empty()), MgmtException.class).err()).isEqualTo(MgmtErr.EINVAL);
      assertThat(catchThrowableOfType(() -> udp.client.download(0, "/lfs1/none"), GroupErrorException.class)
          .error()).isEqualTo(FsMgmtError.FILE_NOT_FOUND);
    }
  }

  @Test
  void anIdleTransferIsClosed() throws Exception {
    try (FsUdp udp = new FsUdp(root, new SimulatedFsMgmt.Limits(64, 1 << 20, Duration.ofMillis(50)))) {
      udp.client.upload(0, NAME, bytes("part"), OptionalLong.of(100));
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (udp.fs.transferOpen() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(udp.fs.transferOpen()).isFalse();
      // the file keeps what was stored, and the upload resumes at its size
      assertThat(udp.client.upload(4, NAME, bytes("!"), OptionalLong.empty()).off()).isEqualTo(5);
      assertThat(file).hasContent("part!");
    }
  }

  @Test
  void anotherPathOrDirectionEndsTheTransfer() throws Exception {
    Files.writeString(root.resolve("lfs1/other"), "0123456789");
    try (FsUdp udp = new FsUdp(root)) {
      udp.client.upload(0, NAME, bytes("ab"), OptionalLong.of(4));
      assertThat(udp.client.download(0, "/lfs1/other").data()).hasSize(10);
      assertThat(udp.fs.transferOpen()).as("download complete, upload closed before it").isFalse();
      // the upload's context is gone: the next chunk counts from the stored size (2), so 2 fits
      assertThat(udp.client.upload(2, NAME, bytes("cd"), OptionalLong.empty()).off()).isEqualTo(4);
      assertThat(file).hasContent("abcd");
    }
  }

  private static FsMgmtError hashError(FsUdp udp, String name, String type, long off) {
    return (FsMgmtError) catchThrowableOfType(() -> udp.client.hash(name, type, OptionalLong.of(off),
        OptionalLong.empty()), GroupErrorException.class).error();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
