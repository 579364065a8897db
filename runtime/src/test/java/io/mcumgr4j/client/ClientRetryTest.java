package io.mcumgr4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.frame.SmpFrame;
import io.mcumgr4j.frame.SmpHeader;
import io.mcumgr4j.server.TestGroups;
import io.mcumgr4j.transport.udp.UdpTransport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Timeouts and retries against a fake device that ignores the first N datagrams. The short
 * timeouts only keep the tests fast; nothing here measures time.
 */
class ClientRetryTest {

  private static final Duration SHORT = Duration.ofMillis(200);

  static byte[] rPayload(String text) {
    return new CborWriter().startMap().key("r").text(text).end().toByteArray();
  }

  /** Ignores the first {@code n} datagrams, echoes every later one. */
  static FakeDevice ignoringFirst(int n) throws Exception {
    return new FakeDevice((index, request, earlier) -> index < n
        ? List.of()
        : List.of(FakeDevice.answer(request, rPayload(TestGroups.textField(
            java.util.Arrays.copyOfRange(request, 8, request.length), "d")))));
  }

  @Test
  void succeedsWhenTheRetriesCoverTheIgnoredDatagrams() throws Exception {
    try (FakeDevice device = ignoringFirst(2);
        SmpClient client = new SmpClient(new UdpTransport(device.address()),
            ClientConfig.DEFAULT.withTimeout(SHORT).withRetries(2))) {
      SmpFrame rsp = client.send(Op.WRITE, 0, 0, TestGroups.echoRequest("third time lucky"));

      assertThat(TestGroups.echoText(rsp.payload())).isEqualTo("third time lucky");
      byte[] first = device.nextRequest();
      byte[] second = device.nextRequest();
      byte[] third = device.nextRequest();
      // every attempt is the same datagram: same sequence number, same bytes
      assertThat(second).isEqualTo(first);
      assertThat(third).isEqualTo(first);
      SmpHeader h = SmpHeader.decode(first);
      assertThat(rsp.header()).isEqualTo(new SmpHeader(3, 1, 0, rsp.payload().length, 0, h.sequence(), 0));
      assertThat(client.inFlight()).isZero();
    }
  }

  @Test
  void aStageOfATimedOutRequestThatBlocksOnAnotherRequestSeesThatOneTimeOutToo() throws Exception {
    try (FakeDevice silent = new FakeDevice((index, request, earlier) -> List.of());
        SmpClient client = new SmpClient(new UdpTransport(silent.address()),
            ClientConfig.DEFAULT.withTimeout(SHORT).withRetries(0))) {
      // the stage runs where the first timeout completes the future; the second timeout must
      // still fire while it blocks there
      CompletableFuture<String> retried = client.sendAsync(Op.WRITE, 0, 0,
              TestGroups.echoRequest("first"))
          .handle((response, failure) -> {
            try {
              client.send(Op.WRITE, 0, 0, TestGroups.echoRequest("second"));
              return "answered";
            } catch (SmpTimeoutException e) {
              return "second timed out";
            }
          });

      assertThat(retried.get(10, TimeUnit.SECONDS)).isEqualTo("second timed out");
    }
  }

  @Test
  void timesOutWhenThereAreFewerRetriesThanIgnoredDatagrams() throws Exception {
    try (FakeDevice device = ignoringFirst(3);
        SmpClient client = new SmpClient(new UdpTransport(device.address()),
            ClientConfig.DEFAULT.withTimeout(SHORT).withRetries(2))) {
      assertThatThrownBy(() -> client.send(Op.WRITE, 0, 0, TestGroups.echoRequest("lost")))
          .isInstanceOf(SmpTimeoutException.class);

      byte[] first = device.nextRequest();
      assertThat(device.nextRequest()).isEqualTo(first);
      assertThat(device.nextRequest()).isEqualTo(first);
      assertThat(client.inFlight()).isZero();

      // the device answers from now on: the next request works, under a new sequence number
      SmpFrame rsp = client.send(Op.WRITE, 0, 0, TestGroups.echoRequest("found"));
      assertThat(TestGroups.echoText(rsp.payload())).isEqualTo("found");
      assertThat(rsp.header().sequence()).isNotEqualTo(SmpHeader.decode(first).sequence());
    }
  }

  @Test
  void zeroRetriesMeansOneAttempt() throws Exception {
    try (FakeDevice device = ignoringFirst(1);
        SmpClient client = new SmpClient(new UdpTransport(device.address()),
            ClientConfig.DEFAULT.withTimeout(SHORT).withRetries(0))) {
      assertThatThrownBy(() -> client.send(Op.READ, 0, 0, TestGroups.echoRequest("once")))
          .isInstanceOf(SmpTimeoutException.class);
      device.nextRequest();
      // the second request is the device's second datagram: so the first was sent once only
      assertThat(TestGroups.echoText(client.send(Op.READ, 0, 0, TestGroups.echoRequest("twice")).payload()))
          .isEqualTo("twice");
      assertThat(device.count()).isEqualTo(2);
    }
  }

  @Test
  void perRequestTimeoutAndRetriesOverrideTheConfiguration() throws Exception {
    try (FakeDevice device = ignoringFirst(3);
        SmpClient client = new SmpClient(new UdpTransport(device.address()),
            ClientConfig.DEFAULT.withTimeout(SHORT).withRetries(0))) {
      SmpFrame rsp = client.send(Op.WRITE, 0, 0, TestGroups.echoRequest("patience"), SHORT, 3);
      assertThat(TestGroups.echoText(rsp.payload())).isEqualTo("patience");
      assertThat(device.count()).isEqualTo(4);
    }
  }

  @Test
  void sequenceNumbersAdvancePerRequestAndWrap() throws Exception {
    try (FakeDevice device = ignoringFirst(0);
        SmpClient client = new SmpClient(new UdpTransport(device.address()),
            ClientConfig.DEFAULT.withTimeout(Duration.ofSeconds(2)).withRetries(3))) {
      int previous = -1;
      for (int i = 0; i < 300; i++) {
        SmpFrame rsp = client.send(Op.WRITE, 0, 0, TestGroups.echoRequest("n" + i));
        assertThat(TestGroups.echoText(rsp.payload())).isEqualTo("n" + i);
        int seq = rsp.header().sequence();
        if (previous >= 0) {
          assertThat(seq).isEqualTo((previous + 1) & 0xFF);
        }
        previous = seq;
      }
    }
  }

  @Test
  void v1ClientSendsVersion0() throws Exception {
    try (FakeDevice device = ignoringFirst(0);
        SmpClient client = new SmpClient(new UdpTransport(device.address()),
            ClientConfig.DEFAULT.withTimeout(Duration.ofSeconds(2)).withVersion(SmpHeader.VERSION_1))) {
      SmpFrame rsp = client.send(Op.READ, 0, 0, TestGroups.echoRequest("old"));
      SmpHeader sent = SmpHeader.decode(device.nextRequest());
      assertThat(sent.version()).isZero();
      assertThat(sent.op()).isZero();
      assertThat(rsp.header().version()).isZero();
    }
  }
}
