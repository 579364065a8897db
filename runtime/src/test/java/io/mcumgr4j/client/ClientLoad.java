package io.mcumgr4j.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.frame.SmpFrame;
import io.mcumgr4j.server.TestGroups;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Load scenarios run by the transport tests against an echo server: each request carries its own
 * text and each response must echo exactly that text (so a response matched to the wrong request
 * fails the test). The time limits only stop a hung test; nothing measures speed.
 */
public final class ClientLoad {

  private static final long HANG_GUARD_SECONDS = 120;

  private ClientLoad() {}

  /** {@code threads} threads each send {@code perThread} blocking echo requests. */
  public static void blockingFromThreads(SmpClient client, int threads, int perThread) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        results.add(pool.submit(() -> {
          for (int i = 0; i < perThread; i++) {
            String text = "thread " + thread + " request " + i;
            Op op = (i & 1) == 0 ? Op.WRITE : Op.READ;
            SmpFrame rsp = client.send(op, 0, 0, TestGroups.echoRequest(text));
            assertThat(TestGroups.echoText(rsp.payload())).isEqualTo(text);
            assertThat(rsp.header().op()).isEqualTo(op.code() + 1);
            assertThat(rsp.header().group()).isZero();
            assertThat(rsp.header().command()).isZero();
          }
          return perThread;
        }));
      }
      int done = 0;
      for (Future<Integer> f : results) {
        done += f.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
      }
      assertThat(done).isEqualTo(threads * perThread);
      assertThat(client.inFlight()).isZero();
    } finally {
      pool.shutdownNow();
    }
  }

  /** Fires {@code n} echo requests at once (more than the 256 sequence numbers) and waits for all. */
  public static void asyncBurst(SmpClient client, int n) throws Exception {
    List<CompletableFuture<SmpFrame>> futures = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      futures.add(client.sendAsync(Op.WRITE, 0, 0, TestGroups.echoRequest("burst " + i)));
    }
    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
        .get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
    for (int i = 0; i < n; i++) {
      SmpFrame rsp = futures.get(i).join();
      assertThat(TestGroups.echoText(rsp.payload())).as("response %d", i).isEqualTo("burst " + i);
    }
    assertThat(client.inFlight()).isZero();
  }
}
