package io.mcumgr4j.annotation;

/**
 * The SMP v1 result codes ({@code enum mcumgr_err_t} in Zephyr's {@code mgmt_defines.h}): the
 * {@code rc} of a {@code {rc, rsn?}} response, and the legacy translation target of every group
 * error.
 */
public enum MgmtErr {
  /** No error (0). */
  EOK(0),
  /** Unknown error (1). */
  EUNKNOWN(1),
  /** Not enough memory (2). */
  ENOMEM(2),
  /** Invalid argument (3). */
  EINVAL(3),
  /** Operation timed out (4). */
  ETIMEOUT(4),
  /** No such file or entry (5). */
  ENOENT(5),
  /** Current state disallows the command (6). */
  EBADSTATE(6),
  /** Response too large (7). */
  EMSGSIZE(7),
  /** Command not supported (8). */
  ENOTSUP(8),
  /** Corrupt request (9). */
  ECORRUPT(9),
  /** Busy: retry later (10). */
  EBUSY(10),
  /** Access denied (11). */
  EACCESSDENIED(11),
  /** Requested SMP version too old (12). */
  UNSUPPORTED_TOO_OLD(12),
  /** Requested SMP version too new (13). */
  UNSUPPORTED_TOO_NEW(13),
  /** First user-defined code (256). */
  EPERUSER(256);

  private final int code;

  MgmtErr(int code) {
    this.code = code;
  }

  /** The value sent as {@code rc}. */
  public int code() {
    return code;
  }

  /**
   * The constant for an {@code rc} value.
   *
   * @return the constant, or {@code null} when the value has no name here (user codes above 256)
   */
  public static MgmtErr fromCode(int code) {
    if (code >= 0 && code <= 13) {
      return values()[code];
    }
    return code == 256 ? EPERUSER : null;
  }
}
