package io.mcumgr4j.gatt;

import java.io.IOException;
import java.util.Arrays;

/** Cuts a packet into GATT values of at most {@code ATT_MTU - 3} bytes, the ATT header's share. */
public final class Fragments {

  /** The smallest ATT MTU, which every link supports. */
  public static final int MIN_ATT_MTU = 23;
  /** The largest ATT MTU, and with it the longest attribute value (512) plus the header. */
  public static final int MAX_ATT_MTU = 517;
  /** The bytes of a write or notification that are not its value. */
  public static final int ATT_HEADER = 3;

  private Fragments() {}

  /** Where the values go: a link's write or notify. */
  @FunctionalInterface
  public interface ValueSink {
    void accept(byte[] value) throws IOException;
  }

  /** Checks an ATT MTU and returns the largest value it carries. */
  public static int valueSize(int attMtu) {
    if (attMtu < MIN_ATT_MTU || attMtu > MAX_ATT_MTU) {
      throw new IllegalArgumentException("ATT MTU " + attMtu + " outside " + MIN_ATT_MTU + ".." + MAX_ATT_MTU);
    }
    return attMtu - ATT_HEADER;
  }

  /** Hands {@code packet[offset, offset + length)} to {@code values} in pieces of at most {@code valueSize}. */
  public static void split(byte[] packet, int offset, int length, int valueSize, ValueSink values)
      throws IOException {
    for (int at = offset; at < offset + length; at += valueSize) {
      values.accept(Arrays.copyOfRange(packet, at, Math.min(at + valueSize, offset + length)));
    }
  }
}
