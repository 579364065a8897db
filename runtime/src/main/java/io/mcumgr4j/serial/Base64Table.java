package io.mcumgr4j.serial;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The standard base64 alphabet (RFC 4648 section 4) as bytes, both ways. The frame codecs work on
 * it directly because they encode and decode one 3-byte group at a time while streaming, which
 * {@link java.util.Base64} does not offer without intermediate arrays.
 */
final class Base64Table {

  static final byte[] ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
          .getBytes(StandardCharsets.US_ASCII);

  static final byte PAD = '=';

  /** Value 0..63 of each byte 0..255, or -1 for bytes outside the alphabet. */
  static final byte[] VALUES = new byte[256];

  static {
    Arrays.fill(VALUES, (byte) -1);
    for (int i = 0; i < ALPHABET.length; i++) {
      VALUES[ALPHABET[i]] = (byte) i;
    }
  }

  private Base64Table() {}
}
