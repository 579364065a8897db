package io.mcumgr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code mcumgr4j settings ...} against a simulated device, in-process. */
class SettingsCommandsTest extends CliDeviceTest {

  @Test
  void writeReadAsTextAndHex() {
    assertThat(run("settings", "write", "app/greeting", "héllo"))
        .isEqualTo(new Run(0, "wrote 6 bytes to app/greeting\n", ""));
    assertThat(run("settings", "read", "app/greeting").out()).isEqualTo("héllo\n");
    assertThat(run("settings", "read", "app/greeting", "--as", "hex").out()).isEqualTo("68c3a96c6c6f\n");
    Map<String, Object> json = run("--json", "settings", "read", "app/greeting").json();
    assertThat(json).containsExactly(Map.entry("name", "app/greeting"), Map.entry("val", "68c3a96c6c6f"),
        Map.entry("text", "héllo"), new AbstractMap.SimpleEntry<>("max_size", null));

    assertThat(run("--json", "settings", "write", "app/bin", "00ff01", "--hex").json()).isEmpty();
    // not valid UTF-8: auto shows hex, and JSON has no text
    assertThat(run("settings", "read", "app/bin").out()).isEqualTo("00ff01\n");
    assertThat(run("--json", "settings", "read", "app/bin").json())
        .containsEntry("val", "00ff01").containsEntry("text", null);
    // valid UTF-8 but a control character: auto still shows hex
    run("settings", "write", "app/ctl", "0001", "--hex");
    assertThat(run("settings", "read", "app/ctl").out()).isEqualTo("0001\n");
    assertThat(run("settings", "read", "app/ctl", "--as", "text").out()).isEqualTo("\u0000\u0001\n");
  }

  @Test
  void maxSize() {
    run("settings", "write", "app/long", "hello world");
    assertThat(run("settings", "read", "app/long", "--max-size", "5").out()).isEqualTo("hello\n");
    // more than the device's limit (32): it says its limit
    assertThat(run("settings", "read", "app/long", "--max-size", "100").out())
        .isEqualTo("hello world\n(the device limits values to 32 bytes)\n");
    assertThat(run("--json", "settings", "read", "app/long", "--max-size", "100").json())
        .containsEntry("max_size", 32L);
  }

  @Test
  void deleteSaveLoadCommit() {
    run("settings", "write", "app/a", "1");
    assertThat(run("settings", "save")).isEqualTo(new Run(0, "saved\n", ""));
    assertThat(run("settings", "save", "app")).isEqualTo(new Run(0, "saved app\n", ""));
    // delete removes the stored value at once; RAM keeps it until a restart, as on Zephyr
    assertThat(run("settings", "delete", "app/a")).isEqualTo(new Run(0, "deleted app/a from storage (a read returns the value held in RAM until the device restarts)\n", ""));
    assertThat(run("settings", "read", "app/a").out()).isEqualTo("1\n");
    device.restart();
    assertThat(run("settings", "read", "app/a").code()).isEqualTo(ExitCodes.GROUP_ERROR);
    // load lays the stored values over RAM and keeps what is only in RAM
    run("settings", "write", "app/b", "2");
    assertThat(run("settings", "load")).isEqualTo(new Run(0, "loaded\n", ""));
    assertThat(run("settings", "read", "app/b").out()).isEqualTo("2\n");
    assertThat(run("settings", "commit")).isEqualTo(new Run(0, "committed\n", ""));
    for (String[] command : List.of(new String[] {"delete", "app/a"}, new String[] {"commit"},
        new String[] {"load"}, new String[] {"save"})) {
      Run json = run(Stream.concat(Stream.of("--json", "settings"), Stream.of(command)).toArray(String[]::new));
      assertThat(json.code()).isZero();
      assertThat(json.json()).isEmpty();
    }
  }

  @Test
  void groupErrorsByName() {
    Run root = run("settings", "read", "vec/key");
    assertThat(root).isEqualTo(new Run(ExitCodes.GROUP_ERROR, "",
        "mcumgr4j: device error: ROOT_KEY_NOT_FOUND (group 3, rc 5)\n"));
    Run missing = run("settings", "read", "app/never");
    assertThat(missing.code()).isEqualTo(ExitCodes.GROUP_ERROR);
    assertThat(missing.err()).contains("KEY_NOT_FOUND");
    // a delete of a key never stored is not an error on Zephyr
    assertThat(run("settings", "delete", "app/never").code()).isZero();
  }

  @Test
  void smpV1GetsTheTranslation() {
    run("settings", "write", "app/v1", "x");
    assertThat(run("--smp-v1", "settings", "read", "app/v1").out()).isEqualTo("x\n");
    // KEY_NOT_FOUND is ENOENT for a v1 client
    Run missing = run("--smp-v1", "settings", "read", "app/none");
    assertThat(missing.code()).isEqualTo(ExitCodes.RC_ERROR);
    assertThat(missing.err()).contains("ENOENT");
  }

  @Test
  void badHexIsAUsageError() {
    Run bad = run("settings", "write", "app/x", "zz", "--hex");
    assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err())
        .isEqualTo("mcumgr4j: VALUE is not an even number of hex digits: zz (see 'mcumgr4j settings write --help')\n");
  }
}
