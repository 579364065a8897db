package test.alltypes;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.error.GroupError;
import javax.annotation.processing.Generated;

/**
 * The errors of the {@code all_types} group (id 100), declared by {@link AllTypesMgmt}: sent to SMP v2
 * clients as {@code err: {group, rc}}, to v1 clients as the {@code rc} of {@link #legacy()}.
 */
@Generated("io.mcumgr4j.processor.MgmtProcessor")
public enum AllTypesMgmtError implements GroupError {
  /**
   * No error; never sent (rc 0; v1: {@code EOK}).
   */
  OK(0, MgmtErr.EOK),

  /**
   * Unknown error (rc 1; v1: {@code EUNKNOWN}).
   */
  UNKNOWN(1, MgmtErr.EUNKNOWN),

  /**
   * Nothing left (rc 2; v1: {@code ENOENT}).
   */
  OUT_OF_STOCK(2, MgmtErr.ENOENT),

  /**
   * TOO_HOT (rc 300; v1: {@code EBADSTATE}).
   */
  TOO_HOT(300, MgmtErr.EBADSTATE),

  /**
   * LAST_CODE (rc 65535; v1: {@code EUNKNOWN}).
   */
  LAST_CODE(65535, MgmtErr.EUNKNOWN);

  /**
   * The group id.
   */
  public static final int GROUP_ID = 100;

  private final int rc;

  private final MgmtErr legacy;

  AllTypesMgmtError(int rc, MgmtErr legacy) {
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
  public static AllTypesMgmtError forCode(int rc) {
    return switch (rc) {
      case 0 -> OK;
      case 1 -> UNKNOWN;
      case 2 -> OUT_OF_STOCK;
      case 300 -> TOO_HOT;
      case 65535 -> LAST_CODE;
      default -> null;
    };
  }
}
