package io.mcumgr4j.simulator.settings;

import static io.mcumgr4j.simulator.settings.SettingsStoreTest.withCrc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
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
}
