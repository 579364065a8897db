package io.mcumgr4j.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.client.MalformedResponseException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * The raw command's JSON and CBOR, transcoded token by token with Jackson's streaming parsers.
 *
 * <p>JSON to CBOR, as clients encode requests: objects become definite-length maps with text keys,
 * arrays definite-length arrays, integers the shortest CBOR integer (-2^64 to 2^64 - 1, exactly),
 * other numbers double-precision floats, {@code true}/{@code false}/{@code null} themselves, and
 * strings text strings, except that a string starting with {@value #HEX_PREFIX} is a byte string of
 * the hex digits after the prefix ({@code "hex:"} alone is an empty one). The CBOR is written by the
 * runtime's {@link CborWriter}, the codec of every request, because Jackson's generator writes
 * integers beyond a {@code long} as bignum tags and cannot size a map it has not seen whole.
 *
 * <p>CBOR to JSON goes back the same way, read by Jackson's {@link CBORParser}, so a response can be
 * edited and sent again: byte strings become {@code "hex:..."} strings (lowercase), integers keep
 * their exact value, floats of any precision become JSON numbers, {@code undefined} becomes {@code
 * null}, tags are dropped. As Jackson reads them, a map key that is not text shows as its text and an
 * unassigned simple value as its number. A text string that itself starts with {@value #HEX_PREFIX}
 * cannot be told from a byte string in JSON. No SMP group sends any of these.
 */
final class RawTranscoder {

  /** The prefix that marks a JSON string as a CBOR byte string. */
  static final String HEX_PREFIX = "hex:";

  private static final HexFormat HEX = HexFormat.of();
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final CBORFactory CBOR = new CBORFactory();

  private RawTranscoder() {}

  /**
   * A JSON object as a request payload.
   *
   * @throws IllegalArgumentException in one line, with the line and column, for text that is not
   *     one JSON object or holds a value this mapping cannot carry (bad hex, an integer outside
   *     -2^64..2^64-1)
   */
  static byte[] toCbor(String json) {
    try {
      Iterator<Integer> sizes = containerSizes(json).iterator();
      CborWriter out = CborWriter.forRequest();
      try (JsonParser p = JSON.createParser(json)) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          throw new IllegalArgumentException("the payload must be a JSON object, as SMP payloads are maps");
        }
        int depth = 0;
        do {
          depth += writeToken(p, out, sizes);
        } while (depth > 0 && p.nextToken() != null);
      }
      return out.toByteArray();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(describe(e), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the parser's current token; returns how it changes the container depth. */
  private static int writeToken(JsonParser p, CborWriter out, Iterator<Integer> sizes) throws IOException {
    switch (p.currentToken()) {
      case START_OBJECT -> {
        out.beginMap(sizes.next());
        return 1;
      }
      case START_ARRAY -> {
        out.beginArray(sizes.next());
        return 1;
      }
      case END_OBJECT -> {
        out.endMap();
        return -1;
      }
      case END_ARRAY -> {
        out.endArray();
        return -1;
      }
      case FIELD_NAME -> out.key(p.currentName());
      case VALUE_NUMBER_INT -> writeInteger(p.getBigIntegerValue(), out, p);
      case VALUE_NUMBER_FLOAT -> out.float64(p.getDoubleValue());
      case VALUE_TRUE, VALUE_FALSE -> out.bool(p.getBooleanValue());
      case VALUE_NULL -> out.nul();
      case VALUE_STRING -> writeString(p.getText(), out, p);
      default -> throw new IllegalArgumentException("unexpected JSON " + p.currentToken() + at(p));
    }
    return 0;
  }

  private static void writeInteger(BigInteger n, CborWriter out, JsonParser p) {
    if (n.bitLength() < 64) {
      out.integer(n.longValue());
    } else if (n.signum() > 0 && n.compareTo(TWO_64) < 0) {
      out.uint(n.longValue()); // 2^63..2^64-1: the long's bits are the unsigned value
    } else if (n.signum() < 0 && n.negate().compareTo(TWO_64) <= 0) {
      // -2^64..-2^63-1: major type 1 with the argument -1-n, which a long holds only unsigned
      long argument = n.negate().subtract(BigInteger.ONE).longValue();
      byte[] head = new byte[9];
      head[0] = 0x3B;
      for (int i = 0; i < 8; i++) {
        head[8 - i] = (byte) (argument >>> (8 * i));
      }
      out.raw(head, 0, head.length);
    } else {
      throw new IllegalArgumentException("integer " + n + " is outside -2^64..2^64-1" + at(p));
    }
  }

  private static void writeString(String s, CborWriter out, JsonParser p) {
    if (!s.startsWith(HEX_PREFIX)) {
      out.text(s);
      return;
    }
    try {
      out.bytes(HEX.parseHex(s.substring(HEX_PREFIX.length())));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("\"" + s + "\" is not hex:HEXDIGITS (an even number of hex digits)" + at(p));
    }
  }

  /**
   * The entry count of every object and array in {@code json}, in the order they open: a first
   * pass, so that the second can write definite lengths as clients do.
   */
  private static List<Integer> containerSizes(String json) throws IOException {
    List<Integer> sizes = new ArrayList<>();
    Deque<int[]> open = new ArrayDeque<>(); // {index into sizes, 1 for an object}
    try (JsonParser p = JSON.createParser(json)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        int[] parent = open.peek();
        boolean counts = parent != null && (parent[1] == 1 ? t == JsonToken.FIELD_NAME : !t.isStructEnd());
        if (counts) {
          sizes.set(parent[0], sizes.get(parent[0]) + 1);
        }
        if (t.isStructStart()) {
          sizes.add(0);
          open.push(new int[] {sizes.size() - 1, t == JsonToken.START_OBJECT ? 1 : 0});
        } else if (t.isStructEnd()) {
          open.pop();
        }
        if (open.isEmpty()) {
          JsonToken extra = p.nextToken();
          if (extra != null) {
            throw new IllegalArgumentException("unexpected " + p.getText() + " after the JSON object" + at(p));
          }
          break;
        }
      }
    }
    return sizes;
  }

  /**
   * A response payload as JSON text, compact or indented by two spaces.
   *
   * @throws MalformedResponseException if the payload is not one CBOR item JSON can show
   */
  static String toJson(byte[] payload, boolean pretty) {
    StringWriter text = new StringWriter();
    try (CBORParser p = CBOR.createParser(payload); JsonGenerator g = JsonValues.generator(text, pretty)) {
      if (p.nextToken() == null) {
        throw new MalformedResponseException("response is empty");
      }
      int depth = 0;
      do {
        depth += copyToken(p, g);
      } while (depth > 0 && p.nextToken() != null);
      if (depth > 0) {
        throw new MalformedResponseException("response ends inside a map or array");
      }
    } catch (JsonProcessingException e) {
      // a byte offset would say more than a line and column here, and the device's bytes are short
      throw new MalformedResponseException("response does not decode: " + e.getOriginalMessage().lines().findFirst()
          .orElse("").strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** Copies the parser's current token; returns how it changes the container depth. */
  private static int copyToken(CBORParser p, JsonGenerator g) throws IOException {
    switch (p.currentToken()) {
      case START_OBJECT -> {
        g.writeStartObject();
        return 1;
      }
      case START_ARRAY -> {
        g.writeStartArray();
        return 1;
      }
      case END_OBJECT -> {
        g.writeEndObject();
        return -1;
      }
      case END_ARRAY -> {
        g.writeEndArray();
        return -1;
      }
      case FIELD_NAME -> g.writeFieldName(p.currentName());
      case VALUE_NUMBER_INT -> {
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          g.writeNumber(p.getBigIntegerValue());
        } else {
          g.writeNumber(p.getLongValue());
        }
      }
      case VALUE_NUMBER_FLOAT -> g.writeNumber(p.getDoubleValue());
      case VALUE_EMBEDDED_OBJECT -> g.writeString(HEX_PREFIX + HEX.formatHex(p.getBinaryValue()));
      case VALUE_STRING -> g.writeString(p.getText());
      case VALUE_TRUE, VALUE_FALSE -> g.writeBoolean(p.getBooleanValue());
      case VALUE_NULL -> g.writeNull();
      default -> throw new MalformedResponseException("response has a CBOR " + p.currentToken()
          + ", which JSON cannot show");
    }
    return 0;
  }

  /** Jackson's message without its source excerpt, and where it happened. */
  private static String describe(JsonProcessingException e) {
    JsonLocation where = e.getLocation();
    String message = e.getOriginalMessage().lines().findFirst().orElse("").strip();
    return where == null ? message : message + " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
  }

  private static String at(JsonParser p) {
    JsonLocation where = p.currentLocation();
    return " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
  }
}
