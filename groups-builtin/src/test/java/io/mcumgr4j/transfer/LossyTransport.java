package io.mcumgr4j.transfer;

import io.mcumgr4j.transport.SmpTransport;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A link that loses chosen requests and responses, or swaps one with the next (each counted from 1
 * over every request sent or response the device sends).
 */
final class LossyTransport implements SmpTransport {

  private final SmpTransport link;
  private final Set<Integer> drop = ConcurrentHashMap.newKeySet();
  private final AtomicInteger responses = new AtomicInteger();
  private final Set<Integer> dropSent = ConcurrentHashMap.newKeySet();
  private final AtomicInteger requests = new AtomicInteger();
  private final Set<Integer> swapSent = ConcurrentHashMap.newKeySet();
  private final Set<Integer> swapResponse = ConcurrentHashMap.newKeySet();
  private byte[] heldRequest;
  private byte[] heldResponse;

  LossyTransport(SmpTransport link) {
    this.link = link;
  }

  /** Loses the {@code n}th response. */
  void dropResponse(int n) {
    drop.add(n);
  }

  /** Delivers the {@code n}th response after the one that follows it. */
  void swapResponse(int n) {
    swapResponse.add(n);
  }

  @Override
  public void start(Consumer<byte[]> receiver) throws IOException {
    link.start(packet -> {
      byte[] after;
      synchronized (this) {
        int n = responses.incrementAndGet();
        if (drop.contains(n)) {
          return;
        }
        if (swapResponse.contains(n)) {
          heldResponse = packet;
          return;
        }
        after = heldResponse;
        heldResponse = null;
      }
      receiver.accept(packet);
      if (after != null) {
        receiver.accept(after);
      }
    });
  }

  /** Loses the {@code n}th request sent. */
  void dropRequest(int n) {
    dropSent.add(n);
  }

  /** Sends the {@code n}th request after the one that follows it. */
  void swapRequest(int n) {
    swapSent.add(n);
  }

  @Override
  public synchronized void send(byte[] packet) throws IOException {
    int n = requests.incrementAndGet();
    if (dropSent.contains(n)) {
      return;
    }
    if (swapSent.contains(n)) {
      heldRequest = packet;
      return;
    }
    link.send(packet);
    if (heldRequest != null) {
      byte[] after = heldRequest;
      heldRequest = null;
      link.send(after);
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
