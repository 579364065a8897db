package io.mcumgr4j.cli;

import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.groups.image.ImgMgmt;
import io.mcumgr4j.groups.image.ImgMgmtClient;
import io.mcumgr4j.mcuboot.ImageFormatException;
import io.mcumgr4j.mcuboot.ImageVersion;
import io.mcumgr4j.mcuboot.McubootImage;
import io.mcumgr4j.mcuboot.McubootImageBuilder;
import io.mcumgr4j.transfer.ImageUploader;
import io.mcumgr4j.transfer.TransferOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code mcumgr4j image ...}: the image group (1) and MCUboot images. */
@Command(name = "image", description = "Image management (group 1): state, upload, test, confirm, erase.",
    mixinStandardHelpOptions = true,
    subcommands = {ImageCommands.ListImages.class, ImageCommands.Upload.class, ImageCommands.TestImage.class,
        ImageCommands.Confirm.class, ImageCommands.Erase.class, ImageCommands.Slots.class,
        ImageCommands.Create.class})
final class ImageCommands {

  /** The first chunk may wait for a whole slot erase; a short {@code --timeout} must not cut that off. */
  private static final Duration MIN_FIRST_CHUNK_TIMEOUT = Duration.ofSeconds(30);

  private ImageCommands() {}

  @Command(name = "list", description = "The images in the device's slots.", mixinStandardHelpOptions = true)
  static final class ListImages extends DeviceCommand {
    @Override
    void run(SmpClient client, Output out) {
      printState(new ImgMgmtClient(client).state(), out);
    }
  }

  @Command(name = "upload", description = "Upload an MCUboot image to the device's secondary slot.",
      mixinStandardHelpOptions = true)
  static final class Upload extends DeviceCommand {
    @Parameters(paramLabel = "FILE", description = "The image (e.g. zephyr.signed.bin).")
    Path file;

    @Option(names = "--image", paramLabel = "N", description = "The image number. Default: ${DEFAULT-VALUE}.",
        defaultValue = "0")
    int image;

    @Option(names = "--upgrade", description = "Have the device refuse an image not newer than the running one.")
    boolean upgrade;

    @Option(names = "--force", description = "Send an image whose header, TLVs or SHA-256 do not check out.")
    boolean force;

    @Mixin
    WindowOption window;

    @Override
    void run(SmpClient client, Output out) throws IOException {
      byte[] bytes = readFile(file);
      ImageUploader.Result result;
      String label = "upload " + file.getFileName();
      try (Progress progress = Progress.forTransfer(out, spec.commandLine().getErr(), label)) {
        TransferOptions options = transferOptions(main()).image(image).upgrade(upgrade).window(window.value()).force(force)
            .listener(progress).build();
        result = new ImageUploader(client, options).upload(bytes);
      }
      // the hash `image test` needs is MCUboot's, not the file's SHA-256; show it when the file parses
      byte[] hash = null;
      try {
        hash = McubootImage.parse(bytes).hash();
      } catch (ImageFormatException e) {
        // not an image this client can read; the device took it, so there is nothing to report
      }
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("file", file.toString());
      json.put("image", image);
      json.put("len", result.length());
      json.put("sha", result.sha());
      json.put("hash", hash);
      json.put("match", result.match());
      json.put("requests", result.requests());
      out.result("uploaded " + file + " to image " + image + ": " + result.length() + " bytes in "
          + result.requests() + " requests" + (hash == null ? "" : "; image hash " + hex(hash)), json);
    }
  }

  @Command(name = "test", description = "Mark an image to run at the next reset (once, until confirmed).",
      mixinStandardHelpOptions = true)
  static final class TestImage extends DeviceCommand {
    @Parameters(paramLabel = "HASH", description = "The image's hash (hex), as `image list` shows it.")
    String hash;

    @Override
    void run(SmpClient client, Output out) {
      printState(new ImgMgmtClient(client).setState(parseHex(spec, hash), false), out);
    }
  }

