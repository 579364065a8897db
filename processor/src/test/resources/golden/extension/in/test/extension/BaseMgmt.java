package test.extension;

import io.mcumgr4j.annotation.Command;
import io.mcumgr4j.annotation.ErrorCode;
import io.mcumgr4j.annotation.MgmtGroup;
import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.annotation.Param;

/** A base group: one command, one error. */
@MgmtGroup(id = 70, name = "base", errors = @ErrorCode(value = 2, name = "BUSY_NOW"))
public interface BaseMgmt {

  /** Reads the base information. */
  @Command(id = 0, ops = Op.READ)
  Info info(@Param("verbose") boolean verbose);

  /** The response of {@link #info}. */
  record Info(String version) {}
}
