package io.mcumgr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcumgr4j.mcuboot.McubootImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mcumgr4j fs ...} run in-process against a simulated device over UDP. */
class FsCommandsTest {

  private static final String REMOTE = "/lfs1/random.bin";

  @TempDir Path dir;
  private ImageFsDevice device;
  private byte[] data;
  private Path local;

  @BeforeEach
  void startDevice() throws Exception {
    device = ImageFsDevice.start(dir.resolve("device"));
    data = new byte[30_000];
    new Random(7).nextBytes(data);
    local = Files.write(dir.resolve("random.bin"), data);
  }

  @AfterEach
  void stopDevice() {
    device.close();
  }

  @Test
  void uploadDownloadRoundTripWithHashes() throws Exception {
    ImageFsDevice.Run upload = device.cli("fs", "upload", local.toString(), REMOTE);

    assertThat(upload.code()).as("%s", upload).isZero();
    assertThat(upload.out()).matches("uploaded " + Pattern.quote(local.toString()) + " to " + REMOTE
        + ": 30000 bytes in \\d+ requests, hash verified\n");
    assertThat(upload.err()).as("no progress bar without a terminal").isEmpty();
    assertThat(dir.resolve("device/fs/lfs1/random.bin")).hasBinaryContent(data);

    ImageFsDevice.Run sha = device.cli("fs", "hash", REMOTE, "--type", "sha256");
    assertThat(sha.code()).as("%s", sha).isZero();
    assertThat(sha.out()).isEqualTo("sha256 " + hex(McubootImage.sha256(data)) + " (" + REMOTE
        + ", 30000 bytes from offset 0)\n");

    Path back = dir.resolve("back.bin");
    ImageFsDevice.Run download = device.cli("fs", "download", REMOTE, back.toString());
    assertThat(download.code()).as("%s", download).isZero();
    assertThat(download.out()).isEqualTo("downloaded " + REMOTE + " to " + back + ": 30000 bytes, hash verified\n");
    assertThat(back).hasBinaryContent(data);
  }

