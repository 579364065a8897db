package io.mcumgr4j.samples.kitchensink;

import static io.mcumgr4j.samples.testing.Wire.hex;
import static io.mcumgr4j.samples.testing.Wire.keys;
import static io.mcumgr4j.samples.testing.Wire.map;
import static io.mcumgr4j.samples.testing.Wire.rcResponse;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.frame.SmpFrame;
import io.mcumgr4j.samples.kitchensink.KitchenSink.Color;
import io.mcumgr4j.samples.kitchensink.KitchenSink.Point;
import io.mcumgr4j.samples.testing.Connection;
import io.mcumgr4j.samples.testing.Link;
import io.mcumgr4j.server.SmpServer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the generated kitchen sink client sends and its dispatcher answers, byte for byte. */
class KitchenSinkWireTest {

  private final SmpServer server = new SmpServer();
  private Connection connection;
  private SmpClient raw;
  private KitchenSinkClient sink;

  @BeforeEach
  void open() throws Exception {
    server.register(new KitchenSinkDispatcher(new KitchenSinkEcho()));
    connection = Link.MEMORY.open(server);
    raw = connection.client();
    sink = new KitchenSinkClient(raw);
  }

  @AfterEach
  void close() {
    connection.close();
    server.close();
  }

  /** Sends the last request again, raw, and returns the response payload's hex. */
  private String resend() {
    SmpFrame request = connection.lastRequest();
    Op op = request.header().opCode();
    return hex(raw.send(op, request.header().group(), request.header().command(), request.payload()).payload());
  }

  @Test
  void emptyOptionalsAndNullReferencesLeaveTheirKeysOut() {
    sink.optionals(1, Optional.empty(), Optional.empty(), OptionalInt.empty(), OptionalLong.empty(),
        OptionalDouble.empty());
    assertThat(hex(connection.lastRequest().payload())).isEqualTo("a1" + "626964" + "01");
    assertThat(resend()).isEqualTo("bf" + "626964" + "01" + "ff");

    sink.optionals(1, Optional.of("t"), Optional.of(new Point(0, 0)), OptionalInt.of(0), OptionalLong.of(0),
        OptionalDouble.of(0));
    assertThat(keys(connection.lastRequest().payload()))
        .containsExactly("id", "text", "point", "small", "big", "ratio");
    assertThat(resend()).startsWith("bf").endsWith("ff");

    sink.maybeBoxed(null, null, null, null, null);
    assertThat(hex(connection.lastRequest().payload())).isEqualTo("a0");
    assertThat(resend()).isEqualTo("bfff");

    sink.maybeBoxed(null, 5, null, null, null);
    assertThat(hex(connection.lastRequest().payload())).isEqualTo("a1" + "6169" + "05");

    sink.shape(new KitchenSink.Shape(null, null, null, null, Optional.empty()));
    assertThat(hex(connection.lastRequest().payload())).isEqualTo("a1" + "657368617065" + "a0");
    assertThat(resend()).isEqualTo("bfff");
  }

  @Test
  void integersTakeTheirShortestForm() {
    sink.unsigned(255, 65535, 0xFFFF_FFFFL, -1L);
    String entries = "627538" + "18ff"
        + "63753136" + "19ffff"
        + "63753332" + "1affffffff"
        + "63753634" + "1bffffffffffffffff";
    assertThat(hex(connection.lastRequest().payload())).isEqualTo("a4" + entries);
    assertThat(resend()).isEqualTo("bf" + entries + "ff");

    sink.primitives(true, -1, Long.MIN_VALUE, 1.5f, 1.5);
    entries = "617a" + "f5"
        + "6169" + "20"
        + "616a" + "3b7fffffffffffffff"
        + "6166" + "fa3fc00000"
        + "6164" + "fb3ff8000000000000";
    assertThat(hex(connection.lastRequest().payload())).isEqualTo("a5" + entries);
    assertThat(resend()).isEqualTo("bf" + entries + "ff");
  }

  @Test
  void enumsTravelAsTheirCodes() {
    sink.colors(Color.INFRARED, List.of(Color.BLUE, Color.GREEN), Map.of("r", Color.RED));
    assertThat(hex(connection.lastRequest().payload())).isEqualTo("a3"
        + "65636f6c6f72" + "20"
        + "6770616c65747465" + "82" + "1903e8" + "07"
        + "676279" + "5f6e616d65" + "a1" + "6172" + "00");
  }

