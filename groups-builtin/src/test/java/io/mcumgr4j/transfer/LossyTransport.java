package io.mcumgr4j.transfer;

import io.mcumgr4j.transport.SmpTransport;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A link that loses chosen requests and responses, or swaps one with the next (each counted from 1
 * over every request sent or response the device sends).
 */
final class LossyTransport implements SmpTransport {

  /** One way through the link: the packets it loses or holds back behind the next, by number. */
  private static final class Way {
    final Set<Integer> drop = ConcurrentHashMap.newKeySet();
    final Set<Integer> swap = ConcurrentHashMap.newKeySet();
    private int count;
    private byte[] held;

    /** What goes through, in order, when the next packet comes. */
    synchronized List<byte[]> pass(byte[] packet) {
      int n = ++count;
      if (drop.contains(n)) {
        return List.of();
      }
      if (swap.contains(n)) {
        held = packet;
        return List.of();
      }
      byte[] after = held;
      held = null;
      return after == null ? List.of(packet) : List.of(packet, after);
    }
  }

  private final SmpTransport link;
  private final Way requests = new Way();
  private final Way responses = new Way();

  LossyTransport(SmpTransport link) {
    this.link = link;
  }

  /** Loses the {@code n}th response. */
  void dropResponse(int n) {
    responses.drop.add(n);
  }

  /** Delivers the {@code n}th response after the one that follows it. */
  void swapResponse(int n) {
    responses.swap.add(n);
  }

  /** Loses the {@code n}th request sent. */
  void dropRequest(int n) {
    requests.drop.add(n);
  }

  /** Sends the {@code n}th request after the one that follows it. */
  void swapRequest(int n) {
    requests.swap.add(n);
  }

  @Override
  public void start(Consumer<byte[]> receiver) throws IOException {
    link.start(packet -> responses.pass(packet).forEach(receiver));
  }

  @Override
  public synchronized void send(byte[] packet) throws IOException {
    for (byte[] p : requests.pass(packet)) {
      link.send(p);
    }
  }

  @Override
  public int mtu() {
    return link.mtu();
  }

  @Override
  public String name() {
    return link.name();
  }

  @Override
  public void close() {
    link.close();
  }
}
