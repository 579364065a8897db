package io.mcumgr4j.samples.handlerdemo;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.callback.MgmtCallbacks;
import io.mcumgr4j.cbor.CborReader;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.cbor.DecodeErrors;
import io.mcumgr4j.server.CommandHandler;
import io.mcumgr4j.server.GroupHandler;
import io.mcumgr4j.server.RequestContext;
import java.util.Objects;
import java.util.OptionalLong;
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
    long value = 0L;
    String text = null;
    int seen = 0;
    in.beginMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      switch (key) {
        case "uint_key" -> {
          if ((seen & 1) != 0) {
            throw DecodeErrors.duplicate("uint_key");
          }
          seen |= 1;
          value = in.uint32();
        }
        case "string_key" -> {
          if ((seen & 1 << 1) != 0) {
            throw DecodeErrors.duplicate("string_key");
          }
          seen |= 1 << 1;
          text = in.text();
        }
        default -> in.skipValue();
      }
    }
    if ((seen & 1) == 0) {
      throw DecodeErrors.missing("uint_key");
    }
    if ((seen & 1 << 1) == 0) {
      throw DecodeErrors.missing("string_key");
    }
    ExampleMgmt.TestResult result = Objects.requireNonNull(impl.test(value, text),
        "test() returned null");
    ExampleMgmtCodec.writeTestResultFields(out, result);
  }

  /**
   * Command 1 (WRITE): {@link ExampleMgmt#other}.
   */
  private void other(RequestContext ctx, CborReader in, CborWriter out) {
    OptionalLong userValue = OptionalLong.empty();
    int seen = 0;
    in.beginMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      switch (key) {
        case "user_value" -> {
          if ((seen & 1) != 0) {
            throw DecodeErrors.duplicate("user_value");
          }
          seen |= 1;
          userValue = OptionalLong.of(in.uint32());
        }
        default -> in.skipValue();
      }
    }
    MgmtCallbacks callbacks = ctx.callbacks();
    if (callbacks.hasListeners(ExampleMgmtEvents.OTHER)) {
      callbacks.notify(ExampleMgmtEvents.OTHER,
          new ExampleMgmtEvents.OtherEvent(userValue)).throwIfFailed();
    }
    ExampleMgmt.OtherResult result = Objects.requireNonNull(impl.other(userValue),
        "other() returned null");
    ExampleMgmtCodec.writeOtherResultFields(out, result);
  }
}
