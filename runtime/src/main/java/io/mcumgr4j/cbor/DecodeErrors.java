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

  /**
   * Marks the key of bit {@code bit} as seen in a map being decoded: returns {@code seen} with the
   * bit set, or throws {@link #duplicate} when it was set already (the generated decoders' check,
   * one call per key).
   */
  public static int once(int seen, int bit, String key) {
    if ((seen & bit) != 0) {
      throw duplicate(key);
    }
    return seen | bit;
  }

  /** {@link #once(int, int, String)} for maps of more than 32 keys. */
  public static long once(long seen, long bit, String key) {
    if ((seen & bit) != 0) {
      throw duplicate(key);
    }
    return seen | bit;
  }

  /** An enum-coded value has no constant. */
  public static MgmtException unknownCode(String key, long code) {
    return new MgmtException(MgmtErr.EINVAL, "'" + key + "' = " + code + " is not a known code");
  }
}
