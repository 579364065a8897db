package io.mcumgr4j.server;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.annotation.Op;

/**
 * A management group as the server sees it: a table of command slots, each with an optional read
 * and write handler (Zephyr's {@code struct mgmt_group}). Generated dispatchers implement it.
 */
public interface GroupHandler {

  /** The SMP group id (0..65535). */
  int groupId();

  /** The group's name as enumeration reports it (Zephyr's {@code mg_group_name}), e.g. {@code os mgmt}. */
  String name();

  /**
   * The number of command slots: highest command id + 1, empty slots included (what
   * enumeration reports as {@code handlers}).
   */
  int commandSlots();

  /**
   * The handler of command {@code id} for {@code op} ({@link Op#READ} or {@link Op#WRITE}).
   *
   * @return the handler, or {@code null} when the slot is empty or lacks that op
   */
  CommandHandler handler(int id, Op op);

  /** The SMP v1 code a v1 request gets for this group's error {@code rc}. */
  default MgmtErr translateError(int rc) {
    return MgmtErr.EUNKNOWN;
  }
}
