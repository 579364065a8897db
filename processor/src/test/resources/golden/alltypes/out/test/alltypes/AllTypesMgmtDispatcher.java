package test.alltypes;

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
 * Serves the {@code all_types} group (id 100) with an implementation of {@link AllTypesMgmt}: register it with
 * {@code SmpServer.register(new AllTypesMgmtDispatcher(impl))}.
 */
@Generated("io.mcumgr4j.processor.MgmtProcessor")
public final class AllTypesMgmtDispatcher implements GroupHandler {
  /**
   * The group id.
   */
  public static final int GROUP_ID = 100;

  private final AllTypesMgmt impl;

  private final CommandHandler scalars = this::scalars;

  private final CommandHandler unsigned = this::unsigned;

  private final CommandHandler blob = this::blob;

  private final CommandHandler store = this::store;

  private final CommandHandler optionals = this::optionals;

  private final CommandHandler readSetting = this::readSetting;

  private final CommandHandler writeSetting = this::writeSetting;

  private final CommandHandler mode = this::mode;

  private final CommandHandler reset = this::reset;

  private final CommandHandler tree = this::tree;

  /**
   * @param impl the group's implementation
   */
  public AllTypesMgmtDispatcher(AllTypesMgmt impl) {
    this.impl = Objects.requireNonNull(impl, "impl");
  }

  @Override
  public int groupId() {
    return GROUP_ID;
  }

  @Override
  public String name() {
    return "all_types";
  }

  @Override
  public int commandSlots() {
    return 10;
  }

  @Override
  public CommandHandler handler(int id, Op op) {
    return switch (id) {
      case 0 -> op == Op.WRITE ? scalars : null;
      case 1 -> op == Op.READ ? unsigned : null;
      case 2 -> blob;
      case 3 -> op == Op.WRITE ? store : null;
      case 4 -> op == Op.READ ? optionals : null;
      case 5 -> op == Op.READ ? readSetting : op == Op.WRITE ? writeSetting : null;
      case 6 -> op == Op.WRITE ? mode : null;
      case 8 -> op == Op.WRITE ? reset : null;
      case 9 -> op == Op.READ ? tree : null;
      default -> null;
    };
  }

  @Override
  public MgmtErr translateError(int rc) {
    AllTypesMgmtError error = AllTypesMgmtError.forCode(rc);
    return error == null ? MgmtErr.EUNKNOWN : error.legacy();
  }

  /**
   * Command 0 (WRITE): {@link AllTypesMgmt#scalars}.
   */
  private void scalars(RequestContext ctx, CborReader in, CborWriter out) {
    AllTypesMgmtCodec.ScalarsRequest request = AllTypesMgmtCodec.decodeScalars(in);
    AllTypesMgmt.Scalars result = Objects.requireNonNull(impl.scalars(request.b(), request.i(),
        request.l(), request.f(), request.d(), request.boxedBool(), request.boxedInt(),
        request.boxedLong(), request.boxedFloat(), request.boxedDouble()),
        "scalars() returned null");
    AllTypesMgmtCodec.writeScalarsFields(out, result);
  }

  /**
   * Command 1 (READ): {@link AllTypesMgmt#unsigned}.
   */
  private void unsigned(RequestContext ctx, CborReader in, CborWriter out) {
    AllTypesMgmtCodec.UnsignedRequest request = AllTypesMgmtCodec.decodeUnsigned(in);
    AllTypesMgmt.Unsigned result = Objects.requireNonNull(impl.unsigned(request.u8(), request.u16(),
        request.u32(), request.u64(), request.u8s(), request.u64o()), "unsigned() returned null");
    AllTypesMgmtCodec.writeUnsignedFields(out, result);
  }

  /**
   * Command 2 (READ, WRITE): {@link AllTypesMgmt#blob}.
   */
  private void blob(RequestContext ctx, CborReader in, CborWriter out) {
    AllTypesMgmtCodec.BlobRequest request = AllTypesMgmtCodec.decodeBlob(in);
    AllTypesMgmt.Blob result = Objects.requireNonNull(impl.blob(request.name(), request.data(),
        request.raw()), "blob() returned null");
    AllTypesMgmtCodec.writeBlobFields(out, result);
  }

