package io.mcumgr4j.cbor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.error.MgmtException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CborWriterTest {

  private static final HexFormat HEX = HexFormat.of();

  private static String hex(Consumer<CborWriter> writes) {
    CborWriter w = new CborWriter();
    writes.accept(w);
    return HEX.formatHex(w.toByteArray());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0, 00",
    "1, 01",
    "23, 17",
    "24, 1818",
    "255, 18ff",
    "256, 190100",
    "65535, 19ffff",
    "65536, 1a00010000",
    "4294967295, 1affffffff",
    "4294967296, 1b0000000100000000",
    "9223372036854775807, 1b7fffffffffffffff"
  })
  void writesNonNegativeIntegersInShortestForm(long value, String expected) {
    assertThat(hex(w -> w.integer(value))).isEqualTo(expected);
    assertThat(hex(w -> w.uint(value))).isEqualTo(expected);
  }

  @Test
  void uintReadsItsArgumentAsUnsigned64Bit() {
    assertThat(hex(w -> w.uint(-1L))).isEqualTo("1bffffffffffffffff");
    assertThat(hex(w -> w.uint(Long.MIN_VALUE))).isEqualTo("1b8000000000000000");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "-1, 20",
    "-16, 2f",
    "-24, 37",
    "-25, 3818",
    "-256, 38ff",
    "-257, 390100",
    "-65536, 39ffff",
    "-65537, 3a00010000",
    "-4294967296, 3affffffff",
    "-4294967297, 3b0000000100000000",
    "-9223372036854775808, 3b7fffffffffffffff"
  })
  void writesNegativeIntegersAsMajorTypeOneInShortestForm(long value, String expected) {
    assertThat(hex(w -> w.integer(value))).isEqualTo(expected);
  }

  @Test
  void writesIndefiniteLengthMapsAndArrays() {
    assertThat(hex(w -> w.startMap().end())).isEqualTo("bfff");
    assertThat(hex(w -> w.startArray().end())).isEqualTo("9fff");
    // {rc: 8}, Zephyr's ENOTSUP answer
    assertThat(hex(w -> w.startMap().key("rc").integer(8).end())).isEqualTo("bf62726308ff");
    // {groups: [10, 8, 63]}
    assertThat(hex(w -> w.startMap().key("groups").startArray().uint(10).uint(8).uint(63).end().end()))
        .isEqualTo("bf6667726f7570739f0a08183fffff");
  }

  @ParameterizedTest(name = "{0} entries")
  @CsvSource({"0, a0, 80", "1, a1, 81", "23, b7, 97", "24, b818, 9818", "256, b90100, 990100"})
  void writesDefiniteLengthMapAndArrayHeaders(int n, String map, String array) {
    assertThat(hex(w -> w.startMap(n))).isEqualTo(map);
    assertThat(hex(w -> w.startArray(n))).isEqualTo(array);
  }

  @Test
  void writesADefiniteMapAsAClientDoes() {
    assertThat(hex(w -> w.startMap(1).key("d").text("Hello, World!")))
        .isEqualTo("a161646d48656c6c6f2c20576f726c6421");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "rc", "é", "naïve café", "€", "\u0800", "\uffff", "日本語テキスト",
      "😀", "a😀b𝄞c", "\ud83d", "x\ude00y", "\ud83d\ud83d\ude00", "mixed ß€😀 end"})
  void writesTextAsDefiniteLengthUtf8LikeStringGetBytes(String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);

    byte[] encoded = new CborWriter().text(value).toByteArray();

    assertThat(HEX.formatHex(encoded)).isEqualTo(textHead(utf8.length) + HEX.formatHex(utf8));
  }

  private static String textHead(int length) {
    if (length < 24) {
      return HEX.toHexDigits((byte) (0x60 | length));
    }
    return length < 256 ? "78" + HEX.toHexDigits((byte) length) : "79" + HEX.toHexDigits((short) length);
  }

  @Test
  void writesKnownMultiByteTextBytes() {
    assertThat(hex(w -> w.text("é€😀"))).isEqualTo("69" + "c3a9" + "e282ac" + "f09f9880");
  }

  @Test
  void keepsTextLongerThan5000CharactersDefiniteLength() {
    String ascii = "x".repeat(6000);
    String twoByte = "é".repeat(3000);

    byte[] a = new CborWriter().text(ascii).toByteArray();
    byte[] b = new CborWriter().text(twoByte).toByteArray();

    assertThat(HEX.formatHex(a, 0, 3)).isEqualTo("791770");
    assertThat(a).hasSize(3 + 6000);
    assertThat(HEX.formatHex(b, 0, 3)).isEqualTo("791770");
    assertThat(b).hasSize(3 + 6000);
    assertThat(new String(b, 3, 6000, StandardCharsets.UTF_8)).isEqualTo(twoByte);
    byte[] c = new CborWriter(0, 100_000).text("y".repeat(70_000)).toByteArray();
    assertThat(HEX.formatHex(c, 0, 5)).isEqualTo("7a00011170");
  }

  @Test
  void writesByteStrings() {
    assertThat(hex(w -> w.bytes(new byte[0]))).isEqualTo("40");
    assertThat(hex(w -> w.bytes(new byte[] {1, 2, 3}))).isEqualTo("43010203");
    assertThat(hex(w -> w.bytes(new byte[] {9, 1, 2, 3, 9}, 1, 3))).isEqualTo("43010203");
    byte[] big = new byte[304];
    big[303] = 0x7F;
    String encoded = hex(w -> w.bytes(big));
    assertThat(encoded).startsWith("590130").endsWith("007f").hasSize(2 * (3 + 304));
  }

  @Test
  void writesBooleansAndNull() {
    assertThat(hex(w -> w.bool(true).bool(false).nul())).isEqualTo("f5f4f6");
  }

  @Test
  void writesFloats() {
    assertThat(hex(w -> w.float32(1.5f))).isEqualTo("fa3fc00000");
    assertThat(hex(w -> w.float32(-0.0f))).isEqualTo("fa80000000");
    assertThat(hex(w -> w.float64(1.1))).isEqualTo("fb3ff199999999999a");
    assertThat(hex(w -> w.float64(Double.NEGATIVE_INFINITY))).isEqualTo("fbfff0000000000000");
  }

  @Test
  void rawCopiesEncodedBytesVerbatim() {
    byte[] encoded = HEX.parseHex("00bf62726308ff00");

    assertThat(hex(w -> w.startArray(1).raw(encoded, 1, 6))).isEqualTo("81bf62726308ff");
  }

  @Test
  void exceedingTheLimitThrowsEmsgsizeAndNeverGrowsPastIt() {
    CborWriter w = new CborWriter(4, 10);
    w.text("abcdefghi"); // 1 + 9 = 10 bytes: exactly the limit

    assertThat(w.size()).isEqualTo(10);
    assertThat(w.buffer().length).isLessThanOrEqualTo(10);
    assertThatThrownBy(() -> w.uint(0))
        .isInstanceOfSatisfying(MgmtException.class, e -> {
          assertThat(e.rc()).isEqualTo(7);
          assertThat(e.err()).isEqualTo(MgmtErr.EMSGSIZE);
        });
    assertThat(w.buffer().length).isLessThanOrEqualTo(10);
  }

  @Test
  void limitAppliesToEveryKindOfWrite() {
    assertEmsgsize(w -> w.text("abcdefghij"));
    assertEmsgsize(w -> w.bytes(new byte[10]));
    assertEmsgsize(w -> w.raw(new byte[11], 0, 11));
    assertEmsgsize(w -> w.float64(1).float32(1));
    assertEmsgsize(w -> w.uint(-1L).uint(1).uint(1));
    assertEmsgsize(w -> w.skip(11));
  }

  private static void assertEmsgsize(Consumer<CborWriter> writes) {
    CborWriter w = new CborWriter(0, 10);

    assertThatThrownBy(() -> writes.accept(w))
        .isInstanceOfSatisfying(MgmtException.class, e -> assertThat(e.rc()).isEqualTo(7));
    assertThat(w.buffer().length).isLessThanOrEqualTo(10);
  }

  @Test
  void defaultWriterIsBoundedByTheSmpLengthField() {
    CborWriter fits = new CborWriter();
    fits.bytes(new byte[0xFFFF - 3]); // 59 xx xx + 65532 bytes = 65535

    assertThat(fits.size()).isEqualTo(0xFFFF);
    assertThatThrownBy(() -> new CborWriter().bytes(new byte[0xFFFF - 2]))
        .isInstanceOfSatisfying(MgmtException.class, e -> assertThat(e.rc()).isEqualTo(7));
  }

  @Test
  void constructorRejectsBadCapacityAndLimit() {
    assertThatThrownBy(() -> new CborWriter(-1, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CborWriter(11, 10)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void resetForgetsTheContentButKeepsTheBuffer() {
    CborWriter w = new CborWriter(16, 100);
    w.startMap().key("rc").integer(8).end();
    byte[] buffer = w.buffer();

    assertThat(w.reset()).isSameAs(w);
    assertThat(w.size()).isZero();
    assertThat(w.toByteArray()).isEmpty();
    w.startMap().end();
    assertThat(HEX.formatHex(w.toByteArray())).isEqualTo("bfff");
    assertThat(w.buffer()).isSameAs(buffer);
  }

  @Test
  void truncateDiscardsWhatFollows() {
    CborWriter w = new CborWriter();
    w.startMap().key("off");
    int mark = w.size();
    w.uint(100).key("len").uint(5);

    w.truncate(mark);
    w.uint(7).end();

    assertThat(HEX.formatHex(w.toByteArray())).isEqualTo("bf636f666607ff");
    assertThatThrownBy(() -> w.truncate(w.size() + 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> w.truncate(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void skipReservesBytesToFillInLater() {
    CborWriter w = new CborWriter(0, 100);

    int header = w.skip(8);
    w.startMap().end();
    int trailer = w.skip(2);
    w.buffer()[header] = 0x09;
    w.buffer()[trailer] = 0x01;
    w.buffer()[trailer + 1] = 0x02;

    assertThat(header).isZero();
    assertThat(trailer).isEqualTo(10);
    assertThat(HEX.formatHex(w.toByteArray())).isEqualTo("0900000000000000" + "bfff" + "0102");
  }
}
