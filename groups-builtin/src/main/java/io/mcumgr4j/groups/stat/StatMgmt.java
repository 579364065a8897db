package io.mcumgr4j.groups.stat;

import io.mcumgr4j.annotation.Command;
import io.mcumgr4j.annotation.ErrorCode;
import io.mcumgr4j.annotation.Field;
import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.annotation.MgmtGroup;
import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.annotation.Param;
import io.mcumgr4j.annotation.Uint;
import java.util.List;
import java.util.Map;

/** Zephyr's statistics group (2): {@code smp_group_2.rst}. */
@MgmtGroup(id = 2, name = "stat mgmt",
    errors = {
        @ErrorCode(value = 2, name = "INVALID_GROUP", legacy = MgmtErr.ENOENT, doc = "No such stat group"),
        @ErrorCode(value = 3, name = "INVALID_STAT_NAME", legacy = MgmtErr.ENOENT, doc = "No stat group of that name"),
        @ErrorCode(value = 4, name = "INVALID_STAT_SIZE", legacy = MgmtErr.EINVAL, doc = "A stat has an unsupported size"),
        @ErrorCode(value = 5, name = "WALK_ABORTED", doc = "Walking the stats was aborted")
    })
public interface StatMgmt {

  /** The counters of the stat group {@code name}. */
  @Command(id = 0, ops = Op.READ)
  GroupData groupData(@Param("name") String name);

  /** The names of every stat group. */
  @Command(id = 1, ops = Op.READ)
  StatList list();

  /** Response of {@link #groupData}: the name echoed, then each counter. */
  record GroupData(String name, @Uint(bits = 64) Map<String, Long> fields) {}

  /** Response of {@link #list}. */
  record StatList(@Field("stat_list") List<String> names) {}
}
