package io.mcumgr4j.serial;

import java.io.ByteArrayOutputStream;
import java.util.Base64;

/**
 * An independent model of Zephyr's {@code mcumgr_serial_tx_pkt} (serial_util.c), kept close to the
 * C control flow so the encoder's arithmetic can be checked against it for every packet size:
 * a per-frame input budget of 93 bytes of which the first frame spends 3 on the length and first
 * packet byte, 3-byte groups encoded one at a time, and one group held back when the CRC would
 * not fit. {@code continuationBudget} replaces the 90 that Zephyr's budget keeps after the first
 * frame, to model a sender that fills continuation lines.
 */
final class ZephyrTxModel {

  private ZephyrTxModel() {}

  static byte[] frames(byte[] data, int continuationBudget) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int len = data.length;
    int crc = Crc16.compute(data, 0, len);
    int maxInput = 93;
    int srcOff = 0;
    boolean first = true;
    while (srcOff < len) {
      out.writeBytes(first ? new byte[] {6, 9} : new byte[] {4, 20});
      if (first) {
        small(out, (len + 2) >> 8, (len + 2) & 0xFF, data[0] & 0xFF);
        srcOff++;
        maxInput -= 3;
      } else {
        maxInput = continuationBudget;
      }
      int toProcess = Math.min(maxInput, len - srcOff);
      int reminder = maxInput - (len - srcOff);
      boolean last = false;
      if (reminder == 0 || reminder == 1) {
        toProcess -= 1;
      } else if (reminder >= 2) {
        last = true;
      }
      while (toProcess >= 3) {
        small(out, data[srcOff] & 0xFF, data[srcOff + 1] & 0xFF, data[srcOff + 2] & 0xFF);
        srcOff += 3;
        toProcess -= 3;
      }
      if (last) {
        switch (len - srcOff) {
          case 0 -> small(out, crc >> 8, crc & 0xFF);
          case 1 -> small(out, data[srcOff++] & 0xFF, crc >> 8, crc & 0xFF);
          default -> {
            small(out, data[srcOff++] & 0xFF, data[srcOff++] & 0xFF, crc >> 8);
            small(out, crc & 0xFF);
          }
        }
      }
      out.write('\n');
      first = false;
    }
    return out.toByteArray();
  }

  private static void small(ByteArrayOutputStream out, int... bytes) {
    byte[] raw = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      raw[i] = (byte) bytes[i];
    }
    out.writeBytes(Base64.getEncoder().encode(raw));
  }
}
