package io.mcumgr4j.simulator.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatRegistryTest {

  private final StatRegistry registry = new StatRegistry();

  @Test
  void groupsAreCreatedOnceAndListedInCreationOrder() {
    StatGroup zulu = registry.group("zulu");
    registry.group("alpha");
    registry.group("mike");

    assertThat(registry.group("zulu")).isSameAs(zulu);
    assertThat(registry.names()).containsExactly("zulu", "alpha", "mike");
    assertThat(registry.find("alpha")).get().extracting(StatGroup::name).isEqualTo("alpha");
    assertThat(registry.find("nope")).isEmpty();
  }

  @Test
  void countersAreCreatedOnceAndSnapshotInCreationOrder() {
    StatGroup group = registry.group("g");
    Counter b = group.counter("b");
    group.counter("a").set(7);
    b.add(3);
    b.increment();

    assertThat(group.counter("b")).isSameAs(b);
    assertThat(group.snapshot()).containsExactly(entry("b", 4L), entry("a", 7L));
    assertThat(b.get()).isEqualTo(4);
    assertThat(b.name()).isEqualTo("b");
  }

  @Test
  void aSnapshotIsACopy() {
    StatGroup group = registry.group("g");
    Counter c = group.counter("c");
    var before = group.snapshot();
    c.increment();

    assertThat(before).containsExactly(entry("c", 0L));
    assertThatThrownBy(() -> before.put("x", 1L)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void resetAllZeroesEveryCounterAndKeepsTheRegistrations() {
    registry.group("one").counter("x").set(5);
    registry.group("two").counter("y").add(9);

    registry.resetAll();

    assertThat(registry.names()).containsExactly("one", "two");
    assertThat(registry.group("one").snapshot()).containsExactly(entry("x", 0L));
    assertThat(registry.group("two").snapshot()).containsExactly(entry("y", 0L));
  }

  @Test
  void emptyNamesAreRefused() {
    assertThatThrownBy(() -> registry.group("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> registry.group("g").counter("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void countersCountEveryIncrementFromManyThreads() throws Exception {
    Counter counter = registry.group("g").counter("hits");
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      Thread thread = new Thread(() -> {
        for (int i = 0; i < 10_000; i++) {
          counter.increment();
        }
      });
      thread.start();
      threads.add(thread);
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(counter.get()).isEqualTo(80_000);
  }

  private static Map.Entry<String, Long> entry(String key, long value) {
    return Map.entry(key, value);
  }
}
