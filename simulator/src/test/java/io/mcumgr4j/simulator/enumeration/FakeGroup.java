package io.mcumgr4j.simulator.enumeration;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.server.CommandHandler;
import io.mcumgr4j.server.GroupHandler;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A stand-in for a group this package's tests do not implement: an id, a name and a command
 * table whose filled slots answer a read with {@code {}}.
 */
public final class FakeGroup implements GroupHandler {

  private static final CommandHandler EMPTY = (ctx, in, out) -> in.skipValue();

  private final int id;
  private final String name;
  private final int slots;
  private final Set<Integer> filled;

  private FakeGroup(int id, String name, int slots, Set<Integer> filled) {
    this.id = id;
    this.name = name;
    this.slots = slots;
    this.filled = filled;
  }

  /** A group with every one of its {@code slots} command slots filled. */
  public static FakeGroup of(int id, String name, int slots) {
    return new FakeGroup(id, name, slots, IntStream.range(0, slots).boxed().collect(Collectors.toSet()));
  }

  /** A group whose table has {@code slots} slots, only {@code filled} of them with a command. */
  public static FakeGroup sparse(int id, String name, int slots, Set<Integer> filled) {
    return new FakeGroup(id, name, slots, Set.copyOf(filled));
  }

  /** Zephyr 4.4.0's {@code smp_svr} groups other than enumeration and shell, by id. */
  public static FakeGroup zephyr(int id) {
    return switch (id) {
      case 0 -> of(0, "os mgmt", 8);
      case 2 -> of(2, "stat mgmt", 2);
      case 3 -> of(3, "settings mgmt", 4);
      case 8 -> of(8, "fs mgmt", 5);
      case 63 -> of(63, "zephyr basic mgmt", 1);
      default -> throw new IllegalArgumentException("smp_svr has no group " + id + " to fake");
    };
  }

  @Override
  public int groupId() {
    return id;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int commandSlots() {
    return slots;
  }

  @Override
  public CommandHandler handler(int command, Op op) {
    return op == Op.READ && filled.contains(command) ? EMPTY : null;
  }
}
