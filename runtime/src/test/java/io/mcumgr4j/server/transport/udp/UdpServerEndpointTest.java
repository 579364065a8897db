package io.mcumgr4j.server.transport.udp;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.frame.SmpHeader;
import io.mcumgr4j.server.Packets;
import io.mcumgr4j.server.ServerConfig;
import io.mcumgr4j.server.SmpServer;
import io.mcumgr4j.server.TestGroups;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The endpoint over real sockets: requests are handled one at a time in the order they arrived,
 * and what arrives while the queue is full is dropped, as a device out of buffers drops it.
 */
class UdpServerEndpointTest {

  private static final int GROUP = 71;
  private static final int CMD_RECORD = 0;
  private static final int CMD_BLOCK = 1;
  private static final InetSocketAddress LOOPBACK_ANY_PORT =
      new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

  private final List<Integer> arrivals = Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch blocked = new CountDownLatch(1);
  private final CountDownLatch unblock = new CountDownLatch(1);
  private final List<AutoCloseable> open = new ArrayList<>();
  private SmpServer server;

  @AfterEach
  void close() throws Exception {
    unblock.countDown();
    Collections.reverse(open);
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private UdpServerEndpoint endpoint(ServerConfig config) throws Exception {
    server = new SmpServer(config);
    open.add(server);
    server.register(TestGroups.group(GROUP, "readers", 2, (id, op) -> switch (id) {
      case CMD_RECORD -> (ctx, in, out) -> arrivals.add(ctx.header().sequence());
      case CMD_BLOCK -> (ctx, in, out) -> {
        blocked.countDown();
        try {
          unblock.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      };
      default -> null;
    }));
    UdpServerEndpoint endpoint = new UdpServerEndpoint(server, LOOPBACK_ANY_PORT);
    open.add(endpoint);
    return endpoint;
  }

  private DatagramSocket peer() throws Exception {
    DatagramSocket socket = new DatagramSocket(LOOPBACK_ANY_PORT);
    socket.setSoTimeout(10_000);
    open.add(socket);
    return socket;
  }

  private static void send(DatagramSocket from, UdpServerEndpoint to, int command, int seq) throws Exception {
    byte[] packet = Packets.message(Op.WRITE.code(), 1, GROUP, seq, command, new CborWriter().startMap(0).toByteArray());
    from.send(new DatagramPacket(packet, packet.length, to.localAddress()));
  }

  private static int answer(DatagramSocket socket) throws Exception {
    byte[] buf = new byte[2048];
    DatagramPacket packet = new DatagramPacket(buf, buf.length);
    socket.receive(packet);
    return SmpHeader.decode(buf, 0, packet.getLength()).sequence();
  }

  @Test
  void onePeersBurstIsHandledInTheOrderItWasSent() throws Exception {
    UdpServerEndpoint endpoint = endpoint(ServerConfig.DEFAULT.withQueueCapacity(1000));
    DatagramSocket peer = peer();
    List<Integer> sent = new ArrayList<>();
    for (int seq = 0; seq < 200; seq++) {
      send(peer, endpoint, CMD_RECORD, seq);
      sent.add(seq);
    }
    List<Integer> answers = new ArrayList<>();
    for (int i = 0; i < sent.size(); i++) {
      answers.add(answer(peer));
    }
    assertThat(arrivals).containsExactlyElementsOf(sent);
    assertThat(answers).containsExactlyElementsOf(sent);
  }

  @Test
  void oneRequestAtATimeWhoeverSentItAndWhatArrivesMeanwhileWaitsUpToTheQueueCapacity() throws Exception {
    UdpServerEndpoint endpoint = endpoint(ServerConfig.DEFAULT.withQueueCapacity(2));
    DatagramSocket a = peer();
    DatagramSocket b = peer();
    send(a, endpoint, CMD_BLOCK, 1);
    assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();

    // as on Zephyr's one work queue, another peer waits too; two requests wait, three are dropped
    send(b, endpoint, CMD_RECORD, 50);
    for (int seq = 2; seq <= 5; seq++) {
      send(a, endpoint, CMD_RECORD, seq);
    }
    Thread.sleep(100); // loopback has queued them by now; the endpoint sees them once the handler returns
    unblock.countDown();
    assertThat(answer(b)).isEqualTo(50);
    assertThat(List.of(answer(a), answer(a))).containsExactly(1, 2);
    assertThat(arrivals).containsExactly(50, 2);
    assertThat(server.droppedPackets()).isEqualTo(3);
    a.setSoTimeout(200);
    try {
      int extra = answer(a);
      throw new AssertionError("a dropped request was answered: " + extra);
    } catch (SocketTimeoutException expected) {
      // nothing more comes
    }
  }
}
