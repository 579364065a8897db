package io.mcumgr4j.simulator.zephyr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.groups.zephyr.ZephyrBasicMgmtClient;
import io.mcumgr4j.groups.zephyr.ZephyrBasicMgmtDispatcher;
import io.mcumgr4j.groups.zephyr.ZephyrBasicMgmtError;
import io.mcumgr4j.simulator.settings.SettingsStore;
import io.mcumgr4j.simulator.testing.UdpLink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Zephyr basic group served over UDP. */
class SimulatedZephyrBasicMgmtTest {

  private static final HexFormat HEX = HexFormat.of();

  @TempDir
  Path dir;
  private Path file;
  private SettingsStore store;
  private UdpLink udp;
  private ZephyrBasicMgmtClient basic;

  @BeforeEach
  void start() throws Exception {
    file = dir.resolve("settings.bin");
    store = new SettingsStore(file, Set.of("app"), 32, 32);
    udp = UdpLink.serving(new ZephyrBasicMgmtDispatcher(new SimulatedZephyrBasicMgmt(store)));
    basic = new ZephyrBasicMgmtClient(udp.client());
  }

  @AfterEach
  void stop() {
    udp.close();
  }

  @Test
  void eraseStorageClearsTheFileAndLeavesMemoryUntilARestart() {
    store.write("app/saved", new byte[] {1});
    store.save();
    store.write("app/unsaved", new byte[] {2});

    byte[] payload = udp.client().send(Op.WRITE, 63, 0, HEX.parseHex("a0")).payload();

    assertThat(HEX.formatHex(payload)).isEqualTo("bfff");
    assertThat(file).doesNotExist();
    assertThat(store.values()).containsOnlyKeys("app/saved", "app/unsaved");   // RAM, as on a board
    store.reload();
    assertThat(store.values()).isEmpty();
  }

  @Test
  void eraseOfAnEmptyStorageSucceeds() {
    basic.eraseStorage();
    new ZephyrBasicMgmtClient(udp.clientV1()).eraseStorage();

    assertThat(file).doesNotExist();
  }

  @Test
  void aFileThatCannotBeDeletedIsFlashEraseFailed() throws Exception {
    store.write("app/a", new byte[] {1});
    Files.createDirectories(file.resolve("occupied"));   // a non-empty directory cannot be deleted

    assertThatThrownBy(() -> basic.eraseStorage()).isInstanceOfSatisfying(GroupErrorException.class, e -> {
      assertThat(e.error()).isSameAs(ZephyrBasicMgmtError.FLASH_ERASE_FAILED);
      assertThat(e.error().group()).isEqualTo(63);
      assertThat(e.error().rc()).isEqualTo(4);
    });
    assertThat(store.read("app/a")).containsExactly(1);
  }

  @Test
  void v1GetsTheErrMapBecauseZephyrTranslatesFlashEraseFailedToEok() throws Exception {
    Files.createDirectories(file.resolve("occupied"));

    byte[] payload = udp.clientV1().send(Op.WRITE, 63, 0, HEX.parseHex("a0")).payload();

    // {err: {group: 63, rc: 4}}, no rc
    assertThat(HEX.formatHex(payload)).isEqualTo("bf63657272bf6567726f7570183f62726304ffff");
    assertThatThrownBy(() -> new ZephyrBasicMgmtClient(udp.clientV1()).eraseStorage())
        .isInstanceOfSatisfying(GroupErrorException.class,
            e -> assertThat(e.error()).isSameAs(ZephyrBasicMgmtError.FLASH_ERASE_FAILED));
  }
}
