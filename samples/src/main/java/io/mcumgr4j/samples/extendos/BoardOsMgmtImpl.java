package io.mcumgr4j.samples.extendos;

import io.mcumgr4j.groups.os.OsMgmt;
import io.mcumgr4j.server.RequestContext;
import java.util.Map;
import java.util.Objects;

/**
 * The extended OS group: the built-in commands go to an existing {@link OsMgmt} (normally {@link
 * io.mcumgr4j.simulator.os.SimulatedOsMgmt}), the new one answers from a fixed {@link BoardId}.
 */
public final class BoardOsMgmtImpl implements BoardOsMgmt {

  private final OsMgmt os;
  private final BoardId id;

  /**
   * @param os answers the inherited commands
   * @param id what {@link #boardId()} answers
   */
  public BoardOsMgmtImpl(OsMgmt os, BoardId id) {
    this.os = Objects.requireNonNull(os, "os");
    this.id = Objects.requireNonNull(id, "id");
  }

  @Override
  public BoardId boardId() {
    return id;
  }

  @Override
  public Echo echo(String text) {
    return os.echo(text);
  }

  @Override
  public TaskStats taskStats() {
    return os.taskStats();
  }

  @Override
  public Map<String, MemoryPool> memoryPools() {
    return os.memoryPools();
  }

  @Override
  public DateTime dateTime() {
    return os.dateTime();
  }

  @Override
  public void setDateTime(String datetime) {
    os.setDateTime(datetime);
  }

  @Override
  public void reset(Boolean force, Integer bootMode) {
    os.reset(force, bootMode);
  }

  @Override
  public McumgrParams params(RequestContext ctx) {
    return os.params(ctx);
  }

  @Override
  public Info info(String format) {
    return os.info(format);
  }

  @Override
  public BootloaderInfo bootloaderInfo(String query) {
    return os.bootloaderInfo(query);
  }
}
