package test.extension;

import io.mcumgr4j.annotation.Command;
import io.mcumgr4j.annotation.ErrorCode;
import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.annotation.MgmtGroup;
import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.annotation.Param;

/** Adds a command and an error to the base group. */
@MgmtGroup(id = 70, name = "base",
    errors = @ErrorCode(value = 3, name = "EXTRA_FAILED", legacy = MgmtErr.EINVAL))
public interface ExtendedMgmt extends BaseMgmt {

  /** Does something extra. */
  @Command(id = 1, ops = Op.WRITE, hook = true)
  void extra(@Param("amount") int amount);

  /** A default method is the interface's own business. */
  default Info quietInfo() {
    return info(false);
  }
}
