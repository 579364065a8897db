package io.mcumgr4j.simulator.enumeration;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.server.CommandHandler;
import io.mcumgr4j.server.GroupHandler;
import io.mcumgr4j.server.TestGroups;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A stand-in for a group this package's tests do not implement: an id, a name and a command
 * table whose filled slots answer a read with {@code {}}.
 */
public final class FakeGroup {

  private static final CommandHandler EMPTY = (ctx, in, out) -> in.skipValue();

  private FakeGroup() {}

  /** A group with every one of its {@code slots} command slots filled. */
  public static GroupHandler of(int id, String name, int slots) {
    return sparse(id, name, slots, IntStream.range(0, slots).boxed().collect(Collectors.toSet()));
  }

  /** A group whose table has {@code slots} slots, only {@code filled} of them with a command. */
  public static GroupHandler sparse(int id, String name, int slots, Set<Integer> filled) {
    Set<Integer> commands = Set.copyOf(filled);
    return TestGroups.group(id, name, slots, (command, op) -> op == Op.READ && commands.contains(command) ? EMPTY : null);
  }

  /** Zephyr 4.4.0's {@code smp_svr} groups other than enumeration and shell, by id. */
  public static GroupHandler zephyr(int id) {
    return switch (id) {
      case 0 -> of(0, "os mgmt", 8);
      case 2 -> of(2, "stat mgmt", 2);
      case 3 -> of(3, "settings mgmt", 4);
      case 8 -> of(8, "fs mgmt", 5);
      case 63 -> of(63, "zephyr basic mgmt", 1);
      default -> throw new IllegalArgumentException("smp_svr has no group " + id + " to fake");
    };
  }
}
