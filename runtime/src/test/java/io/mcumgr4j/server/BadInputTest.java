package io.mcumgr4j.server;

import static io.mcumgr4j.server.Packets.bytes;
import static io.mcumgr4j.server.Packets.concat;
import static io.mcumgr4j.server.Packets.header;
import static io.mcumgr4j.server.Packets.message;
import static io.mcumgr4j.server.Packets.rcResponse;
import static io.mcumgr4j.server.TestGroups.TEST_GROUP;
import static io.mcumgr4j.server.TestGroups.echoRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.mcumgr4j.cbor.CborWriter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input of every kind gets Zephyr's exact answer (or none), and the server answers a good
 * request right after.
 */
class BadInputTest {

  private static final int V2 = 1;
  private static final int READ = 0;
  private static final int WRITE = 2;
  /** {d:"hi"} and the echo's answer {r:"hi"} (indefinite-length, as Zephyr writes it). */
  private static final byte[] ECHO = echoRequest("hi");
  private static final String ECHO_RSP_PAYLOAD = "bf617262" + "6869" + "ff";

  private final SmpServer server = TestGroups.server(ServerConfig.DEFAULT);

  @AfterEach
  void close() {
    server.close();
  }

  /** Zephyr's echo answer to a v2 write with sequence {@code seq}. */
  private static String echoResponse(int seq) {
    return header(3, V2, 7, 0, seq, 0) + ECHO_RSP_PAYLOAD;
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        // name, packet, expected responses, packets counted as dropped
        arguments("empty packet", new byte[0], List.of(), 0),
        arguments("5-byte header", bytes("0a00000600"), List.of(), 1),
        arguments("7-byte header", bytes("0a000006000001"), List.of(), 1),
        arguments("length 10 > 6 payload bytes",
            message(WRITE, V2, 0, 1, 0, 10, ECHO), List.of(rcResponse(3, V2, 0, 1, 0, 9)), 0),
        arguments("length 1, no payload (read)",
            message(READ, V2, 0, 1, 0, 1, new byte[0]), List.of(rcResponse(1, V2, 0, 1, 0, 9)), 0),
        arguments("length 6 < 9 bytes: 3 leftover bytes dropped after the answer",
            concat(message(WRITE, V2, 0, 2, 0, ECHO), bytes("0a0000")), List.of(echoResponse(2)), 1),
        arguments("leftover is a whole message: answered too",
            concat(message(WRITE, V2, 0, 3, 0, ECHO), message(WRITE, V2, 0, 4, 0, ECHO)),
            List.of(echoResponse(3), echoResponse(4)), 0),
        arguments("leftover message is short of its length: rc 9 after the first answer",
            concat(message(WRITE, V2, 0, 3, 0, ECHO), message(WRITE, V2, 0, 4, 0, 7, ECHO)),
            List.of(echoResponse(3), rcResponse(3, V2, 0, 4, 0, 9)), 0),
        arguments("non-map payload: text", message(WRITE, V2, 0, 5, 0, bytes("6178")),
            List.of(rcResponse(3, V2, 0, 5, 0, 3)), 0),
        arguments("non-map payload: array", message(WRITE, V2, 0, 5, 0, bytes("80")),
            List.of(rcResponse(3, V2, 0, 5, 0, 3)), 0),
        arguments("non-map payload: uint", message(READ, V2, 0, 5, 0, bytes("01")),
            List.of(rcResponse(1, V2, 0, 5, 0, 3)), 0),
        arguments("non-map payload: null", message(WRITE, V2, 0, 5, 0, bytes("f6")),
            List.of(rcResponse(3, V2, 0, 5, 0, 3)), 0),
        arguments("invalid CBOR: text cut short", message(WRITE, V2, 0, 6, 0, bytes("a1616462")),
            List.of(rcResponse(3, V2, 0, 6, 0, 3)), 0),
        arguments("invalid CBOR: reserved additional info 28", message(WRITE, V2, 0, 6, 0, bytes("a161641c")),
            List.of(rcResponse(3, V2, 0, 6, 0, 3)), 0),
        arguments("invalid CBOR: map of 2 with 1 entry", message(WRITE, V2, 0, 6, 0, bytes("a2616461 78")),
            List.of(rcResponse(3, V2, 0, 6, 0, 3)), 0),
        arguments("invalid CBOR: indefinite map without break",
            message(WRITE, V2, 0, 6, 0, bytes("bf61646178")), List.of(rcResponse(3, V2, 0, 6, 0, 3)), 0),
        arguments("invalid CBOR: lone break", message(WRITE, V2, 0, 6, 0, bytes("ff")),
            List.of(rcResponse(3, V2, 0, 6, 0, 3)), 0),
        arguments("invalid CBOR: break inside a definite map", message(WRITE, V2, 0, 6, 0, bytes("a1ff")),
            List.of(rcResponse(3, V2, 0, 6, 0, 3)), 0),
        arguments("wrong value type: d is a uint", message(WRITE, V2, 0, 6, 0, bytes("a1616401")),
            List.of(rcResponse(3, V2, 0, 6, 0, 3)), 0),
        arguments("key twice", message(WRITE, V2, 0, 6, 0, bytes("a2616461786164617a")),
            List.of(rcResponse(3, V2, 0, 6, 0, 3)), 0),
        arguments("empty payload to a command with parameters", message(WRITE, V2, 0, 7, 0, new byte[0]),
            List.of(rcResponse(3, V2, 0, 7, 0, 3)), 0),
        arguments("unknown group", message(READ, V2, 200, 8, 0, bytes("a0")),
            List.of(rcResponse(1, V2, 200, 8, 0, 8)), 0),
        arguments("unknown group 65535", message(WRITE, V2, 0xFFFF, 8, 0xFF, bytes("a0")),
            List.of(rcResponse(3, V2, 0xFFFF, 8, 0xFF, 8)), 0),
        arguments("command past the table", message(READ, V2, 0, 9, 99, bytes("a0")),
            List.of(rcResponse(1, V2, 0, 9, 99, 8)), 0),
        arguments("empty slot in the table", message(READ, V2, 0, 9, 3, bytes("a0")),
            List.of(rcResponse(1, V2, 0, 9, 3, 8)), 0),
        arguments("read on a write-only command", message(READ, V2, TEST_GROUP, 10, 5, bytes("a0")),
            List.of(rcResponse(1, V2, TEST_GROUP, 10, 5, 8)), 0),
        arguments("write on a read-only command", message(WRITE, V2, 0, 10, 6, bytes("a0")),
            List.of(rcResponse(3, V2, 0, 10, 6, 8)), 0),
        arguments("response op 3 (WRITE_RSP)", message(3, V2, 0, 11, 0, ECHO),
            List.of(rcResponse(3, V2, 0, 11, 0, 8)), 0),
        arguments("version 2", message(READ, 2, 0, 12, 6, bytes("a0")),
            List.of(rcResponse(1, V2, 0, 12, 6, 13)), 0),
        arguments("version 3", message(WRITE, 3, 0, 12, 0, ECHO),
            List.of(rcResponse(3, V2, 0, 12, 0, 13)), 0),
        arguments("handler throws a RuntimeException", message(READ, V2, TEST_GROUP, 13, 4, bytes("a0")),
            List.of(rcResponse(1, V2, TEST_GROUP, 13, 4, 1)), 0),
        arguments("handler throws MgmtException: partial output discarded",
            message(READ, V2, TEST_GROUP, 13, 0, bytes("a0")),
            List.of(rcResponse(1, V2, TEST_GROUP, 13, 0, 6)), 0),
        arguments("error first: the rest of the packet is not processed",
            concat(message(READ, V2, 200, 14, 0, bytes("a0")), message(WRITE, V2, 0, 15, 0, ECHO)),
            List.of(rcResponse(1, V2, 200, 14, 0, 8)), 0),
        arguments("error in the middle: answered up to it",
            concat(message(WRITE, V2, 0, 14, 0, ECHO), message(READ, V2, 0, 15, 99, bytes("a0")),
                message(WRITE, V2, 0, 16, 0, ECHO)),
            List.of(echoResponse(14), rcResponse(1, V2, 0, 15, 99, 8)), 0),
        arguments("handler failure in the middle stops the rest",
            concat(message(WRITE, V2, 0, 14, 0, ECHO), message(READ, V2, TEST_GROUP, 15, 4, bytes("a0")),
                message(WRITE, V2, 0, 16, 0, ECHO)),
            List.of(echoResponse(14), rcResponse(1, V2, TEST_GROUP, 15, 4, 1)), 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void answersExactlyAndKeepsWorking(String name, byte[] packet, List<String> expected, int dropped) {
    long droppedBefore = server.droppedPackets();

    assertThat(Packets.process(server, packet)).containsExactlyElementsOf(expected);
    assertThat(server.droppedPackets() - droppedBefore).as("packets counted as dropped").isEqualTo(dropped);

    assertThat(Packets.process(server, message(WRITE, V2, 0, 0x55, 0, ECHO)))
        .containsExactly(echoResponse(0x55));
  }

  /** Zephyr's {@code smp_rsp_op}: READ_RSP only for a READ; WRITE_RSP (3) for anything else. */
  @ParameterizedTest(name = "op {0}")
  @ValueSource(ints = {1, 4, 5, 6, 7})
  void nonRequestOpsGetRc8WithZephyrsResponseOp3(int op) {
    assertThat(Packets.process(server, message(op, V2, 0, 17, 0, ECHO)))
        .containsExactly(rcResponse(3, V2, 0, 17, 0, 8));

    assertThat(Packets.process(server, message(WRITE, V2, 0, 0x55, 0, ECHO)))
        .containsExactly(echoResponse(0x55));
  }

  /** Whatever the response op, the rest of a non-request op's answer is {rc:8}, header echoed. */
  @ParameterizedTest(name = "op {0}")
  @ValueSource(ints = {1, 4, 5, 6, 7})
  void nonRequestOpsGetRc8(int op) {
    List<byte[]> out = collect(message(op, V2, 0x1234, 17, 0x42, ECHO));

    assertThat(out).hasSize(1);
    String rsp = Packets.hex(out.get(0));
    assertThat(rsp.substring(2)).isEqualTo("0000061234" + "1142" + "bf62726308ff");
    assertThat((out.get(0)[0] >> 3) & 3).as("version").isEqualTo(V2);
    assertThat(out.get(0)[0] & 1).as("a response op").isEqualTo(1);
  }

  @Test
  void v1RequestToAServerWithoutV1GetsRc12() {
    try (SmpServer v2only = TestGroups.server(ServerConfig.DEFAULT.withSupportV1(false))) {
      assertThat(Packets.process(v2only, message(WRITE, 0, 0, 1, 0, ECHO)))
          .containsExactly(rcResponse(3, 0, 0, 1, 0, 12));
      assertThat(Packets.process(v2only, message(READ, 0, 0, 2, 6, bytes("a0"))))
          .containsExactly(rcResponse(1, 0, 0, 2, 6, 12));
      assertThat(Packets.process(v2only, message(WRITE, V2, 0, 3, 0, ECHO))).containsExactly(echoResponse(3));
    }
  }

  @Test
  void v1RequestIsServedWithVersion0WhenSupported() {
    assertThat(Packets.process(server, message(WRITE, 0, 0, 1, 0, ECHO)))
        .containsExactly(header(3, 0, 7, 0, 1, 0) + ECHO_RSP_PAYLOAD);
  }

  @Test
  void packetLargerThanBufSizeIsDroppedUnanswered() {
    int bufSize = server.config().bufSize();
    // {pad: bstr} sized so that the packet is exactly bufSize: 8 + A1 + 63 'pad' + 59 nn nn + n
    int n = bufSize - 8 - 1 - 4 - 3;
    byte[] fits = message(WRITE, V2, TEST_GROUP, 1, 5, padRequest(n));
    byte[] tooBig = message(WRITE, V2, TEST_GROUP, 2, 5, padRequest(n + 1));
    assertThat(fits).hasSize(bufSize);
    assertThat(tooBig).hasSize(bufSize + 1);

    long before = server.droppedPackets();
    assertThat(Packets.process(server, tooBig)).isEmpty();
    assertThat(server.droppedPackets()).isEqualTo(before + 1);

    assertThat(Packets.process(server, fits)).containsExactly(header(3, V2, 2, TEST_GROUP, 1, 5) + "bfff");
    assertThat(server.droppedPackets()).isEqualTo(before + 1);
  }

  @Test
  void responseLargerThanBufSizeIsRc7() {
    int bufSize = server.config().bufSize();
    // response: 8 + BF + 61 'b' + 59 nn nn + n + FF = n + 15 bytes
    int n = bufSize - 15;
    List<byte[]> fits = collect(message(READ, V2, TEST_GROUP, 1, 3, blobRequest(n)));
    assertThat(fits).hasSize(1);
    assertThat(fits.get(0)).hasSize(bufSize);
    assertThat(Packets.hex(fits.get(0))).startsWith(header(1, V2, bufSize - 8, TEST_GROUP, 1, 3) + "bf616259")
        .endsWith("00ff");

    assertThat(Packets.process(server, message(READ, V2, TEST_GROUP, 2, 3, blobRequest(n + 1))))
        .containsExactly(rcResponse(1, V2, TEST_GROUP, 2, 3, 7));
    assertThat(Packets.process(server, message(READ, V2, TEST_GROUP, 3, 3, blobRequest(60000))))
        .containsExactly(rcResponse(1, V2, TEST_GROUP, 3, 3, 7));
    assertThat(Packets.process(server, message(WRITE, V2, 0, 0x55, 0, ECHO))).containsExactly(echoResponse(0x55));
  }

  @Test
  void verboseErrorsAddRsn() {
    try (SmpServer verbose = TestGroups.server(ServerConfig.DEFAULT.withVerboseErrors(true))) {
      // {rc:6, rsn:"not now"}
      String payload = "bf627263066372736e" + "676e6f74206e6f77" + "ff";
      assertThat(Packets.process(verbose, message(READ, V2, TEST_GROUP, 1, 0, bytes("a0"))))
          .containsExactly(header(1, V2, payload.length() / 2, TEST_GROUP, 1, 0) + payload);

      // a handler crash: rc 1 with some reason text
      List<byte[]> crash = collect(verbose, message(READ, V2, TEST_GROUP, 2, 4, bytes("a0")));
      assertThat(crash).hasSize(1);
      assertThat(Packets.hex(crash.get(0)).substring(16)).startsWith("bf627263016372736e");
      assertThat(TestGroups.textField(java.util.Arrays.copyOfRange(crash.get(0), 8, crash.get(0).length), "rsn"))
          .isNotEmpty();

      // a decode failure carries the reader's reason
      List<byte[]> decode = collect(verbose, message(WRITE, V2, 0, 3, 0, bytes("6178")));
      assertThat(Packets.hex(decode.get(0)).substring(16)).startsWith("bf627263036372736e");
    }
    // and without the option: no rsn
    assertThat(Packets.process(server, message(READ, V2, TEST_GROUP, 1, 0, bytes("a0"))))
        .containsExactly(rcResponse(1, V2, TEST_GROUP, 1, 0, 6));
  }

  @Test
  void verboseErrorsAddNoRsnWhereThereIsNoReason() {
    try (SmpServer verbose = TestGroups.server(ServerConfig.DEFAULT.withVerboseErrors(true))) {
      assertThat(Packets.process(verbose, message(READ, V2, 200, 1, 0, bytes("a0"))))
          .containsExactly(rcResponse(1, V2, 200, 1, 0, 8));
    }
  }

  @Test
  void manyBadPacketsInARowDoNotWedgeTheServer() {
    java.util.Random random = new java.util.Random(42);
    for (int i = 0; i < 2000; i++) {
      byte[] junk = new byte[random.nextInt(40)];
      random.nextBytes(junk);
      if (junk.length >= 4) {
        // keep the length plausible so that handlers see garbage payloads, not just rc 9
        junk[2] = 0;
        junk[3] = (byte) Math.max(0, junk.length - 8);
      }
      List<byte[]> out = collect(junk);
      for (byte[] rsp : out) {
        assertThat(rsp.length).isGreaterThanOrEqualTo(8);
        assertThat(rsp[0] & 1).as("response op").isEqualTo(1);
        assertThat(rsp[1]).as("flags").isZero();
        assertThat(((rsp[2] & 0xFF) << 8) | (rsp[3] & 0xFF)).isEqualTo(rsp.length - 8);
      }
    }
    assertThat(Packets.process(server, message(WRITE, V2, 0, 0x55, 0, ECHO))).containsExactly(echoResponse(0x55));
  }

  private List<byte[]> collect(byte[] packet) {
    return collect(server, packet);
  }

  private static List<byte[]> collect(SmpServer s, byte[] packet) {
    Packets.Collector sink = new Packets.Collector();
    s.process(packet, 0, packet.length, Packets.LINK, sink);
    return sink.packets();
  }

  private static byte[] padRequest(int n) {
    return new CborWriter(16, 0xFFFF).startMap(1).key("pad").bytes(new byte[n]).toByteArray();
  }

  private static byte[] blobRequest(int n) {
    return new CborWriter().startMap(1).key("n").uint(n).toByteArray();
  }
}
