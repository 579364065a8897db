package io.mcumgr4j.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.frame.SmpFrame;
import io.mcumgr4j.frame.SmpHeader;
import io.mcumgr4j.server.TestGroups;
import io.mcumgr4j.transport.SmpTransport;
import io.mcumgr4j.transport.udp.UdpTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A request's sequence number comes back however its future ends, and no timer outlives it. */
class ClientSlotReleaseTest {

  private static final Duration LONG = Duration.ofSeconds(30);
  private static final Duration RETRY = Duration.ofMillis(200);

  /** Answers only echo requests whose text is "answer me". */
  private static FakeDevice selective() throws Exception {
    return new FakeDevice((index, request, earlier) -> {
      String text = TestGroups.textField(Arrays.copyOfRange(request, SmpHeader.SIZE, request.length), "d");
      return "answer me".equals(text)
          ? List.of(FakeDevice.answer(request, ClientRetryTest.rPayload(text)))
          : List.of();
    });
  }

  @Test
  void cancelledRequestsFreeTheirSequenceNumbers() throws Exception {
    try (FakeDevice device = selective();
        SmpClient client = new SmpClient(new UdpTransport(device.address()),
            ClientConfig.DEFAULT.withTimeout(LONG).withRetries(0))) {
      for (int i = 0; i < 300; i++) {
        client.sendAsync(Op.WRITE, 0, 0, TestGroups.echoRequest("ignored " + i)).cancel(false);
      }
      assertThat(client.inFlight()).isZero();
      assertThat(client.armedTimeouts()).isZero();

      // retried: the burst above may still fill the device's socket buffer when this one arrives
      SmpFrame rsp = client.sendAsync(Op.WRITE, 0, 0, TestGroups.echoRequest("answer me"), RETRY, 50)
          .get(10, TimeUnit.SECONDS);
      assertThat(TestGroups.echoText(rsp.payload())).isEqualTo("answer me");
    }
  }

  @Test
  void cancellingAStageDerivedFromARequestCancelsTheRequest() throws Exception {
    try (FakeDevice device = selective();
        SmpClient client = new SmpClient(new UdpTransport(device.address()),
            ClientConfig.DEFAULT.withTimeout(LONG).withRetries(2))) {
      // as a typed client's future is: a stage that decodes the answer
      CompletableFuture<String> typed = client.sendAsync(Op.WRITE, 0, 0, TestGroups.echoRequest("ignored"))
          .thenApply(response -> TestGroups.echoText(response.payload()));
      assertThat(client.inFlight()).isOne();

      assertThat(typed.cancel(false)).isTrue();

      assertThat(client.inFlight()).isZero();
      assertThat(client.armedTimeouts()).isZero();
    }
  }