  @Test
  void unknownEnumCodeIsEinval() {
    assertThat(colors(5, 0)).isEqualTo(rcResponse(3));
    assertThat(colors(0, 99)).isEqualTo(rcResponse(3));
    assertThat(colors(1000, -1)).startsWith("bf");
  }

  private String colors(int color, int inPalette) {
    return hex(raw.send(Op.WRITE, KitchenSinkClient.GROUP_ID, 8, map(3, w -> w
        .key("color").integer(color)
        .key("palette").startArray(1).integer(inPalette)
        .key("by_name").startMap(0))).payload());
  }

  @Test
  void nestedValuesAreCheckedToo() {
    // an absent primitive component takes its default, as Zephyr's decoder leaves it
    assertThat(shape(w -> w.key("origin").startMap(1).key("x").integer(1)))
        .isEqualTo("bf" + "666f726967696e" + "bf" + "6178" + "01" + "6179" + "00" + "ff" + "ff");
    assertThat(shape(w -> w.key("origin").startMap(3).key("x").integer(1).key("y").integer(2).key("x").integer(3)))
        .isEqualTo(rcResponse(3));
    assertThat(shape(w -> w.key("points").startArray(1).text("p"))).isEqualTo(rcResponse(3));
    assertThat(shape(w -> w.key("origin").startMap(2).key("x").integer(1).key("y").integer(2)))
        .isEqualTo("bf" + "666f726967696e" + "bf" + "6178" + "01" + "6179" + "02" + "ff" + "ff");

    assertThat(lists(65536)).isEqualTo(rcResponse(3));
    assertThat(lists(65535)).startsWith("bf");
  }

  /** Sends {@code {shape: {one key}}}, written by {@code entry}. */
  private String shape(Consumer<CborWriter> entry) {
    return hex(raw.send(Op.WRITE, KitchenSinkClient.GROUP_ID, 5, map(1, w -> {
      w.key("shape").startMap(1);
      entry.accept(w);
    })).payload());
  }

  private String lists(long u16) {
    return hex(raw.send(Op.WRITE, KitchenSinkClient.GROUP_ID, 6, map(7, w -> w
        .key("longs").startArray(0)
        .key("texts").startArray(0)
        .key("u16s").startArray(1).uint(u16)
        .key("weights").startMap(0)
        .key("groups").startMap(0)
        .key("matrix").startArray(0)
        .key("raws").startArray(0))).payload());
  }

  @Test
  void bothOpsCommandAnswersReadAndWriteAlike() {
    sink.echo("hi");
    SmpFrame request = connection.lastRequest();
    assertThat(request.header().opCode()).isEqualTo(Op.READ);

    SmpFrame read = raw.send(Op.READ, KitchenSinkClient.GROUP_ID, 9, request.payload());
    SmpFrame write = raw.send(Op.WRITE, KitchenSinkClient.GROUP_ID, 9, request.payload());
    assertThat(read.header().opCode()).isEqualTo(Op.READ_RSP);
    assertThat(write.header().opCode()).isEqualTo(Op.WRITE_RSP);
    assertThat(hex(write.payload())).isEqualTo(hex(read.payload())).isEqualTo("bf" + "6474657874" + "626869" + "ff");
  }

  @Test
  void readAndWriteShareCommandTen() {
    sink.writeSetting("k", new byte[] {7});
    SmpFrame write = connection.lastRequest();
    assertThat(write.header().opCode()).isEqualTo(Op.WRITE);
    assertThat(write.header().command()).isEqualTo(10);
    assertThat(hex(write.payload())).isEqualTo("a2" + "646e616d65" + "616b" + "6376616c" + "4107");
    assertThat(resend()).isEqualTo("bfff");

    sink.readSetting("k");
    SmpFrame read = connection.lastRequest();
    assertThat(read.header().opCode()).isEqualTo(Op.READ);
    assertThat(read.header().command()).isEqualTo(10);
    assertThat(resend()).isEqualTo("bf" + "6376616c" + "4107" + "ff");
  }
}
