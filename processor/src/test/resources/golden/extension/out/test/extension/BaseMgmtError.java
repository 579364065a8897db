package test.extension;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.error.GroupError;
import javax.annotation.processing.Generated;

/**
 * The errors of the {@code base} group (id 70), declared by {@link BaseMgmt}: sent to SMP v2
 * clients as {@code err: {group, rc}}, to v1 clients as the {@code rc} of {@link #legacy()}.
 */
@Generated("io.mcumgr4j.processor.MgmtProcessor")
public enum BaseMgmtError implements GroupError {
  /**
   * No error; never sent (rc 0; v1: {@code EOK}).
   */
  OK(0, MgmtErr.EOK),

  /**
   * Unknown error (rc 1; v1: {@code EUNKNOWN}).
   */
  UNKNOWN(1, MgmtErr.EUNKNOWN),

  /**
   * BUSY_NOW (rc 2; v1: {@code EUNKNOWN}).
   */
  BUSY_NOW(2, MgmtErr.EUNKNOWN);

  /**
   * The group id.
   */
  public static final int GROUP_ID = 70;

  private final int rc;

  private final MgmtErr legacy;

  BaseMgmtError(int rc, MgmtErr legacy) {
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
  public static BaseMgmtError forCode(int rc) {
    return switch (rc) {
      case 0 -> OK;
      case 1 -> UNKNOWN;
      case 2 -> BUSY_NOW;
      default -> null;
    };
  }
}
