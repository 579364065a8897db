package io.mcumgr4j.cli;

import io.mcumgr4j.simulator.SimulatedDevice;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Base of the command tests: one simulated device per test class, and the CLI run against it. */
abstract class CliDeviceTest {

  @TempDir
  static Path dir;

  private static CliDevice cli;
  static SimulatedDevice device;
  static String conn;

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

  /** Runs {@code mcumgr4j -c <the device> args...} in-process. */
  static Run run(String... args) {
    return CliDevice.runOn(conn, args);
  }
}
