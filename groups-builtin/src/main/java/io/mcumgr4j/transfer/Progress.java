package io.mcumgr4j.transfer;

/**
 * Guards a transfer loop against a device that never lets it finish: one that keeps answering
 * the offset it was sent (nothing taken), or one that keeps sending it back to an earlier offset
 * (e.g. rebooting again and again). A few of each are normal (a reboot, a lost reply).
 */
final class Progress {

  /** Replies in a row that take nothing. */
  static final int MAX_STALLS = 8;
  /** Replies over the whole transfer that send it back. */
  static final int MAX_REWINDS = 8;

  private int stalls;
  private int rewinds;

  /** Records the reply offset {@code replyOff} to a request sent at {@code sentAt}. */
  void reply(long sentAt, long replyOff, String what) {
    if (replyOff > sentAt) {
      stalls = 0;
    } else if (replyOff == sentAt ? ++stalls > MAX_STALLS : ++rewinds > MAX_REWINDS) {
      throw new TransferException(what + ": the device keeps " + (replyOff == sentAt
          ? "answering without taking data" : "sending the transfer back to an earlier offset")
          + " (last request at offset " + sentAt + ", reply " + replyOff + ")");
    }
  }
}
