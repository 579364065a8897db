package io.mcumgr4j.samples.handlerdemo;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.error.GroupError;
import javax.annotation.processing.Generated;

/**
 * The errors of the {@code example} group (id 64), declared by {@link ExampleMgmt}: sent to SMP v2
 * clients as {@code err: {group, rc}}, to v1 clients as the {@code rc} of {@link #legacy()}.
 */
@Generated("io.mcumgr4j.processor.MgmtProcessor")
public enum ExampleMgmtError implements GroupError {
  /**
   * No error; never sent (rc 0; v1: {@code EOK}).
   */
  OK(0, MgmtErr.EOK),

  /**
   * Unknown error (rc 1; v1: {@code EUNKNOWN}).
   */
  UNKNOWN(1, MgmtErr.EUNKNOWN),

  /**
   * The value given is not wanted (rc 2; v1: {@code ENOENT}).
   */
  NOT_WANTED(2, MgmtErr.ENOENT),

  /**
   * A hook rejected the request (rc 3; v1: {@code EBADSTATE}).
   */
  REJECTED_BY_HOOK(3, MgmtErr.EBADSTATE);

  /**
   * The group id.
   */
  public static final int GROUP_ID = 64;

  private final int rc;

  private final MgmtErr legacy;

  ExampleMgmtError(int rc, MgmtErr legacy) {
    this.rc = rc;
    this.legacy = legacy;
  }

  @Override
  public int group() {
    return GROUP_ID;
  }

  @Override
  public int rc() {
    return rc;
  }

  @Override
  public MgmtErr legacy() {
    return legacy;
  }

  /**
   * The constant for {@code rc}, or {@code null} when the group declares no such code.
   */
  public static ExampleMgmtError forCode(int rc) {
    return switch (rc) {
      case 0 -> OK;
      case 1 -> UNKNOWN;
      case 2 -> NOT_WANTED;
      case 3 -> REJECTED_BY_HOOK;
      default -> null;
    };
  }
}
