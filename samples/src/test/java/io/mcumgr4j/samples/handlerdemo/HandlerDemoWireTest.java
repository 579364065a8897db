package io.mcumgr4j.samples.handlerdemo;

import static io.mcumgr4j.samples.testing.Wire.hex;
import static io.mcumgr4j.samples.testing.Wire.map;
import static io.mcumgr4j.samples.testing.Wire.rcResponse;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.client.ClientConfig;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.frame.SmpFrame;
import io.mcumgr4j.frame.SmpHeader;
import io.mcumgr4j.samples.testing.Connection;
import io.mcumgr4j.samples.testing.Link;
import io.mcumgr4j.server.SmpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The example group's responses to hand-built requests, byte for byte. */
class HandlerDemoWireTest {

  private static final int GROUP = 64;
  private static final String TEST_OK = "bf" + "6a72657475726e5f696e74" + "191253" + "ff";
  private static final String NOT_WANTED =
      "bf" + "63657272" + "bf" + "6567726f7570" + "1840" + "627263" + "02" + "ff" + "ff";

  private final SmpServer server = HandlerDemoServer.newServer();
  private Connection connection;
  private SmpClient client;

  @BeforeEach
  void open() throws Exception {
    connection = Link.MEMORY.open(server);
    client = connection.client();
  }

  @AfterEach
  void close() {
    connection.close();
    server.close();
  }

  private String test(byte[] request) {
    SmpFrame response = client.send(Op.READ, GROUP, 0, request);
    assertThat(response.header().op()).isEqualTo(Op.READ_RSP.code());
    return hex(response.payload());
  }

  @Test
  void testResponseIsReturnIntAlone() {
    assertThat(test(map(2, w -> w.key("uint_key").uint(5).key("string_key").text("hi")))).isEqualTo(TEST_OK);
  }

  @Test
  void groupErrorIsErrMapAlone() {
    assertThat(test(map(2, w -> w.key("uint_key").uint(51).key("string_key").text("hi")))).isEqualTo(NOT_WANTED);
  }

  @Test
  void groupErrorIsItsLegacyRcForV1() throws Exception {
    try (Connection v1 = Link.MEMORY.open(server, ClientConfig.DEFAULT.withVersion(SmpHeader.VERSION_1))) {
      SmpFrame response = v1.client().send(Op.READ, GROUP, 0,
          map(2, w -> w.key("uint_key").uint(51).key("string_key").text("hi")));
      assertThat(hex(response.payload())).isEqualTo(rcResponse(5));
      assertThat(response.header().version()).isEqualTo(SmpHeader.VERSION_1);
    }
  }

  @Test
  void missingRequiredKeyIsEinval() {
    assertThat(test(map(1, w -> w.key("uint_key").uint(5)))).isEqualTo(rcResponse(3));
    assertThat(test(map(0, w -> { }))).isEqualTo(rcResponse(3));
  }

  @Test
  void unknownKeysAreIgnored() {
    assertThat(test(map(4, w -> w
        .key("extra").startMap(1).key("nested").startArray(2).uint(1).text("x")
        .key("uint_key").uint(5)
        .key("more").bytes(new byte[] {1, 2, 3})
        .key("string_key").text("hi"))))
        .isEqualTo(TEST_OK);
  }

  @Test
  void keyTwiceIsEinval() {
    assertThat(test(map(3, w -> w.key("uint_key").uint(5).key("string_key").text("hi").key("uint_key").uint(6))))
        .isEqualTo(rcResponse(3));
    assertThat(test(map(3, w -> w.key("uint_key").uint(5).key("string_key").text("hi").key("string_key").text("hi"))))
        .isEqualTo(rcResponse(3));
  }

  @Test
  void wrongTypeIsEinval() {
    assertThat(test(map(2, w -> w.key("uint_key").text("5").key("string_key").text("hi"))))
        .isEqualTo(rcResponse(3));
    assertThat(test(map(2, w -> w.key("uint_key").uint(5).key("string_key").bytes(new byte[] {'h', 'i'}))))
        .isEqualTo(rcResponse(3));
  }

  @Test
  void uintKeyOutsideUint32IsEinval() {
    assertThat(test(map(2, w -> w.key("uint_key").integer(-1).key("string_key").text("hi"))))
        .isEqualTo(rcResponse(3));
    assertThat(test(map(2, w -> w.key("uint_key").uint(1L << 32).key("string_key").text("hi"))))
        .isEqualTo(rcResponse(3));
    assertThat(test(map(2, w -> w.key("uint_key").uint(0xFFFF_FFFFL).key("string_key").text("hi"))))
        .isEqualTo(NOT_WANTED);
  }

  @Test
  void opOrCommandWithoutHandlerIsEnotsup() {
    assertThat(hex(client.send(Op.READ, GROUP, 1, map(0, w -> { })).payload())).isEqualTo(rcResponse(8));
    assertThat(hex(client.send(Op.WRITE, GROUP, 0, map(0, w -> { })).payload())).isEqualTo(rcResponse(8));
    assertThat(hex(client.send(Op.READ, GROUP, 2, map(0, w -> { })).payload())).isEqualTo(rcResponse(8));
    assertThat(hex(client.send(Op.WRITE, GROUP, 2, map(0, w -> { })).payload())).isEqualTo(rcResponse(8));
  }

  @Test
  void otherResponseAndHookRefusal() {
    assertThat(hex(client.send(Op.WRITE, GROUP, 1, map(0, w -> { })).payload()))
        .isEqualTo("bf" + "6d72657475726e5f737472696e67" + "70736f6d652064756d6d79206461746121" + "ff");
    assertThat(hex(client.send(Op.WRITE, GROUP, 1, map(1, w -> w.key("user_value").uint(13))).payload()))
        .isEqualTo("bf" + "63657272" + "bf" + "6567726f7570" + "1840" + "627263" + "03" + "ff" + "ff");
  }
}
