package io.mcumgr4j.cbor;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.error.MgmtException;
import java.util.Arrays;

/**
 * A CBOR encoder writing into one reusable, bounded byte array, in the form Zephyr writes:
 * shortest-form integers (unsigned 64-bit values included), definite-length strings of any size,
 * and maps and arrays in either indefinite ({@link #startMap()}, what a Zephyr server sends) or
 * definite ({@link #startMap(int)}, what clients send) length.
 *
 * <p>Written by hand rather than on Jackson's {@code CBORGenerator} because that generator
 * encodes unsigned values of 2^63 and above as tagged bignums and splits strings longer than
 * 3,996 characters into indefinite-length chunks; Zephyr does neither. Decoding is hand-written
 * too ({@link CborReader}).
 *
 * <p>Exceeding the limit throws {@link MgmtException} with {@link MgmtErr#EMSGSIZE}, the code
 * Zephyr answers an oversized response with; the buffer never grows past the limit.
 */
public final class CborWriter {

  private static final int MAJOR_UINT = 0;
  private static final int MAJOR_NINT = 1 << 5;
  private static final int MAJOR_BYTES = 2 << 5;
  private static final int MAJOR_TEXT = 3 << 5;
  private static final int MAJOR_ARRAY = 4 << 5;
  private static final int MAJOR_MAP = 5 << 5;
  private static final int INDEFINITE = 31;
  private static final int BREAK = 0xFF;

  private final int limit;
  private final boolean definite;
  private byte[] buf;
  private int pos;

  /**
   * @param initialCapacity bytes allocated up front
   * @param limit the most bytes this writer may ever hold
   */
  public CborWriter(int initialCapacity, int limit) {
    this(initialCapacity, limit, false);
  }

  /**
   * @param initialCapacity bytes allocated up front
   * @param limit the most bytes this writer may ever hold
   * @param definite whether {@link #beginMap(int)} and {@link #beginArray(int)} write definite
   *     lengths (what clients send) rather than indefinite ones (what Zephyr servers send)
   */
  public CborWriter(int initialCapacity, int limit, boolean definite) {
    if (initialCapacity < 0 || limit < initialCapacity) {
      throw new IllegalArgumentException("capacity " + initialCapacity + ", limit " + limit);
    }
    this.limit = limit;
    this.definite = definite;
    this.buf = new byte[initialCapacity];
  }

  /**
   * A writer bounded by the 16-bit SMP length field that writes maps with indefinite length, as a
   * Zephyr server does; client requests use {@link #forRequest()}.
   */
  public CborWriter() {
    this(256, 0xFFFF);
  }

  /** A writer for client requests: definite-length containers, bounded by the SMP length field. */
  public static CborWriter forRequest() {
    return new CborWriter(256, 0xFFFF, true);
  }

  /** Forgets everything written; the buffer is kept. */
  public CborWriter reset() {
    pos = 0;
    return this;
  }

  /** Moves the write position back to {@code size}, discarding what came after it. */
  public void truncate(int size) {
    if (size < 0 || size > pos) {
      throw new IllegalArgumentException("cannot truncate " + pos + " bytes to " + size);
    }
    pos = size;
  }

  /** Bytes written so far. */
  public int size() {
    return pos;
  }

  /** The internal buffer; bytes {@code [0, size())} are the encoding. */
  public byte[] buffer() {
    return buf;
  }

  /** A copy of the encoding. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buf, pos);
  }

  /** Reserves {@code n} raw bytes (e.g. a header to fill in later) and returns their offset. */
  public int skip(int n) {
    ensure(n);
    int at = pos;
    pos += n;
    return at;
  }

  /** Starts an indefinite-length map ({@code BF}); close it with {@link #end()}. */
  public CborWriter startMap() {
    return put(MAJOR_MAP | INDEFINITE);
  }

  /** Starts a definite-length map of {@code entries} key/value pairs; needs no {@link #end()}. */
  public CborWriter startMap(int entries) {
    return head(MAJOR_MAP, entries);
  }

  /** Starts an indefinite-length array ({@code 9F}); close it with {@link #end()}. */
  public CborWriter startArray() {
    return put(MAJOR_ARRAY | INDEFINITE);
  }

  /** Starts a definite-length array of {@code items}; needs no {@link #end()}. */
  public CborWriter startArray(int items) {
    return head(MAJOR_ARRAY, items);
  }

  /**
   * Starts a map of {@code entries} pairs in this writer's container style; close it with {@link
   * #endMap()}. Generated code uses this pair, so one encoder serves servers and clients.
   */
  public CborWriter beginMap(int entries) {
    return definite ? startMap(entries) : startMap();
  }

  /** Closes a map started with {@link #beginMap(int)}. */
  public CborWriter endMap() {
    return definite ? this : end();
  }

  /** Starts an array of {@code items} in this writer's container style; close it with {@link #endArray()}. */
  public CborWriter beginArray(int items) {
    return definite ? startArray(items) : startArray();
  }

  /** Closes an array started with {@link #beginArray(int)}. */
  public CborWriter endArray() {
    return definite ? this : end();
  }

  /** Closes the innermost indefinite-length map or array ({@code FF}). */
  public CborWriter end() {
    return put(BREAK);
  }

