package io.mcumgr4j.cbor;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One encoded CBOR value, carried verbatim: the escape hatch for a parameter or field whose shape
 * the annotation model does not describe. Read with {@link CborReader#rawValue()}, written with
 * {@link CborWriter#raw(byte[], int, int)}.
 *
 * @param encoded the value's bytes (exactly one CBOR item)
 */
public record RawCbor(byte[] encoded) {

  public RawCbor {
    encoded = encoded.clone();
  }

  /** The value's bytes (a copy). */
  @Override
  public byte[] encoded() {
    return encoded.clone();
  }

  /** Writes the value. */
  public void writeTo(CborWriter out) {
    out.raw(encoded, 0, encoded.length);
  }

  /** Reads the next value. */
  public static RawCbor readFrom(CborReader in) {
    return new RawCbor(in.rawValue());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RawCbor r && Arrays.equals(encoded, r.encoded);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encoded);
  }

  @Override
  public String toString() {
    return "RawCbor[" + HexFormat.of().formatHex(encoded) + "]";
  }
}
