package io.mcumgr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code mcumgr4j enum ...} against a simulated device, in-process. */
class EnumCommandTest extends CliDeviceTest {

  @Test
  void aloneItPrintsEveryGroupsDetails() {
    Run human = run("enum");
    assertThat(human.code()).isZero();
    List<String> lines = human.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("group  name               handlers");
    assertThat(lines).contains("    0  os mgmt                   9", "   63  zephyr basic mgmt         1");
    assertThat(lines).hasSize(9);

    List<?> groups = (List<?>) run("--json", "enum").json().get("groups");
    assertThat(groups).hasSize(8).first()
        .isEqualTo(Map.of("group", 10L, "name", "enum mgmt", "handlers", 4L));
    assertThat(run("--json", "enum", "details").json()).isEqualTo(run("--json", "enum").json());
  }

  @Test
  void detailsOfSomeGroups() {
    assertThat(run("enum", "details", "63", "0", "1000").out())
        .isEqualTo("group  name               handlers\n    0  os mgmt                   9\n"
            + "   63  zephyr basic mgmt         1\n");
    assertThat(run("--json", "enum", "details", "63").json()).isEqualTo(Map.of("groups",
        List.of(Map.of("group", 63L, "name", "zephyr basic mgmt", "handlers", 1L))));
  }

  @Test
  void countListSingle() {
    assertThat(run("enum", "count").out()).isEqualTo("8\n");
    assertThat(run("--json", "enum", "count").json()).isEqualTo(Map.of("count", 8L));
    assertThat(run("enum", "list").out()).isEqualTo("10 1 8 0 3 9 2 63\n");
    assertThat(run("--json", "enum", "list").json())
        .isEqualTo(Map.of("groups", List.of(10L, 1L, 8L, 0L, 3L, 9L, 2L, 63L)));
    assertThat(run("enum", "single").out()).isEqualTo("10\n");
    assertThat(run("enum", "single", "7").out()).isEqualTo("63 (the last)\n");
    assertThat(run("--json", "enum", "single", "7").json()).isEqualTo(Map.of("group", 63L, "end", true));
    assertThat(run("--json", "enum", "single", "1").json()).isEqualTo(Map.of("group", 1L, "end", false));
    Run past = run("enum", "single", "8");
    assertThat(past.code()).isEqualTo(ExitCodes.GROUP_ERROR);
    assertThat(past.err()).contains("INDEX_TOO_LARGE");
  }
}
