package io.mcumgr4j.simulator.enumeration;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.error.MgmtException;
import io.mcumgr4j.frame.SmpHeader;
import io.mcumgr4j.groups.enumeration.EnumMgmt;
import io.mcumgr4j.groups.enumeration.EnumMgmtError;
import io.mcumgr4j.server.GroupHandler;
import io.mcumgr4j.server.RequestContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The enumeration group of a simulated device, answering from the groups registered with the
 * server that handles the request, as Zephyr's {@code enum_mgmt.c} answers from its group list.
 *
 * <ul>
 *   <li>Groups come in registration order (seen in Zephyr 4.4.0: 10, 8, 0, 3, 9, 2, 63), not
 *       sorted.
 *   <li>A group id registered more than once (an application adding commands to a built-in
 *       group) is one group, at the place of its first registration, named as that registration
 *       names it, its {@code handlers} the largest command table among its registrations (the
 *       server finds commands in all of them). Zephyr lists each registration as a group of its
 *       own, the id twice and the count one higher; a client asking which groups exist expects
 *       each once.
 *   <li>{@code single}: {@code end: true} only on the last group, the key left out otherwise (as
 *       Zephyr); an index above 65535 answers {@code rc} 3 (EINVAL), an index past the last group
 *       {@link EnumMgmtError#INDEX_TOO_LARGE}.
 *   <li>{@code details}: all groups when {@code groups} is absent or empty; otherwise the groups
 *       listed that exist, in registration order (not the request's), ids not present left out,
 *       an id listed twice given once; more than {@value #MAX_DETAILS_ENTRIES} ids answer {@link
 *       EnumMgmtError#TOO_MANY_GROUP_ENTRIES} (Zephyr's default stack buffer). Every group has
 *       {@code group}, {@code name} (empty when a handler has none) and {@code handlers}.
 *   <li>A list or details response larger than the server's buffer answers {@code rc} 9
 *       (ECORRUPT), the code Zephyr answers when its encoder runs out of room.
 * </ul>
 *
 * <p>Not reproduced: Zephyr's details hook, which lets an application add keys per group.
 */
public final class SimulatedEnumMgmt implements EnumMgmt {

  /** {@code CONFIG_MCUMGR_GRP_ENUM_DETAILS_BUFFER_TYPE_STACK_ENTRIES} default. */
  public static final int MAX_DETAILS_ENTRIES = 16;

  /** Zephyr's {@code MAX_MCUMGR_GROUPS}: the largest index {@code single} takes. */
  private static final long MAX_INDEX = 65535;

  /** One group as enumeration reports it. */
  private record Group(int id, String name, int handlers) {}

  @Override
  public Count count(RequestContext ctx) {
    return new Count(groups(ctx).size());
  }

  @Override
  public GroupList list(RequestContext ctx) {
    List<Integer> ids = groups(ctx).stream().map(Group::id).toList();
    // "groups", the array's brackets and the map's
    int size = 1 + text("groups") + 1 + ids.stream().mapToInt(SimulatedEnumMgmt::uint).sum() + 1 + 1;
    checkFits(ctx, size);
    return new GroupList(ids);
  }

  @Override
  public Single single(RequestContext ctx, OptionalLong index) {
    long i = index.orElse(0);
    if (i > MAX_INDEX) {
      throw new MgmtException(MgmtErr.EINVAL, "index " + i + " > " + MAX_INDEX);
    }
    List<Group> groups = groups(ctx);
    if (i >= groups.size()) {
      throw new GroupErrorException(EnumMgmtError.INDEX_TOO_LARGE, "index " + i + " of " + groups.size() + " groups");
    }
    return new Single(groups.get((int) i).id(), i == groups.size() - 1 ? Boolean.TRUE : null);
  }

  @Override
  public Details details(RequestContext ctx, List<Integer> groups) {
    if (groups != null && groups.size() > MAX_DETAILS_ENTRIES) {
      throw new GroupErrorException(EnumMgmtError.TOO_MANY_GROUP_ENTRIES,
          groups.size() + " group ids, at most " + MAX_DETAILS_ENTRIES);
    }
    Set<Integer> wanted = groups == null || groups.isEmpty() ? null : new HashSet<>(groups);
    List<GroupDetails> out = new ArrayList<>();
    int size = 1 + text("groups") + 1 + 1 + 1;
    for (Group g : groups(ctx)) {
      if (wanted == null || wanted.contains(g.id())) {
        out.add(new GroupDetails(g.id(), g.name(), (long) g.handlers()));
        size += 1 + text("group") + uint(g.id()) + text("name") + text(g.name()) + text("handlers")
            + uint(g.handlers()) + 1;
      }
    }
    checkFits(ctx, size);
    return new Details(out);
  }

  /** The server's groups, one per id, in the order of their first registration. */
  private static List<Group> groups(RequestContext ctx) {
    Map<Integer, Group> byId = new LinkedHashMap<>();
    for (GroupHandler h : ctx.server().groups()) {
      Group first = byId.get(h.groupId());
      if (first == null) {
        byId.put(h.groupId(), new Group(h.groupId(), h.name() == null ? "" : h.name(), h.commandSlots()));
      } else if (h.commandSlots() > first.handlers()) {
        byId.put(h.groupId(), new Group(first.id(), first.name(), h.commandSlots()));
      }
    }
    return List.copyOf(byId.values());
  }

  /** Answers ECORRUPT, as Zephyr, when a response payload of {@code size} bytes cannot fit the server's buffer. */
  private static void checkFits(RequestContext ctx, int size) {
    int room = ctx.config().bufSize() - SmpHeader.SIZE;
    if (size > room) {
      throw new MgmtException(MgmtErr.ECORRUPT, "response of " + size + " bytes, room for " + room);
    }
  }

  /** Encoded size of an unsigned integer below 2^32. */
  private static int uint(long value) {
    return value < 24 ? 1 : value < 0x100 ? 2 : value < 0x10000 ? 3 : 5;
  }

  /** Encoded size of a text string. */
  private static int text(String value) {
    int length = value.getBytes(StandardCharsets.UTF_8).length;
    return uint(length) + length;
  }
}
