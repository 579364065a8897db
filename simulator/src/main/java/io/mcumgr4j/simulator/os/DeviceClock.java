package io.mcumgr4j.simulator.os;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * The simulated device's real-time clock: a {@link Clock} (the host's, or a fixed or stepped one in
 * tests) that {@link #set} moves by an offset, as setting an RTC moves it. Like an RTC it keeps a
 * local date and time without a zone: it starts at the base clock's local time in the base clock's
 * zone and from then on advances with the base clock's instants only, so host time-zone or
 * daylight-saving changes do not move it. Thread-safe.
 */
public final class DeviceClock {

  /** The device time {@code local} at the base instant {@code instant}. */
  private record Anchor(Instant instant, LocalDateTime local) {}

  private final Clock base;
  private volatile Anchor anchor;

  /** A clock showing {@code base}'s local time now. */
  public DeviceClock(Clock base) {
    this.base = Objects.requireNonNull(base, "base");
    Instant now = base.instant();
    this.anchor = new Anchor(now, LocalDateTime.ofInstant(now, base.getZone()));
  }

  /** The device's current date and time. */
  public LocalDateTime now() {
    Anchor a = anchor;
    return a.local().plus(Duration.between(a.instant(), base.instant()));
  }

  /** Sets the device's date and time to {@code time}; it advances from there. */
  public void set(LocalDateTime time) {
    anchor = new Anchor(base.instant(), Objects.requireNonNull(time, "time"));
  }
}