  /** A map key: a text string. */
  public CborWriter key(String key) {
    return text(key);
  }

  /** An unsigned integer; {@code value} is read as unsigned 64-bit (so -1 is 2^64 - 1). */
  public CborWriter uint(long value) {
    return head(MAJOR_UINT, value);
  }

  /** An unsigned 8-bit integer. @throws IllegalArgumentException outside 0..255 */
  public CborWriter uint8(int value) {
    return uint(checkRange(value, 0xFF));
  }

  /** An unsigned 16-bit integer. @throws IllegalArgumentException outside 0..65535 */
  public CborWriter uint16(int value) {
    return uint(checkRange(value, 0xFFFF));
  }

  /** An unsigned 32-bit integer. @throws IllegalArgumentException outside 0..4294967295 */
  public CborWriter uint32(long value) {
    return uint(checkRange(value, 0xFFFF_FFFFL));
  }

  private static long checkRange(long value, long max) {
    if (value < 0 || value > max) {
      throw new IllegalArgumentException(value + " is outside the unsigned range 0.." + max);
    }
    return value;
  }

  /** A signed integer: major type 0 when {@code value >= 0}, else major type 1. */
  public CborWriter integer(long value) {
    return value >= 0 ? head(MAJOR_UINT, value) : head(MAJOR_NINT, ~value);
  }

  /** {@code true} or {@code false}. */
  public CborWriter bool(boolean value) {
    return put(value ? 0xF5 : 0xF4);
  }

  /** {@code null}. */
  public CborWriter nul() {
    return put(0xF6);
  }

  /** A single-precision float ({@code FA}). */
  public CborWriter float32(float value) {
    put(0xFA);
    return be(Float.floatToIntBits(value) & 0xFFFF_FFFFL, 4);
  }

  /** A double-precision float ({@code FB}). */
  public CborWriter float64(double value) {
    put(0xFB);
    return be(Double.doubleToLongBits(value), 8);
  }

  /** A definite-length byte string. */
  public CborWriter bytes(byte[] value) {
    return bytes(value, 0, value.length);
  }

  /** A definite-length byte string of {@code length} bytes from {@code offset}. */
  public CborWriter bytes(byte[] value, int offset, int length) {
    head(MAJOR_BYTES, length);
    ensure(length);
    System.arraycopy(value, offset, buf, pos, length);
    pos += length;
    return this;
  }

  /** A definite-length text string, UTF-8 encoded in place (no intermediate array). */
  public CborWriter text(String value) {
    int n = value.length();
    int utf8 = utf8Length(value);
    head(MAJOR_TEXT, utf8);
    ensure(utf8);
    byte[] b = buf;
    int p = pos;
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c < 0x80) {
        b[p++] = (byte) c;
      } else if (c < 0x800) {
        b[p++] = (byte) (0xC0 | (c >> 6));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, value.charAt(++i));
        b[p++] = (byte) (0xF0 | (cp >> 18));
        b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        b[p++] = (byte) (0x80 | (cp & 0x3F));
      } else {
        if (Character.isSurrogate(c)) {
          c = '?'; // a lone surrogate has no UTF-8 form; String.getBytes does the same
          b[p++] = (byte) c;
          continue;
        }
        b[p++] = (byte) (0xE0 | (c >> 12));
        b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    pos = p;
    return this;
  }

  /** Copies already-encoded CBOR (one or more whole items) verbatim. */
  public CborWriter raw(byte[] encoded, int offset, int length) {
    ensure(length);
    System.arraycopy(encoded, offset, buf, pos, length);
    pos += length;
    return this;
  }

  private static int utf8Length(String s) {
    int n = s.length();
    int len = n;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        if (c < 0x800) {
          len += 1;
        } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          len += 2; // 4 bytes for 2 chars
          i++;
        } else if (!Character.isSurrogate(c)) {
          len += 2;
        }
      }
    }
    return len;
  }

  /** The initial byte and argument of an item, in the shortest form; {@code arg} is unsigned. */
  private CborWriter head(int major, long arg) {
    if (arg >= 0 && arg < 24) {
      return put(major | (int) arg);
    } else if (arg >= 0 && arg <= 0xFF) {
      put(major | 24);
      return put((int) arg);
    } else if (arg >= 0 && arg <= 0xFFFF) {
      put(major | 25);
      return be(arg, 2);
    } else if (arg >= 0 && arg <= 0xFFFF_FFFFL) {
      put(major | 26);
      return be(arg, 4);
    }
    put(major | 27);
    return be(arg, 8);
  }

  private CborWriter be(long value, int width) {
    ensure(width);
    for (int shift = (width - 1) * 8; shift >= 0; shift -= 8) {
      buf[pos++] = (byte) (value >>> shift);
    }
    return this;
  }

  private CborWriter put(int b) {
    ensure(1);
    buf[pos++] = (byte) b;
    return this;
  }

  private void ensure(int n) {
    int need = pos + n;
    if (need <= buf.length) {
      return;
    }
    if (need > limit || need < 0) {
      throw new MgmtException(MgmtErr.EMSGSIZE, "encoding exceeds " + limit + " bytes");
    }
    buf = Arrays.copyOf(buf, (int) Math.min(limit, Math.max(need, 2L * buf.length)));
  }
}
