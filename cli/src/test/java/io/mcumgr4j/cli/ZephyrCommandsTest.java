package io.mcumgr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code mcumgr4j zephyr erase} against a simulated device, in-process. */
class ZephyrCommandsTest extends CliDeviceTest {

  @Test
  void eraseClearsTheStoredSettingsAndRamKeepsThemUntilARestart() {
    run("settings", "write", "app/kept", "v");
    run("settings", "save");
    assertThat(run("zephyr", "erase")).isEqualTo(new Run(0, "storage erased\n", ""));
    // as on Zephyr, erasing the storage partition leaves the values in RAM
    assertThat(run("settings", "read", "app/kept").out()).isEqualTo("v\n");
    device.restart();
    assertThat(run("settings", "read", "app/kept").err()).contains("KEY_NOT_FOUND");
    assertThat(run("--json", "zephyr", "erase").json()).isEmpty();
    assertThat(run("--smp-v1", "zephyr", "erase").code()).isZero();
  }
}
