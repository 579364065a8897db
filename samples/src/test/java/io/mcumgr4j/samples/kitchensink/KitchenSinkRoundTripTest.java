package io.mcumgr4j.samples.kitchensink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.cbor.RawCbor;
import io.mcumgr4j.client.ClientConfig;
import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.error.MgmtException;
import io.mcumgr4j.frame.SmpHeader;
import io.mcumgr4j.samples.kitchensink.KitchenSink.Blobs;
import io.mcumgr4j.samples.kitchensink.KitchenSink.Boxed;
import io.mcumgr4j.samples.kitchensink.KitchenSink.Color;
import io.mcumgr4j.samples.kitchensink.KitchenSink.Colors;
import io.mcumgr4j.samples.kitchensink.KitchenSink.Lists;
import io.mcumgr4j.samples.kitchensink.KitchenSink.Node;
import io.mcumgr4j.samples.kitchensink.KitchenSink.Optionals;
import io.mcumgr4j.samples.kitchensink.KitchenSink.Point;
import io.mcumgr4j.samples.kitchensink.KitchenSink.Primitives;
import io.mcumgr4j.samples.kitchensink.KitchenSink.Shape;
import io.mcumgr4j.samples.kitchensink.KitchenSink.Style;
import io.mcumgr4j.samples.kitchensink.KitchenSink.Unsigned;
import io.mcumgr4j.samples.testing.Connection;
import io.mcumgr4j.samples.testing.Link;
import io.mcumgr4j.server.ServerConfig;
import io.mcumgr4j.server.SmpServer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every supported type through the generated {@link KitchenSinkClient}, {@link
 * KitchenSinkDispatcher} and back: each value must come back exactly as sent.
 */
class KitchenSinkRoundTripTest {

  /** Non-ASCII text of 6000 chars (13500 UTF-8 bytes): two-, three- and four-byte sequences. */
  private static final String LONG_TEXT = "ä€🚀".repeat(1500);

  private final SmpServer server = new SmpServer(ServerConfig.DEFAULT.withBufSize(32 * 1024));

  private Connection connection;
  private KitchenSinkClient sink;

  @BeforeEach
  void register() {
    server.register(new KitchenSinkDispatcher(new KitchenSinkEcho()));
  }

  @AfterEach
  void close() {
    if (connection != null) {
      connection.close();
    }
    server.close();
  }

  private void open(Link link) throws Exception {
    connection = link.open(server);
    sink = new KitchenSinkClient(connection.client());
  }

  private static RawCbor raw(String hex) {
    return new RawCbor(HexFormat.of().parseHex(hex));
  }

  @ParameterizedTest
  @EnumSource(Link.class)
  void primitives(Link link) throws Exception {
    open(link);
    for (Primitives p : List.of(
        new Primitives(false, 0, 0L, 0f, 0d),
        new Primitives(true, Integer.MIN_VALUE, Long.MIN_VALUE, -0f, -0d),
        new Primitives(false, Integer.MAX_VALUE, Long.MAX_VALUE, Float.NaN, Double.NaN),
        new Primitives(true, -1, -1L, Float.MIN_VALUE, Double.MIN_VALUE),
        new Primitives(false, 23, 24L, Float.MAX_VALUE, Double.MAX_VALUE),
        new Primitives(true, -24, -25L, Float.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY),
        new Primitives(false, 65536, 1L << 32, 3.14159f, Math.PI))) {
      assertThat(sink.primitives(p.z(), p.i(), p.j(), p.f(), p.d())).isEqualTo(p);
    }
  }

  @ParameterizedTest
  @EnumSource(Link.class)
  void boxed(Link link) throws Exception {
    open(link);
    Boxed b = new Boxed(true, Integer.MIN_VALUE, Long.MAX_VALUE, -1.5f, 1e300);
    assertThat(sink.boxed(b.z(), b.i(), b.j(), b.f(), b.d())).isEqualTo(b);
    assertThatThrownBy(() -> sink.boxed(true, null, 1L, 1f, 1d)).isInstanceOf(NullPointerException.class);

    assertThat(sink.maybeBoxed(b.z(), b.i(), b.j(), b.f(), b.d())).isEqualTo(b);
    assertThat(sink.maybeBoxed(null, null, null, null, null)).isEqualTo(new Boxed(null, null, null, null, null));
    assertThat(sink.maybeBoxed(false, null, -7L, null, Double.NaN))
        .isEqualTo(new Boxed(false, null, -7L, null, Double.NaN));
  }

