package io.mcumgr4j.simulator.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DeviceClockTest {

  /** A clock the test moves by hand. */
  private static final class ManualClock extends Clock {
    private final ZoneId zone;
    private Instant now;

    ManualClock(Instant now, ZoneId zone) {
      this.now = now;
      this.zone = zone;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return new ManualClock(now, zone);
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void startsAtTheBaseClocksLocalTime() {
    Clock base = Clock.fixed(Instant.parse("2026-06-03T20:19:37Z"), ZoneOffset.ofHours(2));

    assertThat(new DeviceClock(base).now()).isEqualTo(LocalDateTime.of(2026, 6, 3, 22, 19, 37));
  }

  @Test
  void advancesWithTheBaseClockAndSetMovesIt() {
    ManualClock base = new ManualClock(Instant.parse("2026-06-03T22:19:37Z"), ZoneOffset.UTC);
    DeviceClock clock = new DeviceClock(base);

    base.advance(Duration.ofSeconds(90));
    assertThat(clock.now()).isEqualTo(LocalDateTime.of(2026, 6, 3, 22, 21, 7));

    clock.set(LocalDateTime.of(1999, 12, 31, 23, 59, 59));
    assertThat(clock.now()).isEqualTo(LocalDateTime.of(1999, 12, 31, 23, 59, 59));
    base.advance(Duration.ofMillis(1500));
    assertThat(clock.now()).isEqualTo(LocalDateTime.of(2000, 1, 1, 0, 0, 0, 500_000_000));

    clock.set(LocalDateTime.of(2030, 1, 1, 0, 0));
    base.advance(Duration.ofHours(1));
    assertThat(clock.now()).isEqualTo(LocalDateTime.of(2030, 1, 1, 1, 0));
  }

  @Test
  void followsInstantsNotTheZonesWallClock() {
    // Europe/Berlin's clocks jump from 02:00 to 03:00 on 2026-03-29; an RTC does not.
    ManualClock base = new ManualClock(Instant.parse("2026-03-29T00:30:00Z"), ZoneId.of("Europe/Berlin"));
    DeviceClock clock = new DeviceClock(base);
    assertThat(clock.now()).isEqualTo(LocalDateTime.of(2026, 3, 29, 1, 30));

    base.advance(Duration.ofHours(1));

    assertThat(clock.now()).isEqualTo(LocalDateTime.of(2026, 3, 29, 2, 30));
  }
}
