package io.mcumgr4j.cbor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.error.MgmtException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CborReaderTest {

  private static final HexFormat HEX = HexFormat.of();

  private static CborReader reader(String hex) {
    return CborReader.of(HEX.parseHex(hex));
  }

  /** A reader of {@code {"v": <valueHex>}} positioned on the value. */
  private static CborReader valueReader(String valueHex) {
    CborReader r = reader("a16176" + valueHex);
    r.beginMap();
    assertThat(r.nextKey()).isEqualTo("v");
    return r;
  }

  private static void assertEinval(ThrowingCallable call, String reasonPart) {
    assertThatThrownBy(call).isInstanceOfSatisfying(MgmtException.class, e -> {
      assertThat(e.rc()).isEqualTo(3);
      assertThat(e.reason()).contains(reasonPart);
    });
  }

  /** {a: 1, b: [2, -3], c: {d: "x", e: h'0102'}, f: true} in one of the two forms. */
  private static byte[] sample(boolean indefinite) {
    CborWriter w = new CborWriter();
    if (indefinite) {
      w.startMap().key("a").uint(1).key("b").startArray().uint(2).integer(-3).end()
          .key("c").startMap().key("d").text("x").key("e").bytes(new byte[] {1, 2}).end()
          .key("f").bool(true).end();
    } else {
      w.startMap(4).key("a").uint(1).key("b").startArray(2).uint(2).integer(-3)
          .key("c").startMap(2).key("d").text("x").key("e").bytes(new byte[] {1, 2})
          .key("f").bool(true);
    }
    return w.toByteArray();
  }

  private static List<Object> readSample(CborReader r) {
    List<Object> seen = new ArrayList<>();
    r.beginMap();
    seen.add(r.nextKey());
    seen.add(r.uint8());
    seen.add(r.nextKey());
    r.beginArray();
    while (r.hasNextItem()) {
      seen.add(r.int32());
    }
    seen.add(r.nextKey());
    r.beginMap();
    seen.add(r.nextKey());
    seen.add(r.text());
    seen.add(r.nextKey());
    seen.add(HEX.formatHex(r.bytes()));
    seen.add(r.nextKey());
    seen.add(r.nextKey());
    seen.add(r.bool());
    seen.add(r.nextKey());
    return seen;
  }

  @ParameterizedTest(name = "indefinite {0}")
  @ValueSource(booleans = {false, true})
  void readsDefiniteAndIndefiniteContainersAlike(boolean indefinite) {
    List<Object> seen = readSample(CborReader.of(sample(indefinite)));

    assertThat(seen).containsExactly("a", 1, "b", 2, -3, "c", "d", "x", "e", "0102", null, "f", true, null);
  }

  @Test
  void currentKeyFollowsTheWalk() {
    CborReader r = reader("bf616101ff");

    assertThat(r.currentKey()).isNull();
    r.beginMap();
    r.nextKey();
    assertThat(r.currentKey()).isEqualTo("a");
    r.uint8();
    assertThat(r.nextKey()).isNull();
    assertThat(r.currentKey()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"80", "9fff"})
  void emptyArrayHasNoItem(String hex) {
    CborReader r = reader(hex);
    r.beginArray();

    assertThat(r.hasNextItem()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"a0", "bfff"})
  void emptyMapHasNoKey(String hex) {
    CborReader r = reader(hex);
    r.beginMap();

    assertThat(r.nextKey()).isNull();
  }

  @ParameterizedTest(name = "indefinite {0}")
  @ValueSource(booleans = {false, true})
  void skipValueSkipsWholeNestedValues(boolean indefinite) {
    // {s1: {x: [1, {y: 2}], z: "t"}, s2: [[], {}], s3: "text", s4: h'00', s5: -7, keep: 7}
    CborTree.Node tree = CborTree.read(HEX.parseHex(
        "a6" + "627331" + "a2" + "6178" + "82" + "01" + "a1" + "6179" + "02" + "617a" + "6174"
            + "627332" + "82" + "80" + "a0"
            + "627333" + "6474657874"
            + "627334" + "4100"
            + "627335" + "26"
            + "646b656570" + "07"));
    CborReader r = CborReader.of(CborTree.encode(tree, indefinite));
    r.beginMap();

    List<String> skipped = new ArrayList<>();
    long kept = -1;
    for (String key = r.nextKey(); key != null; key = r.nextKey()) {
      if (key.equals("keep")) {
        kept = r.uint32();
      } else {
        r.skipValue();
        skipped.add(key);
      }
    }

    assertThat(skipped).containsExactly("s1", "s2", "s3", "s4", "s5");
    assertThat(kept).isEqualTo(7);
  }

  @Test
  void skipValueInsideAnArrayMovesToTheNextItem() {
    CborReader r = reader("9fa1616101" + "9f01ff" + "05ff");
    r.beginArray();

    assertThat(r.hasNextItem()).isTrue();
    r.skipValue();
    assertThat(r.hasNextItem()).isTrue();
    r.skipValue();
    assertThat(r.hasNextItem()).isTrue();
    assertThat(r.uint8()).isEqualTo(5);
    assertThat(r.hasNextItem()).isFalse();
  }

  @Test
  void skipValueAtTheEndOfAContainerIsEinval() {
    CborReader r = reader("80");
    r.beginArray();

    assertEinval(r::skipValue, "must be a value");
  }

  @ParameterizedTest(name = "{0}({1}) = {2}")
  @CsvSource({
    "uint8, 00, 0",
    "uint8, 18ff, 255",
    "uint16, 19ffff, 65535",
    "uint32, 1affffffff, 4294967295",
    "uint10, 0a, 10",
    "uintMax, 1b7fffffffffffffff, 9223372036854775807",
  })
  void readsUnsignedIntegersUpToTheirMaximum(String method, String valueHex, long expected) {
    assertThat(readUnsigned(method, valueReader(valueHex))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}({1})")
  @CsvSource({
    "uint8, 190100, 256",
    "uint8, 20, -1",
    "uint16, 1a00010000, 65536",
    "uint16, 3903e7, -1000",
    "uint32, 1b0000000100000000, 4294967296",
    "uint32, 3a7fffffff, -2147483648",
    "uint10, 0b, 11",
    "uintMax, 1b8000000000000000, 9223372036854775808",
    "uintMax, 1bffffffffffffffff, 18446744073709551615",
  })
  void rejectsUnsignedIntegersOutOfRangeNamingTheKey(String method, String valueHex, String shown) {
    CborReader r = valueReader(valueHex);

    assertEinval(() -> readUnsigned(method, r), "'v' = " + shown);
  }

  private static long readUnsigned(String method, CborReader r) {
    return switch (method) {
      case "uint8" -> r.uint8();
      case "uint16" -> r.uint16();
      case "uint32" -> r.uint32();
      case "uint10" -> r.uint(10);
      default -> r.uint(Long.MAX_VALUE);
    };
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "00, 0",
    "1b7fffffffffffffff, 9223372036854775807",
    "1b8000000000000000, -9223372036854775808",
    "1bffffffffffffffff, -1",
    "1bfffffffffffffffe, -2",
  })
  void uint64ReturnsTheSame64Bits(String valueHex, long bits) {
    long v = valueReader(valueHex).uint64();

    assertThat(v).isEqualTo(bits);
  }

  @Test
  void uint64ReadsTheLargestValueAsUnsigned() {
    assertThat(Long.toUnsignedString(valueReader("1bffffffffffffffff").uint64()))
        .isEqualTo("18446744073709551615");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"20", "3b7fffffffffffffff", "3bffffffffffffffff"})
  void uint64RejectsNegativeValues(String valueHex) {
    CborReader r = valueReader(valueHex);

    assertEinval(r::uint64, "'v'");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "3a7fffffff, -2147483648",
    "1a7fffffff, 2147483647",
    "37, -24",
    "00, 0",
  })
  void int32ReadsItsWholeRange(String valueHex, int expected) {
    assertThat(valueReader(valueHex).int32()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"3a80000000", "1a80000000", "1b0000000100000000"})
  void int32RejectsValuesOutside32Bits(String valueHex) {
    CborReader r = valueReader(valueHex);

    assertEinval(r::int32, "'v'");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "3b7fffffffffffffff, -9223372036854775808",
    "1b7fffffffffffffff, 9223372036854775807",
    "20, -1",
  })
  void int64ReadsItsWholeRange(String valueHex, long expected) {
    assertThat(valueReader(valueHex).int64()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"1b8000000000000000", "3b8000000000000000", "3bffffffffffffffff"})
  void int64RejectsValuesOutside64Bits(String valueHex) {
    CborReader r = valueReader(valueHex);

    assertEinval(r::int64, "'v'");
  }

  @Test
  void integerChecksItsBounds() {
    assertThat(valueReader("24").integer(-5, 5)).isEqualTo(-5);
    assertThat(valueReader("05").integer(-5, 5)).isEqualTo(5);
    CborReader below = valueReader("25");
    assertEinval(() -> below.integer(-5, 5), "'v' = -6 is outside -5..5");
    CborReader above = valueReader("06");
    assertEinval(() -> above.integer(-5, 5), "'v' = 6 is outside -5..5");
  }

  static Stream<Arguments> wrongTypes() {
    return Stream.of(
        Arguments.of("uint8 on text", "6178", (Consumer<CborReader>) CborReader::uint8),
        Arguments.of("uint32 on bool", "f5", (Consumer<CborReader>) CborReader::uint32),
        Arguments.of("uint64 on null", "f6", (Consumer<CborReader>) CborReader::uint64),
        Arguments.of("int32 on float", "f93e00", (Consumer<CborReader>) CborReader::int32),
        Arguments.of("int64 on bytes", "4101", (Consumer<CborReader>) CborReader::int64),
        Arguments.of("bool on int", "01", (Consumer<CborReader>) CborReader::bool),
        Arguments.of("text on bytes", "4101", (Consumer<CborReader>) CborReader::text),
        Arguments.of("text on map", "a0", (Consumer<CborReader>) CborReader::text),
        Arguments.of("bytes on text", "6178", (Consumer<CborReader>) CborReader::bytes),
        Arguments.of("float64 on int", "01", (Consumer<CborReader>) CborReader::float64),
        Arguments.of("beginMap on array", "80", (Consumer<CborReader>) CborReader::beginMap),
        Arguments.of("beginArray on map", "a0", (Consumer<CborReader>) CborReader::beginArray),
        Arguments.of("beginArray on text", "6178", (Consumer<CborReader>) CborReader::beginArray));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrongTypes")
  void wrongTypeIsEinvalNamingTheKey(String description, String valueHex, Consumer<CborReader> read) {
    CborReader r = valueReader(valueHex);

    assertEinval(() -> read.accept(r), "'v' must be");
  }

  @Test
  void wrongTypeReasonSaysWhatWasExpectedAndFound() {
    CborReader r = valueReader("6178");

    assertEinval(r::uint16, "'v' must be an unsigned integer, got a text string");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "bf6161", // map cut after a key
    "a2616101", // definite map with a missing entry
    "a1616419", // uint16 cut short
    "a161611c", // reserved additional information 28
    "a161646d48656c6c6f", // text cut short
  })
  void malformedOrTruncatedCborIsEinval(String hex) {
    CborReader r = reader(hex);

    assertEinval(() -> {
      r.beginMap();
      for (String key = r.nextKey(); key != null; key = r.nextKey()) {
        r.skipValue();
      }
    }, "");
  }

  @Test
  void truncatedTextIsEinvalWhenRead() {
    CborReader r = valueReader("6d48656c6c6f");

    assertEinval(r::text, "malformed CBOR");
  }

  @Test
  void emptyPayloadIsEinvalOnBeginMap() {
    CborReader r = CborReader.of(new byte[0]);

    assertEinval(r::beginMap, "payload must be a map, got the end of the payload");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"01", "9fff", "80", "6178", "f6", "4100", "20"})
  void nonMapPayloadIsEinvalOnBeginMap(String hex) {
    CborReader r = reader(hex);

    assertEinval(r::beginMap, "payload must be a map");
  }

  /** bf a:{b:[1,2]} c:"xyz" d:1000 e:h'0102' f:[_ 1, {_}] g:-500 h:1.5(half) i:true j:null ff */
  private static final String RAW_SAMPLE = "bf"
      + "6161" + "a16162820102"
      + "6163" + "6378797a"
      + "6164" + "1903e8"
      + "6165" + "420102"
      + "6166" + "9f01bfffff"
      + "6167" + "3901f3"
      + "6168" + "f93e00"
      + "6169" + "f5"
      + "616a" + "f6"
      + "ff";

  private static final List<String> RAW_VALUES = List.of(
      "a16162820102", "6378797a", "1903e8", "420102", "9f01bfffff", "3901f3", "f93e00", "f5", "f6");

  private static List<String> rawValuesOf(CborReader r) {
    List<String> raws = new ArrayList<>();
    r.beginMap();
    for (String key = r.nextKey(); key != null; key = r.nextKey()) {
      raws.add(HEX.formatHex(r.rawValue()));
    }
    return raws;
  }

  @Test
  void rawValueReturnsTheExactBytesOfEachValue() {
    assertThat(rawValuesOf(reader(RAW_SAMPLE))).containsExactlyElementsOf(RAW_VALUES);
  }

  @Test
  void rawValueHonoursTheSourceOffset() {
    byte[] packet = HEX.parseHex("0900003100000000" + RAW_SAMPLE + "eeee");

    CborReader r = CborReader.of(packet, 8, packet.length - 10);

    assertThat(rawValuesOf(r)).containsExactlyElementsOf(RAW_VALUES);
  }

  @Test
  void rawValueOfArrayItems() {
    CborReader r = reader("83" + "6378797a" + "a1616101" + "1903e8");
    r.beginArray();

    List<String> raws = new ArrayList<>();
    while (r.hasNextItem()) {
      raws.add(HEX.formatHex(r.rawValue()));
    }

    assertThat(raws).containsExactly("6378797a", "a1616101", "1903e8");
  }

  @Test
  void rawValueOfTheWholePayloadAndOfLongStrings() {
    String longText = "79012c" + "61".repeat(300);
    String longBytes = "5901f4" + "00".repeat(500);
    String payload = "a2" + "6174" + longText + "6162" + longBytes;

    assertThat(HEX.formatHex(reader(payload).rawValue())).isEqualTo(payload);
    CborReader r = reader(payload);
    r.beginMap();
    r.nextKey();
    assertThat(HEX.formatHex(r.rawValue())).isEqualTo(longText);
    r.nextKey();
    assertThat(HEX.formatHex(r.rawValue())).isEqualTo(longBytes);
    assertThat(r.nextKey()).isNull();
  }

  @ParameterizedTest
  @CsvSource({
      "00, UINT", "1bffffffffffffffff, UINT", "20, NINT", "3bffffffffffffffff, NINT",
      "40, BYTES", "5f41aaff, BYTES", "60, TEXT", "7f6161ff, TEXT",
      "80, ARRAY", "9fff, ARRAY", "a0, MAP", "bfff, MAP",
      "f4, SIMPLE", "f5, SIMPLE", "f6, SIMPLE", "f7, SIMPLE", "f93c00, SIMPLE", "fa3f800000, SIMPLE",
      "fb3ff0000000000000, SIMPLE", "e0, SIMPLE",
      "c11a514b67b0, UINT", "d8206163, TEXT", "c2c340, BYTES"})
  void peekTypeNamesTheNextItemsMajorTypeAndConsumesOnlyTags(String hex, CborReader.MajorType type) {
    byte[] item = HEX.parseHex(hex);
    CborReader r = CborReader.of(item);

    assertThat(r.peekType()).isEqualTo(type);
    assertThat(r.peekType()).as("a second peek sees the same item").isEqualTo(type);
    // what is left is the item itself, tags gone: its raw bytes end the input
    byte[] raw = r.rawValue();
    assertThat(HEX.formatHex(item)).endsWith(HEX.formatHex(raw));
    assertThat(raw[0] & 0xE0).isNotEqualTo(0xC0);
  }

  @Test
  void peekTypeWalksNestedContainers() {
    // {"a": [1, -1, h'01', "x", {"b": true}], "c": null}
    CborReader r = reader("a2" + "6161" + "85" + "01" + "20" + "4101" + "6178" + "a16162f5" + "6163f6");
    List<CborReader.MajorType> seen = new ArrayList<>();
    r.beginMap();
    r.nextKey();
    seen.add(r.peekType());
    r.beginArray();
    while (r.hasNextItem()) {
      CborReader.MajorType t = r.peekType();
      seen.add(t);
      r.skipValue();
    }
    r.nextKey();
    seen.add(r.peekType());
    assertThat(r.nextIsNull()).isTrue();
    assertThat(r.nextKey()).isNull();
    assertThat(seen).containsExactly(CborReader.MajorType.ARRAY, CborReader.MajorType.UINT,
        CborReader.MajorType.NINT, CborReader.MajorType.BYTES, CborReader.MajorType.TEXT,
        CborReader.MajorType.MAP, CborReader.MajorType.SIMPLE);
  }

  @Test
  void peekTypeOnNothingLeftIsEinval() {
    assertEinval(() -> reader("").peekType(), "");
    assertEinval(() -> reader("c1").peekType(), "");
  }

  @Test
  void nextIsNullConsumesOnlyNull() {
    CborReader r = reader("a3" + "6161f6" + "616205" + "6163f6");
    r.beginMap();

    r.nextKey();
    assertThat(r.nextIsNull()).isTrue();
    r.nextKey();
    assertThat(r.nextIsNull()).isFalse();
    assertThat(r.uint8()).isEqualTo(5);
    assertThat(r.nextKey()).isEqualTo("c");
    assertThat(r.nextIsNull()).isTrue();
    assertThat(r.nextKey()).isNull();
  }

  @Test
  void nextIsNullAcceptsUndefined() {
    CborReader r = valueReader("f7");

    assertThat(r.nextIsNull()).isTrue();
    assertThat(r.nextKey()).isNull();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "f93e00, 1.5",
    "fa3fc00000, 1.5",
    "fb3ff8000000000000, 1.5",
    "f9c400, -4.0",
    "f90001, 5.960464477539063E-8",
    "f97c00, Infinity",
    "fa47c35000, 100000.0",
    "fb3ff199999999999a, 1.1",
  })
  void float64ReadsHalfSingleAndDouble(String valueHex, double expected) {
    assertThat(valueReader(valueHex).float64()).isEqualTo(expected);
  }

  @Test
  void readsTextBytesAndBooleans() {
    CborReader r = reader("a4" + "6174" + "69c3a9e282acf09f9880" + "6162" + "43010203"
        + "6179" + "f5" + "616e" + "f4");
    r.beginMap();

    r.nextKey();
    assertThat(r.text()).isEqualTo("é€😀");
    r.nextKey();
    assertThat(r.bytes()).containsExactly(1, 2, 3);
    r.nextKey();
    assertThat(r.bool()).isTrue();
    r.nextKey();
    assertThat(r.bool()).isFalse();
    assertThat(r.nextKey()).isNull();
  }

  @Test
  void readsZephyrsEchoResponse() {
    CborReader r = reader("bf61726d48656c6c6f2c20576f726c6421ff");
    r.beginMap();

    assertThat(r.nextKey()).isEqualTo("r");
    assertThat(r.text()).isEqualTo("Hello, World!");
    assertThat(r.nextKey()).isNull();
  }

  @Test
  void readsAGroupErrorResponse() {
    // settings/write: {err: {group: 3, rc: 5}}
    CborReader r = reader("bf63657272bf6567726f75700362726305ffff");
    r.beginMap();

    assertThat(r.nextKey()).isEqualTo("err");
    r.beginMap();
    assertThat(r.nextKey()).isEqualTo("group");
    assertThat(r.uint16()).isEqualTo(3);
    assertThat(r.nextKey()).isEqualTo("rc");
    assertThat(r.uint16()).isEqualTo(5);
    assertThat(r.nextKey()).isNull();
    assertThat(r.nextKey()).isNull();
  }
}
