package io.mcumgr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.mcumgr4j.mcuboot.ImageVersion;
import io.mcumgr4j.mcuboot.McubootImage;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mcumgr4j image ...} run in-process against a simulated device over UDP. */
class ImageCommandsTest {

  private static final List<String> SLOT_KEYS =
      List.of("image", "slot", "version", "hash", "bootable", "pending", "confirmed", "active", "permanent");

  @TempDir Path dir;
  private ImageFsDevice device;

  @BeforeEach
  void startDevice() throws Exception {
    device = ImageFsDevice.start(dir.resolve("device"));
  }

  @AfterEach
  void stopDevice() {
    device.close();
  }

  @Test
  void createBuildsAValidImageAndPrintsItsHash() throws Exception {
    Path bin = randomFile("app.bin", 3000);
    Path img = dir.resolve("app.img");

    ImageFsDevice.Run human = ImageFsDevice.run("image", "create", "--version", "1.2.3.4", "--header-size", "512",
        "--load-address", "0x20000", bin.toString(), img.toString());

    assertThat(human.code()).as("%s", human).isZero();
    McubootImage image = McubootImage.read(img);
    assertThat(image.verify()).isTrue();
    assertThat(image.version()).isEqualTo(new ImageVersion(1, 2, 3, 4));
    assertThat(image.headerSize()).isEqualTo(512);
    assertThat(image.loadAddress()).isEqualTo(0x20000);
    assertThat(image.imageSize()).isEqualTo(3000);
    assertThat(human.out()).isEqualTo("wrote " + img + ": version 1.2.3.4, " + Files.size(img)
        + " bytes (3000 of payload); hash " + hex(image.hash()) + "\n");

    ImageFsDevice.Run json = ImageFsDevice.run("--json", "image", "create", "--version", "2.0.0", bin.toString(),
        img.toString());

    assertThat(json.code()).as("%s", json).isZero();
    McubootImage second = McubootImage.read(img);
    assertThat(json.jsonObject()).containsExactly(
        Map.entry("file", img.toString()),
        Map.entry("version", "2.0.0"),
        Map.entry("header_size", 32L),
        Map.entry("load_address", 0L),
        Map.entry("payload_len", 3000L),
        Map.entry("len", Files.size(img)),
        Map.entry("hash", hex(second.hash())));
  }

