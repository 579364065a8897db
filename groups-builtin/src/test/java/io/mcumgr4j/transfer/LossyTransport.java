package io.mcumgr4j.transfer;

import io.mcumgr4j.transport.SmpTransport;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** A link that loses chosen responses (counted from 1 over every response the device sends). */
final class LossyTransport implements SmpTransport {

  private final SmpTransport link;
  private final Set<Integer> drop = ConcurrentHashMap.newKeySet();
  private final AtomicInteger responses = new AtomicInteger();
  private final Set<Integer> dropSent = ConcurrentHashMap.newKeySet();
  private final AtomicInteger requests = new AtomicInteger();

  LossyTransport(SmpTransport link) {
    this.link = link;
  }

  /** Loses the {@code n}th response. */
  void dropResponse(int n) {
    drop.add(n);
  }

  @Override
  public void start(Consumer<byte[]> receiver) throws IOException {
    link.start(packet -> {
      if (!drop.contains(responses.incrementAndGet())) {
        receiver.accept(packet);
      }
    });
  }

  /** Loses the {@code n}th request sent. */
  void dropRequest(int n) {
    dropSent.add(n);
  }

  @Override
  public void send(byte[] packet) throws IOException {
    if (!dropSent.contains(requests.incrementAndGet())) {
      link.send(packet);
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
