package io.mcumgr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code mcumgr4j stat ...} against a simulated device, in-process. */
class StatCommandsTest extends CliDeviceTest {

  @Test
  void list() {
    device.stats().group("net").counter("rx").increment();
    List<String> names = device.stats().names();
    assertThat(names).startsWith("smp_svr_stats").contains("net");
    assertThat(run("stat", "list")).isEqualTo(new Run(0, String.join("\n", names) + "\n", ""));
    assertThat(run("--json", "stat", "list").json()).isEqualTo(Map.of("stat_list", names));
  }

  @Test
  void read() {
    device.stats().group("app").counter("ticks").add(12345);
    device.stats().group("app").counter("drops");
    assertThat(run("stat", "read", "app")).isEqualTo(new Run(0, "app\nfield  value\nticks  12345\ndrops      0\n", ""));
    assertThat(run("--json", "stat", "read", "app").json())
        .isEqualTo(Map.of("name", "app", "fields", Map.of("ticks", 12345L, "drops", 0L)));
  }

  @Test
  void unknownGroup() {
    assertThat(run("stat", "read", "nope")).isEqualTo(new Run(ExitCodes.GROUP_ERROR, "",
        "mcumgr4j: device error: INVALID_STAT_NAME (group 2, rc 3)\n"));
    Run v1 = run("--smp-v1", "stat", "read", "nope");
    assertThat(v1.code()).isEqualTo(ExitCodes.RC_ERROR);
    assertThat(v1.err()).contains("ENOENT");
  }
}