  @Command(name = "confirm", description = "Make an image permanent (default: the running one).",
      mixinStandardHelpOptions = true)
  static final class Confirm extends DeviceCommand {
    @Parameters(paramLabel = "HASH", arity = "0..1", description = "The image's hash (hex).")
    String hash;

    @Override
    void run(SmpClient client, Output out) {
      printState(new ImgMgmtClient(client).setState(hash == null ? null : parseHex(spec, hash), true), out);
    }
  }

  @Command(name = "erase", description = "Erase a slot (default: the running image's other slot).",
      mixinStandardHelpOptions = true)
  static final class Erase extends DeviceCommand {
    @Option(names = "--slot", paramLabel = "N", description = "The slot to erase.")
    Long slot;

    @Override
    void run(SmpClient client, Output out) {
      new ImgMgmtClient(client).erase(slot == null ? OptionalLong.empty() : OptionalLong.of(slot));
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("slot", slot);
      out.result(slot == null ? "erased the secondary slot" : "erased slot " + slot, json);
    }
  }

  @Command(name = "slots", description = "The slots of every image and their sizes.", mixinStandardHelpOptions = true)
  static final class Slots extends DeviceCommand {
    @Override
    void run(SmpClient client, Output out) {
      List<Object> json = new ArrayList<>();
      StringBuilder human = new StringBuilder();
      for (ImgMgmt.ImageSlots image : new ImgMgmtClient(client).slotInfo().images()) {
        List<Object> slots = new ArrayList<>();
        human.append("image ").append(image.image())
            .append(image.maxImageSize() == null ? "" : ", max image size " + image.maxImageSize())
            .append('\n');
        for (ImgMgmt.SlotSize slot : image.slots()) {
          Map<String, Object> s = new LinkedHashMap<>();
          s.put("slot", slot.slot());
          s.put("size", slot.size());
          s.put("upload_image_id", slot.uploadImageId());
          slots.add(s);
          human.append("  slot ").append(slot.slot()).append(": ").append(slot.size()).append(" bytes")
              .append(slot.uploadImageId() == null ? "" : ", upload with --image " + slot.uploadImageId())
              .append('\n');
        }
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("image", image.image());
        i.put("slots", slots);
        i.put("max_image_size", image.maxImageSize());
        json.add(i);
      }
      out.result(human.isEmpty() ? "no slots" : human.toString().stripTrailing(), json);
    }
  }

  /** Works offline: builds an image as {@code imgtool sign} without a key would. */
  @Command(name = "create", description = "Build an unsigned MCUboot image (header, payload, SHA256 TLV) "
      + "from a binary, e.g. to test an update.")
  static final class Create implements Callable<Integer>, LocalCommand {
    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--version", required = true, paramLabel = "X.Y.Z[.B]", converter = VersionConverter.class,
        description = "The image version: major.minor.revision, optionally .build.")
    ImageVersion version;

    @Option(names = "--header-size", paramLabel = "N",
        description = "The header size, padding included (Zephyr builds use 512). Default: ${DEFAULT-VALUE}.",
        defaultValue = "32")
    int headerSize;

    @Option(names = "--load-address", paramLabel = "A", converter = AddressConverter.class,
        description = "The load address (0x... for hex). Default: ${DEFAULT-VALUE}.", defaultValue = "0")
    long loadAddress;

    @Parameters(index = "0", paramLabel = "INPUT.bin", description = "The binary.")
    Path input;

    @Parameters(index = "1", paramLabel = "OUTPUT.img", description = "Where the image goes.")
    Path output;

