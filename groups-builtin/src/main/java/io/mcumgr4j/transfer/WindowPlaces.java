package io.mcumgr4j.transfer;

import java.util.Arrays;

/**
 * The places of a transfer's window, and its passes (a pass starts each time the transfer goes back
 * to the device's offset). Each request sent takes a ticket, in sending order, and holds a place
 * until its own answer or timeout comes back, or until the answer to a request sent after it: the
 * device handles requests in the order they come, so the earlier ones are then handled or lost and
 * hold none of its buffers. Without that, a lost answer held its place until its timeout, and on a
 * link losing one answer in ten the window was shut most of the time.
 */
final class WindowPlaces {

  private final int size;
  /** The tickets holding places, in sending order. */
  private int[] held;
  private int count;
  private int nextTicket;
  private int pass;

  WindowPlaces(int size) {
    this.size = size;
    this.held = new int[Math.min(size, 64)];
  }

  boolean free() {
    return count < size;
  }

  int pass() {
    return pass;
  }

  /** A request was sent; it holds a place under the ticket returned. */
  int sent() {
    if (count == held.length) {
      held = Arrays.copyOf(held, held.length * 2);
    }
    held[count++] = nextTicket;
    return nextTicket++;
  }

  /** The transfer goes back to the device's offset: what is in flight belongs to an earlier pass. */
  void newPass() {
    pass++;
  }

  /** The request of {@code ticket} timed out: its place is free, if a later answer had not freed it. */
  void timedOut(int ticket) {
    for (int i = 0; i < count; i++) {
      if (held[i] == ticket) {
        System.arraycopy(held, i + 1, held, i, count - i - 1);
        count--;
        return;
      }
    }
  }

  /** The request of {@code ticket} was answered: it and every request sent before it give their places back. */
  void answered(int ticket) {
    int done = 0;
    while (done < count && held[done] - ticket <= 0) {
      done++;
    }
    System.arraycopy(held, done, held, 0, count - done);
    count -= done;
  }
}
