package io.mcumgr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How every failure is reported: the exit code table, one line on standard error that names the
 * device, and with {@code --json} one document on standard output.
 */
class FailureReportTest extends CliDeviceTest {

  private static void assertOneLine(Run run) {
    assertThat(run.err()).startsWith("mcumgr4j: ").endsWith("\n");
    assertThat(run.err().strip()).doesNotContain("\n");
  }

  @Test
  void malformedConnectionsAreUsageErrorsBeforeAnythingIsSent() {
    for (String bad : List.of("bogus", "udp:", "udp::1337", "udp:127.0.0.1:99999", "udp:127.0.0.1:port",
        "tcp:1.2.3.4", "tcp:", "serial:", "serial:/dev/null,baud=fast", "udp:[::1", "ble:", "ble:AA:BB",
        "ble:name=")) {
      Run run = CliDevice.runAlone("-c", bad, "os", "echo", "hi");
      assertThat(run.code()).as(bad).isEqualTo(ExitCodes.USAGE);
      assertOneLine(run);
      assertThat(run.err()).as(bad).contains(bad.substring(bad.indexOf(':') + 1));
      assertThat(run.out()).isEmpty();
    }
  }

  @Test
  void aBleDeviceThatCannotBeReachedIsTheLinksExitCode() {
    // no build machine has a radio: without BlueZ, or with it and no such device, the link fails
    Run run = CliDevice.runAlone("-c", "ble:AA:BB:CC:DD:EE:FF", "--scan-timeout", "0.3", "os", "echo", "hi");
    assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.UNREACHABLE);
    assertOneLine(run);
  }

  @Test
  void aTimeoutNamesTheDevicesAddress() throws Exception {
    try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      String address = "udp:127.0.0.1:" + silent.getLocalPort();
      Run run = CliDevice.runAlone("-c", address, "--timeout", "0.1", "--retries", "0", "os", "echo", "hi");
      assertThat(run.code()).isEqualTo(ExitCodes.UNREACHABLE);
      assertOneLine(run);
      assertThat(run.err()).contains("no response from " + address + " to group 0 command 0");

      Run json = CliDevice.runAlone("--json", "-c", address, "--timeout", "0.1", "--retries", "0", "os", "echo", "hi");
      assertThat(json.code()).isEqualTo(ExitCodes.UNREACHABLE);
      Map<String, Object> error = error(json);
      assertThat(error).containsEntry("kind", "timeout").containsEntry("exit", 3L);
      assertThat((String) error.get("message")).contains(address);

      // a transfer's own requests (here mcumgr params before a download) name it too
      Run download = CliDevice.runAlone("-c", address, "--timeout", "0.1", "--retries", "0", "fs", "download",
          "/lfs1/x", Files.createTempDirectory("failure-report").resolve("x").toString());
      assertThat(download.code()).as(download.err()).isEqualTo(ExitCodes.UNREACHABLE);
      assertOneLine(download);
      assertThat(download.err()).contains("no response from " + address);
    }
  }

  @Test
  void aUsageErrorIsOneLineWithWhereToReadMore() {
    Run run = run("os", "echo", "--bogus", "hi");
    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertOneLine(run);
    assertThat(run.err()).contains("--bogus").endsWith("(see 'mcumgr4j os echo --help')\n");
    assertThat(run.out()).isEmpty();

    Run json = run("--json", "os", "echo", "--bogus", "hi");
    assertThat(error(json)).containsEntry("kind", "usage").containsEntry("exit", 2L);
  }

  @Test
  void jsonFailuresCarryTheErrorsNumbers() {
    Run group = run("--json", "fs", "status", "/lfs1/no-such-file");
    assertThat(group.code()).isEqualTo(ExitCodes.GROUP_ERROR);
    assertThat(error(group)).containsEntry("kind", "group").containsEntry("exit", 5L)
        .containsEntry("group", 8L).containsEntry("rc", 3L).containsEntry("name", "FILE_NOT_FOUND");

    Run rc = run("--json", "--smp-v1", "fs", "status", "/lfs1/no-such-file");
    assertThat(rc.code()).isEqualTo(ExitCodes.RC_ERROR);
    assertThat(error(rc)).containsEntry("kind", "rc").containsEntry("exit", 4L).containsEntry("rc", 5L)
        .containsEntry("name", "MGMT_ERR_ENOENT");
  }

  @Test
  void aRequestTooLargeIsAUsageFailureOfItsOwnKind() {
    Run run = run("--json", "shell", "exec", "echo", "x".repeat(1600));
    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(error(run)).containsEntry("kind", "too-large").containsEntry("exit", 2L);
    assertThat(run.err()).contains("nothing was sent").doesNotContain("unreachable");
  }

  @Test
  void aGroupErrorWithoutANameIsWrittenOnce() {
    Run run = run("raw", "-g", "80", "-i", "0", "--op", "read");
    assertThat(run.code()).isIn(ExitCodes.RC_ERROR, ExitCodes.GROUP_ERROR);
    assertThat(run.err()).doesNotContain("(group 80, rc");
  }

  @Test
  void aBusyPortIsOneLineNamingIt() throws Exception {
    try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      String address = "127.0.0.1:" + taken.getLocalPort();
      try (ServeProcess serve = ServeProcess.start("--udp", address, "--data-dir", dir.resolve("busy").toString())) {
        assertThat(serve.awaitLine("mcumgr4j:")).contains("cannot serve UDP on " + address).doesNotContain("Exception");
        assertThat(serve.exitCode()).isEqualTo(ExitCodes.FAILURE);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> error(Run run) {
    assertThat(run.out()).endsWith("\n");
    assertThat(run.out().strip()).doesNotContain("\n");
    return (Map<String, Object>) run.json().get("error");
  }
}
