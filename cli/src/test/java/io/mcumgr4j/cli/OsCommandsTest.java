package io.mcumgr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code mcumgr4j os ...} against a simulated device, in-process; and an unreachable device. */
class OsCommandsTest extends CliDeviceTest {

  @Test
  void echoAndParams() {
    assertThat(run("os", "echo", "hi there")).isEqualTo(new Run(0, "hi there\n", ""));
    assertThat(run("--json", "os", "echo", "x").json()).isEqualTo(Map.of("r", "x"));
    assertThat(run("os", "params").out()).isEqualTo("buf_size 2048, buf_count 2\n");
    // global options work after the subcommand too (they are inherited)
    assertThat(run("os", "params", "--json").json()).isEqualTo(Map.of("buf_size", 2048L, "buf_count", 2L));
  }

  @Test
  void taskstatIsATable() {
    Run human = run("os", "taskstat");
    assertThat(human.code()).isZero();
    List<String> lines = human.out().lines().toList();
    assertThat(lines.get(0).split(" +")).containsExactly("name", "prio", "tid", "state", "stksiz", "stkuse");
    assertThat(lines).anyMatch(l -> l.startsWith("main ") && l.matches(".* 0x[0-9a-f]+ .*"));

    Map<String, Object> json = run("--json", "os", "taskstat").json();
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> tasks = (Map<String, Map<String, Object>>) json.get("tasks");
    assertThat(tasks).containsKey("main");
    assertThat(tasks.get("main")).containsOnlyKeys("prio", "tid", "state", "stksiz", "stkuse");
  }

  @Test
  void mpstatMirrorsThePools() {
    Run human = run("os", "mpstat");
    assertThat(human.code()).isZero();
    assertThat(human.out().lines().findFirst().orElseThrow().split(" +"))
        .containsExactly("name", "blksiz", "nblks", "nfree", "min");

    Map<String, Object> json = run("--json", "os", "mpstat").json();
    assertThat(json).isNotEmpty();
    assertThat(json.values()).allSatisfy(pool ->
        assertThat(List.copyOf(((Map<?, ?>) pool).keySet())).isEqualTo(List.of("blksiz", "nblks", "nfree", "min")));
  }

  @Test
  void datetimeSetsAndReads() {
    assertThat(run("os", "datetime", "2030-01-02T03:04:05")).isEqualTo(new Run(0, "datetime set to "
        + "2030-01-02T03:04:05\n", ""));
    assertThat(run("--json", "os", "datetime", "2030-01-02T03:04:05").json()).isEmpty();
    // the clock runs on, so only the date is certain
    assertThat(run("os", "datetime").out()).startsWith("2030-01-02T03:");
    assertThat((String) run("--json", "os", "datetime").json().get("datetime")).startsWith("2030-01-02T03:");

    Run invalid = run("os", "datetime", "2030-02-30T00:00:00");
    assertThat(invalid.code()).isEqualTo(ExitCodes.RC_ERROR);
    assertThat(invalid.err()).contains("EINVAL");
  }

  @Test
  void info() {
    assertThat(run("os", "info").out()).isEqualTo("mcumgr4j\n");
    assertThat(run("--json", "os", "info", "so").json()).isEqualTo(Map.of("output", "mcumgr4j mcumgr4j"));
    Run bad = run("os", "info", "q");
    assertThat(bad.code()).isEqualTo(ExitCodes.GROUP_ERROR);
    assertThat(bad.err()).isEqualTo("mcumgr4j: device error: INVALID_FORMAT (group 0, rc 2)\n");
  }

  @Test
  void bootloader() {
    assertThat(run("os", "bootloader").out()).isEqualTo("MCUboot\n");
    assertThat(run("--json", "os", "bootloader").json()).isEqualTo(Map.of("bootloader", "MCUboot"));
    assertThat(run("os", "bootloader", "mode").out()).isEqualTo("mode 3\n");
    assertThat(run("--json", "os", "bootloader", "mode").json()).isEqualTo(Map.of("mode", 3L));
    Run unknown = run("os", "bootloader", "colour");
    assertThat(unknown.code()).isEqualTo(ExitCodes.GROUP_ERROR);
    assertThat(unknown.err()).contains("QUERY_YIELDS_NO_ANSWER");
  }

  @Test
  void resetRestartsTheDevice() throws InterruptedException {
    int boots = device.bootCount();
    assertThat(run("os", "reset", "--force", "--boot-mode", "0")).isEqualTo(new Run(0, "reset: the device restarts\n",
        ""));
    awaitBoot(boots);
    boots = device.bootCount();
    assertThat(run("--json", "os", "reset").json()).isEmpty();
    awaitBoot(boots);
  }

  /** Waits (boundedly) until the device has booted again, so later tests find it up. */
  private static void awaitBoot(int boots) throws InterruptedException {
    for (int i = 0; i < 1000 && device.bootCount() == boots; i++) {
      Thread.sleep(10);
    }
    assertThat(device.bootCount()).isGreaterThan(boots);
  }

  @Test
  void smpV1() {
    assertThat(run("--smp-v1", "os", "echo", "old").out()).isEqualTo("old\n");
    // v1 has no group errors: INVALID_FORMAT goes out as its v1 translation, EINVAL
    Run bad = run("--smp-v1", "os", "info", "q");
    assertThat(bad.code()).isEqualTo(ExitCodes.RC_ERROR);
    assertThat(bad.err()).contains("EINVAL");
  }

  @Test
  void silentDeviceTimesOut() throws IOException {
    // a socket that never answers: the request times out (no ICMP error, which would end it sooner)
    try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      String where = "udp:127.0.0.1:" + silent.getLocalPort();
      Run quiet = CliDevice.runOn(where, "--timeout", "0.1", "--retries", "0", "os", "echo", "x");
      assertThat(quiet.code()).isEqualTo(ExitCodes.UNREACHABLE);
      assertThat(quiet.out()).isEmpty();
      assertThat(quiet.err()).startsWith("mcumgr4j: timeout").doesNotContain("\tat ");
      assertThat(quiet.err().lines()).hasSize(1);

      Run verbose = CliDevice.runOn(where, "--timeout", "0.1", "--retries", "0", "-v", "os", "echo", "x");
      assertThat(verbose.code()).isEqualTo(ExitCodes.UNREACHABLE);
      assertThat(verbose.err()).startsWith("mcumgr4j: timeout").contains("\tat ");
    }
  }

  @Test
  void tableAlignsNumbersRight() {
    assertThat(OsCommands.table(List.of("name", "n"), List.of(List.of("a", 1), List.of("bcd", 100))))
        .isEqualTo("name    n\na       1\nbcd   100");
  }
}
