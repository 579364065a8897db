package io.mcumgr4j.client;

import static io.mcumgr4j.client.ClientRetryTest.rPayload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.frame.SmpFrame;
import io.mcumgr4j.frame.SmpHeader;
import io.mcumgr4j.server.Packets;
import io.mcumgr4j.server.TestGroups;
import io.mcumgr4j.transport.udp.UdpTransport;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Responses are matched to requests by sequence, group, command and op; anything else (late,
 * duplicated, foreign, malformed) is dropped without disturbing the requests in flight.
 */
class ClientMatchingTest {

  private static final Duration SHORT = Duration.ofMillis(200);
  private static final Duration LONG = Duration.ofSeconds(10);

  private static String d(byte[] request) {
    return TestGroups.textField(Arrays.copyOfRange(request, 8, request.length), "d");
  }

  private static byte[] echo(byte[] request) {
    return FakeDevice.answer(request, rPayload(d(request)));
  }

  @Test
  void aLateResponseToATimedOutRequestIsDropped() throws Exception {
    try (FakeDevice device = new FakeDevice((index, request, earlier) -> index == 0
            ? List.of()
            : List.of(FakeDevice.answer(earlier.get(0), rPayload("late")), echo(request)));
        SmpClient client = new SmpClient(new UdpTransport(device.address()),
            ClientConfig.DEFAULT.withTimeout(SHORT).withRetries(0))) {
      assertThatThrownBy(() -> client.send(Op.WRITE, 0, 0, TestGroups.echoRequest("first")))
          .isInstanceOf(SmpTimeoutException.class);

      SmpFrame rsp = client.send(Op.WRITE, 0, 0, TestGroups.echoRequest("second"), LONG, 0);
      assertThat(TestGroups.echoText(rsp.payload())).isEqualTo("second");
      assertThat(client.inFlight()).isZero();
    }
  }

  @Test
  void aLateCopyOfAnAnsweredResponseIsDropped() throws Exception {
    try (FakeDevice device = new FakeDevice((index, request, earlier) -> index == 0
            ? List.of(echo(request))
            : List.of(FakeDevice.answer(earlier.get(0), rPayload("stale")), echo(request)));
        SmpClient client = new SmpClient(new UdpTransport(device.address()),
            ClientConfig.DEFAULT.withTimeout(LONG).withRetries(0))) {
      assertThat(TestGroups.echoText(client.send(Op.WRITE, 0, 0, TestGroups.echoRequest("a")).payload()))
          .isEqualTo("a");
      assertThat(TestGroups.echoText(client.send(Op.WRITE, 0, 0, TestGroups.echoRequest("b")).payload()))
          .isEqualTo("b");
    }
  }

  @Test
  void aDuplicatedResponseIsDropped() throws Exception {
    try (FakeDevice device = new FakeDevice((index, request, earlier) -> index == 0
            ? List.of(echo(request), echo(request), echo(request))
            : List.of(echo(request)));
        SmpClient client = new SmpClient(new UdpTransport(device.address()),
            ClientConfig.DEFAULT.withTimeout(LONG).withRetries(0))) {
      assertThat(TestGroups.echoText(client.send(Op.WRITE, 0, 0, TestGroups.echoRequest("once")).payload()))
          .isEqualTo("once");
      for (int i = 0; i < 5; i++) {
        assertThat(TestGroups.echoText(client.send(Op.WRITE, 0, 0, TestGroups.echoRequest("next" + i)).payload()))
            .isEqualTo("next" + i);
      }
      assertThat(client.inFlight()).isZero();
    }
  }

  @Test
  void aResponseWithTheRightSequenceButAnotherGroupCommandOrOpIsIgnored() throws Exception {
    int group = 0x1234;
    int command = 7;
    try (FakeDevice device = new FakeDevice((index, request, earlier) -> {
          byte[] truncated = Arrays.copyOf(FakeDevice.answer(request, 3, group, command, rPayload("cut")), 12);
          return List.of(
              FakeDevice.answer(request, 3, group + 1, command, rPayload("wrong group")),
              FakeDevice.answer(request, 3, group, command + 1, rPayload("wrong command")),
              FakeDevice.answer(request, 1, group, command, rPayload("read response to a write")),
              FakeDevice.answer(request, 2, group, command, rPayload("a request")),
              FakeDevice.answer(request, 7, group, command, rPayload("op 7")),
              truncated,
              Arrays.copyOf(request, 5),
              FakeDevice.answer(request, 3, group, command, rPayload("right")));
        });
        SmpClient client = new SmpClient(new UdpTransport(device.address()),
            ClientConfig.DEFAULT.withTimeout(LONG).withRetries(0))) {
      SmpFrame rsp = client.send(Op.WRITE, group, command, TestGroups.echoRequest("x"));

      assertThat(TestGroups.echoText(rsp.payload())).isEqualTo("right");
      assertThat(rsp.header().group()).isEqualTo(group);
      assertThat(rsp.header().command()).isEqualTo(command);
      assertThat(rsp.header().op()).isEqualTo(3);
    }
  }

  @Test
  void twoResponsesInOneDatagramCompleteTwoRequests() throws Exception {
    try (FakeDevice device = new FakeDevice((index, request, earlier) -> index == 0
            ? List.of()
            : List.of(Packets.concat(echo(request), echo(earlier.get(0)))));
        SmpClient client = new SmpClient(new UdpTransport(device.address()),
            ClientConfig.DEFAULT.withTimeout(LONG).withRetries(0))) {
      CompletableFuture<SmpFrame> a = client.sendAsync(Op.WRITE, 0, 0, TestGroups.echoRequest("a"));
      device.nextRequest();
      CompletableFuture<SmpFrame> b = client.sendAsync(Op.WRITE, 0, 0, TestGroups.echoRequest("b"));

      assertThat(TestGroups.echoText(SmpClient.await(a).payload())).isEqualTo("a");
      assertThat(TestGroups.echoText(SmpClient.await(b).payload())).isEqualTo("b");
    }
  }

  @Test
  void aResponseFromAnotherAddressIsIgnored() throws Exception {
    CountDownLatch forged = new CountDownLatch(1);
    try (FakeDevice device = new FakeDevice(FakeDevice.after(forged, (index, request, earlier) -> List.of(echo(request))));
        UdpTransport transport = new UdpTransport(device.address());
        SmpClient client = new SmpClient(transport, ClientConfig.DEFAULT.withTimeout(LONG).withRetries(0));
        DatagramSocket intruder = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      CompletableFuture<SmpFrame> f = client.sendAsync(Op.WRITE, 0, 0, TestGroups.echoRequest("genuine"));
      byte[] request = device.nextRequest();
      byte[] fake = FakeDevice.answer(request, rPayload("forged"));
      intruder.send(new DatagramPacket(fake, fake.length,
          new InetSocketAddress(InetAddress.getLoopbackAddress(), transport.localAddress().getPort())));
      forged.countDown();

      SmpFrame rsp = SmpClient.await(f);
      assertThat(TestGroups.echoText(rsp.payload())).isEqualTo("genuine");
      assertThat(rsp.header().sequence()).isEqualTo(SmpHeader.decode(request).sequence());
    }
  }
}
