package io.mcumgr4j.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.testing.Vectors.Exchange;
import io.mcumgr4j.testing.Vectors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

public class SerialFrameEncoderTest {

  static Stream<Exchange> vectors() {
    return Vectors.of("serial").stream();
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void requestsMatchSmpclientBytes(Exchange e) {
    assertThat(SerialFrameEncoder.client().encode(e.requestBytes())).isEqualTo(e.serialWireRequest());
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void responsesMatchZephyrBytes(Exchange e) {
    assertThat(SerialFrameEncoder.zephyr().encode(e.responseBytes())).isEqualTo(e.serialWireResponse());
  }

  @Test
  void vectorsIncludeMultiLineZephyrResponses() {
    assertThat(vectors().filter(e -> lines(e.serialWireResponse()).size() > 2)).isNotEmpty();
  }

  @Test
  void twoLinePacketWorkedOutByHand() {
    // 100 packet bytes 00..63: body = 00 66 (len 102) || packet || CRC 02 9E, 104 bytes; the
    // first line takes 93 of them (124 chars), the second the last 11 (16 chars, one '=').
    byte[] packet = counting(100);
    String expected =
        "\u0006\u0009AGYAAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8wMTIzNDU2"
            + "Nzg5Ojs8PT4/QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFla\n"
            + "\u0004\u0014W1xdXl9gYWJjAp4=\n";
    for (SerialFrameEncoder encoder : List.of(SerialFrameEncoder.zephyr(), SerialFrameEncoder.client())) {
      assertThat(ascii(encoder.encode(packet))).isEqualTo(expected);
    }
  }

  @Test
  void crcOneByteOverTheFirstLineMovesAGroupDown() {
    // 90 bytes: body 94, one more than a line holds. A full first line would split the CRC, so
    // the first line carries 90 body bytes and the second 2 data bytes + CRC 5B FA.
    String expected =
        "\u0006\u0009AFwAAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8wMTIzNDU2"
            + "Nzg5Ojs8PT4/QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZX\n"
            + "\u0004\u0014WFlb+g==\n";
    assertThat(ascii(SerialFrameEncoder.zephyr().encode(counting(90)))).isEqualTo(expected);
    assertThat(ascii(SerialFrameEncoder.client().encode(counting(90)))).isEqualTo(expected);
  }

  @Test
  void crcAloneAfterAFullLineIsAvoidedToo() {
    // 91 bytes: body 95; a full first line would leave just the CRC EA 21 for the second line.
    // Zephyr holds a group back instead: 90 body bytes, then 3 data bytes + CRC.
    String expected =
        "\u0006\u0009AF0AAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8wMTIzNDU2"
            + "Nzg5Ojs8PT4/QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZX\n"
            + "\u0004\u0014WFla6iE=\n";
    assertThat(ascii(SerialFrameEncoder.zephyr().encode(counting(91)))).isEqualTo(expected);
  }

  @Test
  void continuationBudgetSetsTheLineSizes() {
    byte[] packet = counting(200); // body 204
    assertThat(rawSizes(SerialFrameEncoder.zephyr().encode(packet))).containsExactly(93, 90, 21);
    assertThat(rawSizes(SerialFrameEncoder.client().encode(packet))).containsExactly(93, 93, 18);
    assertThat(rawSizes(new SerialFrameEncoder(60).encode(packet))).containsExactly(93, 60, 51);
  }

  @Test
  void zephyrStyleEqualsTheModelOfZephyrsSenderForEverySize() {
    for (int n = 1; n <= 1200; n++) {
      byte[] packet = counting(n);
      assertThat(SerialFrameEncoder.zephyr().encode(packet))
          .as("packet of %d bytes", n)
          .isEqualTo(ZephyrTxModel.frames(packet, 90));
      assertThat(SerialFrameEncoder.client().encode(packet))
          .as("packet of %d bytes", n)
          .isEqualTo(ZephyrTxModel.frames(packet, 93));
    }
  }

  @Test
  void largestPacketFits() {
    byte[] packet = counting(SerialFrameEncoder.MAX_PACKET_LENGTH);
    byte[] wire = SerialFrameEncoder.zephyr().encode(packet);
    assertThat(Arrays.copyOfRange(wire, 2, 6)).asString(StandardCharsets.US_ASCII).isEqualTo("//8A");
    assertThat(lines(wire)).allSatisfy(line -> assertThat(line.length).isLessThanOrEqualTo(127));
  }

  @Test
  void allOutputFormsAgree() throws IOException {
    SerialFrameEncoder encoder = SerialFrameEncoder.zephyr();
    byte[] source = counting(700);
    byte[] expected = encoder.encode(Arrays.copyOfRange(source, 5, 605));

    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    encoder.encode(source, 5, 600, stream);
    byte[] into = new byte[expected.length + 10];
    int written = encoder.encode(source, 5, 600, into, 7);

    assertThat(encoder.encodedLength(600)).isEqualTo(expected.length);
    assertThat(encoder.encode(source, 5, 600)).isEqualTo(expected);
    assertThat(stream.toByteArray()).isEqualTo(expected);
    assertThat(written).isEqualTo(expected.length);
    assertThat(Arrays.copyOfRange(into, 7, 7 + written)).isEqualTo(expected);
  }

  @Test
  void rejectsBadArguments() {
    SerialFrameEncoder encoder = SerialFrameEncoder.client();
    assertThatThrownBy(() -> encoder.encode(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> encoder.encode(new byte[SerialFrameEncoder.MAX_PACKET_LENGTH + 1]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> encoder.encode(new byte[10], 0, 10, new byte[20], 0))
        .isInstanceOf(IndexOutOfBoundsException.class);
    for (int budget : new int[] {3, 91, 96}) {
      assertThatThrownBy(() -> new SerialFrameEncoder(budget)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  public static byte[] counting(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) i;
    }
    return b;
  }

  static List<byte[]> lines(byte[] wire) {
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < wire.length; i++) {
      if (wire[i] == '\n') {
        lines.add(Arrays.copyOfRange(wire, start, i + 1));
        start = i + 1;
      }
    }
    assertThat(start).as("wire ends with a newline").isEqualTo(wire.length);
    return lines;
  }

  /** Body bytes carried by each line. */
  static List<Integer> rawSizes(byte[] wire) {
    List<Integer> sizes = new ArrayList<>();
    for (byte[] line : lines(wire)) {
      String b64 = new String(line, 2, line.length - 3, StandardCharsets.US_ASCII);
      sizes.add(Base64.getDecoder().decode(b64).length);
    }
    return sizes;
  }

  private static String ascii(byte[] b) {
    return new String(b, StandardCharsets.US_ASCII);
  }
}
