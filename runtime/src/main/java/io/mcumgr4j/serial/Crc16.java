package io.mcumgr4j.serial;

import java.util.Objects;

/**
 * CRC-16/XMODEM (Zephyr's {@code crc16_itu_t} with seed 0): polynomial 0x1021, initial value 0,
 * most significant bit first, no final XOR. The serial transport sends it big-endian after the
 * packet, so a receiver running the CRC over {@code packet || crc} gets 0.
 */
public final class Crc16 {

  private static final int[] TABLE = new int[256];

  static {
    for (int i = 0; i < 256; i++) {
      int crc = i << 8;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
      }
      TABLE[i] = crc & 0xFFFF;
    }
  }

  private Crc16() {}

  /** The CRC of {@code len} bytes of {@code b} from {@code off}. */
  public static int compute(byte[] b, int off, int len) {
    return update(0, b, off, len);
  }

  /** Continues {@code crc} (0..0xFFFF) over {@code len} more bytes; returns 0..0xFFFF. */
  public static int update(int crc, byte[] b, int off, int len) {
    Objects.checkFromIndexSize(off, len, b.length);
    int c = crc & 0xFFFF;
    for (int i = off, end = off + len; i < end; i++) {
      c = ((c << 8) ^ TABLE[((c >>> 8) ^ b[i]) & 0xFF]) & 0xFFFF;
    }
    return c;
  }

  /** Continues {@code crc} (0..0xFFFF) over one byte (its low 8 bits); returns 0..0xFFFF. */
  public static int update(int crc, int b) {
    int c = crc & 0xFFFF;
    return ((c << 8) ^ TABLE[((c >>> 8) ^ b) & 0xFF]) & 0xFFFF;
  }
}