  @ParameterizedTest
  @EnumSource(Link.class)
  void unsigned(Link link) throws Exception {
    open(link);
    for (Unsigned u : List.of(
        new Unsigned(0, 0, 0L, 0L),
        new Unsigned(255, 65535, 0xFFFF_FFFFL, -1L), // u64 2^64 - 1
        new Unsigned(128, 256, 1L << 31, Long.MIN_VALUE), // u64 2^63
        new Unsigned(24, 255, 65536L, Long.MAX_VALUE))) {
      assertThat(sink.unsigned(u.u8(), u.u16(), u.u32(), u.u64())).isEqualTo(u);
    }
  }

  @ParameterizedTest
  @EnumSource(Link.class)
  void unsignedOutOfRangeIsRefusedByTheClientBeforeSending(Link link) throws Exception {
    open(link);
    assertRefused(() -> sink.unsigned(256, 0, 0L, 0L));
    assertRefused(() -> sink.unsigned(-1, 0, 0L, 0L));
    assertRefused(() -> sink.unsigned(0, 65536, 0L, 0L));
    assertRefused(() -> sink.unsigned(0, 0, 1L << 32, 0L));
    assertRefused(() -> sink.unsigned(0, 0, -1L, 0L));
  }

  private void assertRefused(Runnable call) {
    int before = connection.requestsSent();
    assertThatThrownBy(call::run).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsigned range");
    assertThat(connection.requestsSent()).isEqualTo(before);
  }

  @ParameterizedTest
  @EnumSource(Link.class)
  void textBytesAndRawCbor(Link link) throws Exception {
    open(link);
    byte[] allBytes = new byte[256];
    for (int i = 0; i < allBytes.length; i++) {
      allBytes[i] = (byte) i;
    }
    byte[] longBytes = new byte[6000];
    Arrays.fill(longBytes, (byte) 0xA5);
    for (Blobs b : List.of(
        new Blobs("", new byte[0], raw("00")),
        new Blobs("héllo wörld, ελληνικά, 日本語, 🚀", allBytes, raw("a1616182010f")),
        new Blobs(LONG_TEXT, longBytes, raw("9f0102bf6178f6ffff")),
        new Blobs("x".repeat(5001), new byte[] {0}, raw("fb400921fb54442d18")),
        new Blobs("tagged", new byte[] {1}, raw("c11a514b67b0")),
        new Blobs("text raw", new byte[] {2}, raw("6474657874")),
        new Blobs("bytes raw", new byte[] {3}, raw("43010203")))) {
      assertThat(sink.blobs(b.text(), b.bytes(), b.raw())).usingRecursiveComparison().isEqualTo(b);
    }
  }

