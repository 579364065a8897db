package io.mcumgr4j.frame;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcumgr4j.testing.Vectors;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Pins the header rules to the bytes Zephyr 4.4.0 actually exchanged. */
class SmpHeaderVectorsTest {

  static List<Vectors.Exchange> exchanges() {
    return Vectors.all();
  }

  @Test
  void vectorsCoverBothTransports() {
    assertThat(Vectors.of("udp")).isNotEmpty().allSatisfy(e -> {
      assertThat(e.serialWireRequest()).isNull();
      assertThat(e.serialWireResponse()).isNull();
    });
    assertThat(Vectors.of("serial")).isNotEmpty().allSatisfy(e -> {
      assertThat(e.serialWireRequest()).startsWith(0x06, 0x09).endsWith(0x0A);
      assertThat(e.serialWireResponse()).startsWith(0x06, 0x09).endsWith(0x0A);
    });
    assertThat(Vectors.get("udp", "os/echo").requestPayload()).startsWith(0xA1, 0x61, 0x64);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exchanges")
  void requestHeaderDecodesToTheRecordedFields(Vectors.Exchange e) {
    SmpHeader h = SmpHeader.decode(e.requestBytes());

    assertThat(h.op()).isEqualTo(e.op());
    assertThat(h.group()).isEqualTo(e.group());
    assertThat(h.command()).isEqualTo(e.command());
    assertThat(h.version()).isEqualTo(SmpHeader.VERSION_2);
    assertThat(h.flags()).isZero();
    assertThat(h.length()).isEqualTo(e.requestBytes().length - SmpHeader.SIZE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exchanges")
  void zephyrsResponseHeaderIsRequestResponse(Vectors.Exchange e) {
    SmpHeader request = SmpHeader.decode(e.requestBytes());
    SmpHeader response = SmpHeader.decode(e.responseBytes());

    assertThat(response).isEqualTo(request.response(e.responseBytes().length - SmpHeader.SIZE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exchanges")
  void headersReEncodeToTheRecordedBytes(Vectors.Exchange e) {
    SmpHeader request = SmpHeader.decode(e.requestBytes());
    SmpHeader response = request.response(e.responseBytes().length - SmpHeader.SIZE);

    assertThat(request.encode()).isEqualTo(Arrays.copyOf(e.requestBytes(), SmpHeader.SIZE));
    assertThat(response.encode()).isEqualTo(Arrays.copyOf(e.responseBytes(), SmpHeader.SIZE));
  }
}
