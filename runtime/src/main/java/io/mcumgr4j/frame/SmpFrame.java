package io.mcumgr4j.frame;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One SMP message: a header and exactly {@code header.length()} payload bytes (CBOR for every
 * group Zephyr defines).
 */
public record SmpFrame(SmpHeader header, byte[] payload) {

  public SmpFrame {
    if (payload.length != header.length()) {
      throw new IllegalArgumentException(
          "header says " + header.length() + " payload bytes, got " + payload.length);
    }
  }

  /** A frame whose header length is set from the payload. */
  public static SmpFrame of(int op, int version, int group, int sequence, int command, byte[] payload) {
    return new SmpFrame(new SmpHeader(op, version, 0, payload.length, group, sequence, command), payload);
  }

  /** Header followed by payload. */
  public byte[] encode() {
    byte[] out = new byte[SmpHeader.SIZE + payload.length];
    header.encode(out, 0);
    System.arraycopy(payload, 0, out, SmpHeader.SIZE, payload.length);
    return out;
  }

  /**
   * Reads one whole frame that fills {@code packet} exactly.
   *
   * @throws IllegalArgumentException when the packet is shorter than a header or its length
   *     differs from the header's
   */
  public static SmpFrame decode(byte[] packet) {
    SmpHeader header = SmpHeader.decode(packet);
    int available = packet.length - SmpHeader.SIZE;
    if (available != header.length()) {
      throw new IllegalArgumentException(
          "header says " + header.length() + " payload bytes, packet holds " + available);
    }
    return new SmpFrame(header, Arrays.copyOfRange(packet, SmpHeader.SIZE, packet.length));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SmpFrame f && header.equals(f.header) && Arrays.equals(payload, f.payload);
  }

  @Override
  public int hashCode() {
    return 31 * header.hashCode() + Arrays.hashCode(payload);
  }

  @Override
  public String toString() {
    return "SmpFrame[" + header + ", payload=" + HexFormat.of().formatHex(payload) + "]";
  }
}