    @Override
    public Integer call() throws IOException {
      if (headerSize < McubootImage.HEADER_SIZE || headerSize > 0xFFFF) {
        throw new ParameterException(spec.commandLine(), "--header-size must be " + McubootImage.HEADER_SIZE
            + " to 65535, not " + headerSize);
      }
      byte[] payload = readFile(input);
      byte[] image = new McubootImageBuilder().version(version).headerSize(headerSize).loadAddress(loadAddress)
          .payload(payload).build();
      Files.write(output, image);
      byte[] hash;
      try {
        hash = McubootImage.parse(image).hash();
      } catch (ImageFormatException e) {
        throw new IllegalStateException("the builder made an image that does not parse", e);
      }
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("file", output.toString());
      json.put("version", version.toString());
      json.put("header_size", headerSize);
      json.put("load_address", loadAddress);
      json.put("payload_len", payload.length);
      json.put("len", image.length);
      json.put("hash", hash);
      ((Main) spec.root().userObject()).output().result("wrote " + output + ": version " + version + ", "
          + image.length + " bytes (" + payload.length + " of payload); hash " + hex(hash), json);
      return ExitCodes.OK;
    }
  }

  /** Transfer options from the global {@code --timeout} and {@code --retries}. */
  static TransferOptions.Builder transferOptions(Main main) {
    Duration timeout = Duration.ofMillis(Math.max(1, Math.round(main.timeoutSeconds * 1000)));
    return TransferOptions.builder()
        .chunkTimeout(timeout)
        .firstChunkTimeout(timeout.compareTo(MIN_FIRST_CHUNK_TIMEOUT) > 0 ? timeout : MIN_FIRST_CHUNK_TIMEOUT)
        .retries(main.retries);
  }

  /** A local file's bytes; a missing file is a one-line error, not an exception's name. */
  static byte[] readFile(Path file) throws IOException {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no such file: " + file, e);
    }
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /** Prints a state response: a table, or a JSON array of slots with Zephyr's keys. */
  private static void printState(ImgMgmt.State state, Output out) {
    List<Object> json = new ArrayList<>();
    StringBuilder human = new StringBuilder(String.format("%-5s %-4s %-12s %-64s %s%n",
        "image", "slot", "version", "hash", "flags"));
    for (ImgMgmt.Slot slot : state.images()) {
      // Zephyr sends `image` only on multi-image builds; absent means image 0
      long image = slot.image() == null ? 0 : slot.image();
      List<String> flags = new ArrayList<>();
      addIf(flags, slot.bootable(), "bootable");
      addIf(flags, slot.pending(), "pending");
      addIf(flags, slot.confirmed(), "confirmed");
      addIf(flags, slot.active(), "active");
      addIf(flags, slot.permanent(), "permanent");
      human.append(String.format("%-5d %-4d %-12s %-64s %s%n", image, slot.slot(), slot.version(), hex(slot.hash()),
          String.join(" ", flags)));
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("image", image);
      s.put("slot", slot.slot());
      s.put("version", slot.version());
      s.put("hash", slot.hash());
      s.put("bootable", slot.bootable());
      s.put("pending", slot.pending());
      s.put("confirmed", slot.confirmed());
      s.put("active", slot.active());
      s.put("permanent", slot.permanent());
      json.add(s);
    }
    out.result(state.images().isEmpty() ? "no images" : human.toString().stripTrailing(), json);
  }

  private static void addIf(List<String> flags, boolean set, String name) {
    if (set) {
      flags.add(name);
    }
  }

  /**
   * Parses a hash given in hex; a bad one is a usage error. (Not a picocli converter: picocli takes
   * a {@code byte[]} parameter for a list of bytes.)
   */
  private static byte[] parseHex(CommandSpec spec, String value) {
    try {
      return HexFormat.of().parseHex(value);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "not a hex string: '" + value + "'");
    }
  }

  /** Parses a 32-bit address in decimal or {@code 0x} hex (picocli's own long converter takes decimal only). */
  static final class AddressConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      try {
        long address = Long.decode(value);
        if (address >= 0 && address <= 0xFFFF_FFFFL) {
          return address;
        }
      } catch (NumberFormatException e) {
        // reported below, with the range
      }
      throw new TypeConversionException("not a 32-bit address: '" + value + "'");
    }
  }

  /** Parses {@code X.Y.Z[.B]}; a bad one is a usage error. */
  static final class VersionConverter implements ITypeConverter<ImageVersion> {
    @Override
    public ImageVersion convert(String value) {
      try {
        return ImageVersion.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
