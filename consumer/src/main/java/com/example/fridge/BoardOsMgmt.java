package com.example.fridge;

import io.mcumgr4j.annotation.Command;
import io.mcumgr4j.annotation.MgmtGroup;
import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.annotation.Uint;
import io.mcumgr4j.groups.os.OsMgmt;

/** Zephyr's OS group with one board-specific command added. */
@MgmtGroup(id = 0, name = "os mgmt")
public interface BoardOsMgmt extends OsMgmt {

  /** The board's name and hardware revision. */
  @Command(id = 64, ops = Op.READ)
  BoardId boardId();

  /**
   * @param board the board's name
   * @param hwRev its hardware revision
   */
  record BoardId(String board, @Uint(bits = 8) int hwRev) {}
}
