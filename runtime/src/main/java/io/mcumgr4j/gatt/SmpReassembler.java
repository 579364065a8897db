package io.mcumgr4j.gatt;

import io.mcumgr4j.frame.SmpHeader;
import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Puts SMP packets back together from GATT values (notifications on the client, writes on the
 * device), by the length in the SMP header, as Zephyr's {@code smp_reassembly} does: a packet may
 * span several values, and a value never carries the end of one packet and the start of another.
 *
 * <p>A packet starts at the first byte that can begin a header of the expected ops (reserved bits
 * and flags 0, version 0 or 1), so bytes before it in a value (a stale tail, noise) are skipped. A
 * value that goes on past the announced length has its extra bytes dropped; a header announcing
 * more than {@code maxPacket} drops the packet. Not thread-safe: one link feeds it in order.
 */
public final class SmpReassembler {

  private static final System.Logger LOG = System.getLogger(SmpReassembler.class.getName());

  private final int maxPacket;
  private final int firstOp;
  private final Consumer<byte[]> packets;
  private byte[] buffer = new byte[0];
  private int have;
  /** The whole packet's length once its header is in, else -1. */
  private int need = -1;

  /**
   * @param maxPacket the largest packet, header included, accepted
   * @param responses whether the packets are responses (ops 1 and 3) or requests (ops 0 and 2)
   * @param packets receives each whole packet, on the feeding thread
   */
  public SmpReassembler(int maxPacket, boolean responses, Consumer<byte[]> packets) {
    if (maxPacket < SmpHeader.SIZE) {
      throw new IllegalArgumentException("maxPacket " + maxPacket + " is smaller than a header");
    }
    this.maxPacket = maxPacket;
    this.firstOp = responses ? 1 : 0;
    this.packets = packets;
  }

  /** Takes one GATT value. */
  public void feed(byte[] value) {
    int from = 0;
    if (have == 0) {
      from = headerStart(value);
      if (from < 0) {
        LOG.log(Level.DEBUG, () -> "dropped " + value.length + " bytes that start no SMP packet");
        return;
      }
    }
    append(value, from, value.length - from);
    if (need < 0 && have >= SmpHeader.SIZE) {
      need = SmpHeader.SIZE + SmpHeader.decode(buffer, 0, have).length();
      if (need > maxPacket) {
        int announced = need;
        LOG.log(Level.DEBUG, () -> "dropped a packet announcing " + announced + " bytes, over " + maxPacket);
        reset();
        return;
      }
    }
    if (need >= 0 && have >= need) {
      if (have > need) {
        int extra = have - need;
        LOG.log(Level.DEBUG, () -> "dropped " + extra + " bytes past the packet's announced length");
      }
      byte[] packet = Arrays.copyOf(buffer, need);
      reset();
      packets.accept(packet);
    }
  }

  /** Drops a packet in progress, e.g. when the link reconnects. */
  public void reset() {
    have = 0;
    need = -1;
  }

  private void append(byte[] value, int from, int length) {
    if (buffer.length < have + length) {
      buffer = Arrays.copyOf(buffer, Math.min(Math.max(2 * buffer.length, have + length), maxPacket + length));
    }
    System.arraycopy(value, from, buffer, have, length);
    have += length;
  }

  /** Where the first plausible header in {@code value} starts, or -1. */
  private int headerStart(byte[] value) {
    for (int i = 0; i < value.length; i++) {
      int b0 = value[i] & 0xFF;
      int op = b0 & 0x07;
      boolean plausible = (b0 & 0xE0) == 0 && ((b0 >>> 3) & 0x03) <= 1 && (op == firstOp || op == firstOp + 2)
          && (i + 1 >= value.length || value[i + 1] == 0);
      if (plausible) {
        return i;
      }
    }
    return -1;
  }
}
