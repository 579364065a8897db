package io.mcumgr4j.frame;

import io.mcumgr4j.annotation.Op;

/**
 * The 8-byte SMP header. All multi-byte fields are big-endian on the wire; byte 0 holds the
 * version in bits 4..3 and the op in bits 2..0 (bits 7..5 are reserved and sent as 0).
 *
 * @param op raw op code 0..7 (only 0..3 are defined; see {@link Op#fromCode})
 * @param version 0 = SMP v1 (legacy), 1 = SMP v2; 2 and 3 are reserved
 * @param flags flags byte (0 unless the experimental forwarding feature is used)
 * @param length payload length in bytes, header excluded (0..65535)
 * @param group group id (0..65535)
 * @param sequence sequence number (0..255)
 * @param command command id within the group (0..255)
 */
public record SmpHeader(
    int op, int version, int flags, int length, int group, int sequence, int command) {

  /** Size of the header on the wire. */
  public static final int SIZE = 8;
  /** Version bits of an SMP v1 (legacy) frame. */
  public static final int VERSION_1 = 0;
  /** Version bits of an SMP v2 frame. */
  public static final int VERSION_2 = 1;
  /** Largest payload the 16-bit length field can describe. */
  public static final int MAX_LENGTH = 0xFFFF;

  public SmpHeader {
    check("op", op, 7);
    check("version", version, 3);
    check("flags", flags, 0xFF);
    check("length", length, MAX_LENGTH);
    check("group", group, 0xFFFF);
    check("sequence", sequence, 0xFF);
    check("command", command, 0xFF);
  }

  private static void check(String field, int value, int max) {
    if (value < 0 || value > max) {
      throw new IllegalArgumentException(field + " " + value + " is outside 0.." + max);
    }
  }

  /** A request header. */
  public static SmpHeader request(Op op, int version, int group, int sequence, int command, int length) {
    return new SmpHeader(op.code(), version, 0, length, group, sequence, command);
  }

  /**
   * The header a server answers this request with: READ_RSP for a read, WRITE_RSP for any other
   * op (Zephyr's {@code smp_rsp_op}), group, sequence and command echoed, version {@code min(version,
   * 1)}, flags 0 (as Zephyr 4.4.0 does).
   */
  public SmpHeader response(int payloadLength) {
    int rspOp = op == Op.READ.code() ? Op.READ_RSP.code() : Op.WRITE_RSP.code();
    return new SmpHeader(rspOp, Math.min(version, VERSION_2), 0, payloadLength, group, sequence, command);
  }

  /** The op as an enum constant, or {@code null} for the undefined values 4..7. */
  public Op opCode() {
    return Op.fromCode(op);
  }

  /** Writes the 8 header bytes at {@code offset}. */
  public void encode(byte[] dst, int offset) {
    dst[offset] = (byte) ((version << 3) | op);
    dst[offset + 1] = (byte) flags;
    dst[offset + 2] = (byte) (length >>> 8);
    dst[offset + 3] = (byte) length;
    dst[offset + 4] = (byte) (group >>> 8);
    dst[offset + 5] = (byte) group;
    dst[offset + 6] = (byte) sequence;
    dst[offset + 7] = (byte) command;
  }

  /** The 8 header bytes. */
  public byte[] encode() {
    byte[] out = new byte[SIZE];
    encode(out, 0);
    return out;
  }

  /**
   * Reads a header. The reserved bits 7..5 of byte 0 are ignored, as Zephyr ignores them.
   *
   * @throws IllegalArgumentException if fewer than 8 bytes are available
   */
  public static SmpHeader decode(byte[] src, int offset, int available) {
    if (available < SIZE || offset < 0 || offset + SIZE > src.length) {
      throw new IllegalArgumentException("an SMP header needs 8 bytes, got " + available);
    }
    int b0 = src[offset] & 0xFF;
    return new SmpHeader(
        b0 & 0x07,
        (b0 >>> 3) & 0x03,
        src[offset + 1] & 0xFF,
        u16(src, offset + 2),
        u16(src, offset + 4),
        src[offset + 6] & 0xFF,
        src[offset + 7] & 0xFF);
  }

  /** Reads the header at the start of {@code src}. */
  public static SmpHeader decode(byte[] src) {
    return decode(src, 0, src.length);
  }

  private static int u16(byte[] b, int i) {
    return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
  }
}
