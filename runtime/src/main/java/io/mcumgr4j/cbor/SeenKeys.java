package io.mcumgr4j.cbor;

/**
 * The keys a generated decoder has met in one map, as bits of an {@code int} (up to 32 keys) or a
 * {@code long} (up to 64) that the decoder keeps in a local: one call per key met, one per
 * required key at the end, and no allocation.
 */
public final class SeenKeys {

  private SeenKeys() {}

  /**
   * Adds the key of bit {@code bit} to {@code seen}.
   *
   * @return {@code seen} with the bit set
   * @throws io.mcumgr4j.error.MgmtException {@link DecodeErrors#duplicate} when the map had the key
   *     already (Zephyr's decoder rejects that too)
   */
  public static int add(int seen, int bit, String key) {
    if ((seen & bit) != 0) {
      throw DecodeErrors.duplicate(key);
    }
    return seen | bit;
  }

  /** {@link #add(int, int, String)} for maps of more than 32 keys. */
  public static long add(long seen, long bit, String key) {
    if ((seen & bit) != 0) {
      throw DecodeErrors.duplicate(key);
    }
    return seen | bit;
  }

  /**
   * Checks that the map had the required key of bit {@code bit}.
   *
   * @throws io.mcumgr4j.error.MgmtException {@link DecodeErrors#missing} when it did not
   */
  public static void require(int seen, int bit, String key) {
    if ((seen & bit) == 0) {
      throw DecodeErrors.missing(key);
    }
  }

  /** {@link #require(int, int, String)} for maps of more than 32 keys. */
  public static void require(long seen, long bit, String key) {
    if ((seen & bit) == 0) {
      throw DecodeErrors.missing(key);
    }
  }
}
