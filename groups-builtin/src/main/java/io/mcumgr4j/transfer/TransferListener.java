package io.mcumgr4j.transfer;

/** Told of a transfer's progress after every reply. */
@FunctionalInterface
public interface TransferListener {

  /** Ignores progress. */
  TransferListener NONE = (done, total) -> {};

  /**
   * Called on the transferring thread.
   *
   * @param done bytes the device confirmed (upload) or sent (download) so far; may go down when
   *     the device asks to resend from an earlier offset (e.g. after a reboot)
   * @param total the transfer's size
   */
  void progress(long done, long total);
}
