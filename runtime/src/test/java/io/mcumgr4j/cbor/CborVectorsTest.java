package io.mcumgr4j.cbor;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcumgr4j.testing.Vectors;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Decodes every payload of the Zephyr 4.4.0 traffic with {@link CborReader} into a tree and
 * writes it back with {@link CborWriter}: responses with indefinite-length maps and arrays
 * (Zephyr's form), requests with definite-length ones (smpclient's form). Equal bytes prove the
 * writer encodes integers, strings and containers exactly as Zephyr and the client do.
 */
class CborVectorsTest {

  private static final HexFormat HEX = HexFormat.of();

  static List<Vectors.Exchange> exchanges() {
    return Vectors.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exchanges")
  void responseReEncodedIndefiniteEqualsZephyrsBytes(Vectors.Exchange e) {
    byte[] payload = e.responsePayload();

    CborTree.Node tree = CborTree.read(payload);

    assertThat(tree).isInstanceOf(CborTree.MapNode.class);
    assertThat(HEX.formatHex(CborTree.encode(tree, true))).isEqualTo(HEX.formatHex(payload));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exchanges")
  void requestReEncodedDefiniteEqualsTheClientsBytes(Vectors.Exchange e) {
    byte[] payload = e.requestPayload();

    CborTree.Node tree = CborTree.read(payload);

    assertThat(tree).isInstanceOf(CborTree.MapNode.class);
    assertThat(HEX.formatHex(CborTree.encode(tree, false))).isEqualTo(HEX.formatHex(payload));
  }
}
