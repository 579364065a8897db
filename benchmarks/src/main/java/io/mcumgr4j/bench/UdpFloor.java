package io.mcumgr4j.bench;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a UDP round trip on loopback costs this machine with no SMP in it: a 40-byte datagram
 * reflected by a bare server, with or without the thread hops an SMP client and server make (the
 * client's receiver thread completing the caller's future; the server's receiver handing the
 * request to a worker, as Zephyr's UDP thread hands it to the SMP work queue). The figures bound
 * what any change to the request path can gain.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.mcumgr4j.bench.UdpFloor [requests] [rounds]
 * </pre>
 */
public final class UdpFloor {

  private UdpFloor() {}

  public static void main(String[] args) throws Exception {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 20000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    for (boolean serverHop : new boolean[] {false, true}) {
      for (boolean clientHop : new boolean[] {false, true}) {
        measure(serverHop, clientHop, requests, rounds);
      }
    }
  }

  private static void measure(boolean serverHop, boolean clientHop, int requests, int rounds) throws Exception {
    ExecutorService worker = Executors.newSingleThreadExecutor(daemon("floor-worker"));
    try (DatagramChannel server = DatagramChannel.open()
            .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        DatagramChannel client = DatagramChannel.open().connect(server.getLocalAddress())) {
      daemon("floor-server").newThread(() -> reflect(server, serverHop ? worker : null)).start();
      AtomicReference<CompletableFuture<ByteBuffer>> pending = new AtomicReference<>();
      if (clientHop) {
        daemon("floor-client").newThread(() -> complete(client, pending)).start();
      }
      ByteBuffer request = ByteBuffer.allocate(40);
      ByteBuffer response = ByteBuffer.allocate(2048);
      double best = Double.MAX_VALUE;
      for (int round = 0; round < rounds; round++) {
        long start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
          request.clear();
          if (clientHop) {
            CompletableFuture<ByteBuffer> answer = new CompletableFuture<>();
            pending.set(answer);
            client.write(request);
            answer.get();
          } else {
            client.write(request);
            response.clear();
            client.receive(response);
          }
        }
        best = Math.min(best, (System.nanoTime() - start) / 1e3 / requests);
      }
      System.out.printf("server hop %-5s client hop %-5s: best round %.1f us per round trip%n",
          serverHop, clientHop, best);
    } finally {
      worker.shutdownNow();
    }
  }

  private static void reflect(DatagramChannel server, ExecutorService worker) {
    try {
      while (true) {
        ByteBuffer buf = ByteBuffer.allocate(2048);
        SocketAddress from = server.receive(buf);
        buf.flip();
        if (worker == null) {
          server.send(buf, from);
        } else {
          worker.execute(() -> {
            try {
              server.send(buf, from);
            } catch (Exception e) {
              // the channel closed at the end of the measurement
            }
          });
        }
      }
    } catch (Exception e) {
      // the channel closed at the end of the measurement
    }
  }

  private static void complete(DatagramChannel client, AtomicReference<CompletableFuture<ByteBuffer>> pending) {
    try {
      while (true) {
        ByteBuffer buf = ByteBuffer.allocate(2048);
        client.receive(buf);
        pending.get().complete(buf);
      }
    } catch (Exception e) {
      // the channel closed at the end of the measurement
    }
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
