package io.mcumgr4j.error;

/**
 * Keys a group error's response carries beside {@code err}, e.g. the {@code len} Zephyr's file
 * upload answers with a wrong offset. The server hands {@link #writeTo} a writer into the response
 * map; the keys follow {@code err}.
 */
@FunctionalInterface
public interface ErrorEntries {

  /** Writes the keys and their values. */
  void writeTo(EntryWriter out);

  /** Writes one key and its value per call into the response map. */
  interface EntryWriter {

    /** {@code key: value} as an unsigned integer (0..2^64-1, the bits of {@code value}). */
    EntryWriter uint(String key, long value);

    /** {@code key: value} as a text string. */
    EntryWriter text(String key, String value);

    /** {@code key: value} as a byte string. */
    EntryWriter bytes(String key, byte[] value);
  }
}
