package io.mcumgr4j.simulator.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class OsInfoTest {

  @Test
  void ctimeIsZephyrsBuildTimeForm() {
    // As Zephyr 4.4.0 reported it (os/info(all) vector): the day padded with a space.
    assertThat(OsInfo.ctime(ZonedDateTime.of(2026, 6, 3, 22, 19, 37, 0, ZoneOffset.UTC)))
        .isEqualTo("Wed Jun  3 22:19:37 2026");
    assertThat(OsInfo.ctime(ZonedDateTime.of(2026, 10, 10, 8, 5, 9, 0, ZoneOffset.UTC)))
        .isEqualTo("Sat Oct 10 08:05:09 2026");
  }

  @Test
  void ofHostDescribesThisJvmAndNotZephyr() {
    OsInfo info = OsInfo.ofHost("0123456789ab");

    assertThat(info.kernelName()).isEqualTo("mcumgr4j");
    assertThat(info.operatingSystem()).isEqualTo("mcumgr4j");
    assertThat(info.nodeName()).isNotBlank();
    assertThat(info.kernelRelease()).isEqualTo("0123456789ab");
    assertThat(info.kernelVersion()).isEqualTo(Runtime.version().toString());
    assertThat(info.buildTime()).matches("[A-Z][a-z]{2} [A-Z][a-z]{2} [ 123]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}");
    assertThat(info.machine()).isEqualTo("jvm");
    assertThat(info.processor()).isEqualTo(System.getProperty("os.arch"));
    assertThat(info.hardwarePlatform())
        .isEqualTo(System.getProperty("os.name") + "/" + System.getProperty("os.arch"));
  }

  @Test
  void everyFieldIsRequired() {
    assertThatThrownBy(() -> OsInfo.ofHost(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new OsInfo("s", "n", "r", "v", "b", "m", "p", "i", null))
        .isInstanceOf(NullPointerException.class);
  }
}
