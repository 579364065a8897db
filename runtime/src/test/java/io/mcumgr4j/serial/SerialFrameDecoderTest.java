package io.mcumgr4j.serial;

import static io.mcumgr4j.serial.SerialFrameEncoderTest.counting;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcumgr4j.serial.SerialFrameDecoder.Drop;
import io.mcumgr4j.testing.Vectors.Exchange;
import io.mcumgr4j.testing.Vectors;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SerialFrameDecoderTest {

  private static final byte[] GOOD = counting(40);

  private final List<byte[]> packets = new ArrayList<>();
  private final List<String> console = new ArrayList<>();
  private SerialFrameDecoder decoder;

  @BeforeEach
  void setUp() {
    decoder = decoder(384);
  }

  private SerialFrameDecoder decoder(int maxBody) {
    return new SerialFrameDecoder(maxBody, 256, packets::add, console::add);
  }

  static Stream<Exchange> vectors() {
    return Vectors.of("serial").stream();
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void decodesVectorWireBytes(Exchange e) {
    decoder.feed(e.serialWireRequest());
    decoder.feed(e.serialWireResponse());
    assertThat(packets).containsExactly(e.requestBytes(), e.responseBytes());
    assertNoDrops();
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void decodesVectorWireBytesFedOneByteAtATime(Exchange e) {
    for (byte b : e.serialWireResponse()) {
      decoder.feed(new byte[] {b});
    }
    assertThat(packets).containsExactly(e.responseBytes());
  }

  @Test
  void decodesMultiLinePacketWorkedOutByHand() {
    feed("\u0006\u0009AGYAAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8wMTIzNDU2"
        + "Nzg5Ojs8PT4/QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFla\n");
    assertThat(packets).isEmpty();
    feed("\u0004\u0014W1xdXl9gYWJjAp4=\n");
    assertThat(packets).containsExactly(counting(100));
  }

  @Test
  void consoleTextIsPassedOnAndFramesStillDecode() {
    feed("*** Booting Zephyr OS ***\r\n");
    decoder.feed(SerialFrameEncoder.zephyr().encode(GOOD));
    feed("[00:00:01.000,000] <inf> app: hello\n\n");
    assertThat(console).containsExactly("*** Booting Zephyr OS ***", "[00:00:01.000,000] <inf> app: hello", "");
    assertThat(packets).containsExactly(GOOD);
  }

  @Test
  void logLineBetweenContinuationsDoesNotBreakThePacket() {
    List<byte[]> lines = SerialFrameEncoderTest.lines(SerialFrameEncoder.zephyr().encode(counting(300)));
    decoder.feed(lines.get(0));
    feed("<wrn> interleaved log\n");
    for (byte[] line : lines.subList(1, lines.size())) {
      decoder.feed(line);
    }
    assertThat(packets).containsExactly(counting(300));
    assertThat(console).containsExactly("<wrn> interleaved log");
  }

  @Test
  void frameAfterAPromptOnTheSameLineDecodes() {
    feed("uart:~$ ");
    decoder.feed(SerialFrameEncoder.zephyr().encode(GOOD));
    assertThat(console).containsExactly("uart:~$ ");
    assertThat(packets).containsExactly(GOOD);
  }

  @Test
  void lonelyMarkerBytesInTextStayText() {
    feed("a\u0006b\u0004\u0006\n");
    assertThat(console).containsExactly("a\u0006b\u0004\u0006");
    assertNoDrops();
  }

  @Test
  void toleratesCarriageReturnAndUnpaddedLastGroup() {
    String line = frameText(GOOD);
    feed(line.substring(0, line.length() - 1).replace("=", "") + "\r\n");
    assertThat(packets).containsExactly(GOOD);
  }

  @Test
  void badBase64IsDropped() {
    String line = frameText(GOOD);
    feed(line.substring(0, 10) + "*" + line.substring(11));
    assertDroppedThenRecovers(Drop.BAD_BASE64);
  }

  @Test
  void paddingInsideALineIsBadBase64() {
    String line = frameText(GOOD);
    feed(line.substring(0, 6) + "=" + line.substring(7));
    assertDroppedThenRecovers(Drop.BAD_BASE64);
  }

  @Test
  void badCrcIsDropped() {
    byte[] wire = SerialFrameEncoder.zephyr().encode(GOOD);
    byte[] body = bodyOf(wire);
    body[body.length - 1] ^= 1;
    feed(firstLine(body));
    assertDroppedThenRecovers(Drop.BAD_CRC);
  }

  @Test
  void continuationWithoutStartIsDropped() {
    List<byte[]> lines = SerialFrameEncoderTest.lines(SerialFrameEncoder.zephyr().encode(counting(300)));
    for (byte[] line : lines.subList(1, lines.size())) {
      decoder.feed(line);
    }
    assertDroppedThenRecovers(Drop.CONTINUATION_WITHOUT_START);
  }

  @Test
  void garbageBetweenFramesIsIgnored() {
    decoder.feed(SerialFrameEncoder.zephyr().encode(GOOD));
    feed("\u0000\u00ff\u0013garbage \u001b[1;31m\n");
    decoder.feed(new byte[] {(byte) 0x80, (byte) 0xfe, '\n'});
    decoder.feed(SerialFrameEncoder.zephyr().encode(GOOD));
    assertThat(packets).hasSize(2);
    assertNoDrops();
  }

  @Test
  void bodyLongerThanTheLimitIsDroppedBeforeBuffering() {
    decoder = decoder(100);
    decoder.feed(SerialFrameEncoder.zephyr().encode(counting(97))); // body 101
    assertThat(decoder.drops(Drop.BODY_TOO_LONG)).isEqualTo(1);
    assertThat(decoder.drops(Drop.CONTINUATION_WITHOUT_START)).as("rest of the dropped packet").isZero();
    decoder.feed(SerialFrameEncoder.zephyr().encode(counting(96))); // body 100: exactly buf_size
    assertThat(packets).containsExactly(counting(96));
  }

  @Test
  void lineLongerThanTheLimitIsDropped() {
    byte[] body = bodyOf(SerialFrameEncoder.zephyr().encode(counting(300)));
    feed(firstLine(body)); // 304 body bytes in one line: 408 characters
    assertDroppedThenRecovers(Drop.LINE_TOO_LONG);
  }

  @Test
  void lengthFieldSmallerThanDataIsDropped() {
    byte[] body = bodyOf(SerialFrameEncoder.zephyr().encode(GOOD));
    body[1] -= 3;
    feed(firstLine(body));
    assertDroppedThenRecovers(Drop.OVERRUN);
  }

  @Test
  void lengthFieldLargerThanDataWaitsAndIsAbandonedByTheNextStart() {
    byte[] body = bodyOf(SerialFrameEncoder.zephyr().encode(GOOD));
    body[1] += 3;
    feed(firstLine(body));
    assertThat(packets).isEmpty();
    assertThat(decoder.dropCounts().values()).allMatch(n -> n == 0);
    assertDroppedThenRecovers(Drop.INCOMPLETE);
  }

  @Test
  void firstLineWithoutLengthIsDropped() {
    feed("\u0006\u0009\n");
    feed("\u0006\u0009QQ==\n");
    assertThat(decoder.drops(Drop.BAD_LENGTH)).isEqualTo(2);
    assertDroppedThenRecovers(Drop.BAD_LENGTH);
  }

  @Test
  void completesOnlyAtTheEndOfALine() {
    // Exactly len bytes, then more on the same line: Zephyr checks at the line end and drops it.
    byte[] body = bodyOf(SerialFrameEncoder.zephyr().encode(counting(41)));
    byte[] extended = Arrays.copyOf(body, body.length + 3);
    feed(firstLine(extended));
    assertDroppedThenRecovers(Drop.OVERRUN);
  }

  @Test
  void withoutConsoleConsumerTextIsIgnored() {
    SerialFrameDecoder quiet = new SerialFrameDecoder(384, packets::add);
    quiet.feed(("x".repeat(5000) + "\n").getBytes(StandardCharsets.US_ASCII));
    quiet.feed(SerialFrameEncoder.zephyr().encode(GOOD));
    assertThat(packets).containsExactly(GOOD);
  }

  @Test
  void longConsoleLinesAreCutToTheLimit() {
    feed("y".repeat(1000) + "\n");
    assertThat(console).containsExactly("y".repeat(256));
  }

  @Test
  void aThrowingConsumerLeavesTheDecoderUsable() {
    List<byte[]> seen = new ArrayList<>();
    SerialFrameDecoder throwing =
        new SerialFrameDecoder(
            384,
            256,
            p -> {
              seen.add(p);
              if (seen.size() == 1) {
                throw new IllegalStateException("consumer bug");
              }
            },
            null);
    byte[] wire = SerialFrameEncoder.zephyr().encode(GOOD);
    try {
      throwing.feed(wire);
    } catch (IllegalStateException expected) {
      // the decoder is left between lines
    }
    throwing.feed(wire);
    assertThat(seen).hasSize(2);
  }

  private void assertDroppedThenRecovers(Drop reason) {
    assertThat(packets).isEmpty();
    decoder.feed(SerialFrameEncoder.zephyr().encode(GOOD));
    assertThat(decoder.drops(reason)).isPositive();
    assertThat(packets).containsExactly(GOOD);
  }

  private void assertNoDrops() {
    assertThat(decoder.dropCounts().values()).allMatch(n -> n == 0);
  }

  private void feed(String text) {
    decoder.feed(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** The single-line frame of {@code packet} as text, newline included. */
  private static String frameText(byte[] packet) {
    return new String(SerialFrameEncoder.zephyr().encode(packet), StandardCharsets.ISO_8859_1);
  }

  /** One first-frame line holding {@code body} (length, packet, CRC) whatever its size. */
  private static String firstLine(byte[] body) {
    return "\u0006\u0009" + Base64.getEncoder().encodeToString(body) + "\n";
  }

  private static byte[] bodyOf(byte[] wire) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (byte[] line : SerialFrameEncoderTest.lines(wire)) {
      body.writeBytes(Base64.getDecoder().decode(Arrays.copyOfRange(line, 2, line.length - 1)));
    }
    return body.toByteArray();
  }
}
