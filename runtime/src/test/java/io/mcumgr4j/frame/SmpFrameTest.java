package io.mcumgr4j.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.testing.Vectors;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SmpFrameTest {

  private static final HexFormat HEX = HexFormat.of();
  /** {d: "Hello, World!"}, as smpclient sent it (definite-length map). */
  private static final String ECHO_PAYLOAD = "a161646d48656c6c6f2c20576f726c6421";

  static List<Vectors.Exchange> exchanges() {
    return Vectors.all();
  }

  @Test
  void ofSetsTheHeaderLengthAndEncodesHeaderThenPayload() {
    SmpFrame f = SmpFrame.of(2, 1, 0, 1, 0, HEX.parseHex(ECHO_PAYLOAD));

    assertThat(f.header().length()).isEqualTo(17);
    assertThat(f.header().flags()).isZero();
    assertThat(HEX.formatHex(f.encode())).isEqualTo("0a00001100000100" + ECHO_PAYLOAD);
  }

  @Test
  void encodesAnEmptyPayload() {
    SmpFrame f = SmpFrame.of(0, 0, 0xFFFF, 0xFF, 0xFF, new byte[0]);

    assertThat(HEX.formatHex(f.encode())).isEqualTo("00000000ffffffff");
  }

  @Test
  void decodesHeaderAndPayload() {
    SmpFrame f = SmpFrame.decode(HEX.parseHex("0b00000500000200bf617260ff"));

    assertThat(f.header()).isEqualTo(new SmpHeader(3, 1, 0, 5, 0, 2, 0));
    assertThat(HEX.formatHex(f.payload())).isEqualTo("bf617260ff");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exchanges")
  void everyVectorPacketDecodesAndReEncodesUnchanged(Vectors.Exchange e) {
    SmpFrame request = SmpFrame.decode(e.requestBytes());
    SmpFrame response = SmpFrame.decode(e.responseBytes());

    assertThat(request.payload()).isEqualTo(e.requestPayload());
    assertThat(response.payload()).isEqualTo(e.responsePayload());
    assertThat(request.encode()).isEqualTo(e.requestBytes());
    assertThat(response.encode()).isEqualTo(e.responseBytes());
  }

  @Test
  void decodeRejectsAPayloadShorterThanTheHeaderSays() {
    assertThatThrownBy(() -> SmpFrame.decode(HEX.parseHex("0b00000500000200bf617260")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("5")
        .hasMessageContaining("4");
  }

  @Test
  void decodeRejectsTrailingBytes() {
    assertThatThrownBy(() -> SmpFrame.decode(HEX.parseHex("0b00000500000200bf617260ff00")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void decodeRejectsLessThanAHeader() {
    assertThatThrownBy(() -> SmpFrame.decode(HEX.parseHex("0b000005000002")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void constructorRejectsALengthMismatch() {
    SmpHeader header = new SmpHeader(0, 1, 0, 2, 0, 0, 0);

    assertThatThrownBy(() -> new SmpFrame(header, new byte[] {(byte) 0xA0}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SmpFrame(header, new byte[3]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void equalsAndHashCodeCompareThePayloadContent() {
    SmpFrame a = SmpFrame.of(0, 1, 2, 3, 4, new byte[] {(byte) 0xBF, (byte) 0xFF});
    SmpFrame b = SmpFrame.of(0, 1, 2, 3, 4, new byte[] {(byte) 0xBF, (byte) 0xFF});

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(SmpFrame.of(0, 1, 2, 3, 4, new byte[] {(byte) 0xBF, (byte) 0xFE}));
    assertThat(a).isNotEqualTo(SmpFrame.of(0, 1, 2, 4, 4, new byte[] {(byte) 0xBF, (byte) 0xFF}));
  }

  @Test
  void toStringShowsThePayloadInHex() {
    assertThat(SmpFrame.of(0, 1, 0, 0, 6, new byte[] {(byte) 0xA0}).toString()).contains("payload=a0");
  }
}
