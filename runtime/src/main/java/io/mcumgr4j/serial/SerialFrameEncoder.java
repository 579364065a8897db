package io.mcumgr4j.serial;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Turns one SMP packet into console frames as Zephyr's {@code mcumgr_serial_tx_pkt} does.
 *
 * <p>The body {@code len(2, BE) || packet || crc16(packet)(2, BE)}, {@code len} = packet size + 2,
 * is base64-encoded and cut into lines {@code marker || base64 || '\n'} of at most 127 bytes; the
 * first line's marker is {@code 06 09}, every other line's {@code 04 14}. Each line carries a whole
 * number of 3-byte groups, so {@code =} padding only ever appears at the end of the last line.
 *
 * <p>The first line carries up to 93 body bytes (124 base64 characters). Continuation lines carry
 * up to the <em>continuation budget</em>: Zephyr's own sender keeps the 3-byte cut it took for the
 * length in the first line and so puts only 90 bytes in each continuation ({@link #zephyr()}),
 * while clients such as smpclient fill every line to 93 ({@link #client()}). Both use Zephyr's rule
 * for the CRC: it is never split across lines, and when the rest of the body exceeds a line's
 * budget by 1 or 2 bytes that line takes 3 bytes fewer, leaving the CRC to the last line with data
 * in front of it.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class SerialFrameEncoder {

  /** Longest line, marker and newline included ({@code MCUMGR_SERIAL_MAX_FRAME}). */
  public static final int MAX_LINE_LENGTH = 127;
  /** Most body bytes one line can carry: (127 - 2 marker - 1 newline) / 4 * 3. */
  public static final int MAX_LINE_BUDGET = (MAX_LINE_LENGTH - 3) / 4 * 3;
  /** Body bytes per continuation line in Zephyr's sender. */
  public static final int ZEPHYR_CONTINUATION_BUDGET = MAX_LINE_BUDGET - 3;
  /** Longest packet the 16-bit length field (which counts the CRC) can describe. */
  public static final int MAX_PACKET_LENGTH = 0xFFFF - 2;

  static final byte FIRST_1 = 0x06;
  static final byte FIRST_2 = 0x09;
  static final byte CONTINUATION_1 = 0x04;
  static final byte CONTINUATION_2 = 0x14;

  private static final SerialFrameEncoder ZEPHYR = new SerialFrameEncoder(ZEPHYR_CONTINUATION_BUDGET);
  private static final SerialFrameEncoder CLIENT = new SerialFrameEncoder(MAX_LINE_BUDGET);

  private final int continuationBudget;

  /**
   * An encoder whose continuation lines carry at most {@code continuationBudget} body bytes.
   *
   * @param continuationBudget a multiple of 3 from 6 to {@value #MAX_LINE_BUDGET}
   */
  public SerialFrameEncoder(int continuationBudget) {
    if (continuationBudget < 6 || continuationBudget > MAX_LINE_BUDGET || continuationBudget % 3 != 0) {
      throw new IllegalArgumentException(
          "continuation budget must be a multiple of 3 in 6.." + MAX_LINE_BUDGET + ": " + continuationBudget);
    }
    this.continuationBudget = continuationBudget;
  }

  /** Frames as Zephyr sends them: 93 body bytes in the first line, 90 in each continuation. */
  public static SerialFrameEncoder zephyr() {
    return ZEPHYR;
  }

  /** Frames as a client such as smpclient sends them: 93 body bytes in every line. */
  public static SerialFrameEncoder client() {
    return CLIENT;
  }

  /** Body bytes per continuation line. */
  public int continuationBudget() {
    return continuationBudget;
  }

  /** Bytes on the wire for a packet of {@code packetLength} bytes. */
  public int encodedLength(int packetLength) {
    checkLength(packetLength);
    int body = packetLength + 4;
    int total = 0;
    int budget = MAX_LINE_BUDGET;
    for (int pos = 0; pos < body; budget = continuationBudget) {
      int take = lineTake(body - pos, budget);
      total += 3 + (take + 2) / 3 * 4;
      pos += take;
    }
    return total;
  }

  /** The frames for {@code packet}. */
  public byte[] encode(byte[] packet) {
    return encode(packet, 0, packet.length);
  }

  /** The frames for {@code len} bytes of {@code packet} from {@code off}. */
  public byte[] encode(byte[] packet, int off, int len) {
    byte[] out = new byte[encodedLength(len)];
    encode(packet, off, len, out, 0);
    return out;
  }

  /**
   * Writes the frames into {@code dst} from {@code dstOff}, which must have room for
   * {@link #encodedLength(int) encodedLength(len)} bytes; returns that count.
   */
  public int encode(byte[] packet, int off, int len, byte[] dst, int dstOff) {
    Objects.checkFromIndexSize(off, len, packet.length);
    Objects.checkFromIndexSize(dstOff, encodedLength(len), dst.length);
    Body body = new Body(packet, off, len);
    int at = dstOff;
    int budget = MAX_LINE_BUDGET;
    for (int pos = 0; pos < body.size; budget = continuationBudget) {
      int take = lineTake(body.size - pos, budget);
      at = encodeLine(body, pos, take, dst, at);
      pos += take;
    }
    return at - dstOff;
  }

  /**
   * Writes the frames to {@code out} one line per {@code write} call, without allocating the whole
   * output; does not flush. For an unbuffered stream, one {@code write} of {@link #encode(byte[],
   * int, int)} costs fewer system calls.
   */
  public void encode(byte[] packet, int off, int len, OutputStream out) throws IOException {
    Objects.checkFromIndexSize(off, len, packet.length);
    checkLength(len);
    Body body = new Body(packet, off, len);
    byte[] line = new byte[MAX_LINE_LENGTH];
    int budget = MAX_LINE_BUDGET;
    for (int pos = 0; pos < body.size; budget = continuationBudget) {
      int take = lineTake(body.size - pos, budget);
      out.write(line, 0, encodeLine(body, pos, take, line, 0));
      pos += take;
    }
  }

  /**
   * How many of the {@code remaining} body bytes the next line carries. When the rest exceeds the
   * budget by only 1 or 2 bytes, a full line would split the CRC or leave it alone in the last
   * line; Zephyr then cuts one group short so the CRC travels with the final data bytes.
   */
  private static int lineTake(int remaining, int budget) {
    if (remaining <= budget) {
      return remaining;
    }
    return remaining - budget <= 2 ? budget - 3 : budget;
  }

  private static int encodeLine(Body body, int pos, int take, byte[] dst, int at) {
    boolean first = pos == 0;
    dst[at++] = first ? FIRST_1 : CONTINUATION_1;
    dst[at++] = first ? FIRST_2 : CONTINUATION_2;
    for (int end = pos + take; pos < end; pos += 3) {
      int n = Math.min(3, end - pos);
      int group = body.at(pos) << 16;
      if (n > 1) {
        group |= body.at(pos + 1) << 8;
      }
      if (n > 2) {
        group |= body.at(pos + 2);
      }
      dst[at++] = Base64Table.ALPHABET[group >>> 18];
      dst[at++] = Base64Table.ALPHABET[(group >>> 12) & 0x3F];
      dst[at++] = n > 1 ? Base64Table.ALPHABET[(group >>> 6) & 0x3F] : Base64Table.PAD;
      dst[at++] = n > 2 ? Base64Table.ALPHABET[group & 0x3F] : Base64Table.PAD;
    }
    dst[at++] = '\n';
    return at;
  }

  private static void checkLength(int packetLength) {
    if (packetLength < 1 || packetLength > MAX_PACKET_LENGTH) {
      throw new IllegalArgumentException(
          "packet length must be 1.." + MAX_PACKET_LENGTH + ": " + packetLength);
    }
  }

  /** The body {@code len || packet || crc} read in place, without copying the packet. */
  private static final class Body {
    private final byte[] packet;
    private final int off;
    private final int len;
    private final int crc;
    final int size;

    Body(byte[] packet, int off, int len) {
      this.packet = packet;
      this.off = off;
      this.len = len;
      this.crc = Crc16.compute(packet, off, len);
      this.size = len + 4;
    }

    int at(int i) {
      if (i < 2) {
        return i == 0 ? (len + 2) >>> 8 : (len + 2) & 0xFF;
      }
      int p = i - 2;
      if (p < len) {
        return packet[off + p] & 0xFF;
      }
      return p == len ? crc >>> 8 : crc & 0xFF;
    }
  }
}
