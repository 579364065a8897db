package io.mcumgr4j.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcumgr4j.frame.SmpFrame;
import io.mcumgr4j.frame.SmpHeader;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A scripted SMP device on a raw UDP socket (127.0.0.1, ephemeral port): every datagram it gets is
 * recorded and handed to a {@link Script}, which returns the datagrams to send back to the sender
 * (none to ignore the request).
 */
public final class FakeDevice implements AutoCloseable {

  /** Decides the answer to the {@code index}-th datagram (0-based). */
  @FunctionalInterface
  public interface Script {
    /**
     * @param index how many datagrams came before this one
     * @param request the datagram
     * @param earlier every datagram received so far, this one included
     * @return the datagrams to send back, in order
     */
    List<byte[]> respond(int index, byte[] request, List<byte[]> earlier);
  }

  private final DatagramSocket socket;
  private final Script script;
  private final List<byte[]> all = new ArrayList<>();
  private final BlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
  private final Thread thread;

  public FakeDevice(Script script) throws IOException {
    this.script = script;
    this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    this.thread = new Thread(this::run, "fake-smp-device");
    thread.setDaemon(true);
    thread.start();
  }

  /** Where to send requests. */
  public InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  private void run() {
    byte[] buf = new byte[65536];
    while (!socket.isClosed()) {
      try {
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        socket.receive(p);
        byte[] request = java.util.Arrays.copyOf(buf, p.getLength());
        List<byte[]> answers;
        int index;
        List<byte[]> snapshot;
        synchronized (all) {
          index = all.size();
          all.add(request);
          snapshot = List.copyOf(all);
        }
        received.add(request);
        answers = script.respond(index, request, snapshot);
        SocketAddress peer = p.getSocketAddress();
        for (byte[] a : answers) {
          socket.send(new DatagramPacket(a, a.length, peer));
        }
      } catch (IOException e) {
        // closed
      }
    }
  }

  /** The next datagram the device got (waits for it, failing the test after 10 s). */
  public byte[] nextRequest() throws InterruptedException {
    byte[] r = received.poll(10, TimeUnit.SECONDS);
    assertThat(r).as("a datagram reached the fake device").isNotNull();
    return r;
  }

  /** How many datagrams arrived so far. */
  public int count() {
    synchronized (all) {
      return all.size();
    }
  }

  /** A response to {@code request} with {@code payload}, header built by {@link SmpHeader#response}. */
  /**
   * A script that answers as {@code then} does, but only once {@code release} opens (for ten
   * seconds at most): the test decides when the answer goes out.
   */
  public static Script after(CountDownLatch release, Script then) {
    return (index, request, earlier) -> {
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return then.respond(index, request, earlier);
    };
  }

  public static byte[] answer(byte[] request, byte[] payload) {
    SmpHeader h = SmpHeader.decode(request);
    return new SmpFrame(h.response(payload.length), payload).encode();
  }

  /** A response to {@code request} with a header changed by hand. */
  public static byte[] answer(byte[] request, int op, int group, int command, byte[] payload) {
    SmpHeader h = SmpHeader.decode(request);
    return new SmpFrame(new SmpHeader(op, 1, 0, payload.length, group, h.sequence(), command), payload).encode();
  }

  @Override
  public void close() throws InterruptedException {
    socket.close();
    thread.join(2000);
  }
}
