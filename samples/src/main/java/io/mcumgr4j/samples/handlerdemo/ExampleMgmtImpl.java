package io.mcumgr4j.samples.handlerdemo;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.error.MgmtException;
import java.util.OptionalLong;

/** The handler_demo behaviour: {@code test} wants values up to 50 and a non-empty text. */
public final class ExampleMgmtImpl implements ExampleMgmt {

  @Override
  public TestResult test(long value, String text) {
    if (text.isEmpty()) {
      throw new MgmtException(MgmtErr.EINVAL, "string_key is empty");
    }
    if (value > 50) {
      throw new GroupErrorException(ExampleMgmtError.NOT_WANTED);
    }
    return new TestResult(4691);
  }

  @Override
  public OtherResult other(OptionalLong userValue) {
    return new OtherResult("some dummy data!");
  }
}
