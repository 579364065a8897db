package io.mcumgr4j.cli;

import io.mcumgr4j.cbor.CborReader;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.client.MalformedResponseException;
import io.mcumgr4j.error.MgmtException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw command's mapping between JSON values (as {@link JsonValues} reads them) and CBOR.
 *
 * <p>JSON to CBOR, as clients encode requests: objects become definite-length maps with text
 * keys, arrays definite-length arrays, integers the shortest CBOR integer (unsigned up to
 * 2^64 - 1), other numbers double-precision floats, {@code true}/{@code false}/{@code null}
 * themselves, and strings text strings, except that a string starting with {@value #HEX_PREFIX}
 * is a byte string of the hex digits after the prefix ({@code "hex:"} alone is an empty one).
 *
 * <p>CBOR to JSON goes back the same way, so a response can be edited and sent again: byte
 * strings become {@code "hex:..."} strings (lowercase), unsigned integers of 2^63 and above keep
 * their exact value, floats of any precision become JSON numbers, {@code undefined} becomes
 * {@code null}, tags are dropped. Map keys must be text, as in every SMP payload. A text string
 * that itself starts with {@value #HEX_PREFIX} cannot be told from a byte string in JSON; no SMP
 * group sends one.
 */
final class RawCodec {

  /** The prefix that marks a JSON string as a CBOR byte string. */
  static final String HEX_PREFIX = "hex:";

  private static final HexFormat HEX = HexFormat.of();
  private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private RawCodec() {}

  /**
   * {@code value} encoded as a request payload.
   *
   * @throws IllegalArgumentException for a value CBOR or this mapping cannot carry (bad hex, an
   *     integer outside -2^63..2^64-1)
   */
  static byte[] encode(Object value) {
    CborWriter out = CborWriter.forRequest();
    encode(out, value);
    return out.toByteArray();
  }

  private static void encode(CborWriter out, Object value) {
    if (value == null) {
      out.nul();
    } else if (value instanceof Map<?, ?> map) {
      out.beginMap(map.size());
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.key((String) e.getKey());
        encode(out, e.getValue());
      }
      out.endMap();
    } else if (value instanceof List<?> list) {
      out.beginArray(list.size());
      for (Object item : list) {
        encode(out, item);
      }
      out.endArray();
    } else if (value instanceof Long n) {
      out.integer(n);
    } else if (value instanceof BigInteger n) {
      // beyond a long: only 2^63..2^64-1 fit CBOR's integers (negative ones reach -2^64, which no SMP key uses)
      if (n.signum() < 0 || n.compareTo(UINT64_MAX) > 0) {
        throw new IllegalArgumentException("integer " + n + " is outside -2^63..2^64-1");
      }
      out.uint(n.longValue());
    } else if (value instanceof Double d) {
      out.float64(d);
    } else if (value instanceof Boolean b) {
      out.bool(b);
    } else if (value instanceof String s && s.startsWith(HEX_PREFIX)) {
      try {
        out.bytes(HEX.parseHex(s.substring(HEX_PREFIX.length())));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("\"" + s + "\" is not hex:HEXDIGITS (an even number of hex digits)", e);
      }
    } else {
      out.text(value.toString());
    }
  }

  /**
   * The CBOR item in {@code payload} as a JSON value.
   *
   * @throws MalformedResponseException if it does not decode or has a non-text map key
   */
  static Object decode(byte[] payload) {
    try {
      CborReader in = CborReader.of(payload);
      return read(in);
    } catch (MgmtException e) {
      throw new MalformedResponseException("response does not decode: " + e.reason());
    }
  }

  private static Object read(CborReader in) {
    return switch (in.peekType()) {
      case UINT -> {
        long v = in.uint64();
        yield v >= 0 ? (Object) v : new BigInteger(Long.toUnsignedString(v));
      }
      case NINT -> in.int64();
      case BYTES -> HEX_PREFIX + HEX.formatHex(in.bytes());
      case TEXT -> in.text();
      case ARRAY -> {
        List<Object> list = new ArrayList<>();
        in.beginArray();
        while (in.hasNextItem()) {
          list.add(read(in));
        }
        yield list;
      }
      case MAP -> {
        Map<String, Object> map = new LinkedHashMap<>();
        in.beginMap();
        for (String key = in.nextKey(); key != null; key = in.nextKey()) {
          map.put(key, read(in));
        }
        yield map;
      }
      // peekType() skips tags, so TAG is never seen; SIMPLE is a boolean, null, float or another simple value
      case TAG, SIMPLE -> readSimple(in);
    };
  }

  private static Object readSimple(CborReader in) {
    if (in.nextIsNull()) {
      return null;
    }
    if (in.nextIsBoolean()) {
      return in.bool();
    }
    if (in.nextIsFloat()) {
      return in.float64();
    }
    throw new MalformedResponseException("response has a CBOR simple value 0x" + HEX.toHexDigits(in.rawValue()[0])
        + ", which JSON cannot show");
  }
}
