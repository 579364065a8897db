package io.mcumgr4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.frame.SmpFrame;
import io.mcumgr4j.server.TestGroups;
import io.mcumgr4j.transport.SmpTransport;
import io.mcumgr4j.transport.udp.UdpTransport;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Closing the client fails what is pending; a failing link fails the request, not the client. */
class ClientCloseTest {

  private static final Duration LONG = Duration.ofSeconds(30);

  @Test
  void closeFailsRequestsInFlightAndWaiting() throws Exception {
    try (FakeDevice silent = new FakeDevice((index, request, earlier) -> List.of())) {
      SmpClient client = new SmpClient(new UdpTransport(silent.address()),
          ClientConfig.DEFAULT.withTimeout(LONG).withRetries(0));
      List<CompletableFuture<SmpFrame>> futures = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        futures.add(client.sendAsync(Op.WRITE, 0, 0, TestGroups.echoRequest("r" + i)));
      }
      assertThat(client.inFlight()).isEqualTo(256); // 44 wait for a sequence number
      silent.nextRequest();

      client.close();

      for (CompletableFuture<SmpFrame> f : futures) {
        assertThatThrownBy(() -> SmpClient.await(f)).isInstanceOf(SmpTransportException.class);
      }
      assertThat(client.inFlight()).isZero();
    }
  }

  @Test
  void afterCloseRequestsFailAtOnce() throws Exception {
    try (FakeDevice device = new FakeDevice((index, request, earlier) -> List.of())) {
      SmpClient client = new SmpClient(new UdpTransport(device.address()));
      client.close();
      client.close(); // idempotent

      CompletableFuture<SmpFrame> f = client.sendAsync(Op.READ, 0, 0, TestGroups.echoRequest("x"));
      assertThat(f).isCompletedExceptionally();
      assertThatThrownBy(() -> SmpClient.await(f)).isInstanceOf(SmpTransportException.class);
      assertThatThrownBy(() -> client.send(Op.READ, 0, 0, TestGroups.echoRequest("x")))
          .isInstanceOf(SmpTransportException.class);
    }
  }

  @Test
  void closeClosesTheTransport() throws Exception {
    RecordingTransport transport = new RecordingTransport(false);
    SmpClient client = new SmpClient(transport);
    assertThat(transport.receiver).isNotNull();
    client.close();
    assertThat(transport.closed).isTrue();
  }

  @Test
  void aSendFailureFailsThatRequestWithTheCause() throws Exception {
    RecordingTransport transport = new RecordingTransport(true);
    try (SmpClient client = new SmpClient(transport, ClientConfig.DEFAULT.withTimeout(LONG))) {
      CompletableFuture<SmpFrame> f = client.sendAsync(Op.WRITE, 0, 0, TestGroups.echoRequest("x"));
      assertThatThrownBy(() -> SmpClient.await(f))
          .isInstanceOf(SmpTransportException.class)
          .hasCauseInstanceOf(IOException.class);
      assertThat(client.inFlight()).isZero();

      // the link works again: the client goes on
      transport.fail.set(false);
      CompletableFuture<SmpFrame> g = client.sendAsync(Op.WRITE, 0, 0, TestGroups.echoRequest("y"));
      transport.answerLast("y");
      assertThat(TestGroups.echoText(SmpClient.await(g).payload())).isEqualTo("y");
    }
  }

  @Test
  void requestArgumentsAreChecked() throws Exception {
    try (SmpClient client = new SmpClient(new RecordingTransport(false))) {
      assertThatThrownBy(() -> client.sendAsync(Op.READ_RSP, 0, 0, new byte[] {(byte) 0xA0}))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> client.sendAsync(Op.WRITE, 0, 0, new byte[0x10000]))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  /** A transport that fails sends on request and answers by hand. */
  private static final class RecordingTransport implements SmpTransport {
    final AtomicBoolean fail;
    volatile Consumer<byte[]> receiver;
    volatile byte[] last;
    volatile boolean closed;

    RecordingTransport(boolean fail) {
      this.fail = new AtomicBoolean(fail);
    }

    @Override
    public void start(Consumer<byte[]> receiver) {
      this.receiver = receiver;
    }

    @Override
    public void send(byte[] packet) throws IOException {
      if (fail.get()) {
        throw new IOException("link down");
      }
      last = packet;
    }

    void answerLast(String text) {
      receiver.accept(FakeDevice.answer(last, ClientRetryTest.rPayload(text)));
    }

    @Override
    public int mtu() {
      return 1024;
    }

    @Override
    public String name() {
      return "recording";
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
