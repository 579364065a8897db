package test.extension;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.cbor.CborReader;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.server.CommandHandler;
import io.mcumgr4j.server.GroupHandler;
import io.mcumgr4j.server.RequestContext;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Serves the {@code base} group (id 70) with an implementation of {@link BaseMgmt}: register it with
 * {@code SmpServer.register(new BaseMgmtDispatcher(impl))}.
 */
@Generated("io.mcumgr4j.processor.MgmtProcessor")
public final class BaseMgmtDispatcher implements GroupHandler {
  /**
   * The group id.
   */
  public static final int GROUP_ID = 70;

  private final BaseMgmt impl;

  private final CommandHandler info = this::info;

  /**
   * @param impl the group's implementation
   */
  public BaseMgmtDispatcher(BaseMgmt impl) {
    this.impl = Objects.requireNonNull(impl, "impl");
  }

  @Override
  public int groupId() {
    return GROUP_ID;
  }

  @Override
  public String name() {
    return "base";
  }

  @Override
  public int commandSlots() {
    return 1;
  }

  @Override
  public CommandHandler handler(int id, Op op) {
    return switch (id) {
      case 0 -> op == Op.READ ? info : null;
      default -> null;
    };
  }

  @Override
  public MgmtErr translateError(int rc) {
    BaseMgmtError error = BaseMgmtError.forCode(rc);
    return error == null ? MgmtErr.EUNKNOWN : error.legacy();
  }

  /**
   * Command 0 (READ): {@link BaseMgmt#info}.
   */
  private void info(RequestContext ctx, CborReader in, CborWriter out) {
    BaseMgmtCodec.InfoRequest request = BaseMgmtCodec.decodeInfo(in);
    BaseMgmt.Info result = Objects.requireNonNull(impl.info(request.verbose()),
        "info() returned null");
    BaseMgmtCodec.writeInfoFields(out, result);
  }
}
