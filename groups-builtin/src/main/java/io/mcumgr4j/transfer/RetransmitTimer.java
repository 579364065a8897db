package io.mcumgr4j.transfer;

import java.time.Duration;

/**
 * The retransmission timeout of a transfer, from the round trips it measures (RFC 6298's
 * estimator): a smoothed round trip plus four times its variation (and at least twice the round
 * trip), between a floor and a ceiling;
 * doubled after each timeout (back-off), back to the estimate after the next sample. Karn's rule
 * keeps out samples whose answer may be to either of two sendings; a window never makes one, as
 * it sends every attempt, a resent chunk too, as a request of its own with its own sequence
 * number, and an answer names its request. So every answer is a sample: skipping the answers to
 * resent chunks, as a byte stream must, left the timeout backed off through a lossy link's stream
 * of resynchronisations and stalled the transfer.
 */
final class RetransmitTimer {

  /** The floor: a device's flash write may take milliseconds even on loopback. */
  static final long MIN_NANOS = Duration.ofMillis(20).toNanos();
  private static final long INITIAL_NANOS = Duration.ofSeconds(1).toNanos();

  private final long maxNanos;
  private double srtt = -1;
  private double rttvar;
  private long rto;

  /** @param ceiling the longest timeout, however slow the link looks */
  RetransmitTimer(Duration ceiling) {
    this.maxNanos = Math.max(MIN_NANOS, ceiling.toNanos());
    this.rto = Math.min(INITIAL_NANOS, maxNanos);
  }

  /** Takes the round trip of a request sent once. */
  void sample(long rttNanos) {
    if (srtt < 0) {
      srtt = rttNanos;
      rttvar = rttNanos / 2.0;
    } else {
      rttvar = 0.75 * rttvar + 0.25 * Math.abs(srtt - rttNanos);
      srtt = 0.875 * srtt + 0.125 * rttNanos;
    }
    // twice the round trip at least: a steady link's variation decays towards nothing, and a
    // timeout a hair above the mean would fire at every bit of jitter
    rto = clamp((long) Math.max(srtt + 4 * rttvar, 2 * srtt));
  }

  /** A request timed out: wait twice as long from now on, up to the ceiling. */
  void backOff() {
    rto = clamp(rto * 2);
  }

  /** The current timeout. */
  Duration timeout() {
    return Duration.ofNanos(rto);
  }

  private long clamp(long nanos) {
    return Math.max(MIN_NANOS, Math.min(maxNanos, nanos));
  }
}
