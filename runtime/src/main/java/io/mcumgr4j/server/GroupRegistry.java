package io.mcumgr4j.server;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.annotation.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The groups a server answers, with Zephyr's registration rules: a group id has one registration,
 * and a further one under the same id may fill command slots the earlier ones leave empty (an
 * application extending a built-in group); a command id registered twice is refused. Lookups
 * take no lock: the request path reads a copy-on-write list.
 */
final class GroupRegistry {

  private final CopyOnWriteArrayList<GroupHandler> groups = new CopyOnWriteArrayList<>();

  /** @throws IllegalArgumentException if a command id already has a handler under that group id */
  synchronized void register(GroupHandler group) {
    for (GroupHandler g : groups) {
      if (g.groupId() != group.groupId()) {
        continue;
      }
      for (int id = 0; id < group.commandSlots(); id++) {
        if (hasSlot(group, id) && hasSlot(g, id)) {
          throw new IllegalArgumentException(
              "command " + id + " of group " + group.groupId() + " is already registered by '"
                  + g.name() + "'");
        }
      }
    }
    groups.add(group);
  }

  synchronized void unregister(GroupHandler group) {
    groups.remove(group);
  }

  /** Every registration, in registration order. */
  List<GroupHandler> all() {
    return List.copyOf(groups);
  }

  /** The registrations under {@code groupId}, in registration order. */
  List<GroupHandler> byId(int groupId) {
    List<GroupHandler> out = new ArrayList<>();
    for (GroupHandler g : groups) {
      if (g.groupId() == groupId) {
        out.add(g);
      }
    }
    return out;
  }

  /**
   * The handler of a command: the first registration of the group whose slot is filled, then its
   * handler for {@code op}; {@code null} when there is none.
   */
  CommandHandler find(int group, int command, Op op) {
    for (GroupHandler g : groups) {
      if (g.groupId() == group && command < g.commandSlots() && hasSlot(g, command)) {
        return g.handler(command, op);
      }
    }
    return null;
  }

  /** The SMP v1 code of group error {@code rc} of {@code group}, as its first registration translates it. */
  MgmtErr translate(int group, int rc) {
    for (GroupHandler g : groups) {
      if (g.groupId() == group) {
        return g.translateError(rc);
      }
    }
    return MgmtErr.EUNKNOWN;
  }

  static boolean hasSlot(GroupHandler g, int command) {
    return g.handler(command, Op.READ) != null || g.handler(command, Op.WRITE) != null;
  }
}
