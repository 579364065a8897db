package io.mcumgr4j.server;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.annotation.Op;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Commands added to a group that is already registered, e.g. a board-specific command in
 * Zephyr's OS group: a view of a group handler (typically the generated dispatcher of an interface
 * that extends the built-in one) that answers only the added command ids, registered beside the
 * group it extends. The server looks further when the first registration's slot is empty, as
 * Zephyr's handler lookup does for a group registered twice.
 *
 * <pre>{@code
 * ExtraCommands.register(server, new BoardOsMgmtDispatcher(new Board(os)));
 * }</pre>
 */
public final class ExtraCommands implements GroupHandler {

  private final GroupHandler group;
  private final Set<Integer> ids;

  private ExtraCommands(GroupHandler group, Set<Integer> ids) {
    this.group = group;
    this.ids = Set.copyOf(ids);
  }

  /** A view of {@code group} that answers only {@code commandIds}. */
  public static ExtraCommands of(GroupHandler group, int... commandIds) {
    Set<Integer> ids = new TreeSet<>();
    for (int id : commandIds) {
      if (!GroupRegistry.hasSlot(group, id)) {
        throw new IllegalArgumentException(group.name() + " has no command " + id);
      }
      ids.add(id);
    }
    return new ExtraCommands(group, ids);
  }

  /**
   * Registers the commands of {@code group} that no registration of its group id answers yet, and
   * returns the registration (to {@link SmpServer#unregister} it again).
   *
   * @throws IllegalArgumentException if {@code group} adds no command to what is registered
   */
  public static ExtraCommands register(SmpServer server, GroupHandler group) {
    List<GroupHandler> present = server.groups(group.groupId());
    Set<Integer> ids = new TreeSet<>();
    for (int id = 0; id < group.commandSlots(); id++) {
      if (GroupRegistry.hasSlot(group, id) && !answered(present, id)) {
        ids.add(id);
      }
    }
    if (ids.isEmpty()) {
      throw new IllegalArgumentException(group.name() + " adds no command to group " + group.groupId()
          + ": every command it has is registered already");
    }
    ExtraCommands extra = new ExtraCommands(group, ids);
    server.register(extra);
    return extra;
  }

  private static boolean answered(List<GroupHandler> groups, int id) {
    for (GroupHandler g : groups) {
      if (id < g.commandSlots() && GroupRegistry.hasSlot(g, id)) {
        return true;
      }
    }
    return false;
  }

  /** The command ids this view answers. */
  public Set<Integer> commandIds() {
    return ids;
  }

  @Override
  public int groupId() {
    return group.groupId();
  }

  @Override
  public String name() {
    return group.name();
  }

  @Override
  public int commandSlots() {
    return group.commandSlots();
  }

  @Override
  public CommandHandler handler(int id, Op op) {
    return ids.contains(id) ? group.handler(id, op) : null;
  }

  @Override
  public MgmtErr translateError(int rc) {
    return group.translateError(rc);
  }
}