  @ParameterizedTest
  @EnumSource(Link.class)
  void nestedRecords(Link link) throws Exception {
    open(link);
    Map<String, Point> anchors = new LinkedHashMap<>();
    anchors.put("z", new Point(9, -9));
    anchors.put("a", new Point(Integer.MAX_VALUE, Integer.MIN_VALUE));
    for (Shape s : List.of(
        new Shape("triangle", new Point(0, 0), List.of(new Point(1, 2), new Point(-3, 4), new Point(5, -6)),
            anchors, Optional.of(new Style(Color.INFRARED, 0.25))),
        new Shape("", new Point(-1, -1), List.of(), Map.of(), Optional.empty()),
        new Shape(null, null, null, null, Optional.empty()))) {
      Shape back = sink.shape(s);
      assertThat(back).isEqualTo(s);
      if (s.anchors() != null) {
        assertThat(back.anchors().keySet()).containsExactlyElementsOf(s.anchors().keySet());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Link.class)
  void selfNestingRecord(Link link) throws Exception {
    open(link);
    Node tree = new Node("root", List.of(
        new Node("leaf", List.of()),
        new Node("branch", List.of(new Node("deep", List.of(new Node(null, null)))))));
    assertThat(sink.tree(tree)).isEqualTo(tree);
  }

  @ParameterizedTest
  @EnumSource(Link.class)
  void listsAndMaps(Link link) throws Exception {
    open(link);
    Map<String, Double> weights = new LinkedHashMap<>();
    weights.put("b", -0d);
    weights.put("a", 0.5);
    weights.put("ü", Double.NEGATIVE_INFINITY);
    Map<String, List<Point>> groups = new LinkedHashMap<>();
    groups.put("none", List.of());
    groups.put("two", List.of(new Point(1, 1), new Point(2, 2)));
    Lists full = new Lists(
        List.of(Long.MIN_VALUE, -1L, 0L, 23L, 24L, Long.MAX_VALUE),
        List.of("", "ä", "🚀", LONG_TEXT.substring(0, 100)),
        List.of(0, 255, 256, 65535),
        weights,
        groups,
        List.of(List.of(), List.of(1), List.of(1, -2, 3)),
        List.of(raw("f6"), raw("a0"), raw("80"), raw("f5"), raw("3903e7")));
    Lists empty = new Lists(List.of(), List.of(), List.of(), Map.of(), Map.of(), List.of(), List.of());
    for (Lists l : List.of(full, empty)) {
      Lists back = sink.lists(l.longs(), l.texts(), l.u16s(), l.weights(), l.groups(), l.matrix(), l.raws());
      assertThat(back).isEqualTo(l);
      assertThat(back.weights().keySet()).containsExactlyElementsOf(l.weights().keySet());
    }
  }

  @ParameterizedTest
  @EnumSource(Link.class)
  void optionalsPresentAndAbsent(Link link) throws Exception {
    open(link);
    for (Optionals o : List.of(
        new Optionals(1, Optional.empty(), Optional.empty(), OptionalInt.empty(), OptionalLong.empty(),
            OptionalDouble.empty()),
        new Optionals(-2, Optional.of("ö"), Optional.of(new Point(3, 4)), OptionalInt.of(Integer.MIN_VALUE),
            OptionalLong.of(-1L), OptionalDouble.of(-0d)),
        new Optionals(3, Optional.of(""), Optional.empty(), OptionalInt.of(0), OptionalLong.empty(),
            OptionalDouble.of(Double.NaN)))) {
      assertThat(sink.optionals(o.id(), o.text(), o.point(), o.small(), o.big(), o.ratio())).isEqualTo(o);
    }
  }

  @ParameterizedTest
  @EnumSource(Link.class)
  void enumsByCode(Link link) throws Exception {
    open(link);
    Map<String, Color> byName = new LinkedHashMap<>();
    for (Color c : Color.values()) {
      byName.put(c.name().toLowerCase(Locale.ROOT), c);
    }
    for (Colors c : List.of(
        new Colors(Color.INFRARED, List.of(Color.values()), byName),
        new Colors(Color.BLUE, List.of(), Map.of()))) {
      assertThat(sink.colors(c.color(), c.palette(), c.byName())).isEqualTo(c);
    }
  }

  @ParameterizedTest
  @EnumSource(Link.class)
  void commandAnsweringBothOps(Link link) throws Exception {
    open(link);
    assertThat(sink.echo("ö").text()).isEqualTo("ö");
    assertThat(sink.echoAsync(LONG_TEXT).get().text()).isEqualTo(LONG_TEXT);
  }

  @ParameterizedTest
  @EnumSource(Link.class)
  void readAndWriteSharingACommandId(Link link) throws Exception {
    open(link);
    assertThatThrownBy(() -> sink.readSetting("volume"))
        .isInstanceOfSatisfying(GroupErrorException.class,
            e -> assertThat(e.error()).isSameAs(KitchenSinkError.NO_SUCH_SETTING));

    sink.writeSetting("volume", new byte[] {11});
    assertThat(sink.readSetting("volume").value()).containsExactly(11);
    assertThat(sink.writeSettingAsync("volume", new byte[] {0, -1}).get()).isNull();
    assertThat(sink.readSetting("volume").value()).containsExactly(0, -1);
  }

  @ParameterizedTest
  @EnumSource(Link.class)
  void groupErrorIsItsLegacyRcForV1(Link link) throws Exception {
    try (Connection v1 = link.open(server, ClientConfig.DEFAULT.withVersion(SmpHeader.VERSION_1))) {
      assertThatThrownBy(() -> new KitchenSinkClient(v1.client()).readSetting("nothing"))
          .isInstanceOfSatisfying(MgmtException.class, e -> assertThat(e.rc()).isEqualTo(5));
    }
  }
}
