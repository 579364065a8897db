package io.mcumgr4j.serial;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;

/**
 * Reassembles SMP packets from a console byte stream fed in arbitrary chunks, with the receive
 * rules of Zephyr's {@code mcumgr_serial_process_frag}: a {@code 06 09} line starts a packet (and
 * abandons any unfinished one), its first two decoded bytes are the length (packet + CRC), {@code
 * 04 14} lines append; a packet is complete when a line ends with exactly that many bytes decoded
 * and the CRC checks. Anything wrong drops the packet silently; the drop is only counted (see
 * {@link #drops(Drop)}).
 *
 * <p>Lines that are not frames are console output (shell replies, logs). They go to the optional
 * console consumer, {@code \r\n} endings trimmed and cut to the maximum line length. A marker
 * inside a text line also starts a frame, with the text before it delivered as a line of its own,
 * so a frame printed right after a shell prompt is not lost.
 *
 * <p>Memory is bounded: the body buffer never exceeds the maximum body size (a larger length field
 * drops the packet before anything is buffered) and the base64 text is decoded as it arrives, so a
 * frame line needs no buffer at all; only console text is buffered, up to the line limit.
 *
 * <p>Tolerated beyond what Zephyr's senders produce, so hand-typed or other tools' frames still
 * decode: a {@code \r} before the newline, lines longer than 127 bytes up to the limit, and an
 * unpadded last group in a line. Not thread-safe: feed it from one thread; {@link #drops} and
 * {@link #dropCounts} may be read from any.
 */
public final class SerialFrameDecoder {

  /** Why a packet (or an orphan continuation) was dropped. */
  public enum Drop {
    /** A frame line held a byte outside the base64 alphabet, or misplaced padding. */
    BAD_BASE64,
    /** The CRC over a complete body did not check. */
    BAD_CRC,
    /** A continuation line arrived while no packet was being assembled. */
    CONTINUATION_WITHOUT_START,
    /** A first line decoded to fewer than 2 bytes, or its length field was below 3. */
    BAD_LENGTH,
    /** More bytes were decoded than the length field announced. */
    OVERRUN,
    /** The length field announced a body larger than the maximum body size. */
    BODY_TOO_LONG,
    /** A frame line exceeded the maximum line length. */
    LINE_TOO_LONG,
    /** A new first line arrived before the previous packet was complete. */
    INCOMPLETE
  }

  /** Largest body the 16-bit length field allows: 2 length bytes + 0xFFFF (packet and CRC). */
  public static final int MAX_BODY = 0xFFFF + 2;
  /**
   * Default line limit, newline included. Zephyr sends at most 127-byte lines; the slack tolerates
   * other senders and keeps long log lines readable.
   */
  public static final int DEFAULT_MAX_LINE_LENGTH = 1024;

  private static final int MIN_BODY = 5;
  private static final int MIN_LINE_LENGTH = 7;
  private static final int INITIAL_TEXT_CAPACITY = 128;

  private final int maxBody;
  private final int maxLineLength;
  private final Consumer<byte[]> packets;
  private final Consumer<String> consoleLines;
  private final AtomicLongArray drops = new AtomicLongArray(Drop.values().length);

  // Current line.
  private boolean inFrame;
  private boolean lineDead;
  private int lineLength;
  private boolean pendingCr;
  private int pendingMarker = -1;
  private byte[] text;
  private int textLength;

  // Base64 group being decoded.
  private int group;
  private int groupChars;
  private int padChars;
  private boolean groupsEnded;

  // Packet being assembled.
  private boolean assembling;
  private boolean discarding;
  private int lengthBytes;
  private int expected;
  private byte[] body = new byte[0];
  private int bodyLength;

  /** A decoder with the default line limit and no console output. */
  public SerialFrameDecoder(int maxBody, Consumer<byte[]> packets) {
    this(maxBody, DEFAULT_MAX_LINE_LENGTH, packets, null);
  }

  /**
   * @param maxBody largest body (length field + packet + CRC) accepted, 5..{@value #MAX_BODY}; a
   *     server passes its {@code buf_size}, since Zephyr decodes the length and CRC into the same
   *     buffer as the packet
   * @param maxLineLength longest line accepted, newline included (at least 7)
   * @param packets receives each complete packet (header + payload, no length or CRC); the array
   *     is the consumer's to keep
   * @param consoleLines receives console text lines, or {@code null} to ignore them
   */
  public SerialFrameDecoder(
      int maxBody, int maxLineLength, Consumer<byte[]> packets, Consumer<String> consoleLines) {
    if (maxBody < MIN_BODY || maxBody > MAX_BODY) {
      throw new IllegalArgumentException("max body must be " + MIN_BODY + ".." + MAX_BODY + ": " + maxBody);
    }
    if (maxLineLength < MIN_LINE_LENGTH) {
      throw new IllegalArgumentException("max line length must be >= " + MIN_LINE_LENGTH + ": " + maxLineLength);
    }
    this.maxBody = maxBody;
    this.maxLineLength = maxLineLength;
    this.packets = Objects.requireNonNull(packets, "packets");
    this.consoleLines = consoleLines;
  }

  /** Feeds all of {@code b}. */
  public void feed(byte[] b) {
    feed(b, 0, b.length);
  }

  /**
   * Feeds {@code len} bytes of {@code b} from {@code off}. Consumers run on the calling thread; an
   * exception they throw propagates and the rest of this chunk goes undecoded, but the decoder
   * stays consistent and takes the next chunk normally.
   */
  public void feed(byte[] b, int off, int len) {
    Objects.checkFromIndexSize(off, len, b.length);
    for (int i = off, end = off + len; i < end; i++) {
      if (inFrame) {
        frameByte(b[i]);
      } else {
        textByte(b[i]);
      }
    }
  }

