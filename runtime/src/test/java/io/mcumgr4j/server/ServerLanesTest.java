package io.mcumgr4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.cbor.CborReader;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.frame.SmpHeader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Per-peer ordering, parallel peers, and {@link SmpServer#runExclusive}. */
class ServerLanesTest {

  private static final int GROUP = 70;
  private static final int CMD_RECORD = 0;
  private static final int CMD_BLOCK = 1;
  private static final int CMD_EXCLUSIVE = 2;

  private final List<String> arrivals = Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch blocked = new CountDownLatch(1);
  private final CountDownLatch unblock = new CountDownLatch(1);
  private final AtomicReference<RuntimeException> fromHandler = new AtomicReference<>();
  private final SmpServer server = new SmpServer(ServerConfig.DEFAULT.withWorkerThreads(4).withQueueCapacity(2000));

  ServerLanesTest() {
    server.register(TestGroups.group(GROUP, "lanes", 3, (id, op) -> switch (id) {
      case CMD_RECORD -> (ctx, in, out) -> arrivals.add(ctx.peer() + ":" + number(in));
      case CMD_BLOCK -> (ctx, in, out) -> {
        blocked.countDown();
        await(unblock);
        arrivals.add("handler done");
      };
      case CMD_EXCLUSIVE -> (ctx, in, out) -> {
        try {
          server.runExclusive(() -> { });
        } catch (RuntimeException e) {
          fromHandler.set(e);
        }
      };
      default -> null;
    }));
  }

  @AfterEach
  void close() {
    unblock.countDown();
    server.close();
  }

  private static long number(CborReader in) {
    in.beginMap();
    in.nextKey();
    return in.uint32();
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static byte[] request(int command, int seq, long n) {
    return Packets.message(Op.WRITE.code(), 1, GROUP, seq & 0xFF, command,
        new CborWriter().startMap(1).key("n").uint(n).toByteArray());
  }

  /** A sink that queues the sequence numbers of the responses. */
  private static final class Responses implements ResponseSink {
    final BlockingQueue<Integer> sequences = new LinkedBlockingQueue<>();

    @Override
    public void send(byte[] packet, int offset, int length) {
      sequences.add(SmpHeader.decode(packet, offset, length).sequence());
    }

    int next() throws InterruptedException {
      Integer seq = sequences.poll(10, TimeUnit.SECONDS);
      assertThat(seq).as("a response within 10 s").isNotNull();
      return seq;
    }
  }

  private static TransportInfo peer(String name) {
    return new TransportInfo("test", name, 2048);
  }

  /** Two peer names that land on different workers of a server with {@code workers} workers. */
  private static String[] peersOnDifferentWorkers(int workers) {
    String a = "peer A";
    for (int i = 0; ; i++) {
      String b = "peer B" + i;
      if (Math.floorMod(a.hashCode(), workers) != Math.floorMod(b.hashCode(), workers)) {
        return new String[] {a, b};
      }
    }
  }

  @Test
  void onePeersRequestsAreHandledInSubmissionOrder() throws Exception {
    String[] peers = {"10.0.0.1:1000", "10.0.0.2:2000", "/dev/ttyACM0"};
    Responses sink = new Responses();
    for (int i = 0; i < 500; i++) {
      for (String p : peers) {
        server.submit(request(CMD_RECORD, i, i), 0, request(CMD_RECORD, i, i).length, peer(p), sink);
      }
    }
    for (int i = 0; i < 500 * peers.length; i++) {
      sink.next();
    }
    assertThat(server.droppedPackets()).isZero();
    for (String p : peers) {
      List<String> mine;
      synchronized (arrivals) {
        mine = arrivals.stream().filter(a -> a.startsWith(p + ":")).toList();
      }
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        expected.add(p + ":" + i);
      }
      assertThat(mine).as("order of %s", p).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void anotherPeerProgressesWhileOnePeersRequestBlocks() throws Exception {
    String[] peers = peersOnDifferentWorkers(4);
    Responses a = new Responses();
    Responses b = new Responses();
    byte[] block = request(CMD_BLOCK, 1, 0);
    server.submit(block, 0, block.length, peer(peers[0]), a);
    await(blocked);

    byte[] record = request(CMD_RECORD, 2, 7);
    server.submit(record, 0, record.length, peer(peers[1]), b);
    assertThat(b.next()).isEqualTo(2); // while A's handler still waits
    assertThat(a.sequences).isEmpty();

    // A's next request waits behind its blocked one
    byte[] next = request(CMD_RECORD, 3, 8);
    server.submit(next, 0, next.length, peer(peers[0]), a);
    unblock.countDown();
    assertThat(a.next()).isEqualTo(1);
    assertThat(a.next()).isEqualTo(3);
    assertThat(arrivals).containsExactly(peers[1] + ":7", "handler done", peers[0] + ":8");
  }

  @Test
  void runExclusiveWaitsForTheMessageInProgress() throws Exception {
    Responses a = new Responses();
    byte[] block = request(CMD_BLOCK, 1, 0);
    server.submit(block, 0, block.length, peer("A"), a);
    await(blocked);

    Thread exclusive = new Thread(() -> arrivals.add("exclusive " + server.runExclusive(() -> "ran")));
    exclusive.start();
    // bounded wait until it parks on the lock; the order below holds whatever the timing
    for (int i = 0; i < 1000 && exclusive.getState() != Thread.State.WAITING; i++) {
      Thread.sleep(5);
    }
    unblock.countDown();
    exclusive.join(10_000);
    assertThat(exclusive.isAlive()).isFalse();
    assertThat(a.next()).isEqualTo(1);
    assertThat(arrivals).containsExactly("handler done", "exclusive ran");
  }

  @Test
  void runExclusiveHoldsNewMessagesOff() throws Exception {
    Responses a = new Responses();
    byte[] record = request(CMD_RECORD, 5, 42);
    server.runExclusive(() -> {
      server.submit(record, 0, record.length, peer("A"), a);
      try {
        Thread.sleep(50); // gives the worker a chance to (wrongly) handle it now
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      arrivals.add("exclusive done");
    });
    assertThat(a.next()).isEqualTo(5);
    assertThat(arrivals).containsExactly("exclusive done", "A:42");
  }

  @Test
  void runExclusiveFromAHandlerIsRefused() throws Exception {
    Responses a = new Responses();
    byte[] req = request(CMD_EXCLUSIVE, 9, 0);
    server.submit(req, 0, req.length, peer("A"), a);
    assertThat(a.next()).isEqualTo(9);
    assertThat(fromHandler.get()).isInstanceOf(IllegalStateException.class);
    // and the server is not stuck
    assertThat(server.runExclusive(() -> 3)).isEqualTo(3);
  }

  @Test
  void runExclusivePassesTheActionsFailureOnAndReleases() {
    assertThatThrownBy(() -> server.runExclusive(() -> {
      throw new IllegalArgumentException("boom");
    })).isInstanceOf(IllegalArgumentException.class);
    assertThat(server.runExclusive(() -> "again")).isEqualTo("again");
  }
}
