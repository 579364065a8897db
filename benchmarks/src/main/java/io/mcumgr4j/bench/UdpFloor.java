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
 * java -cp benchmarks/target/benchmarks.jar io.mcumgr4j.bench.UdpFloor chunks BYTES WINDOW [requests] [rounds]
 * </pre>
 *
 * <p>{@code chunks} is the floor of a windowed upload: datagrams of {@code BYTES} (a chunk request)
 * sent with {@code WINDOW} in flight by one blocking thread to a bare server that answers each with
 * 16 bytes (a chunk's answer), without SMP, a device's storage or any hop.
 */
public final class UdpFloor {

  private UdpFloor() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("chunks")) {
      chunks(Integer.parseInt(args[1]), Integer.parseInt(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 20000,
          args.length > 4 ? Integer.parseInt(args[4]) : 4);
      return;
    }
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

  private static void chunks(int bytes, int window, int requests, int rounds) throws Exception {
    try (DatagramChannel server = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        DatagramChannel client = DatagramChannel.open().connect(server.getLocalAddress())) {
      daemon("floor-server").newThread(() -> answer(server)).start();
      ByteBuffer request = ByteBuffer.allocate(bytes);
      ByteBuffer response = ByteBuffer.allocate(2048);
      for (int round = 1; round <= rounds; round++) {
        long start = System.nanoTime();
        int sent = 0;
        for (; sent < Math.min(window, requests); sent++) {
          client.write(request.clear());
        }
        for (int answered = 0; answered < requests; answered++) {
          client.receive(response.clear());
          if (sent < requests) {
            client.write(request.clear());
            sent++;
          }
        }
        System.out.printf("chunks round %d: %d datagrams of %d bytes, window %d: %.1f us per chunk%n", round, requests,
            bytes, window, (System.nanoTime() - start) / 1e3 / requests);
      }
    }
  }

  /** Answers each datagram with 16 bytes, as a device answers a chunk with its offset. */
  private static void answer(DatagramChannel server) {
    try {
      ByteBuffer in = ByteBuffer.allocate(65536);
      ByteBuffer out = ByteBuffer.allocate(16);
      while (true) {
        SocketAddress from = server.receive(in.clear());
        server.send(out.clear(), from);
      }
    } catch (Exception e) {
      // the channel closed at the end of the measurement
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
