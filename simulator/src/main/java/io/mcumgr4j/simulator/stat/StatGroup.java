package io.mcumgr4j.simulator.stat;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A named group of {@link Counter}s (Zephyr's {@code STATS_SECT_START} ... {@code STATS_INIT_AND_REG}):
 * counters are created on first use and reported in creation order. Thread-safe.
 */
public final class StatGroup {

  private final String name;
  private final Map<String, Counter> counters = new LinkedHashMap<>();

  StatGroup(String name) {
    this.name = name;
  }

  /** The group's name, what the statistics group lists and shows it by. */
  public String name() {
    return name;
  }

  /**
   * The counter called {@code name}, created (at zero, after the existing ones) if the group has
   * none of that name.
   *
   * @throws IllegalArgumentException if {@code name} is empty
   */
  public synchronized Counter counter(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a counter needs a name");
    }
    return counters.computeIfAbsent(name, Counter::new);
  }

  /** The counters' names and values, in creation order; a copy. */
  public synchronized Map<String, Long> snapshot() {
    Map<String, Long> values = new LinkedHashMap<>();
    counters.forEach((key, counter) -> values.put(key, counter.get()));
    return Collections.unmodifiableMap(values);
  }

  /** Sets every counter to zero. */
  synchronized void reset() {
    counters.values().forEach(c -> c.set(0));
  }

  @Override
  public String toString() {
    return name + snapshot();
  }
}
