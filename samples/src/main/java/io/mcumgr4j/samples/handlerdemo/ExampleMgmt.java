package io.mcumgr4j.samples.handlerdemo;

import io.mcumgr4j.annotation.Command;
import io.mcumgr4j.annotation.ErrorCode;
import io.mcumgr4j.annotation.Field;
import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.annotation.MgmtGroup;
import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.annotation.Param;
import io.mcumgr4j.annotation.Uint;
import java.util.OptionalLong;

/**
 * Zephyr's handler_demo group ({@code tests/subsys/mgmt/mcumgr/handler_demo}), declared once in
 * Java: group 64, two commands, two group errors and a callback hook on {@code other}.
 */
@MgmtGroup(id = 64, name = "example",
    errors = {
        @ErrorCode(value = 2, name = "NOT_WANTED", legacy = MgmtErr.ENOENT, doc = "The value given is not wanted"),
        @ErrorCode(value = 3, name = "REJECTED_BY_HOOK", legacy = MgmtErr.EBADSTATE, doc = "A hook rejected the request")
    })
public interface ExampleMgmt {

  /**
   * Checks a value: above 50 it is not wanted.
   *
   * @param value any unsigned 32-bit value
   * @param text a non-empty text
   * @return 4691
   */
  @Command(id = 0, ops = Op.READ)
  TestResult test(@Param("uint_key") @Uint long value, @Param("string_key") String text);

  /**
   * Returns some dummy data; its hook lets the application refuse it.
   *
   * @param userValue an optional unsigned 32-bit value
   * @return the dummy text
   */
  @Command(id = 1, ops = Op.WRITE, hook = true)
  OtherResult other(@Param(value = "user_value", required = false) @Uint OptionalLong userValue);

  /** The response of {@link #test}. */
  record TestResult(@Field("return_int") int returnInt) {}

  /** The response of {@link #other}. */
  record OtherResult(@Field("return_string") String returnString) {}
}
