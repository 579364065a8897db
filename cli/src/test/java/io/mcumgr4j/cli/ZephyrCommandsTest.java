package io.mcumgr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcumgr4j.device.SimulatedDevice;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mcumgr4j zephyr erase} against a simulated device, in-process. */
class ZephyrCommandsTest {

  @TempDir
  static Path dir;

  private static CliDevice cli;
  private static SimulatedDevice device;
  private static String conn;

  @BeforeAll
  static void start() throws IOException {
    cli = CliDevice.start(dir);
    device = cli.device();
    conn = cli.conn();
  }

  @AfterAll
  static void stop() {
    cli.close();
  }

  private static Run run(String... args) {
    return CliDevice.runOn(conn, args);
  }

  @Test
  void eraseClearsTheSettings() {
    run("settings", "write", "app/kept", "v");
    run("settings", "save");
    assertThat(run("zephyr", "erase")).isEqualTo(new Run(0, "storage erased\n", ""));
    assertThat(run("settings", "read", "app/kept").err()).contains("KEY_NOT_FOUND");
    run("settings", "load");
    assertThat(run("settings", "read", "app/kept").code()).isEqualTo(ExitCodes.GROUP_ERROR);
    assertThat(run("--json", "zephyr", "erase").json()).isEmpty();
    assertThat(run("--smp-v1", "zephyr", "erase").code()).isZero();
  }
}
