package io.mcumgr4j.samples.extendos;

import io.mcumgr4j.groups.os.OsMgmt;
import java.util.Objects;

/**
 * The extended OS group: the generated {@link BoardOsMgmtForwarding} passes the built-in commands
 * to an existing {@link OsMgmt} (normally the simulated device's own); this class adds only the
 * new one, answered from a fixed {@link BoardId}.
 */
public final class BoardOsMgmtImpl extends BoardOsMgmtForwarding {

  private final BoardId id;

  /**
   * @param os answers the inherited commands
   * @param id what {@link #boardId()} answers
   */
  public BoardOsMgmtImpl(OsMgmt os, BoardId id) {
    super(os);
    this.id = Objects.requireNonNull(id, "id");
  }

  @Override
  public BoardId boardId() {
    return id;
  }
}