  /** How many drops {@code reason} has caused so far. */
  public long drops(Drop reason) {
    return drops.get(reason.ordinal());
  }

  /** A snapshot of every drop counter. */
  public Map<Drop, Long> dropCounts() {
    Map<Drop, Long> counts = new EnumMap<>(Drop.class);
    for (Drop reason : Drop.values()) {
      counts.put(reason, drops(reason));
    }
    return counts;
  }

  private void textByte(byte x) {
    if (pendingMarker >= 0) {
      int first = pendingMarker;
      pendingMarker = -1;
      boolean start = first == SerialFrameEncoder.FIRST_1 && x == SerialFrameEncoder.FIRST_2;
      if (start || first == SerialFrameEncoder.CONTINUATION_1 && x == SerialFrameEncoder.CONTINUATION_2) {
        if (textLength > 0) {
          emitText();
        }
        startFrameLine(start);
        return;
      }
      appendText(first);
    }
    if (x == '\n') {
      emitText();
    } else if (x == SerialFrameEncoder.FIRST_1 || x == SerialFrameEncoder.CONTINUATION_1) {
      pendingMarker = x;
    } else {
      appendText(x);
    }
  }

  private void appendText(int x) {
    if (consoleLines == null) {
      return;
    }
    if (text == null) {
      text = new byte[Math.min(INITIAL_TEXT_CAPACITY, maxLineLength)];
    }
    if (textLength == text.length) {
      if (text.length == maxLineLength) {
        return;
      }
      text = Arrays.copyOf(text, Math.min(text.length * 2, maxLineLength));
    }
    text[textLength++] = (byte) x;
  }

  private void emitText() {
    int n = textLength;
    textLength = 0;
    if (consoleLines == null) {
      return;
    }
    if (n > 0 && text[n - 1] == '\r') {
      n--;
    }
    consoleLines.accept(n == 0 ? "" : new String(text, 0, n, StandardCharsets.UTF_8));
  }

  private void startFrameLine(boolean first) {
    inFrame = true;
    lineDead = false;
    lineLength = 2;
    pendingCr = false;
    group = 0;
    groupChars = 0;
    padChars = 0;
    groupsEnded = false;
    if (first) {
      if (assembling) {
        count(Drop.INCOMPLETE);
      }
      assembling = true;
      discarding = false;
      lengthBytes = 0;
      expected = 0;
      bodyLength = 0;
    } else if (!assembling) {
      // Count an orphan run once; the rest of a packet already dropped is expected to follow.
      if (!discarding) {
        count(Drop.CONTINUATION_WITHOUT_START);
        discarding = true;
      }
      lineDead = true;
    }
  }

  private void frameByte(byte x) {
    if (x == '\n') {
      inFrame = false;
      endFrameLine();
      return;
    }
    if (lineDead) {
      return;
    }
    if (++lineLength >= maxLineLength) {
      drop(Drop.LINE_TOO_LONG);
    } else if (pendingCr) {
      drop(Drop.BAD_BASE64);
    } else if (x == '\r') {
      pendingCr = true;
    } else {
      base64Char(x);
    }
  }

  private void base64Char(byte x) {
    if (x == Base64Table.PAD) {
      if (groupChars < 2 || groupChars + padChars >= 4) {
        drop(Drop.BAD_BASE64);
        return;
      }
      if (groupChars + ++padChars == 4) {
        flushGroup();
        groupsEnded = true;
      }
      return;
    }
    int value = Base64Table.VALUES[x & 0xFF];
    if (value < 0 || padChars > 0 || groupsEnded) {
      drop(Drop.BAD_BASE64);
      return;
    }
    group = group << 6 | value;
    if (++groupChars == 4) {
      flushGroup();
    }
  }

  /** Emits the 1..3 bytes of a group of 2..4 characters. */
  private void flushGroup() {
    int bits = group << (24 - 6 * groupChars);
    int bytes = groupChars - 1;
    group = 0;
    groupChars = 0;
    padChars = 0;
    for (int i = 0; i < bytes && !lineDead; i++) {
      accept((bits >>> (16 - 8 * i)) & 0xFF);
    }
  }

  private void accept(int value) {
    if (lengthBytes < 2) {
      expected = expected << 8 | value;
      if (++lengthBytes == 2) {
        if (expected < 3) {
          drop(Drop.BAD_LENGTH);
        } else if (expected + 2 > maxBody) {
          drop(Drop.BODY_TOO_LONG);
        } else if (body.length < expected) {
          body = new byte[expected];
        }
      }
    } else if (bodyLength == expected) {
      drop(Drop.OVERRUN);
    } else {
      body[bodyLength++] = (byte) value;
    }
  }

  private void endFrameLine() {
    if (lineDead) {
      return;
    }
    if (groupChars == 1) {
      drop(Drop.BAD_BASE64);
      return;
    }
    if (groupChars > 1) {
      flushGroup();
      if (lineDead) {
        return;
      }
    }
    if (lengthBytes < 2) {
      drop(Drop.BAD_LENGTH);
      return;
    }
    if (bodyLength < expected) {
      return;
    }
    if (Crc16.compute(body, 0, bodyLength) != 0) {
      drop(Drop.BAD_CRC);
      return;
    }
    assembling = false;
    packets.accept(Arrays.copyOf(body, bodyLength - 2));
  }

  private void drop(Drop reason) {
    count(reason);
    lineDead = true;
    assembling = false;
    discarding = true;
  }

  private void count(Drop reason) {
    drops.incrementAndGet(reason.ordinal());
  }
}
