package com.example.fridge;

import io.mcumgr4j.annotation.Command;
import io.mcumgr4j.annotation.ErrorCode;
import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.annotation.MgmtGroup;
import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.annotation.Param;
import java.util.List;

/** A fridge's management group: its target temperature and the doors' log. */
@MgmtGroup(id = 72, name = "fridge",
    errors = @ErrorCode(value = 2, name = "TOO_WARM", legacy = MgmtErr.EINVAL, doc = "Above 12 degrees"))
public interface FridgeMgmt {

  /** Sets the target temperature, in tenths of a degree Celsius. */
  @Command(id = 0, ops = Op.WRITE, hook = true)
  void setTarget(@Param("deci_c") int deciCelsius);

  /** The target temperature and the last door openings. */
  @Command(id = 1, ops = Op.READ)
  State state();

  /**
   * @param deciC the target, in tenths of a degree Celsius
   * @param doors seconds since boot of the last door openings, oldest first
   */
  record State(int deciC, List<Integer> doors) {}
}
