package io.mcumgr4j.error;

import io.mcumgr4j.annotation.MgmtErr;

/** A {@link GroupError} known only by its group and code; its v1 translation is EUNKNOWN. */
record RawGroupError(int group, int rc) implements GroupError {

  @Override
  public MgmtErr legacy() {
    return MgmtErr.EUNKNOWN;
  }

  @Override
  public String name() {
    return "group " + group + " error " + rc;
  }
}
