package io.mcumgr4j.cbor;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.error.MgmtException;

/**
 * The {@code EINVAL} failures generated decoders raise, worded alike everywhere. A server answers
 * them as {@code rc} 3; a client reports them as a malformed response.
 */
public final class DecodeErrors {

  private DecodeErrors() {}

  /** A required key is absent. */
  public static MgmtException missing(String key) {
    return new MgmtException(MgmtErr.EINVAL, "'" + key + "' is required");
  }

  /** A key appears twice in one map (Zephyr's decoder rejects that too). */
  public static MgmtException duplicate(String key) {
    return new MgmtException(MgmtErr.EINVAL, "'" + key + "' appears twice");
  }

  /** An enum-coded value has no constant. */
  public static MgmtException unknownCode(String key, long code) {
    return new MgmtException(MgmtErr.EINVAL, "'" + key + "' = " + code + " is not a known code");
  }
}
