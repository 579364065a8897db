package io.mcumgr4j.simulator.link;

import java.time.Duration;

/**
 * What a bad link does to the datagrams going one way: each is dropped with probability {@code
 * drop}, else sent after {@code delay} (plus up to {@code jitter}), a second time shortly after
 * with probability {@code duplicate}, and held back long enough for later ones to overtake it
 * with probability {@code reorder}.
 *
 * @param drop probability 0..1 that a datagram is lost
 * @param duplicate probability 0..1 that a datagram arrives twice
 * @param reorder probability 0..1 that a datagram is overtaken by the ones after it
 * @param delay the one-way delay every datagram has
 * @param jitter the largest extra delay, drawn uniformly per datagram
 */
public record Impairment(double drop, double duplicate, double reorder, Duration delay, Duration jitter) {

  /** A link that delivers everything at once, in order. */
  public static final Impairment NONE = new Impairment(0, 0, 0, Duration.ZERO, Duration.ZERO);

  public Impairment {
    checkProbability("drop", drop);
    checkProbability("duplicate", duplicate);
    checkProbability("reorder", reorder);
    if (delay.isNegative() || jitter.isNegative()) {
      throw new IllegalArgumentException("delay and jitter cannot be negative");
    }
  }

  /** Loses, duplicates and reorders each with probability {@code p}, without delay. */
  public static Impairment lossy(double p) {
    return new Impairment(p, p, p, Duration.ZERO, Duration.ZERO);
  }

  /** A copy with another fixed delay. */
  public Impairment withDelay(Duration value) {
    return new Impairment(drop, duplicate, reorder, value, jitter);
  }

  /** A copy with another jitter. */
  public Impairment withJitter(Duration value) {
    return new Impairment(drop, duplicate, reorder, delay, value);
  }

  private static void checkProbability(String name, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(name + " must be within 0..1, was " + p);
    }
  }
}