  /**
   * Command 3 (WRITE): {@link AllTypesMgmt#store}.
   */
  private void store(RequestContext ctx, CborReader in, CborWriter out) {
    AllTypesMgmtCodec.StoreRequest request = AllTypesMgmtCodec.decodeStore(in);
    MgmtCallbacks callbacks = ctx.callbacks();
    if (callbacks.hasListeners(AllTypesMgmtEvents.STORE)) {
      callbacks.notify(AllTypesMgmtEvents.STORE, new AllTypesMgmtEvents.StoreEvent(request.tags(),
          request.points(), request.limits(), request.shapes(), request.matrix(),
          request.blobs())).throwIfFailed();
    }
    impl.store(request.tags(), request.points(), request.limits(), request.shapes(),
        request.matrix(), request.blobs());
  }

  /**
   * Command 4 (READ): {@link AllTypesMgmt#optionals}.
   */
  private void optionals(RequestContext ctx, CborReader in, CborWriter out) {
    AllTypesMgmtCodec.OptionalsRequest request = AllTypesMgmtCodec.decodeOptionals(in);
    AllTypesMgmt.Optionals result = Objects.requireNonNull(impl.optionals(request.name(),
        request.count(), request.total(), request.ratio(), request.where(), request.note(),
        request.level(), request.more()), "optionals() returned null");
    AllTypesMgmtCodec.writeOptionalsFields(out, result);
  }

  /**
   * Command 5 (READ): {@link AllTypesMgmt#readSetting}.
   */
  private void readSetting(RequestContext ctx, CborReader in, CborWriter out) {
    AllTypesMgmtCodec.ReadSettingRequest request = AllTypesMgmtCodec.decodeReadSetting(in);
    AllTypesMgmt.Setting result = Objects.requireNonNull(impl.readSetting(request.name()),
        "readSetting() returned null");
    AllTypesMgmtCodec.writeSettingFields(out, result);
  }

  /**
   * Command 5 (WRITE): {@link AllTypesMgmt#writeSetting}.
   */
  private void writeSetting(RequestContext ctx, CborReader in, CborWriter out) {
    AllTypesMgmtCodec.WriteSettingRequest request = AllTypesMgmtCodec.decodeWriteSetting(in);
    MgmtCallbacks callbacks = ctx.callbacks();
    if (callbacks.hasListeners(AllTypesMgmtEvents.WRITE_SETTING)) {
      callbacks.notify(AllTypesMgmtEvents.WRITE_SETTING,
          new AllTypesMgmtEvents.WriteSettingEvent(request.name(),
          request.value())).throwIfFailed();
    }
    impl.writeSetting(request.name(), ctx, request.value());
  }

  /**
   * Command 6 (WRITE): {@link AllTypesMgmt#mode}.
   */
  private void mode(RequestContext ctx, CborReader in, CborWriter out) {
    AllTypesMgmtCodec.ModeRequest request = AllTypesMgmtCodec.decodeMode(in);
    AllTypesMgmt.Status result = Objects.requireNonNull(impl.mode(request.mode(), request.history(),
        request.fallback()), "mode() returned null");
    AllTypesMgmtCodec.writeStatusFields(out, result);
  }

  /**
   * Command 8 (WRITE): {@link AllTypesMgmt#reset}.
   */
  private void reset(RequestContext ctx, CborReader in, CborWriter out) {
    MgmtCallbacks callbacks = ctx.callbacks();
    if (callbacks.hasListeners(AllTypesMgmtEvents.RESET)) {
      callbacks.notify(AllTypesMgmtEvents.RESET,
          new AllTypesMgmtEvents.ResetEvent()).throwIfFailed();
    }
    impl.reset();
  }

  /**
   * Command 9 (READ): {@link AllTypesMgmt#tree}.
   */
  private void tree(RequestContext ctx, CborReader in, CborWriter out) {
    AllTypesMgmtCodec.TreeRequest request = AllTypesMgmtCodec.decodeTree(in);
    AllTypesMgmt.Tree result = Objects.requireNonNull(impl.tree(request.root(), request.origin()),
        "tree() returned null");
    AllTypesMgmtCodec.writeTreeFields(out, result);
  }
}
