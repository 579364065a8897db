package io.mcumgr4j.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.annotation.Op;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmpHeaderTest {

  private static final HexFormat HEX = HexFormat.of();

  @Test
  void encodesAllFieldsBigEndian() {
    // byte 0 = (ver 1 << 3) | op 2 = 0x0A; flags; length BE; group BE; sequence; command
    SmpHeader h = new SmpHeader(2, 1, 0, 0x0102, 0x1234, 0xAB, 7);

    assertThat(HEX.formatHex(h.encode())).isEqualTo("0a0001021234ab07");
  }

  @Test
  void decodesAllFieldsBigEndian() {
    SmpHeader h = SmpHeader.decode(HEX.parseHex("0a0001021234ab07"));

    assertThat(h).isEqualTo(new SmpHeader(2, 1, 0, 0x0102, 0x1234, 0xAB, 7));
  }

  @Test
  void encodesAtAnOffset() {
    byte[] dst = new byte[12];
    dst[0] = 0x55;
    dst[11] = 0x66;

    new SmpHeader(1, 0, 0xC0, 0xFFFF, 0xFFFE, 0xFF, 0x80).encode(dst, 2);

    assertThat(HEX.formatHex(dst)).isEqualTo("5500" + "01c0fffffffeff80" + "0066");
  }

  @Test
  void decodesAtAnOffset() {
    byte[] src = HEX.parseHex("ffff" + "0800000100000306" + "a0");

    assertThat(SmpHeader.decode(src, 2, 7 + 1)).isEqualTo(new SmpHeader(0, 1, 0, 1, 0, 3, 6));
  }

  @ParameterizedTest(name = "version {0} op {1} -> byte0 {2}")
  @CsvSource({"0, 0, 00", "0, 1, 01", "1, 0, 08", "1, 3, 0b", "2, 0, 10", "3, 7, 1f", "0, 7, 07"})
  void packsVersionAndOpIntoByte0(int version, int op, String byte0) {
    byte[] encoded = new SmpHeader(op, version, 0, 0, 0, 0, 0).encode();

    assertThat(HEX.toHexDigits(encoded[0])).isEqualTo(byte0);
    assertThat(SmpHeader.decode(encoded)).extracting(SmpHeader::version, SmpHeader::op)
        .containsExactly(version, op);
  }

  @ParameterizedTest(name = "byte0 {0}")
  @CsvSource({"ea, 1, 2", "20, 0, 0", "e0, 0, 0", "ff, 3, 7", "4b, 1, 3"})
  void ignoresReservedBitsOnDecode(String byte0, int version, int op) {
    SmpHeader h = SmpHeader.decode(HEX.parseHex(byte0 + "00000000000000"));

    assertThat(h.version()).isEqualTo(version);
    assertThat(h.op()).isEqualTo(op);
    assertThat(h.encode()[0] & 0xE0).isZero();
  }

  @Test
  void keepsTheFlagsByte() {
    SmpHeader h = SmpHeader.decode(HEX.parseHex("08c0000000000000"));

    assertThat(h.flags()).isEqualTo(0xC0);
    assertThat(HEX.formatHex(h.encode())).isEqualTo("08c0000000000000");
  }

  @Test
  void decodeOfFewerThanEightBytesThrows() {
    assertThatThrownBy(() -> SmpHeader.decode(HEX.parseHex("08000001000000")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("8 bytes");
    assertThatThrownBy(() -> SmpHeader.decode(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void decodeRejectsAWindowPastTheArray() {
    byte[] src = new byte[10];

    assertThatThrownBy(() -> SmpHeader.decode(src, 3, 8))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SmpHeader.decode(src, 0, 7))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "op, -1", "op, 8",
    "version, -1", "version, 4",
    "flags, -1", "flags, 256",
    "length, -1", "length, 65536",
    "group, -1", "group, 65536",
    "sequence, -1", "sequence, 256",
    "command, -1", "command, 256"
  })
  void constructorRejectsOutOfRangeFields(String field, int value) {
    int[] f = {0, 1, 0, 0, 0, 0, 0};
    int index = switch (field) {
      case "op" -> 0;
      case "version" -> 1;
      case "flags" -> 2;
      case "length" -> 3;
      case "group" -> 4;
      case "sequence" -> 5;
      default -> 6;
    };
    f[index] = value;

    assertThatThrownBy(() -> new SmpHeader(f[0], f[1], f[2], f[3], f[4], f[5], f[6]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(field)
        .hasMessageContaining(Integer.toString(value));
  }

  @Test
  void constructorAcceptsEveryFieldAtItsMaximum() {
    SmpHeader h = new SmpHeader(7, 3, 0xFF, 0xFFFF, 0xFFFF, 0xFF, 0xFF);

    assertThat(HEX.formatHex(h.encode())).isEqualTo("1fffffffffffffff");
  }

  @Test
  void requestFactorySetsFlagsZero() {
    SmpHeader h = SmpHeader.request(Op.WRITE, SmpHeader.VERSION_2, 9, 0x0E, 0, 0x16);

    assertThat(h).isEqualTo(new SmpHeader(2, 1, 0, 0x16, 9, 0x0E, 0));
    assertThat(h.opCode()).isEqualTo(Op.WRITE);
  }

  @ParameterizedTest(name = "op {0}")
  @CsvSource({"0, READ", "1, READ_RSP", "2, WRITE", "3, WRITE_RSP"})
  void opCodeNamesDefinedOps(int op, Op expected) {
    assertThat(new SmpHeader(op, 1, 0, 0, 0, 0, 0).opCode()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "op {0}")
  @CsvSource({"4", "5", "6", "7"})
  void opCodeIsNullForUndefinedOps(int op) {
    assertThat(new SmpHeader(op, 1, 0, 0, 0, 0, 0).opCode()).isNull();
  }

  @ParameterizedTest(name = "request op {0} -> response op {1}")
  @CsvSource({"0, 1", "2, 3"})
  void responseOpIsRequestOpPlusOne(int requestOp, int responseOp) {
    assertThat(new SmpHeader(requestOp, 1, 0, 5, 1, 2, 3).response(0).op()).isEqualTo(responseOp);
  }

  /**
   * Zephyr's {@code smp_rsp_op}: READ_RSP for a READ, WRITE_RSP for anything else, so a stray
   * response op or an undefined op arriving at the server is answered (ENOTSUP) with op 3.
   */
  @ParameterizedTest(name = "request op {0} -> response op 3")
  @CsvSource({"1", "3", "4", "5", "6", "7"})
  void responseOpToAnythingButReadIsWriteRsp(int requestOp) {
    assertThat(new SmpHeader(requestOp, 1, 0, 0, 0, 0, 0).response(6).op()).isEqualTo(3);
  }

  @ParameterizedTest(name = "version {0} -> {1}")
  @CsvSource({"0, 0", "1, 1", "2, 1", "3, 1"})
  void responseVersionIsAtMostOne(int version, int expected) {
    assertThat(new SmpHeader(0, version, 0, 0, 0, 0, 0).response(6).version()).isEqualTo(expected);
  }

  @Test
  void responseEchoesGroupSequenceAndCommandClearsFlagsAndTakesTheNewLength() {
    SmpHeader request = new SmpHeader(2, 1, 0xC0, 0x0102, 0x1234, 0xAB, 7);

    assertThat(request.response(0x1B3)).isEqualTo(new SmpHeader(3, 1, 0, 0x1B3, 0x1234, 0xAB, 7));
  }

  @Test
  void responseRejectsAnOversizedLength() {
    SmpHeader request = new SmpHeader(0, 1, 0, 0, 0, 0, 0);

    assertThatThrownBy(() -> request.response(0x10000)).isInstanceOf(IllegalArgumentException.class);
  }
}
