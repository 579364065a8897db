package io.mcumgr4j.cbor;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.error.MgmtException;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Pull reader of one CBOR payload on Jackson's streaming {@link CBORParser}, shaped for SMP
 * request and response maps: walk a map key by key, read each value with a typed, range-checked
 * call, skip what is not wanted. Definite and indefinite lengths are read alike.
 *
 * <p>Every failure, malformed CBOR included, is a {@link MgmtException} with {@link
 * MgmtErr#EINVAL} and a reason naming the key, which is what a Zephyr handler answers when its
 * request does not decode.
 */
public final class CborReader implements AutoCloseable {

  private static final CBORFactory FACTORY =
      CBORFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

  private final CBORParser parser;
  private final byte[] source;
  private JsonToken peeked;
  private String key;

  private CborReader(byte[] source, int offset, int length) {
    this.source = source;
    try {
      this.parser = FACTORY.createParser(source, offset, length);
    } catch (IOException e) {
      throw malformed(e);
    }
  }

  /** A reader of {@code length} bytes of {@code source} from {@code offset}. */
  public static CborReader of(byte[] source, int offset, int length) {
    return new CborReader(source, offset, length);
  }

  /** A reader of the whole array. */
  public static CborReader of(byte[] source) {
    return new CborReader(source, 0, source.length);
  }

  /** Enters the map that must come next (the whole payload, or a map-valued key). */
  public void beginMap() {
    JsonToken t = next();
    if (t != JsonToken.START_OBJECT) {
      throw wrongType("a map", t);
    }
  }

  /**
   * Moves to the next key of the current map.
   *
   * @return the key, or {@code null} when the map has ended
   */
  public String nextKey() {
    JsonToken t = next();
    if (t == JsonToken.END_OBJECT) {
      key = null;
      return null;
    }
    if (t != JsonToken.FIELD_NAME) {
      throw invalid("map key expected, got " + describe(t));
    }
    try {
      key = parser.currentName();
    } catch (IOException e) {
      throw malformed(e);
    }
    return key;
  }

  /** The key whose value is read next, for messages; {@code null} outside a map. */
  public String currentKey() {
    return key;
  }

  /** Enters the array that must come next. */
  public void beginArray() {
    JsonToken t = next();
    if (t != JsonToken.START_ARRAY) {
      throw wrongType("an array", t);
    }
  }

  /**
   * Whether the current array has another item; when it does, the item is read next.
   */
  public boolean hasNextItem() {
    JsonToken t = next();
    if (t == JsonToken.END_ARRAY) {
      return false;
    }
    peeked = t;
    return true;
  }

  /** Whether the next value is CBOR {@code null} (or {@code undefined}); consumes it if so. */
  public boolean nextIsNull() {
    JsonToken t = next();
    if (t == JsonToken.VALUE_NULL) {
      return true;
    }
    peeked = t;
    return false;
  }

  /** An unsigned integer in {@code 0..max} ({@code max} at most {@link Long#MAX_VALUE}). */
  public long uint(long max) {
    JsonToken t = next();
    if (t != JsonToken.VALUE_NUMBER_INT) {
      throw wrongType("an unsigned integer", t);
    }
    try {
      if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
        throw outOfRange(parser.getBigIntegerValue().toString(), 0, max);
      }
      long v = parser.getLongValue();
      if (v < 0 || v > max) {
        throw outOfRange(Long.toString(v), 0, max);
      }
      return v;
    } catch (IOException e) {
      throw malformed(e);
    }
  }

  /** An unsigned 32-bit integer (0..4294967295). */
  public long uint32() {
    return uint(0xFFFF_FFFFL);
  }

  /** An unsigned 16-bit integer. */
  public int uint16() {
    return (int) uint(0xFFFF);
  }

  /** An unsigned 8-bit integer. */
  public int uint8() {
    return (int) uint(0xFF);
  }

  /**
   * An unsigned 64-bit integer, returned as the same 64 bits in a {@code long} (values of 2^63
   * and above come out negative; read them with {@link Long#toUnsignedString(long)}).
   */
  public long uint64() {
    JsonToken t = next();
    if (t != JsonToken.VALUE_NUMBER_INT) {
      throw wrongType("an unsigned integer", t);
    }
    try {
      if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
        BigInteger v = parser.getBigIntegerValue();
        if (v.signum() < 0 || v.compareTo(TWO_64) >= 0) {
          throw invalid("'" + key + "' = " + v + " is not an unsigned 64-bit integer");
        }
        return v.longValue();
      }
      long v = parser.getLongValue();
      if (v < 0) {
        throw invalid("'" + key + "' = " + v + " is negative, an unsigned integer is expected");
      }
      return v;
    } catch (IOException e) {
      throw malformed(e);
    }
  }

  /** A signed integer in {@code min..max} (CBOR major type 0 or 1). */
  public long integer(long min, long max) {
    JsonToken t = next();
    if (t != JsonToken.VALUE_NUMBER_INT) {
      throw wrongType("an integer", t);
    }
    try {
      if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
        throw outOfRange(parser.getBigIntegerValue().toString(), min, max);
      }
      long v = parser.getLongValue();
      if (v < min || v > max) {
        throw outOfRange(Long.toString(v), min, max);
      }
      return v;
    } catch (IOException e) {
      throw malformed(e);
    }
  }

  /** A signed 32-bit integer. */
  public int int32() {
    return (int) integer(Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  /** A signed 64-bit integer. */
  public long int64() {
    return integer(Long.MIN_VALUE, Long.MAX_VALUE);
  }

  /** A boolean. */
  public boolean bool() {
    JsonToken t = next();
    if (t == JsonToken.VALUE_TRUE) {
      return true;
    }
    if (t == JsonToken.VALUE_FALSE) {
      return false;
    }
    throw wrongType("a boolean", t);
  }

  /** A text string. */
  public String text() {
    JsonToken t = next();
    if (t != JsonToken.VALUE_STRING) {
      throw wrongType("a text string", t);
    }
    try {
      return parser.getText();
    } catch (IOException e) {
      throw malformed(e);
    }
  }

  /** A byte string. */
  public byte[] bytes() {
    JsonToken t = next();
    if (t != JsonToken.VALUE_EMBEDDED_OBJECT) {
      throw wrongType("a byte string", t);
    }
    try {
      return parser.getBinaryValue();
    } catch (IOException e) {
      throw malformed(e);
    }
  }

  /** A floating-point number (half, single or double precision). */
  public double float64() {
    JsonToken t = next();
    if (t != JsonToken.VALUE_NUMBER_FLOAT) {
      throw wrongType("a floating-point number", t);
    }
    try {
      return parser.getDoubleValue();
    } catch (IOException e) {
      throw malformed(e);
    }
  }

  /** Skips the next value, whole maps and arrays included. */
  public void skipValue() {
    JsonToken t = next();
    try {
      if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
        parser.skipChildren();
      } else if (t == null || t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
        throw invalid("a value was expected, got " + describe(t));
      }
    } catch (IOException e) {
      throw malformed(e);
    }
  }

  /** The next value's encoded bytes, copied verbatim (the raw-CBOR escape hatch). */
  public byte[] rawValue() {
    JsonToken t = next();
    try {
      int start = (int) parser.currentTokenLocation().getByteOffset();
      if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
        parser.skipChildren();
      } else if (t == null || t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
        throw invalid("a value was expected, got " + describe(t));
      } else {
        parser.finishToken();
      }
      int end = (int) parser.currentLocation().getByteOffset();
      // Jackson counts offsets from the start of the array, not from the parser's first byte
      return Arrays.copyOfRange(source, start, end);
    } catch (IOException e) {
      throw malformed(e);
    }
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      // a parser over a byte array holds nothing that could fail to close
    }
  }

  private JsonToken next() {
    JsonToken t = peeked;
    if (t != null) {
      peeked = null;
      return t;
    }
    try {
      return parser.nextToken();
    } catch (IOException e) {
      throw malformed(e);
    }
  }

  private MgmtException wrongType(String expected, JsonToken got) {
    String where = key == null ? "payload" : "'" + key + "'";
    return invalid(where + " must be " + expected + ", got " + describe(got));
  }

  private MgmtException outOfRange(String value, long min, long max) {
    return invalid("'" + key + "' = " + value + " is outside " + min + ".." + max);
  }

  private static String describe(JsonToken t) {
    if (t == null) {
      return "the end of the payload";
    }
    return switch (t) {
      case START_OBJECT -> "a map";
      case START_ARRAY -> "an array";
      case END_OBJECT, END_ARRAY -> "the end of a container";
      case VALUE_STRING -> "a text string";
      case VALUE_EMBEDDED_OBJECT -> "a byte string";
      case VALUE_NUMBER_INT -> "an integer";
      case VALUE_NUMBER_FLOAT -> "a floating-point number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      case FIELD_NAME -> "a map key";
      default -> t.name();
    };
  }

  private static MgmtException invalid(String reason) {
    return new MgmtException(MgmtErr.EINVAL, reason);
  }

  private static MgmtException malformed(IOException e) {
    String detail = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    return invalid("malformed CBOR: " + detail);
  }
}
