package io.mcumgr4j.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.frame.SmpHeader;
import io.mcumgr4j.server.TestGroups;
import io.mcumgr4j.transport.udp.UdpTransport;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Over UDP a thread blocked on its answer takes it off the socket itself, and answers nobody
 * blocks on still arrive through the transport's reader.
 */
class ClientReadsOnCallerTest {

  @Test
  void aCallerBlockedOnItsAnswerReadsItItself() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (FakeDevice device = new FakeDevice(FakeDevice.after(release,
            (index, request, earlier) -> List.of(FakeDevice.answer(request, ClientRetryTest.rPayload("late")))));
        SmpClient client = new SmpClient(new UdpTransport(device.address()))) {
      Thread caller = Thread.currentThread();
      CompletableFuture<Thread> deliveredOn = client.sendAsync(Op.WRITE, 0, 0, TestGroups.echoRequest("x"))
          .thenApply(response -> Thread.currentThread());
      Thread releaser = new Thread(() -> {
        // the answer goes out once the caller waits on the socket: it has counted itself among
        // the readers by then, so the transport's reader leaves the answer to it
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(runs(caller, "receiveWhile") && runs(caller, "select")) && System.nanoTime() < giveUp) {
          Thread.onSpinWait();
        }
        release.countDown();
      });
      releaser.setDaemon(true);
      releaser.start();

      assertThat(deliveredOn.get(10, TimeUnit.SECONDS)).isSameAs(caller);
    }
  }

  private static boolean runs(Thread thread, String method) {
    return Arrays.stream(thread.getStackTrace()).anyMatch(f -> f.getMethodName().equals(method));
  }

  @Test
  void answersNobodyBlocksOnArriveBeforeAndAfterCallersRead() throws Exception {
    try (FakeDevice device = new FakeDevice((index, request, earlier) ->
            List.of(FakeDevice.answer(request, ClientRetryTest.rPayload("ok"))));
        SmpClient client = new SmpClient(new UdpTransport(device.address()))) {
      for (int round = 0; round < 20; round++) {
        CountDownLatch answered = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        client.sendAsync(Op.WRITE, 0, 0, TestGroups.echoRequest("async " + round)).whenComplete((r, f) -> {
          failure.set(f);
          answered.countDown();
        });
        assertThat(answered.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(failure.get()).isNull();
        // a blocking request between async ones: the reader stands aside for it, then reads again
        assertThat(TestGroups.echoText(client.send(Op.WRITE, 0, 0, TestGroups.echoRequest("sync")).payload()))
            .isEqualTo("ok");
      }
    }
  }

  @Test
  void aStageThatBlocksOnAnotherRequestWhileAnAnswerIsHandedOverGetsItsAnswer() throws Exception {
    try (FakeDevice device = new FakeDevice((index, request, earlier) -> List.of(FakeDevice.answer(request,
            ClientRetryTest.rPayload(TestGroups.textField(Arrays.copyOfRange(request, SmpHeader.SIZE, request.length),
                "d")))));
        SmpClient client = new SmpClient(new UdpTransport(device.address()),
            ClientConfig.DEFAULT.withTimeout(Duration.ofSeconds(30)).withRetries(0))) {
      // the stage runs on whichever thread hands the first answer over, reader or caller, and blocks there
      CompletableFuture<String> nested = client.sendAsync(Op.WRITE, 0, 0, TestGroups.echoRequest("outer"))
          .thenApply(outer -> TestGroups.echoText(client.send(Op.WRITE, 0, 0, TestGroups.echoRequest("inner")).payload()));
      assertThat(nested.get(10, TimeUnit.SECONDS)).isEqualTo("inner");
      CountDownLatch done = new CountDownLatch(1);
      AtomicReference<String> onReader = new AtomicReference<>();
      client.sendAsync(Op.WRITE, 0, 0, TestGroups.echoRequest("outer")).thenAccept(outer -> {
        onReader.set(TestGroups.echoText(client.send(Op.WRITE, 0, 0, TestGroups.echoRequest("inner 2")).payload()));
        done.countDown();
      });
      assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(onReader.get()).isEqualTo("inner 2");
    }
  }

  @Test
  void twoThreadsWhoseStagesBlockOnFurtherRequestsDoNotWaitForEachOther() throws Exception {
    try (FakeDevice device = new FakeDevice((index, request, earlier) -> List.of(FakeDevice.answer(request,
            ClientRetryTest.rPayload("ok"))));
        SmpClient client = new SmpClient(new UdpTransport(device.address()),
            ClientConfig.DEFAULT.withTimeout(Duration.ofSeconds(5)).withRetries(0))) {
      // each thread's stage may run while the thread hands an answer over and then reads for its
      // own: neither holds the other's answer, and both used to wait for each other until a timeout
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Runnable nested = () -> {
        try {
          for (int i = 0; i < 300; i++) {
            client.sendAsync(Op.WRITE, 0, 0, TestGroups.echoRequest("outer"))
                .thenApply(outer -> client.send(Op.WRITE, 0, 0, TestGroups.echoRequest("inner")))
                .get(10, TimeUnit.SECONDS);
          }
        } catch (Exception | AssertionError e) {
          failure.compareAndSet(null, e);
        }
      };
      Thread a = new Thread(nested);
      Thread b = new Thread(nested);
      a.start();
      b.start();
      a.join(60_000);
      b.join(60_000);
      assertThat(failure.get()).isNull();
    }
  }
}
