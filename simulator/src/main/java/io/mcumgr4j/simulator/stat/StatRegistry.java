package io.mcumgr4j.simulator.stat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The statistics of a simulated device, the application's side of the statistics group: it
 * creates groups and counters and updates them, {@link SimulatedStatMgmt} reports them. Groups are
 * listed in creation order, as Zephyr lists them in registration order. Thread-safe.
 *
 * <pre>{@code
 * StatRegistry stats = new StatRegistry();
 * Counter ticks = stats.group("smp_svr_stats").counter("ticks");
 * ticks.increment();
 * }</pre>
 */
public final class StatRegistry {

  private final Map<String, StatGroup> groups = new LinkedHashMap<>();

  /**
   * The group called {@code name}, created (empty, after the existing ones) if there is none.
   *
   * @throws IllegalArgumentException if {@code name} is empty
   */
  public synchronized StatGroup group(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a stat group needs a name");
    }
    return groups.computeIfAbsent(name, StatGroup::new);
  }

  /** The groups' names in creation order; a copy. */
  public synchronized List<String> names() {
    return new ArrayList<>(groups.keySet());
  }

  /** The group called {@code name}, if there is one. */
  public synchronized Optional<StatGroup> find(String name) {
    return Optional.ofNullable(groups.get(name));
  }

  /**
   * Sets every counter of every group to zero, as a device restart does to Zephyr's statistics,
   * which live in RAM. Groups and counters stay registered, as the application registers them
   * again at boot.
   */
  public synchronized void resetAll() {
    groups.values().forEach(StatGroup::reset);
  }
}
