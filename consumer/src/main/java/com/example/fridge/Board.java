package com.example.fridge;

import io.mcumgr4j.groups.os.OsMgmt;

/** The added OS command; the inherited ones go to the OS group it is built on. */
public final class Board extends BoardOsMgmtForwarding {

  public Board(OsMgmt os) {
    super(os);
  }

  @Override
  public BoardId boardId() {
    return new BoardId("fridge_board", 3);
  }
}
