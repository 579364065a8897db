package io.mcumgr4j.samples.testing;

import io.mcumgr4j.cbor.CborReader;
import io.mcumgr4j.cbor.CborWriter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/** Hand-built request payloads and raw views of payloads, for tests that pin the bytes. */
public final class Wire {

  private Wire() {}

  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /** A definite-length map of {@code entries} pairs, which {@code body} writes. */
  public static byte[] map(int entries, Consumer<CborWriter> body) {
    CborWriter out = CborWriter.forRequest();
    out.startMap(entries);
    body.accept(out);
    return out.toByteArray();
  }

  /** The hex of a server's {@code {rc}} answer (indefinite map, no {@code rsn}) for an rc below 24. */
  public static String rcResponse(int rc) {
    return String.format("bf627263%02xff", rc);
  }

  /** The keys of a CBOR map, in wire order. */
  public static List<String> keys(byte[] map) {
    List<String> keys = new ArrayList<>();
    CborReader in = CborReader.of(map);
    in.beginMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      keys.add(key);
      in.skipValue();
    }
    return keys;
  }
}