  @Test
  void createRefusesBadArgumentsAsUsageErrors() throws Exception {
    Path bin = randomFile("app.bin", 10);
    String out = dir.resolve("x.img").toString();

    ImageFsDevice.Run badVersion = ImageFsDevice.run("image", "create", "--version", "1.2", bin.toString(), out);
    ImageFsDevice.Run badAddress = ImageFsDevice.run("image", "create", "--version", "1.2.3", "--load-address",
        "0x100000000", bin.toString(), out);
    ImageFsDevice.Run badHeader = ImageFsDevice.run("image", "create", "--version", "1.2.3", "--header-size", "8",
        bin.toString(), out);
    ImageFsDevice.Run noInput = ImageFsDevice.run("image", "create", "--version", "1.2.3",
        dir.resolve("missing.bin").toString(), out);

    assertThat(badVersion.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(badVersion.err()).contains("not a version: 1.2");
    assertThat(badAddress.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(badAddress.err()).contains("not a 32-bit address: '0x100000000'");
    assertThat(badHeader.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(badHeader.err()).contains("--header-size must be 32 to 65535, not 8");
    assertThat(noInput.code()).isEqualTo(ExitCodes.FAILURE);
    assertThat(noInput.err()).isEqualTo("mcumgr4j: no such file: " + dir.resolve("missing.bin") + "\n");
    assertThat(dir.resolve("x.img")).doesNotExist();
  }

  @Test
  void listShowsTheRunningImage() throws Exception {
    byte[] hash = runningHash();

    ImageFsDevice.Run human = device.cli("image", "list");
    ImageFsDevice.Run json = device.cli("--json", "image", "list");

    assertThat(human.code()).as("%s", human).isZero();
    assertThat(human.out().lines()).containsExactly(
        "image slot version      hash" + " ".repeat(61) + "flags",
        "0     0    0.0.0        " + hex(hash) + " bootable confirmed active");
    assertThat(json.code()).as("%s", json).isZero();
    List<Map<String, Object>> slots = json.jsonArray();
    assertThat(slots).hasSize(1);
    assertThat(slots.get(0).keySet()).containsExactlyElementsOf(SLOT_KEYS);
    assertThat(slots.get(0)).containsEntry("image", 0L).containsEntry("slot", 0L).containsEntry("version", "0.0.0")
        .containsEntry("hash", hex(hash)).containsEntry("bootable", true).containsEntry("pending", false)
        .containsEntry("confirmed", true).containsEntry("active", true).containsEntry("permanent", false);
  }

  @Test
  void fullUpdateThroughTheCommandLine() throws Exception {
    byte[] oldHash = runningHash();
    Path bin = randomFile("app.bin", 40_000);
    Path img = dir.resolve("app.img");
    ImageFsDevice.Run create = ImageFsDevice.run("--json", "image", "create", "--version", "1.2.3", bin.toString(),
        img.toString());
    assertThat(create.code()).as("%s", create).isZero();
    String newHash = (String) create.jsonObject().get("hash");

    ImageFsDevice.Run upload = device.cli("image", "upload", img.toString());
    assertThat(upload.code()).as("%s", upload).isZero();
    assertThat(upload.out()).matches("uploaded " + Pattern.quote(img.toString()) + " to image 0: " + Files.size(img)
        + " bytes in \\d+ requests; image hash " + newHash + "\n");
    assertThat(upload.err()).as("no progress bar without a terminal").isEmpty();

    List<Map<String, Object>> afterUpload = device.cli("--json", "image", "list").jsonArray();
    assertThat(afterUpload).extracting(s -> s.get("slot"), s -> s.get("version"), s -> s.get("hash"),
            s -> s.get("pending"))
        .containsExactly(tuple(0L, "0.0.0", hex(oldHash), false), tuple(1L, "1.2.3", newHash, false));

    ImageFsDevice.Run test = device.cli("image", "test", newHash);
    assertThat(test.code()).as("%s", test).isZero();
    assertThat(test.out().lines()).containsExactly(
        "image slot version      hash" + " ".repeat(61) + "flags",
        "0     0    0.0.0        " + hex(oldHash) + " bootable confirmed active",
        "0     1    1.2.3        " + newHash + " bootable pending");

    device.device.restart();

    ImageFsDevice.Run confirm = device.cli("--json", "image", "confirm");
    assertThat(confirm.code()).as("%s", confirm).isZero();
    assertThat(confirm.jsonArray()).extracting(s -> s.get("slot"), s -> s.get("version"), s -> s.get("confirmed"),
            s -> s.get("active"))
        .containsExactly(tuple(0L, "1.2.3", true, true), tuple(1L, "0.0.0", false, false));

    device.device.restart();
    ImageFsDevice.Run list = device.cli("image", "list");
    assertThat(list.out().lines()).as("still running the new image after another reset").containsExactly(
        "image slot version      hash" + " ".repeat(61) + "flags",
        "0     0    1.2.3        " + newHash + " bootable confirmed active",
        "0     1    0.0.0        " + hex(oldHash) + " bootable");
  }

  @Test
  void uploadWithAWindowAndABadWindowIsAUsageError() throws Exception {
    Path img = image("1.0.0", 20_000);
    String hash = hex(McubootImage.read(img).hash());

    ImageFsDevice.Run upload = device.cli("--json", "image", "upload", "--window", "2", img.toString());

    assertThat(upload.code()).as("%s", upload).isZero();
    assertThat(upload.jsonObject()).containsEntry("hash", hash);
    assertThat(device.cli("image", "upload", "--window", "-1", img.toString()).code()).isEqualTo(2);
  }

  @Test
  void uploadJsonAndConfirmByHash() throws Exception {
    Path img = image("1.0.0", 5000);
    byte[] sha = McubootImage.sha256(Files.readAllBytes(img));
    String hash = hex(McubootImage.read(img).hash());

    ImageFsDevice.Run upload = device.cli("--json", "image", "upload", "--image", "0", img.toString());

    assertThat(upload.code()).as("%s", upload).isZero();
    Map<String, Object> json = upload.jsonObject();
    assertThat(json.keySet()).containsExactly("file", "image", "len", "sha", "hash", "match", "requests");
    assertThat(json).containsEntry("file", img.toString()).containsEntry("image", 0L)
        .containsEntry("len", Files.size(img)).containsEntry("sha", hex(sha)).containsEntry("hash", hash)
        .containsEntry("match", null);
    assertThat((Long) json.get("requests")).isPositive();

    ImageFsDevice.Run testJson = device.cli("--json", "image", "test", hash);
    assertThat(testJson.code()).as("%s", testJson).isZero();
    assertThat(testJson.jsonArray().get(1)).containsEntry("hash", hash).containsEntry("pending", true)
        .containsEntry("permanent", false);

    device.device.restart();
    ImageFsDevice.Run confirm = device.cli("image", "confirm", hash);

    assertThat(confirm.code()).as("%s", confirm).isZero();
    assertThat(confirm.out().lines()).element(1).asString()
        .isEqualTo("0     0    1.0.0        " + hash + " bootable confirmed active");
  }

  @Test
  void confirmOfTheSecondarySlotMakesItPermanent() throws Exception {
    Path img = image("1.0.0", 5000);
    String hash = hex(McubootImage.read(img).hash());
    assertThat(device.cli("image", "upload", img.toString()).code()).isZero();

    ImageFsDevice.Run confirm = device.cli("--json", "image", "confirm", hash);

    assertThat(confirm.code()).as("%s", confirm).isZero();
    assertThat(confirm.jsonArray().get(1)).containsEntry("hash", hash).containsEntry("pending", true)
        .containsEntry("permanent", true);
  }

  @Test
  void uploadErrorsAreGroupErrors() throws Exception {
    Path notAnImage = randomFile("raw.bin", 2000);
    Path sameVersion = image("0.0.0", 100);

    ImageFsDevice.Run refused = device.cli("image", "upload", notAnImage.toString());
    ImageFsDevice.Run raw = device.cli("image", "upload", "--force", notAnImage.toString());
    ImageFsDevice.Run upgrade = device.cli("image", "upload", "--upgrade", sameVersion.toString());

    assertThat(refused.code()).isEqualTo(ExitCodes.FAILURE);
    assertThat(refused.err()).startsWith("mcumgr4j: not a valid MCUboot image (")
        .contains("nothing was sent");
    assertThat(raw.code()).isEqualTo(ExitCodes.GROUP_ERROR);
    assertThat(raw.err()).isEqualTo("mcumgr4j: device error: INVALID_IMAGE_HEADER_MAGIC (group 1, rc 23)\n");
    assertThat(upgrade.code()).isEqualTo(ExitCodes.GROUP_ERROR);
    assertThat(upgrade.err()).isEqualTo("mcumgr4j: device error: CURRENT_VERSION_IS_NEWER (group 1, rc 27)\n");
    assertThat(raw.out()).isEmpty();
  }

  @Test
  void testWithAnUnknownOrMalformedHashIsAGroupError() {
    ImageFsDevice.Run unknown = device.cli("image", "test", "ab".repeat(32));
    ImageFsDevice.Run tooShort = device.cli("--json", "image", "test", "abcd");
    ImageFsDevice.Run notHex = device.cli("image", "test", "xyz");

    assertThat(unknown.code()).isEqualTo(ExitCodes.GROUP_ERROR);
    assertThat(unknown.err()).isEqualTo("mcumgr4j: device error: HASH_NOT_FOUND (group 1, rc 8)\n");
    assertThat(unknown.out()).isEmpty();
    assertThat(tooShort.code()).isEqualTo(ExitCodes.GROUP_ERROR);
    assertThat(tooShort.err()).isEqualTo("mcumgr4j: device error: INVALID_HASH (group 1, rc 24)\n");
    assertThat(notHex.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(notHex.err()).contains("not a hex string: 'xyz'");
  }

  @Test
  void eraseRemovesTheSecondarySlot() throws Exception {
    Path img = image("1.0.0", 1000);
    assertThat(device.cli("image", "upload", img.toString()).code()).isZero();

    ImageFsDevice.Run human = device.cli("image", "erase");

    assertThat(human.code()).as("%s", human).isZero();
    assertThat(human.out()).isEqualTo("erased the secondary slot\n");
    assertThat(device.cli("--json", "image", "list").jsonArray()).hasSize(1);

    assertThat(device.cli("image", "upload", img.toString()).code()).isZero();
    ImageFsDevice.Run json = device.cli("--json", "image", "erase", "--slot", "1");

    assertThat(json.code()).as("%s", json).isZero();
    assertThat(json.jsonObject()).containsExactly(Map.entry("slot", 1L));
    assertThat(device.cli("--json", "image", "list").jsonArray()).hasSize(1);
    ImageFsDevice.Run named = device.cli("image", "erase", "--slot", "1");
    assertThat(named.out()).isEqualTo("erased slot 1\n");
  }

  @Test
  void slotsShowsSizes() {
    ImageFsDevice.Run human = device.cli("image", "slots");
    ImageFsDevice.Run json = device.cli("--json", "image", "slots");

    assertThat(human.code()).as("%s", human).isZero();
    assertThat(human.out().lines()).first().asString().startsWith("image 0");
    assertThat(human.out()).contains("  slot 0: 1048576 bytes").contains("  slot 1: 1048576 bytes");
    List<Map<String, Object>> images = json.jsonArray();
    assertThat(images).hasSize(1);
    assertThat(images.get(0).keySet()).containsExactly("image", "slots", "max_image_size");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> slots = (List<Map<String, Object>>) images.get(0).get("slots");
    assertThat(slots).extracting(s -> s.get("slot"), s -> s.get("size"))
        .containsExactly(tuple(0L, 1048576L), tuple(1L, 1048576L));
    assertThat(slots).allSatisfy(s -> assertThat(s.keySet()).containsExactly("slot", "size", "upload_image_id"));
  }

  @Test
  void noDeviceIsATimeoutWithExitCode3AndOneLine() throws Exception {
    int port;
    try (DatagramSocket free = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }

    ImageFsDevice.Run run = ImageFsDevice.run("-c", "udp:127.0.0.1:" + port, "--timeout", "0.2", "--retries", "0",
        "image", "list");

    assertThat(run.code()).as("%s", run).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(run.err()).startsWith("mcumgr4j: timeout").doesNotContain("\tat ").hasLineCount(1);
    assertThat(run.out()).isEmpty();
  }

  private byte[] runningHash() throws Exception {
    return McubootImage.read(dir.resolve("device/images/image-0-slot-0.bin")).hash();
  }

  private Path image(String version, int payload) throws Exception {
    Path bin = randomFile("payload-" + version + ".bin", payload);
    Path img = dir.resolve(version + ".img");
    ImageFsDevice.Run create = ImageFsDevice.run("image", "create", "--version", version, bin.toString(),
        img.toString());
    assertThat(create.code()).as("%s", create).isZero();
    return img;
  }

  private Path randomFile(String name, int size) throws Exception {
    byte[] data = new byte[size];
    new Random(size).nextBytes(data);
    return Files.write(dir.resolve(name), data);
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
