package test.extension;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.callback.MgmtCallbacks;
import io.mcumgr4j.cbor.CborReader;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.server.CommandHandler;
import io.mcumgr4j.server.GroupHandler;
import io.mcumgr4j.server.RequestContext;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Serves the {@code base} group (id 70) with an implementation of {@link ExtendedMgmt}: register it with
 * {@code SmpServer.register(new ExtendedMgmtDispatcher(impl))}.
 */
@Generated("io.mcumgr4j.processor.MgmtProcessor")
public final class ExtendedMgmtDispatcher implements GroupHandler {
  /**
   * The group id.
   */
  public static final int GROUP_ID = 70;

  private final ExtendedMgmt impl;

  private final CommandHandler info = this::info;

  private final CommandHandler extra = this::extra;

  /**
   * @param impl the group's implementation
   */
  public ExtendedMgmtDispatcher(ExtendedMgmt impl) {
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
    return 2;
  }

  @Override
  public CommandHandler handler(int id, Op op) {
    return switch (id) {
      case 0 -> op == Op.READ ? info : null;
      case 1 -> op == Op.WRITE ? extra : null;
      default -> null;
    };
  }

  @Override
  public MgmtErr translateError(int rc) {
    ExtendedMgmtError error = ExtendedMgmtError.forCode(rc);
    return error == null ? MgmtErr.EUNKNOWN : error.legacy();
  }

  /**
   * Command 0 (READ): {@link ExtendedMgmt#info}.
   */
  private void info(RequestContext ctx, CborReader in, CborWriter out) {
    ExtendedMgmtCodec.InfoRequest request = ExtendedMgmtCodec.decodeInfo(in);
    BaseMgmt.Info result = Objects.requireNonNull(impl.info(request.verbose()),
        "info() returned null");
    ExtendedMgmtCodec.writeInfoFields(out, result);
  }

  /**
   * Command 1 (WRITE): {@link ExtendedMgmt#extra}.
   */
  private void extra(RequestContext ctx, CborReader in, CborWriter out) {
    ExtendedMgmtCodec.ExtraRequest request = ExtendedMgmtCodec.decodeExtra(in);
    MgmtCallbacks callbacks = ctx.callbacks();
    if (callbacks.hasListeners(ExtendedMgmtEvents.EXTRA)) {
      callbacks.notify(ExtendedMgmtEvents.EXTRA,
          new ExtendedMgmtEvents.ExtraEvent(request.amount())).throwIfFailed();
    }
    impl.extra(request.amount());
  }
}
