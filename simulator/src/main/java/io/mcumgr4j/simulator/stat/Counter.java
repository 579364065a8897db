package io.mcumgr4j.simulator.stat;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One statistic of a {@link StatGroup}: an unsigned counter the application updates from any
 * thread. Values are unsigned 64-bit; a value of 2^63 and more reads as a negative {@code long}
 * with the same bits. The statistics group reports the low 32 bits, as Zephyr does (see {@link
 * SimulatedStatMgmt}).
 */
public final class Counter {

  private final String name;
  private final AtomicLong value = new AtomicLong();

  Counter(String name) {
    this.name = name;
  }

  /** The counter's name, the key it is reported under. */
  public String name() {
    return name;
  }

  /** Adds one. */
  public void increment() {
    value.incrementAndGet();
  }

  /** Adds {@code delta} (wrapping around as an unsigned counter does). */
  public void add(long delta) {
    value.addAndGet(delta);
  }

  /** Sets the value. */
  public void set(long newValue) {
    value.set(newValue);
  }

  /** The value. */
  public long get() {
    return value.get();
  }

  @Override
  public String toString() {
    return name + "=" + Long.toUnsignedString(value.get());
  }
}
