package io.mcumgr4j.groups.enumeration;

import io.mcumgr4j.annotation.Command;
import io.mcumgr4j.annotation.ErrorCode;
import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.annotation.MgmtGroup;
import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.annotation.Param;
import io.mcumgr4j.annotation.Uint;
import io.mcumgr4j.server.RequestContext;
import java.util.List;
import java.util.OptionalLong;

/** Zephyr's enumeration group (10): {@code smp_group_10.rst}; answers from the server's registry. */
@MgmtGroup(id = 10, name = "enum mgmt", eventGroup = 6,
    errors = {
        @ErrorCode(value = 2, name = "TOO_MANY_GROUP_ENTRIES", legacy = MgmtErr.EINVAL,
            doc = "More groups were asked for than fit"),
        @ErrorCode(value = 3, name = "INSUFFICIENT_HEAP_FOR_ENTRIES", doc = "Not enough memory for the entries"),
        @ErrorCode(value = 4, name = "INDEX_TOO_LARGE", doc = "The index is past the last group")
    })
public interface EnumMgmt {

  /** How many groups the device has. */
  @Command(id = 0, ops = Op.READ)
  Count count(RequestContext ctx);

  /** The ids of every group, in registration order. */
  @Command(id = 1, ops = Op.READ)
  GroupList list(RequestContext ctx);

  /** The group at {@code index} (default 0); {@code end} is true on the last one. */
  @Command(id = 2, ops = Op.READ)
  Single single(RequestContext ctx, @Param(value = "index", required = false) @Uint OptionalLong index);

  /** Name and command count of every group, or of the groups listed. */
  @Command(id = 3, ops = Op.READ)
  Details details(RequestContext ctx, @Param(value = "groups", required = false) @Uint(bits = 16) List<Integer> groups);

  /** Response of {@link #count}. */
  record Count(@Uint long count) {}

  /** Response of {@link #list}. */
  record GroupList(@Uint(bits = 16) List<Integer> groups) {}

  /** Response of {@link #single}. */
  record Single(@Uint(bits = 16) int group, Boolean end) {}

  /** Response of {@link #details}. */
  record Details(List<GroupDetails> groups) {}

  /**
   * One group.
   *
   * @param group the id
   * @param name the name it registered with
   * @param handlers its command slots (highest command id + 1)
   */
  record GroupDetails(@Uint(bits = 16) int group, String name, @Uint Long handlers) {}
}
