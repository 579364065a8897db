package io.mcumgr4j.simulator.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings backend's bytes on disk; what the store makes of them is SettingsStoreTest's. */
class SettingsFileTest {

  private static final HexFormat HEX = HexFormat.of();

  @TempDir
  Path dir;

  @Test
  void theFileFormatIsAsDocumented() throws Exception {
    Path file = dir.resolve("settings.bin");
    new SettingsFile(file).write(new TreeMap<>(Map.of("net/z", new byte[] {(byte) 0xFF}, "app/a", new byte[] {1, 2})));

    byte[] body = HEX.parseHex("4d344a5301" + "00000002"
        + "0005" + "6170702f61" + "00000002" + "0102"
        + "0005" + "6e65742f7a" + "00000001" + "ff");
    assertThat(HEX.formatHex(Files.readAllBytes(file))).isEqualTo(HEX.formatHex(withCrc(body)));
  }

  @Test
  void whatIsWrittenIsReadBack() {
    SettingsFile file = new SettingsFile(dir.resolve("settings.bin"));
    file.write(new TreeMap<>(Map.of("app/a", new byte[] {1, 2, 3}, "app/empty", new byte[0])));

    TreeMap<String, byte[]> read = file.read();
    assertThat(read).containsOnlyKeys("app/a", "app/empty");
    assertThat(read.get("app/a")).containsExactly(1, 2, 3);
    assertThat(read.get("app/empty")).isEmpty();
  }

  @Test
  void noFileReadsAsNothingStored() throws Exception {
    SettingsFile file = new SettingsFile(dir.resolve("settings.bin"));
    assertThat(file.read()).isEmpty();
    file.delete();
    assertThat(file.read()).isEmpty();
  }

  @Test
  void savingLeavesNoTemporaryFile() throws Exception {
    Path path = dir.resolve("settings.bin");
    SettingsFile file = new SettingsFile(path);
    file.write(new TreeMap<>(Map.of("app/a", new byte[] {1})));
    file.write(new TreeMap<>(Map.of("app/a", new byte[] {2})));

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(path);
    }
  }

  @Test
  void aCorruptFileNamesItselfAndTheFault() throws Exception {
    Path path = dir.resolve("settings.bin");
    Files.write(path, withCrc(HEX.parseHex("4d344a5302" + "00000000")));

    assertThatThrownBy(() -> new SettingsFile(path).read())
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(SettingsFile.CorruptFileException.class)
        .hasMessageContaining(path.toString())
        .hasMessageContaining("format version 2");
  }

  @Test
  void everyDamageIsRefusedNamingTheFile() throws Exception {
    Path path = dir.resolve("settings.bin");
    SettingsFile file = new SettingsFile(path);
    file.write(new TreeMap<>(Map.of("app/a", new byte[] {1, 2, 3}, "app/b", new byte[] {4})));
    byte[] good = Files.readAllBytes(path);

    for (byte[] content : damaged(good)) {
      Files.write(path, content);
      assertThatThrownBy(file::read)
          .isInstanceOf(UncheckedIOException.class)
          .hasCauseInstanceOf(SettingsFile.CorruptFileException.class)
          .hasMessageContaining(path.toString());
    }
  }

  /**
   * What a damaged file can look like, derived from {@code good}, the file of a save: each fails one
   * of the checks the format documents; SettingsStoreTest loads them too.
   */
  static List<byte[]> damaged(byte[] good) {
    return List.of(
        new byte[0],
        Arrays.copyOf(good, good.length - 1),                  // last byte lost
        Arrays.copyOf(good, good.length / 2),                  // half written
        flip(good, 12),                                        // a bit flipped
        flip(good, 0),                                         // magic
        concat(good, new byte[] {0}),                          // a byte after the CRC
        "app/a=AQID\n".getBytes(),                             // some other format
        withCrc(HEX.parseHex("4d344a5302" + "00000000")),      // unknown version
        withCrc(HEX.parseHex("4d344a5301" + "00000002" + "0005" + "6170702f61" + "00000001" + "01")),  // count too high
        withCrc(HEX.parseHex("4d344a5301" + "00000001" + "0005" + "6170702f61" + "7fffffff" + "01")),  // value past the end
        withCrc(HEX.parseHex("4d344a5301" + "00000000" + "00")),                                    // bytes after the entries
        withCrc(HEX.parseHex("4d344a5301" + "00000001" + "0002" + "c328" + "00000000")),            // not UTF-8
        withCrc(HEX.parseHex("4d344a5301" + "00000002" + "0001" + "61" + "00000000" + "0001" + "61" + "00000000"))); // twice
  }

  private static byte[] withCrc(byte[] body) {
    CRC32 crc = new CRC32();
    crc.update(body);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DataOutputStream data = new DataOutputStream(out)) {
      data.write(body);
      data.writeInt((int) crc.getValue());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] flip(byte[] content, int at) {
    byte[] copy = content.clone();
    copy[at] ^= 0x10;
    return copy;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
