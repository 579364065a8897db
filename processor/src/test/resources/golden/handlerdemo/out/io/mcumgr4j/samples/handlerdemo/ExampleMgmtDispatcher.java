package io.mcumgr4j.samples.handlerdemo;

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
 * Serves the {@code example} group (id 64) with an implementation of {@link ExampleMgmt}: register it with
 * {@code SmpServer.register(new ExampleMgmtDispatcher(impl))}.
 */
@Generated("io.mcumgr4j.processor.MgmtProcessor")
public final class ExampleMgmtDispatcher implements GroupHandler {
  /**
   * The group id.
   */
  public static final int GROUP_ID = 64;

  private final ExampleMgmt impl;

  private final CommandHandler test = this::test;

  private final CommandHandler other = this::other;

  /**
   * @param impl the group's implementation
   */
  public ExampleMgmtDispatcher(ExampleMgmt impl) {
    this.impl = Objects.requireNonNull(impl, "impl");
  }

  @Override
  public int groupId() {
    return GROUP_ID;
  }

  @Override
  public String name() {
    return "example";
  }

  @Override
  public int commandSlots() {
    return 2;
  }

  @Override
  public CommandHandler handler(int id, Op op) {
    return switch (id) {
      case 0 -> op == Op.READ ? test : null;
      case 1 -> op == Op.WRITE ? other : null;
      default -> null;
    };
  }

  @Override
  public MgmtErr translateError(int rc) {
    ExampleMgmtError error = ExampleMgmtError.forCode(rc);
    return error == null ? MgmtErr.EUNKNOWN : error.legacy();
  }

  /**
   * Command 0 (READ): {@link ExampleMgmt#test}.
   */
  private void test(RequestContext ctx, CborReader in, CborWriter out) {
    ExampleMgmtCodec.TestRequest request = ExampleMgmtCodec.decodeTest(in);
    ExampleMgmt.TestResult result = Objects.requireNonNull(impl.test(request.value(),
        request.text()), "test() returned null");
    ExampleMgmtCodec.writeTestResultFields(out, result);
  }

  /**
   * Command 1 (WRITE): {@link ExampleMgmt#other}.
   */
  private void other(RequestContext ctx, CborReader in, CborWriter out) {
    ExampleMgmtCodec.OtherRequest request = ExampleMgmtCodec.decodeOther(in);
    MgmtCallbacks callbacks = ctx.callbacks();
    if (callbacks.hasListeners(ExampleMgmtEvents.OTHER)) {
      callbacks.notify(ExampleMgmtEvents.OTHER,
          new ExampleMgmtEvents.OtherEvent(request.userValue())).throwIfFailed();
    }
    ExampleMgmt.OtherResult result = Objects.requireNonNull(impl.other(request.userValue()),
        "other() returned null");
    ExampleMgmtCodec.writeOtherResultFields(out, result);
  }
}
