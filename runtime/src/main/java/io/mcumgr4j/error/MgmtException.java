package io.mcumgr4j.error;

import io.mcumgr4j.annotation.MgmtErr;

/**
 * An SMP v1 style failure, {@code {rc, rsn?}}. A handler throws it to fail a command; a client
 * throws it when a response carries a non-zero {@code rc}.
 */
public class MgmtException extends SmpException {

  private final int rc;
  private final String reason;

  public MgmtException(MgmtErr err, String reason) {
    this(err.code(), reason);
  }

  public MgmtException(MgmtErr err) {
    this(err.code(), null);
  }

  /** For codes without a {@link MgmtErr} name (hooks may return any 32-bit value). */
  public MgmtException(int rc, String reason) {
    super(message(rc, reason));
    this.rc = rc;
    this.reason = reason;
  }

  private static String message(int rc, String reason) {
    MgmtErr err = MgmtErr.fromCode(rc);
    String name = err != null ? "MGMT_ERR_" + err.name() + " (" + rc + ")" : "rc " + rc;
    return reason == null || reason.isEmpty() ? name : name + ": " + reason;
  }

  /** The {@code rc} value. */
  public int rc() {
    return rc;
  }

  /** The named code, or {@code null} when {@link #rc()} has no name. */
  public MgmtErr err() {
    return MgmtErr.fromCode(rc);
  }

  /** The {@code rsn} text, or {@code null}. */
  public String reason() {
    return reason;
  }
}
