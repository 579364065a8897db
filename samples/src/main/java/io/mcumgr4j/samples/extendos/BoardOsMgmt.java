package io.mcumgr4j.samples.extendos;

import io.mcumgr4j.annotation.Command;
import io.mcumgr4j.annotation.Field;
import io.mcumgr4j.annotation.MgmtGroup;
import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.annotation.Uint;
import io.mcumgr4j.groups.os.OsMgmt;

/**
 * Zephyr's OS group (0) with one board-specific command added, as an application adds a handler to
 * a built-in group. The id and name are the OS group's, so clients that know only {@link OsMgmt}
 * keep working; the event group (2, the inherited reset hook's) comes from {@link OsMgmt}.
 * Command 64 is clear of the ids Zephyr's OS group uses (0..8).
 */
@MgmtGroup(id = 0, name = "os mgmt")
public interface BoardOsMgmt extends OsMgmt {

  /** The command id of {@link #boardId}, for code that registers by id. */
  int BOARD_ID = 64;

  /** Identifies the board: its name, hardware revision and unique id. */
  @Command(id = BOARD_ID, ops = Op.READ)
  BoardId boardId();

  /**
   * Response of {@link #boardId}.
   *
   * @param board the board's name, as Zephyr's {@code CONFIG_BOARD}
   * @param hwRev the hardware revision
   * @param uid the SoC's unique id (Zephyr's {@code hwinfo_get_device_id})
   */
  record BoardId(String board, @Field("hw_rev") @Uint(bits = 8) int hwRev, byte[] uid) {}
}
