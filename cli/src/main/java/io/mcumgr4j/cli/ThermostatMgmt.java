package io.mcumgr4j.cli;

import io.mcumgr4j.annotation.Command;
import io.mcumgr4j.annotation.ErrorCode;
import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.annotation.MgmtGroup;
import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.annotation.Param;

/**
 * The demo's custom group: an application group declared once, served next to the built-in ones
 * and called through its generated client. (The demo cannot use the samples module's groups:
 * nothing depends on samples.)
 */
@MgmtGroup(id = 100, name = "thermostat",
    errors = @ErrorCode(value = 2, name = "OUT_OF_RANGE", legacy = MgmtErr.EINVAL,
        doc = "The target is outside 5..30 degrees"))
interface ThermostatMgmt {

  /** Sets the target temperature, in tenths of a degree. */
  @Command(id = 0, ops = Op.WRITE, hook = true)
  void setTarget(@Param("target") int tenths);

  /** The target and the measured temperature, in tenths of a degree. */
  @Command(id = 1, ops = Op.READ)
  Reading read();

  /** Response of {@link #read}. */
  record Reading(int target, int measured) {}
}
