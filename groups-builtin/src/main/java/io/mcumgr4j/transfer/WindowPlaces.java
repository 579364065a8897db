package io.mcumgr4j.transfer;

/**
 * The places of a transfer's window and its passes (a pass starts each time the transfer goes back
 * to the device's offset). A request holds a place until its answer or timeout comes back, or
 * until a request of a later pass is answered: the device handles requests in the order they
 * come, so the earlier ones are then handled or lost and hold none of its buffers. Without that,
 * requests of a pass already given up kept the window nearly shut after every loss.
 */
final class WindowPlaces {

  private final int size;
  private int held;
  /** Places held by requests of passes before the current one. */
  private int stale;
  /** Requests of passes before this one hold no place any more. */
  private int retiredBelow;
  private int pass;

  WindowPlaces(int size) {
    this.size = size;
  }

  boolean free() {
    return held < size;
  }

  int pass() {
    return pass;
  }

  /** A request of the current pass was sent. */
  void sent() {
    held++;
  }

  /** The transfer goes back to the device's offset: what is in flight belongs to an earlier pass. */
  void newPass() {
    pass++;
    stale = held;
  }

  /** The answer or the timeout of a request of {@code requestPass} came back. */
  void returned(int requestPass) {
    if (requestPass >= retiredBelow) {
      held--;
      if (requestPass < pass) {
        stale--;
      }
    }
  }

  /** A request of the current pass was answered: earlier passes' requests give their places back. */
  void answeredInPass() {
    held -= stale;
    stale = 0;
    retiredBelow = pass;
  }
}
