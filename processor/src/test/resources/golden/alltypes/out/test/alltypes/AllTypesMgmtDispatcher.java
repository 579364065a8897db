package test.alltypes;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.callback.MgmtCallbacks;
import io.mcumgr4j.cbor.CborReader;
import io.mcumgr4j.cbor.CborValues;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.cbor.DecodeErrors;
import io.mcumgr4j.cbor.RawCbor;
import io.mcumgr4j.server.CommandHandler;
import io.mcumgr4j.server.GroupHandler;
import io.mcumgr4j.server.RequestContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
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
    boolean b = false;
    int i = 0;
    long l = 0L;
    float f = 0f;
    double d = 0d;
    Boolean boxedBool = null;
    Integer boxedInt = null;
    Long boxedLong = null;
    Float boxedFloat = null;
    Double boxedDouble = null;
    int seen = 0;
    in.beginMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      switch (key) {
        case "b" -> {
          if ((seen & 1) != 0) {
            throw DecodeErrors.duplicate("b");
          }
          seen |= 1;
          b = in.bool();
        }
        case "i" -> {
          if ((seen & 1 << 1) != 0) {
            throw DecodeErrors.duplicate("i");
          }
          seen |= 1 << 1;
          i = in.int32();
        }
        case "l" -> {
          if ((seen & 1 << 2) != 0) {
            throw DecodeErrors.duplicate("l");
          }
          seen |= 1 << 2;
          l = in.int64();
        }
        case "f" -> {
          if ((seen & 1 << 3) != 0) {
            throw DecodeErrors.duplicate("f");
          }
          seen |= 1 << 3;
          f = in.float32();
        }
        case "d" -> {
          if ((seen & 1 << 4) != 0) {
            throw DecodeErrors.duplicate("d");
          }
          seen |= 1 << 4;
          d = in.float64();
        }
        case "bb" -> {
          if ((seen & 1 << 5) != 0) {
            throw DecodeErrors.duplicate("bb");
          }
          seen |= 1 << 5;
          boxedBool = in.bool();
        }
        case "bi" -> {
          if ((seen & 1 << 6) != 0) {
            throw DecodeErrors.duplicate("bi");
          }
          seen |= 1 << 6;
          boxedInt = in.int32();
        }
        case "bl" -> {
          if ((seen & 1 << 7) != 0) {
            throw DecodeErrors.duplicate("bl");
          }
          seen |= 1 << 7;
          boxedLong = in.int64();
        }
        case "bf" -> {
          if ((seen & 1 << 8) != 0) {
            throw DecodeErrors.duplicate("bf");
          }
          seen |= 1 << 8;
          boxedFloat = in.float32();
        }
        case "bd" -> {
          if ((seen & 1 << 9) != 0) {
            throw DecodeErrors.duplicate("bd");
          }
          seen |= 1 << 9;
          boxedDouble = in.float64();
        }
        default -> in.skipValue();
      }
    }
    if ((seen & 1) == 0) {
      throw DecodeErrors.missing("b");
    }
    if ((seen & 1 << 1) == 0) {
      throw DecodeErrors.missing("i");
    }
    if ((seen & 1 << 2) == 0) {
      throw DecodeErrors.missing("l");
    }
    if ((seen & 1 << 3) == 0) {
      throw DecodeErrors.missing("f");
    }
    if ((seen & 1 << 4) == 0) {
      throw DecodeErrors.missing("d");
    }
    if ((seen & 1 << 5) == 0) {
      throw DecodeErrors.missing("bb");
    }
    if ((seen & 1 << 6) == 0) {
      throw DecodeErrors.missing("bi");
    }
    if ((seen & 1 << 7) == 0) {
      throw DecodeErrors.missing("bl");
    }
    if ((seen & 1 << 8) == 0) {
      throw DecodeErrors.missing("bf");
    }
    if ((seen & 1 << 9) == 0) {
      throw DecodeErrors.missing("bd");
    }
    AllTypesMgmt.Scalars result = Objects.requireNonNull(impl.scalars(b, i, l, f, d, boxedBool,
        boxedInt, boxedLong, boxedFloat, boxedDouble), "scalars() returned null");
    AllTypesMgmtCodec.writeScalarsFields(out, result);
  }

  /**
   * Command 1 (READ): {@link AllTypesMgmt#unsigned}.
   */
  private void unsigned(RequestContext ctx, CborReader in, CborWriter out) {
    int u8 = 0;
    Integer u16 = null;
    long u32 = 0L;
    Long u64 = null;
    List<Integer> u8s = null;
    OptionalLong u64o = OptionalLong.empty();
    int seen = 0;
    in.beginMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      switch (key) {
        case "u8" -> {
          if ((seen & 1) != 0) {
            throw DecodeErrors.duplicate("u8");
          }
          seen |= 1;
          u8 = in.uint8();
        }
        case "u16" -> {
          if ((seen & 1 << 1) != 0) {
            throw DecodeErrors.duplicate("u16");
          }
          seen |= 1 << 1;
          u16 = in.uint16();
        }
        case "u32" -> {
          if ((seen & 1 << 2) != 0) {
            throw DecodeErrors.duplicate("u32");
          }
          seen |= 1 << 2;
          u32 = in.uint32();
        }
        case "u64" -> {
          if ((seen & 1 << 3) != 0) {
            throw DecodeErrors.duplicate("u64");
          }
          seen |= 1 << 3;
          u64 = in.uint64();
        }
        case "u8s" -> {
          if ((seen & 1 << 4) != 0) {
            throw DecodeErrors.duplicate("u8s");
          }
          seen |= 1 << 4;
          u8s = CborValues.readList(in, CborReader::uint8);
        }
        case "u64o" -> {
          if ((seen & 1 << 5) != 0) {
            throw DecodeErrors.duplicate("u64o");
          }
          seen |= 1 << 5;
          u64o = OptionalLong.of(in.uint64());
        }
        default -> in.skipValue();
      }
    }
    if ((seen & 1) == 0) {
      throw DecodeErrors.missing("u8");
    }
    if ((seen & 1 << 1) == 0) {
      throw DecodeErrors.missing("u16");
    }
    if ((seen & 1 << 2) == 0) {
      throw DecodeErrors.missing("u32");
    }
    if ((seen & 1 << 3) == 0) {
      throw DecodeErrors.missing("u64");
    }
    if ((seen & 1 << 4) == 0) {
      throw DecodeErrors.missing("u8s");
    }
    AllTypesMgmt.Unsigned result = Objects.requireNonNull(impl.unsigned(u8, u16, u32, u64, u8s,
        u64o), "unsigned() returned null");
    AllTypesMgmtCodec.writeUnsignedFields(out, result);
  }

  /**
   * Command 2 (READ, WRITE): {@link AllTypesMgmt#blob}.
   */
  private void blob(RequestContext ctx, CborReader in, CborWriter out) {
    String name = null;
    byte[] data = null;
    RawCbor raw = null;
    int seen = 0;
    in.beginMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      switch (key) {
        case "name" -> {
          if ((seen & 1) != 0) {
            throw DecodeErrors.duplicate("name");
          }
          seen |= 1;
          name = in.text();
        }
        case "data" -> {
          if ((seen & 1 << 1) != 0) {
            throw DecodeErrors.duplicate("data");
          }
          seen |= 1 << 1;
          data = in.bytes();
        }
        case "raw" -> {
          if ((seen & 1 << 2) != 0) {
            throw DecodeErrors.duplicate("raw");
          }
          seen |= 1 << 2;
          raw = RawCbor.readFrom(in);
        }
        default -> in.skipValue();
      }
    }
    if ((seen & 1) == 0) {
      throw DecodeErrors.missing("name");
    }
    if ((seen & 1 << 1) == 0) {
      throw DecodeErrors.missing("data");
    }
    AllTypesMgmt.Blob result = Objects.requireNonNull(impl.blob(name, data, raw),
        "blob() returned null");
    AllTypesMgmtCodec.writeBlobFields(out, result);
  }

  /**
   * Command 3 (WRITE): {@link AllTypesMgmt#store}.
   */
  private void store(RequestContext ctx, CborReader in, CborWriter out) {
    List<String> tags = null;
    List<AllTypesMgmt.Point> points = null;
    Map<String, Long> limits = null;
    Map<String, AllTypesMgmt.Shape> shapes = null;
    List<List<Double>> matrix = null;
    List<byte[]> blobs = null;
    int seen = 0;
    in.beginMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      switch (key) {
        case "tags" -> {
          if ((seen & 1) != 0) {
            throw DecodeErrors.duplicate("tags");
          }
          seen |= 1;
          tags = CborValues.readList(in, CborReader::text);
        }
        case "points" -> {
          if ((seen & 1 << 1) != 0) {
            throw DecodeErrors.duplicate("points");
          }
          seen |= 1 << 1;
          points = CborValues.readList(in, AllTypesMgmtCodec::readPoint);
        }
        case "limits" -> {
          if ((seen & 1 << 2) != 0) {
            throw DecodeErrors.duplicate("limits");
          }
          seen |= 1 << 2;
          limits = CborValues.readMap(in, CborReader::int64);
        }
        case "shapes" -> {
          if ((seen & 1 << 3) != 0) {
            throw DecodeErrors.duplicate("shapes");
          }
          seen |= 1 << 3;
          shapes = CborValues.readMap(in, AllTypesMgmtCodec::readShape);
        }
        case "matrix" -> {
          if ((seen & 1 << 4) != 0) {
            throw DecodeErrors.duplicate("matrix");
          }
          seen |= 1 << 4;
          matrix = CborValues.readList(in, r1 -> CborValues.readList(r1, CborReader::float64));
        }
        case "blobs" -> {
          if ((seen & 1 << 5) != 0) {
            throw DecodeErrors.duplicate("blobs");
          }
          seen |= 1 << 5;
          blobs = CborValues.readList(in, CborReader::bytes);
        }
        default -> in.skipValue();
      }
    }
    if ((seen & 1) == 0) {
      throw DecodeErrors.missing("tags");
    }
    if ((seen & 1 << 1) == 0) {
      throw DecodeErrors.missing("points");
    }
    if ((seen & 1 << 2) == 0) {
      throw DecodeErrors.missing("limits");
    }
    if ((seen & 1 << 3) == 0) {
      throw DecodeErrors.missing("shapes");
    }
    if ((seen & 1 << 4) == 0) {
      throw DecodeErrors.missing("matrix");
    }
    if ((seen & 1 << 5) == 0) {
      throw DecodeErrors.missing("blobs");
    }
    MgmtCallbacks callbacks = ctx.callbacks();
    if (callbacks.hasListeners(AllTypesMgmtEvents.STORE)) {
      callbacks.notify(AllTypesMgmtEvents.STORE, new AllTypesMgmtEvents.StoreEvent(tags, points,
          limits, shapes, matrix, blobs)).throwIfFailed();
    }
    impl.store(tags, points, limits, shapes, matrix, blobs);
  }

  /**
   * Command 4 (READ): {@link AllTypesMgmt#optionals}.
   */
  private void optionals(RequestContext ctx, CborReader in, CborWriter out) {
    Optional<String> name = Optional.empty();
    OptionalInt count = OptionalInt.empty();
    OptionalLong total = OptionalLong.empty();
    OptionalDouble ratio = OptionalDouble.empty();
    Optional<AllTypesMgmt.Point> where = Optional.empty();
    String note = null;
    Integer level = null;
    OptionalInt more = OptionalInt.empty();
    int seen = 0;
    in.beginMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      switch (key) {
        case "name" -> {
          if ((seen & 1) != 0) {
            throw DecodeErrors.duplicate("name");
          }
          seen |= 1;
          name = Optional.of(in.text());
        }
        case "count" -> {
          if ((seen & 1 << 1) != 0) {
            throw DecodeErrors.duplicate("count");
          }
          seen |= 1 << 1;
          count = OptionalInt.of(in.int32());
        }
        case "total" -> {
          if ((seen & 1 << 2) != 0) {
            throw DecodeErrors.duplicate("total");
          }
          seen |= 1 << 2;
          total = OptionalLong.of(in.int64());
        }
        case "ratio" -> {
          if ((seen & 1 << 3) != 0) {
            throw DecodeErrors.duplicate("ratio");
          }
          seen |= 1 << 3;
          ratio = OptionalDouble.of(in.float64());
        }
        case "where" -> {
          if ((seen & 1 << 4) != 0) {
            throw DecodeErrors.duplicate("where");
          }
          seen |= 1 << 4;
          where = Optional.of(AllTypesMgmtCodec.readPoint(in));
        }
        case "note" -> {
          if ((seen & 1 << 5) != 0) {
            throw DecodeErrors.duplicate("note");
          }
          seen |= 1 << 5;
          note = in.text();
        }
        case "level" -> {
          if ((seen & 1 << 6) != 0) {
            throw DecodeErrors.duplicate("level");
          }
          seen |= 1 << 6;
          level = in.int32();
        }
        case "more" -> {
          if ((seen & 1 << 7) != 0) {
            throw DecodeErrors.duplicate("more");
          }
          seen |= 1 << 7;
          more = OptionalInt.of(in.int32());
        }
        default -> in.skipValue();
      }
    }
    AllTypesMgmt.Optionals result = Objects.requireNonNull(impl.optionals(name, count, total, ratio,
        where, note, level, more), "optionals() returned null");
    AllTypesMgmtCodec.writeOptionalsFields(out, result);
  }

  /**
   * Command 5 (READ): {@link AllTypesMgmt#readSetting}.
   */
  private void readSetting(RequestContext ctx, CborReader in, CborWriter out) {
    String name = null;
    int seen = 0;
    in.beginMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      switch (key) {
        case "name" -> {
          if ((seen & 1) != 0) {
            throw DecodeErrors.duplicate("name");
          }
          seen |= 1;
          name = in.text();
        }
        default -> in.skipValue();
      }
    }
    if ((seen & 1) == 0) {
      throw DecodeErrors.missing("name");
    }
    AllTypesMgmt.Setting result = Objects.requireNonNull(impl.readSetting(name),
        "readSetting() returned null");
    AllTypesMgmtCodec.writeSettingFields(out, result);
  }

  /**
   * Command 5 (WRITE): {@link AllTypesMgmt#writeSetting}.
   */
  private void writeSetting(RequestContext ctx, CborReader in, CborWriter out) {
    String name = null;
    byte[] value = null;
    int seen = 0;
    in.beginMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      switch (key) {
        case "name" -> {
          if ((seen & 1) != 0) {
            throw DecodeErrors.duplicate("name");
          }
          seen |= 1;
          name = in.text();
        }
        case "val" -> {
          if ((seen & 1 << 1) != 0) {
            throw DecodeErrors.duplicate("val");
          }
          seen |= 1 << 1;
          value = in.bytes();
        }
        default -> in.skipValue();
      }
    }
    if ((seen & 1) == 0) {
      throw DecodeErrors.missing("name");
    }
    if ((seen & 1 << 1) == 0) {
      throw DecodeErrors.missing("val");
    }
    MgmtCallbacks callbacks = ctx.callbacks();
    if (callbacks.hasListeners(AllTypesMgmtEvents.WRITE_SETTING)) {
      callbacks.notify(AllTypesMgmtEvents.WRITE_SETTING,
          new AllTypesMgmtEvents.WriteSettingEvent(name, value)).throwIfFailed();
    }
    impl.writeSetting(name, ctx, value);
  }

  /**
   * Command 6 (WRITE): {@link AllTypesMgmt#mode}.
   */
  private void mode(RequestContext ctx, CborReader in, CborWriter out) {
    AllTypesMgmt.Mode mode = null;
    List<AllTypesMgmt.Mode> history = null;
    Optional<AllTypesMgmt.Mode> fallback = Optional.empty();
    int seen = 0;
    in.beginMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      switch (key) {
        case "mode" -> {
          if ((seen & 1) != 0) {
            throw DecodeErrors.duplicate("mode");
          }
          seen |= 1;
          mode = AllTypesMgmtCodec.readMode(in);
        }
        case "history" -> {
          if ((seen & 1 << 1) != 0) {
            throw DecodeErrors.duplicate("history");
          }
          seen |= 1 << 1;
          history = CborValues.readList(in, AllTypesMgmtCodec::readMode);
        }
        case "fallback" -> {
          if ((seen & 1 << 2) != 0) {
            throw DecodeErrors.duplicate("fallback");
          }
          seen |= 1 << 2;
          fallback = Optional.of(AllTypesMgmtCodec.readMode(in));
        }
        default -> in.skipValue();
      }
    }
    if ((seen & 1) == 0) {
      throw DecodeErrors.missing("mode");
    }
    if ((seen & 1 << 1) == 0) {
      throw DecodeErrors.missing("history");
    }
    AllTypesMgmt.Status result = Objects.requireNonNull(impl.mode(mode, history, fallback),
        "mode() returned null");
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
    AllTypesMgmt.Tree root = null;
    AllTypesMgmt.Geo.Point origin = null;
    int seen = 0;
    in.beginMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      switch (key) {
        case "root" -> {
          if ((seen & 1) != 0) {
            throw DecodeErrors.duplicate("root");
          }
          seen |= 1;
          root = AllTypesMgmtCodec.readTree(in);
        }
        case "origin" -> {
          if ((seen & 1 << 1) != 0) {
            throw DecodeErrors.duplicate("origin");
          }
          seen |= 1 << 1;
          origin = AllTypesMgmtCodec.readGeo_Point(in);
        }
        default -> in.skipValue();
      }
    }
    if ((seen & 1) == 0) {
      throw DecodeErrors.missing("root");
    }
    if ((seen & 1 << 1) == 0) {
      throw DecodeErrors.missing("origin");
    }
    AllTypesMgmt.Tree result = Objects.requireNonNull(impl.tree(root, origin),
        "tree() returned null");
    AllTypesMgmtCodec.writeTreeFields(out, result);
  }
}
