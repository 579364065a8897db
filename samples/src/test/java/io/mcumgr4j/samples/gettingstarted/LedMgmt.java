package io.mcumgr4j.samples.gettingstarted;

import io.mcumgr4j.annotation.Command;
import io.mcumgr4j.annotation.MgmtGroup;
import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.annotation.Param;
import io.mcumgr4j.annotation.Uint;

/** The first group of docs/getting-started.md, kept here so the guide's code is compiled and run. */
@MgmtGroup(id = 70, name = "led")
public interface LedMgmt {

  @Command(id = 0, ops = Op.WRITE)
  void set(@Param("on") boolean on);

  @Command(id = 1, ops = Op.READ)
  State state();

  record State(boolean on, @Uint long switches) {}
}
