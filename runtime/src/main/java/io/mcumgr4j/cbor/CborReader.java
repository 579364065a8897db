package io.mcumgr4j.cbor;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.error.MgmtException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Pull reader of one CBOR payload, shaped for SMP request and response maps: walk a map key by
 * key, read each value with a typed, range-checked call, skip what is not wanted. Definite and
 * indefinite lengths are read alike; tags are skipped.
 *
 * <p>Every failure, malformed or truncated CBOR included, is a {@link MgmtException} with {@link
 * MgmtErr#EINVAL} and a reason naming the key, which is what a Zephyr handler answers when its
 * request does not decode. Lengths are checked against the bytes present before anything is
 * allocated, so a request cannot make the reader allocate more than its own size.
 *
 * <p>Hand-written rather than on Jackson's {@code CBORParser}: a new Jackson parser per request
 * cost about 760 bytes of allocation and most of the dispatch time (docs/performance.md). This
 * reader allocates only what it returns (strings, byte arrays) and, for keys seen before, not
 * even those: keys come from a small shared cache of interned strings. One instance can be
 * {@link #reset} and reused, as the server does per worker thread.
 */
public final class CborReader {

  private static final int MAJOR_UINT = 0;
  private static final int MAJOR_NINT = 1;
  private static final int MAJOR_BYTES = 2;
  private static final int MAJOR_TEXT = 3;
  private static final int MAJOR_ARRAY = 4;
  private static final int MAJOR_MAP = 5;
  private static final int MAJOR_TAG = 6;
  private static final int MAJOR_SIMPLE = 7;
  private static final int INDEFINITE = 31;
  private static final int BREAK = 0xFF;
  /** Deepest nesting accepted; deeper input is refused rather than recursed into. */
  private static final int MAX_DEPTH = 32;

  private byte[] buf;
  private int pos;
  private int end;
  private String key;
  /** Items left in each open container, -1 for indefinite length; index {@code depth - 1}. */
  private final long[] remaining = new long[MAX_DEPTH];
  private int depth;

  /** An empty reader, to be {@link #reset} before use. */
  public CborReader() {
    this.buf = new byte[0];
  }

  /** A reader of {@code length} bytes of {@code source} from {@code offset}. */
  public static CborReader of(byte[] source, int offset, int length) {
    return new CborReader().reset(source, offset, length);
  }

  /** A reader of the whole array. */
  public static CborReader of(byte[] source) {
    return of(source, 0, source.length);
  }

  /** Points this reader at new input, forgetting all state. */
  public CborReader reset(byte[] source, int offset, int length) {
    if (offset < 0 || length < 0 || offset + length > source.length) {
      throw new IndexOutOfBoundsException("offset " + offset + ", length " + length + ", array " + source.length);
    }
    this.buf = source;
    this.pos = offset;
    this.end = offset + length;
    this.key = null;
    this.depth = 0;
    return this;
  }

  /** Enters the map that must come next (the whole payload, or a map-valued key). */
  public void beginMap() {
    int ib = head("a map");
    if (ib >>> 5 != MAJOR_MAP) {
      throw wrongType("a map", ib);
    }
    push(containerLength(ib));
  }

  /**
   * Moves to the next key of the current map.
   *
   * @return the key, or {@code null} when the map has ended
   */
  public String nextKey() {
    if (atContainerEnd()) {
      key = null;
      return null;
    }
    int ib = head("a map key");
    if (ib >>> 5 != MAJOR_TEXT) {
      throw invalid("map key expected, got " + describe(ib));
    }
    key = readKey(ib);
    return key;
  }

  /** The key whose value is read next, for messages; {@code null} outside a map. */
  public String currentKey() {
    return key;
  }

  /** Enters the array that must come next. */
  public void beginArray() {
    int ib = head("an array");
    if (ib >>> 5 != MAJOR_ARRAY) {
      throw wrongType("an array", ib);
    }
    push(containerLength(ib));
  }

  /** Whether the current array has another item; when it does, the item is read next. */
  public boolean hasNextItem() {
    return !atContainerEnd();
  }

  /** Whether the next value is CBOR {@code null} (or {@code undefined}); consumes it if so. */
  public boolean nextIsNull() {
    int ib = peek();
    if (ib == 0xF6 || ib == 0xF7) {
      pos++;
      return true;
    }
    return false;
  }

  /** Whether the next value is a boolean; nothing is consumed but tags. */
  public boolean nextIsBoolean() {
    int ib = peek();
    return ib == 0xF4 || ib == 0xF5;
  }

  /** Whether the next value is an integer (CBOR major type 0 or 1); nothing is consumed but tags. */
  public boolean nextIsInteger() {
    int major = peek() >>> 5;
    return major == MAJOR_UINT || major == MAJOR_NINT;
  }

  /** Whether the next value is a floating-point number; nothing is consumed but tags. */
  public boolean nextIsFloat() {
    int ib = peek();
    return ib == 0xF9 || ib == 0xFA || ib == 0xFB;
  }

  /** Whether the next value is a text string; nothing is consumed but tags. */
  public boolean nextIsText() {
    return peek() >>> 5 == MAJOR_TEXT;
  }

  /** Whether the next value is a byte string; nothing is consumed but tags. */
  public boolean nextIsBytes() {
    return peek() >>> 5 == MAJOR_BYTES;
  }

  /** CBOR's major types, in the order of their numbers (0..7). */
  public enum MajorType {
    UINT, NINT, BYTES, TEXT, ARRAY, MAP, TAG, SIMPLE;

    private static final MajorType[] BY_NUMBER = values();
  }

  /**
   * The major type of the next value, which a caller reads next with the matching method; tags
   * are skipped (consumed), so this is never {@link MajorType#TAG}. {@link MajorType#SIMPLE}
   * covers booleans, {@code null}, {@code undefined} and floats ({@link #nextIsBoolean()}, {@link
   * #nextIsNull()}, {@link #nextIsFloat()} tell them apart).
   */
  public MajorType peekType() {
    return MajorType.BY_NUMBER[peek() >>> 5];
  }

  private int peek() {
    skipTags();
    need(1);
    return buf[pos] & 0xFF;
  }

  /** An unsigned integer in {@code 0..max} ({@code max} at most {@link Long#MAX_VALUE}). */
  public long uint(long max) {
    int ib = head("an unsigned integer");
    if (ib >>> 5 != MAJOR_UINT) {
      throw ib >>> 5 == MAJOR_NINT ? outOfRange(negative(argument(ib)), 0, max) : wrongType("an unsigned integer", ib);
    }
    long v = argument(ib);
    if (v < 0 || v > max) {
      throw outOfRange(Long.toUnsignedString(v), 0, max);
    }
    return v;
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
    int ib = head("an unsigned integer");
    if (ib >>> 5 == MAJOR_NINT) {
      throw invalid("'" + key + "' = " + negative(argument(ib)) + " is negative, an unsigned integer is expected");
    }
    if (ib >>> 5 != MAJOR_UINT) {
      throw wrongType("an unsigned integer", ib);
    }
    return argument(ib);
  }

  /** A signed integer in {@code min..max} (CBOR major type 0 or 1). */
  public long integer(long min, long max) {
    int ib = head("an integer");
    int major = ib >>> 5;
    if (major != MAJOR_UINT && major != MAJOR_NINT) {
      throw wrongType("an integer", ib);
    }
    long arg = argument(ib);
    if (arg < 0) { // beyond the long range either way
      throw outOfRange(major == MAJOR_UINT ? Long.toUnsignedString(arg) : negative(arg), min, max);
    }
    long v = major == MAJOR_UINT ? arg : -1 - arg;
    if (v < min || v > max) {
      throw outOfRange(Long.toString(v), min, max);
    }
    return v;
  }

  /** A signed 8-bit integer (Java's {@code byte}). */
  public byte int8() {
    return (byte) integer(Byte.MIN_VALUE, Byte.MAX_VALUE);
  }

  /** A signed 16-bit integer (Java's {@code short}). */
  public short int16() {
    return (short) integer(Short.MIN_VALUE, Short.MAX_VALUE);
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
    int ib = head("a boolean");
    if (ib == 0xF5) {
      return true;
    }
    if (ib == 0xF4) {
      return false;
    }
    throw wrongType("a boolean", ib);
  }

  /** A text string (definite or chunked). */
  public String text() {
    int ib = head("a text string");
    if (ib >>> 5 != MAJOR_TEXT) {
      throw wrongType("a text string", ib);
    }
    if ((ib & 0x1F) == INDEFINITE) {
      return new String(chunks(MAJOR_TEXT), StandardCharsets.UTF_8);
    }
    int len = length(ib);
    String s = new String(buf, pos, len, StandardCharsets.UTF_8);
    pos += len;
    return s;
  }

  /** A byte string (definite or chunked). */
  public byte[] bytes() {
    int ib = head("a byte string");
    if (ib >>> 5 != MAJOR_BYTES) {
      throw wrongType("a byte string", ib);
    }
    if ((ib & 0x1F) == INDEFINITE) {
      return chunks(MAJOR_BYTES);
    }
    int len = length(ib);
    byte[] b = Arrays.copyOfRange(buf, pos, pos + len);
    pos += len;
    return b;
  }

  /** A floating-point number (half, single or double precision). */
  public double float64() {
    int ib = head("a floating-point number");
    switch (ib) {
      case 0xF9:
        return halfToFloat((int) fixed(2));
      case 0xFA:
        return Float.intBitsToFloat((int) fixed(4));
      case 0xFB:
        return Double.longBitsToDouble(fixed(8));
      default:
        throw wrongType("a floating-point number", ib);
    }
  }

  /** A floating-point number that a {@code float} holds: finite values beyond its range fail. */
  public float float32() {
    double d = float64();
    if (Double.isFinite(d) && Math.abs(d) > Float.MAX_VALUE) {
      throw invalid("'" + key + "' = " + d + " does not fit a float");
    }
    return (float) d;
  }

  /** Skips the next value, whole maps and arrays included. */
  public void skipValue() {
    skip(0);
  }

  /** The next value's encoded bytes, copied verbatim (the raw-CBOR escape hatch). */
  public byte[] rawValue() {
    need(1);
    int start = pos;
    skip(0);
    return Arrays.copyOfRange(buf, start, pos);
  }

  // ---------------------------------------------------------------------------------------------

  /** Reads the initial byte of the next data item (tags skipped), counting it in its container. */
  private int head(String expected) {
    skipTags();
    if (pos >= end) {
      throw invalid((key == null ? "payload" : "'" + key + "'") + " must be " + expected + ", got the end of the payload");
    }
    return buf[pos++] & 0xFF;
  }

  private void skipTags() {
    while (pos < end && (buf[pos] & 0xFF) >>> 5 == MAJOR_TAG) {
      argument(buf[pos++] & 0xFF);
    }
  }

  /** Whether the innermost container has ended; consumes its end (a break byte) and closes it. */
  private boolean atContainerEnd() {
    if (depth == 0) {
      throw invalid("no map or array is open");
    }
    long left = remaining[depth - 1];
    if (left < 0) {
      need(1);
      if ((buf[pos] & 0xFF) == BREAK) {
        pos++;
        depth--;
        return true;
      }
      return false;
    }
    if (left == 0) {
      depth--;
      return true;
    }
    remaining[depth - 1] = left - 1;
    return false;
  }

  private void push(long items) {
    if (depth == MAX_DEPTH) {
      throw invalid("nesting deeper than " + MAX_DEPTH + " levels");
    }
    remaining[depth++] = items;
  }

  /** Items of a container head: pairs count once per key; -1 for indefinite length. */
  private long containerLength(int ib) {
    if ((ib & 0x1F) == INDEFINITE) {
      return -1;
    }
    long n = argument(ib);
    // every item takes at least one byte, so more items than bytes left is truncated input
    if (n < 0 || n > end - pos) {
      throw truncated();
    }
    return n;
  }

  /** The argument of an initial byte: the value itself or the 1, 2, 4 or 8 bytes after it. */
  private long argument(int ib) {
    int info = ib & 0x1F;
    if (info < 24) {
      return info;
    }
    return switch (info) {
      case 24 -> fixed(1);
      case 25 -> fixed(2);
      case 26 -> fixed(4);
      case 27 -> fixed(8);
      default -> throw invalid("malformed CBOR: additional information " + info + " in " + describe(ib));
    };
  }

  private long fixed(int n) {
    need(n);
    long v = 0;
    for (int i = 0; i < n; i++) {
      v = (v << 8) | (buf[pos++] & 0xFF);
    }
    return v;
  }

  /** A definite string length, checked against the bytes present. */
  private int length(int ib) {
    long len = argument(ib);
    if (len < 0 || len > end - pos) {
      throw truncated();
    }
    return (int) len;
  }

  /** The concatenated chunks of an indefinite-length string of {@code major}. */
  private byte[] chunks(int major) {
    int start = pos;
    int total = 0;
    // first pass: validate and size, so the result is allocated once and never beyond the input
    while (true) {
      need(1);
      int ib = buf[pos++] & 0xFF;
      if (ib == BREAK) {
        break;
      }
      if (ib >>> 5 != major || (ib & 0x1F) == INDEFINITE) {
        throw invalid("malformed CBOR: bad chunk " + describe(ib) + " in an indefinite-length string");
      }
      int len = length(ib);
      pos += len;
      total += len;
    }
    byte[] out = new byte[total];
    int at = 0;
    pos = start;
    for (int ib = buf[pos++] & 0xFF; ib != BREAK; ib = buf[pos++] & 0xFF) {
      int len = length(ib);
      System.arraycopy(buf, pos, out, at, len);
      at += len;
      pos += len;
    }
    return out;
  }

  private void skip(int level) {
    if (level > MAX_DEPTH) {
      throw invalid("nesting deeper than " + MAX_DEPTH + " levels");
    }
    int ib = head("a value");
    int major = ib >>> 5;
    boolean indefinite = (ib & 0x1F) == INDEFINITE;
    switch (major) {
      case MAJOR_UINT, MAJOR_NINT -> argument(ib);
      case MAJOR_BYTES, MAJOR_TEXT -> {
        if (indefinite) {
          chunks(major);
        } else {
          int len = length(ib); // before pos: length() moves pos past the header
          pos += len;
        }
      }
      case MAJOR_ARRAY, MAJOR_MAP -> {
        int perItem = major == MAJOR_MAP ? 2 : 1;
        if (indefinite) {
          while (true) {
            need(1);
            if ((buf[pos] & 0xFF) == BREAK) {
              pos++;
              break;
            }
            for (int i = 0; i < perItem; i++) {
              skip(level + 1);
            }
          }
        } else {
          long n = containerLength(ib);
          for (long i = 0; i < n * perItem; i++) {
            skip(level + 1);
          }
        }
      }
      default -> skipSimple(ib);
    }
  }

  private void skipSimple(int ib) {
    int info = ib & 0x1F;
    if (info < 24) {
      return; // false, true, null, undefined, simple values
    }
    switch (info) {
      case 24 -> fixed(1);
      case 25 -> fixed(2);
      case 26 -> fixed(4);
      case 27 -> fixed(8);
      default -> throw invalid("malformed CBOR: unexpected " + describe(ib));
    }
  }

  private void need(int n) {
    if (end - pos < n) {
      throw truncated();
    }
  }

  private MgmtException truncated() {
    return invalid("malformed CBOR: truncated" + (key == null ? "" : " at '" + key + "'"));
  }

  // ---------------------------------------------------------------------------------------------
  // Keys: a shared cache of the strings decoded so far, so known keys cost no allocation.

  private static final int KEY_CACHE_SIZE = 1024;
  private static final int MAX_CACHED_KEY = 32;
  /** Racy by design: entries are immutable strings and a lost update only costs a decode. */
  private static final String[] KEY_CACHE = new String[KEY_CACHE_SIZE];

  private String readKey(int ib) {
    if ((ib & 0x1F) == INDEFINITE) {
      return new String(chunks(MAJOR_TEXT), StandardCharsets.UTF_8);
    }
    int len = length(ib);
    int start = pos;
    pos += len;
    if (len > MAX_CACHED_KEY) {
      return new String(buf, start, len, StandardCharsets.UTF_8);
    }
    int hash = 0;
    for (int i = start; i < start + len; i++) {
      hash = 31 * hash + buf[i];
    }
    int slot = (hash ^ (hash >>> 16)) & (KEY_CACHE_SIZE - 1);
    String cached = KEY_CACHE[slot];
    if (cached != null && sameAscii(cached, buf, start, len)) {
      return cached;
    }
    String decoded = new String(buf, start, len, StandardCharsets.UTF_8);
    if (isAscii(buf, start, len)) {
      KEY_CACHE[slot] = decoded;
    }
    return decoded;
  }

  private static boolean sameAscii(String s, byte[] b, int off, int len) {
    if (s.length() != len) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (s.charAt(i) != b[off + i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAscii(byte[] b, int off, int len) {
    for (int i = off; i < off + len; i++) {
      if (b[i] < 0) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------------------------------------

  /** IEEE 754 half precision to float. */
  private static float halfToFloat(int half) {
    int sign = (half >>> 15) & 1;
    int exp = (half >>> 10) & 0x1F;
    int mant = half & 0x3FF;
    float v;
    if (exp == 0) {
      v = mant * 0x1p-24f; // subnormal
    } else if (exp == 31) {
      v = mant == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
    } else {
      v = (1 + mant / 1024f) * (float) Math.pow(2, exp - 15);
    }
    return sign == 0 ? v : -v;
  }

  private static String negative(long arg) {
    // -1 - arg, with arg read as unsigned 64-bit
    return BigInteger.valueOf(-1).subtract(new BigInteger(Long.toUnsignedString(arg))).toString();
  }

  private MgmtException wrongType(String expected, int ib) {
    String where = key == null ? "payload" : "'" + key + "'";
    return invalid(where + " must be " + expected + ", got " + describe(ib));
  }

  private MgmtException outOfRange(String value, long min, long max) {
    return invalid("'" + key + "' = " + value + " is outside " + min + ".." + max);
  }

  private static String describe(int ib) {
    return switch (ib >>> 5) {
      case MAJOR_UINT, MAJOR_NINT -> "an integer";
      case MAJOR_BYTES -> "a byte string";
      case MAJOR_TEXT -> "a text string";
      case MAJOR_ARRAY -> "an array";
      case MAJOR_MAP -> "a map";
      case MAJOR_TAG -> "a tag";
      default -> switch (ib) {
        case 0xF4, 0xF5 -> "a boolean";
        case 0xF6 -> "null";
        case 0xF7 -> "undefined";
        case 0xF9, 0xFA, 0xFB -> "a floating-point number";
        case BREAK -> "the end of a container";
        default -> String.format("the byte 0x%02x", ib);
      };
    };
  }

  private static MgmtException invalid(String reason) {
    return new MgmtException(MgmtErr.EINVAL, reason);
  }
}