  @Test
  void transfersTakeAWindowAndRefuseANegativeOne() throws Exception {
    assertThat(device.cli("fs", "upload", "--window", "1", local.toString(), REMOTE).code()).isZero();
    Path back = dir.resolve("back.bin");
    assertThat(device.cli("fs", "download", "--window", "4", REMOTE, back.toString()).code()).isZero();
    assertThat(back).hasBinaryContent(data);

    ImageFsDevice.Run negative = device.cli("fs", "download", "--window", "-2", REMOTE, back.toString());
    assertThat(negative.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(negative.err()).contains("--window is 0 (the device's) or more, not -2");
  }

  @Test
  void uploadAndDownloadJson() throws Exception {
    ImageFsDevice.Run upload = device.cli("--json", "fs", "upload", local.toString(), REMOTE);
    Path back = dir.resolve("back.bin");
    ImageFsDevice.Run download = device.cli("--json", "fs", "download", "--no-verify", REMOTE, back.toString());

    assertThat(upload.code()).as("%s", upload).isZero();
    Map<String, Object> up = upload.jsonObject();
    assertThat(up.keySet()).containsExactly("local", "remote", "len", "requests", "verified");
    assertThat(up).containsEntry("local", local.toString()).containsEntry("remote", REMOTE)
        .containsEntry("len", 30_000L).containsEntry("verified", true);
    assertThat((Long) up.get("requests")).isGreaterThan(1);
    assertThat(download.code()).as("%s", download).isZero();
    assertThat(download.jsonObject()).containsExactly(Map.entry("local", back.toString()),
        Map.entry("remote", REMOTE), Map.entry("len", 30_000L), Map.entry("verified", false));
    assertThat(back).hasBinaryContent(data);
  }

  @Test
  void statusHumanAndJson() {
    assertThat(device.cli("fs", "upload", local.toString(), REMOTE).code()).isZero();

    ImageFsDevice.Run human = device.cli("fs", "status", REMOTE);
    ImageFsDevice.Run json = device.cli("--json", "fs", "status", REMOTE);

    assertThat(human.out()).isEqualTo(REMOTE + ": 30000 bytes\n");
    assertThat(json.jsonObject()).containsExactly(Map.entry("name", REMOTE), Map.entry("len", 30_000L));
  }

  @Test
  void hashOfARangeAndAsCrc32() {
    assertThat(device.cli("fs", "upload", local.toString(), REMOTE).code()).isZero();
    CRC32 whole = new CRC32();
    whole.update(data);
    byte[] range = Arrays.copyOfRange(data, 100, 1100);
    CRC32 part = new CRC32();
    part.update(range);

    ImageFsDevice.Run crc = device.cli("fs", "hash", REMOTE, "--type", "crc32");
    ImageFsDevice.Run crcJson = device.cli("--json", "fs", "hash", REMOTE, "--type", "crc32", "--off", "100",
        "--len", "1000");
    ImageFsDevice.Run shaJson = device.cli("--json", "fs", "hash", REMOTE, "--type", "sha256", "--off", "100",
        "--len", "1000");

    assertThat(crc.out()).isEqualTo(String.format("crc32 0x%08x (%s, 30000 bytes from offset 0)%n",
        whole.getValue(), REMOTE));
    assertThat(crcJson.jsonObject()).containsExactly(Map.entry("name", REMOTE), Map.entry("type", "crc32"),
        Map.entry("off", 100L), Map.entry("len", 1000L), Map.entry("output", part.getValue()));
    assertThat(shaJson.jsonObject()).containsEntry("type", "sha256").containsEntry("off", 100L)
        .containsEntry("output", hex(McubootImage.sha256(range)));
  }

  @Test
  void typesHumanAndJson() {
    ImageFsDevice.Run human = device.cli("fs", "types");
    ImageFsDevice.Run json = device.cli("--json", "fs", "types");

    assertThat(human.out().lines()).containsExactlyInAnyOrder("crc32    number, 4 bytes",
        "sha256   byte string, 32 bytes");
    List<Map<String, Object>> types = json.jsonArray();
    assertThat(types).containsExactlyInAnyOrder(
        Map.of("type", "crc32", "format", 0L, "size", 4L),
        Map.of("type", "sha256", "format", 1L, "size", 32L));
  }

  @Test
  void closeHumanAndJson() {
    ImageFsDevice.Run human = device.cli("fs", "close");
    ImageFsDevice.Run json = device.cli("--json", "fs", "close");

    assertThat(human.code()).isZero();
    assertThat(human.out()).isEqualTo("closed\n");
    assertThat(json.jsonObject()).containsExactly(Map.entry("closed", true));
  }

  @Test
  void aMissingFileIsAGroupErrorAndWritesNothing() {
    Path back = dir.resolve("never.bin");

    ImageFsDevice.Run status = device.cli("fs", "status", "/lfs1/missing");
    ImageFsDevice.Run download = device.cli("fs", "download", "/lfs1/missing", back.toString());
    ImageFsDevice.Run badName = device.cli("--json", "fs", "status", "/lfs1/../etc/passwd");

    assertThat(status.code()).isEqualTo(ExitCodes.GROUP_ERROR);
    assertThat(status.err()).isEqualTo("mcumgr4j: device error: FILE_NOT_FOUND (group 8, rc 3)\n");
    assertThat(status.out()).isEmpty();
    assertThat(download.code()).isEqualTo(ExitCodes.GROUP_ERROR);
    assertThat(back).doesNotExist();
    assertThat(badName.code()).isEqualTo(ExitCodes.GROUP_ERROR);
    assertThat(badName.err()).isEqualTo("mcumgr4j: device error: FILE_INVALID_NAME (group 8, rc 2)"
        + " (a name is an absolute path under a mount point, e.g. /lfs1/hello.txt)\n");
    assertThat(badName.jsonObject()).extractingByKey("error").asInstanceOf(InstanceOfAssertFactories.MAP)
        .containsEntry("kind", "group").containsEntry("name", "FILE_INVALID_NAME");
  }

  @Test
  void aMissingLocalFileIsAOneLineFailure() {
    ImageFsDevice.Run run = device.cli("fs", "upload", dir.resolve("nope").toString(), REMOTE);

    assertThat(run.code()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.err()).isEqualTo("mcumgr4j: no such file: " + dir.resolve("nope") + "\n");
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