  @Test
  void cancellingOrCompletingQueuedAndInFlightRequestsFreesEverything() throws Exception {
    try (FakeDevice device = selective();
        SmpClient client = new SmpClient(new UdpTransport(device.address()),
            ClientConfig.DEFAULT.withTimeout(LONG).withRetries(0))) {
      List<CompletableFuture<SmpFrame>> futures = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        futures.add(client.sendAsync(Op.WRITE, 0, 0, TestGroups.echoRequest("ignored " + i)));
      }
      assertThat(client.inFlight()).isEqualTo(256); // 44 wait

      // the caller may complete a future itself, as well as cancel it
      for (int i = 0; i < futures.size(); i++) {
        if (i % 2 == 0) {
          futures.get(i).cancel(false);
        } else {
          futures.get(i).complete(null);
        }
      }
      // the waiting ones got sequence numbers as the first ones went; all are done now
      assertThat(client.inFlight()).isZero();
      assertThat(client.armedTimeouts()).isZero();

      SmpFrame rsp = client.send(Op.WRITE, 0, 0, TestGroups.echoRequest("answer me"), RETRY, 50);
      assertThat(TestGroups.echoText(rsp.payload())).isEqualTo("answer me");
    }
  }

  @Test
  void interruptedAwaitFreesTheSequenceNumber() throws Exception {
    try (FakeDevice device = selective();
        SmpClient client = new SmpClient(new UdpTransport(device.address()),
            ClientConfig.DEFAULT.withTimeout(LONG).withRetries(0))) {
      CompletableFuture<SmpFrame> f = client.sendAsync(Op.WRITE, 0, 0, TestGroups.echoRequest("ignored"));
      Thread.currentThread().interrupt();
      try {
        SmpClient.await(f);
      } catch (SmpTransportException expected) {
        assertThat(Thread.interrupted()).isTrue();
      }
      assertThat(f).isCancelled();
      assertThat(client.inFlight()).isZero();
    }
  }

  @Test
  void aSlowSendDoesNotUseUpTheTimeoutAndAnEarlyAnswerLeavesNoTimer() throws Exception {
    CountDownLatch sending = new CountDownLatch(1);
    CountDownLatch goOn = new CountDownLatch(1);
    AtomicReference<Consumer<byte[]>> receiver = new AtomicReference<>();
    SmpTransport slow = new SmpTransport() {
      @Override
      public void start(Consumer<byte[]> r) {
        receiver.set(r);
      }

      @Override
      public void send(byte[] packet) throws java.io.IOException {
        sending.countDown();
        try {
          goOn.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          throw new java.io.InterruptedIOException();
        }
        // the answer comes before send returns, i.e. before the timeout could be scheduled
        receiver.get().accept(FakeDevice.answer(packet, ClientRetryTest.rPayload("late")));
      }

      @Override
      public int mtu() {
        return 1024;
      }

      @Override
      public String name() {
        return "slow";
      }

      @Override
      public void close() {}
    };
    try (SmpClient client = new SmpClient(slow,
        ClientConfig.DEFAULT.withTimeout(Duration.ofMillis(1)).withRetries(0))) {
      AtomicReference<CompletableFuture<SmpFrame>> f = new AtomicReference<>();
      Thread sender = new Thread(() -> f.set(client.sendAsync(Op.WRITE, 0, 0, TestGroups.echoRequest("x"))));
      sender.start();
      assertThat(sending.await(10, TimeUnit.SECONDS)).isTrue();
      // a timeout counted from before the send would have fired by now
      Thread.sleep(50);
      assertThat(client.armedTimeouts()).isZero();
      goOn.countDown();
      sender.join(10_000);

      SmpFrame rsp = f.get().get(10, TimeUnit.SECONDS);
      assertThat(TestGroups.echoText(rsp.payload())).isEqualTo("late");
      assertThat(client.armedTimeouts()).isZero();
      assertThat(client.inFlight()).isZero();
    }
  }

  @Test
  void closeRacingWithSendsCompletesEveryFuture() throws Exception {
    try (FakeDevice device = new FakeDevice((index, request, earlier) -> List.of(FakeDevice.answer(request,
        ClientRetryTest.rPayload(TestGroups.textField(
            Arrays.copyOfRange(request, SmpHeader.SIZE, request.length), "d")))))) {
      for (int round = 0; round < 20; round++) {
        SmpClient client = new SmpClient(new UdpTransport(device.address()),
            ClientConfig.DEFAULT.withTimeout(LONG).withRetries(0));
        int threads = 8;
        CountDownLatch started = new CountDownLatch(threads);
        List<CompletableFuture<SmpFrame>> futures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          Thread s = new Thread(() -> {
            started.countDown();
            for (int i = 0; i < 100; i++) {
              futures.add(client.sendAsync(Op.WRITE, 0, 0, TestGroups.echoRequest("m" + i)));
            }
          });
          senders.add(s);
          s.start();
        }
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        client.close();
        for (Thread s : senders) {
          s.join(10_000);
          assertThat(s.isAlive()).isFalse();
        }
        assertThat(futures).hasSize(threads * 100);
        for (CompletableFuture<SmpFrame> f : futures) {
          try {
            f.get(10, TimeUnit.SECONDS);
          } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(SmpTransportException.class);
          }
        }
        assertThat(client.inFlight()).isZero();
      }
    }
  }
}
