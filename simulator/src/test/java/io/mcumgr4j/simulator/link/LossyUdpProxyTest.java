package io.mcumgr4j.simulator.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The relay against a UDP echo on 127.0.0.1: what goes in, what comes out, how often. */
class LossyUdpProxyTest {

  private static final int N = 200;
  private static final int BATCH = 20;

  private DatagramSocket echo;
  private DatagramSocket client;
  private Thread echoer;

  @BeforeEach
  void startEcho() throws Exception {
    echo = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    echoer = new Thread(() -> {
      byte[] buf = new byte[2048];
      DatagramPacket p = new DatagramPacket(buf, buf.length);
      while (!echo.isClosed()) {
        try {
          p.setLength(buf.length);
          echo.receive(p);
          echo.send(new DatagramPacket(buf, p.getLength(), p.getSocketAddress()));
        } catch (Exception e) {
          // closed
        }
      }
    });
    echoer.setDaemon(true);
    echoer.start();
    client = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    client.setSoTimeout(1000);
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    echo.close();
    echoer.join(2000);
  }

  @Test
  void aCleanLinkDeliversEverythingOnce() throws Exception {
    try (LossyUdpProxy proxy = proxy(Impairment.NONE, Impairment.NONE, 1)) {
      List<Integer> got = roundTrips(proxy);
      assertThat(got).hasSize(N).doesNotHaveDuplicates();
      assertThat(proxy.toDevice().received()).isEqualTo(N);
      assertThat(proxy.fromDevice().dropped()).isZero();
    }
  }

  @Test
  void dropsAsManyAsItCounts() throws Exception {
    try (LossyUdpProxy proxy = proxy(new Impairment(0.3, 0, 0, Duration.ZERO, Duration.ZERO),
        Impairment.NONE, 7)) {
      List<Integer> got = roundTrips(proxy);
      long dropped = proxy.toDevice().dropped();
      assertThat(dropped).isBetween(1L, (long) N - 1);
      assertThat(got).hasSize(N - (int) dropped).doesNotHaveDuplicates();
    }
  }

  @Test
  void duplicatesArriveTwice() throws Exception {
    try (LossyUdpProxy proxy = proxy(Impairment.NONE,
        new Impairment(0, 1, 0, Duration.ZERO, Duration.ZERO), 3)) {
      List<Integer> got = roundTrips(proxy);
      assertThat(got).hasSize(2 * N);
      assertThat(got.stream().distinct().count()).isEqualTo(N);
      assertThat(proxy.fromDevice().duplicated()).isEqualTo(N);
    }
  }

  @Test
  void reorderedDatagramsStillArrive() throws Exception {
    try (LossyUdpProxy proxy = proxy(Impairment.lossy(0).withDelay(Duration.ofMillis(1)),
        new Impairment(0, 0, 0.5, Duration.ZERO, Duration.ZERO), 11)) {
      List<Integer> got = roundTrips(proxy);
      assertThat(got).hasSize(N).doesNotHaveDuplicates();
      assertThat(proxy.fromDevice().reordered()).isBetween(1L, (long) N - 1);
    }
  }

  @Test
  void theSameSeedMakesTheSameDecisions() throws Exception {
    Impairment lossy = Impairment.lossy(0.2);
    long[] dropped = new long[2];
    for (int run = 0; run < 2; run++) {
      try (LossyUdpProxy proxy = proxy(lossy, Impairment.NONE, 42)) {
        roundTrips(proxy);
        dropped[run] = proxy.toDevice().dropped();
      }
    }
    assertThat(dropped[0]).isEqualTo(dropped[1]).isPositive();
  }

  private LossyUdpProxy proxy(Impairment toDevice, Impairment fromDevice, long seed) throws Exception {
    return LossyUdpProxy.start((InetSocketAddress) echo.getLocalSocketAddress(), toDevice, fromDevice, seed);
  }

  /**
   * Sends N numbered datagrams in batches small enough for the sockets' receive buffers (a burst of
   * hundreds would overflow them, and the kernel's drops would count as the relay's), collecting
   * the answers after each batch and at the end until the link is quiet.
   */
  private List<Integer> roundTrips(LossyUdpProxy proxy) throws Exception {
    List<Integer> got = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      client.send(new DatagramPacket(new byte[] {(byte) (i >> 8), (byte) i}, 2, proxy.localAddress()));
      if (i % BATCH == BATCH - 1) {
        collect(got, 100);
      }
    }
    collect(got, 1000);
    return got;
  }

  private void collect(List<Integer> got, int quietMillis) throws Exception {
    client.setSoTimeout(quietMillis);
    byte[] buf = new byte[16];
    DatagramPacket p = new DatagramPacket(buf, buf.length);
    while (true) {
      try {
        p.setLength(buf.length);
        client.receive(p);
        got.add(((buf[0] & 0xFF) << 8) | (buf[1] & 0xFF));
      } catch (SocketTimeoutException quiet) {
        return;
      }
    }
  }
}
