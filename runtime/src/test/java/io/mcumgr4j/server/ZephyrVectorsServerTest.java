package io.mcumgr4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcumgr4j.testing.Vectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our server's bytes against Zephyr 4.4.0's, for the commands the hand-written groups implement
 * and for commands and groups that are absent (which Zephyr answers with exactly {@code {rc:8}}).
 */
class ZephyrVectorsServerTest {

  private final SmpServer server = TestGroups.server(
      ServerConfig.DEFAULT.withBufSize(2048).withBufCount(2));

  @AfterEach
  void close() {
    server.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "os/echo", "os/echo(empty)", "os/echo(after bench)",
      "os/mcumgr_params", "connect/mcumgr_params(auto)"})
  void implementedCommandsAnswerZephyrsExactBytes(String name) {
    Vectors.Exchange e = Vectors.get("udp", name);
    assertThat(Packets.process(server, e.requestBytes()))
        .containsExactly(Packets.hex(e.responseBytes()));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"os/mpstat", "os/datetime_read", "os/bootloader_info", "img/state_read"})
  void absentCommandsAndGroupsAnswerZephyrsRc8(String name) {
    Vectors.Exchange e = Vectors.get("udp", name);
    // guard: these vectors really are Zephyr's {rc:8} with the header echoed
    assertThat(Packets.hex(e.responsePayload())).isEqualTo("bf62726308ff");

    assertThat(Packets.process(server, e.requestBytes()))
        .containsExactly(Packets.hex(e.responseBytes()));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "stat/group_data(missing)", "settings/write", "settings/read", "settings/read(missing)",
      "settings/save", "fs/download(missing file)"})
  void groupErrorsAnswerZephyrsExactErrMap(String name) {
    Vectors.Exchange e = Vectors.get("udp", name);
    // the vector's payload is BF 63 'err' BF 65 'group' <g> 62 'rc' <rc> FF FF: take g and rc
    byte[] p = e.responsePayload();
    assertThat(Packets.hex(p)).startsWith("bf63657272bf6567726f7570").endsWith("ffff");
    int group = p[12] & 0xFF;
    int rc = p[16] & 0xFF;
    server.register(new TestGroups.FailingGroup(group, rc));

    assertThat(Packets.process(server, e.requestBytes()))
        .containsExactly(Packets.hex(e.responseBytes()));
  }

  @Test
  void paramsReportTheConfiguredBuffers() {
    try (SmpServer serial = TestGroups.server(ServerConfig.DEFAULT.withBufSize(384).withBufCount(4))) {
      // {buf_size: 384, buf_count: 4}, as the serial build of the sample reports
      assertThat(Packets.process(serial, "0800000100000306a0")).containsExactly(
          "0900001900000306bf686275665f73697a65190180696275665f636f756e7404ff");
    }
  }
}
