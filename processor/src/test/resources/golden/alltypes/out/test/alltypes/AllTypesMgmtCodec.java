package test.alltypes;

import io.mcumgr4j.cbor.CborReader;
import io.mcumgr4j.cbor.CborValues;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.cbor.DecodeErrors;
import io.mcumgr4j.cbor.RawCbor;
import io.mcumgr4j.cbor.SeenKeys;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import javax.annotation.processing.Generated;

/**
 * CBOR encoding of the records and enums that {@link AllTypesMgmt}'s commands carry.
 */
@Generated("io.mcumgr4j.processor.MgmtProcessor")
final class AllTypesMgmtCodec {
  private static final AllTypesMgmt.Mode[] MODE_VALUES = AllTypesMgmt.Mode.values();

  private AllTypesMgmtCodec() {
  }

  static AllTypesMgmt.Mode readMode(CborReader in) {
    int code = in.int32();
    for (AllTypesMgmt.Mode value : MODE_VALUES) {
      if (value.code() == code) {
        return value;
      }
    }
    throw DecodeErrors.unknownCode(in.currentKey(), code);
  }

  static AllTypesMgmt.Scalars readScalars(CborReader in) {
    boolean b = false;
    int i = 0;
    long l = 0L;
    float f = 0f;
    double d = 0d;
    Boolean bb = null;
    Integer bi = null;
    Long bl = null;
    Float bf = null;
    Double bd = null;
    int seen = 0;
    in.beginMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      switch (key) {
        case "b" -> {
          seen = SeenKeys.add(seen, 1, "b");
          b = in.bool();
        }
        case "i" -> {
          seen = SeenKeys.add(seen, 1 << 1, "i");
          i = in.int32();
        }
        case "l" -> {
          seen = SeenKeys.add(seen, 1 << 2, "l");
          l = in.int64();
        }
        case "f" -> {
          seen = SeenKeys.add(seen, 1 << 3, "f");
          f = in.float32();
        }
        case "d" -> {
          seen = SeenKeys.add(seen, 1 << 4, "d");
          d = in.float64();
        }
        case "bb" -> {
          seen = SeenKeys.add(seen, 1 << 5, "bb");
          bb = in.bool();
        }
        case "bi" -> {
          seen = SeenKeys.add(seen, 1 << 6, "bi");
          bi = in.int32();
        }
        case "bl" -> {
          seen = SeenKeys.add(seen, 1 << 7, "bl");
          bl = in.int64();
        }
        case "bf" -> {
          seen = SeenKeys.add(seen, 1 << 8, "bf");
          bf = in.float32();
        }
        case "bd" -> {
          seen = SeenKeys.add(seen, 1 << 9, "bd");
          bd = in.float64();
        }
        default -> in.skipValue();
      }
    }
    return new AllTypesMgmt.Scalars(b, i, l, f, d, bb, bi, bl, bf, bd);
  }

  static AllTypesMgmt.Unsigned readUnsigned(CborReader in) {
    int u8 = 0;
    Integer u16 = null;
    long u32 = 0L;
    long u64 = 0L;
    Map<String, Integer> ports = null;
    OptionalLong maybe = OptionalLong.empty();
    int seen = 0;
    in.beginMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      switch (key) {
        case "u8" -> {
          seen = SeenKeys.add(seen, 1, "u8");
          u8 = in.uint8();
        }
        case "u16" -> {
          seen = SeenKeys.add(seen, 1 << 1, "u16");
          u16 = in.uint16();
        }
        case "u_32" -> {
          seen = SeenKeys.add(seen, 1 << 2, "u_32");
          u32 = in.uint32();
        }
        case "u64" -> {
          seen = SeenKeys.add(seen, 1 << 3, "u64");
          u64 = in.uint64();
        }
        case "ports" -> {
          seen = SeenKeys.add(seen, 1 << 4, "ports");
          ports = CborValues.readMap(in, CborReader::uint16);
        }
        case "maybe" -> {
          seen = SeenKeys.add(seen, 1 << 5, "maybe");
          maybe = OptionalLong.of(in.uint32());
        }
        default -> in.skipValue();
      }
    }
    return new AllTypesMgmt.Unsigned(u8, u16, u32, u64, ports, maybe);
  }

  static AllTypesMgmt.Blob readBlob(CborReader in) {
    String name = null;
    byte[] data = null;
    RawCbor raw = null;
    Map<String, RawCbor> extras = null;
    int seen = 0;
    in.beginMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      switch (key) {
        case "name" -> {
          seen = SeenKeys.add(seen, 1, "name");
          name = in.text();
        }
        case "data" -> {
          seen = SeenKeys.add(seen, 1 << 1, "data");
          data = in.bytes();
        }
        case "raw" -> {
          seen = SeenKeys.add(seen, 1 << 2, "raw");
          raw = RawCbor.readFrom(in);
        }
        case "extras" -> {
          seen = SeenKeys.add(seen, 1 << 3, "extras");
          extras = CborValues.readMap(in, RawCbor::readFrom);
        }
        default -> in.skipValue();
      }
    }
    return new AllTypesMgmt.Blob(name, data, raw, extras);
  }

  static AllTypesMgmt.Point readPoint(CborReader in) {
    int x = 0;
    int y = 0;
    int seen = 0;
    in.beginMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      switch (key) {
        case "x" -> {
          seen = SeenKeys.add(seen, 1, "x");
          x = in.int32();
        }
        case "y" -> {
          seen = SeenKeys.add(seen, 1 << 1, "y");
          y = in.int32();
        }
        default -> in.skipValue();
      }
    }
    return new AllTypesMgmt.Point(x, y);
  }

  static AllTypesMgmt.Shape readShape(CborReader in) {
    String name = null;
    List<AllTypesMgmt.Point> corners = null;
    AllTypesMgmt.Point center = null;
    int seen = 0;
    in.beginMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      switch (key) {
        case "n" -> {
          seen = SeenKeys.add(seen, 1, "n");
          name = in.text();
        }
        case "corners" -> {
          seen = SeenKeys.add(seen, 1 << 1, "corners");
          corners = CborValues.readList(in, AllTypesMgmtCodec::readPoint);
        }
        case "center" -> {
          seen = SeenKeys.add(seen, 1 << 2, "center");
          center = AllTypesMgmtCodec.readPoint(in);
        }
        default -> in.skipValue();
      }
    }
    return new AllTypesMgmt.Shape(name, corners, center);
  }

  static AllTypesMgmt.Optionals readOptionals(CborReader in) {
    Optional<String> name = Optional.empty();
    OptionalInt count = OptionalInt.empty();
    OptionalLong total = OptionalLong.empty();
    OptionalDouble ratio = OptionalDouble.empty();
    Optional<AllTypesMgmt.Shape> shape = Optional.empty();
    int seen = 0;
    in.beginMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      switch (key) {
        case "name" -> {
          seen = SeenKeys.add(seen, 1, "name");
          name = Optional.of(in.text());
        }
        case "count" -> {
          seen = SeenKeys.add(seen, 1 << 1, "count");
          count = OptionalInt.of(in.int32());
        }
        case "total" -> {
          seen = SeenKeys.add(seen, 1 << 2, "total");
          total = OptionalLong.of(in.int64());
        }
        case "ratio" -> {
          seen = SeenKeys.add(seen, 1 << 3, "ratio");
          ratio = OptionalDouble.of(in.float64());
        }
        case "shape" -> {
          seen = SeenKeys.add(seen, 1 << 4, "shape");
          shape = Optional.of(AllTypesMgmtCodec.readShape(in));
        }
        default -> in.skipValue();
      }
    }
    return new AllTypesMgmt.Optionals(name, count, total, ratio, shape);
  }

  static AllTypesMgmt.Setting readSetting(CborReader in) {
    byte[] value = null;
    OptionalInt size = OptionalInt.empty();
    int seen = 0;
    in.beginMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      switch (key) {
        case "val" -> {
          seen = SeenKeys.add(seen, 1, "val");
          value = in.bytes();
        }
        case "size" -> {
          seen = SeenKeys.add(seen, 1 << 1, "size");
          size = OptionalInt.of(in.int32());
        }
        default -> in.skipValue();
      }
    }
    return new AllTypesMgmt.Setting(value, size);
  }

  static AllTypesMgmt.Status readStatus(CborReader in) {
    AllTypesMgmt.Mode mode = null;
    Map<String, AllTypesMgmt.Mode> byName = null;
    List<AllTypesMgmt.Shape> shapes = null;
    Optional<AllTypesMgmt.Mode> next = Optional.empty();
    int seen = 0;
    in.beginMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      switch (key) {
        case "mode" -> {
          seen = SeenKeys.add(seen, 1, "mode");
          mode = AllTypesMgmtCodec.readMode(in);
        }
        case "byName" -> {
          seen = SeenKeys.add(seen, 1 << 1, "byName");
          byName = CborValues.readMap(in, AllTypesMgmtCodec::readMode);
        }
        case "shapes" -> {
          seen = SeenKeys.add(seen, 1 << 2, "shapes");
          shapes = CborValues.readList(in, AllTypesMgmtCodec::readShape);
        }
        case "next" -> {
          seen = SeenKeys.add(seen, 1 << 3, "next");
          next = Optional.of(AllTypesMgmtCodec.readMode(in));
        }
        default -> in.skipValue();
      }
    }
    return new AllTypesMgmt.Status(mode, byName, shapes, next);
  }

  static AllTypesMgmt.Tree readTree(CborReader in) {
    String label = null;
    List<AllTypesMgmt.Tree> children = null;
    AllTypesMgmt.Point at = null;
    AllTypesMgmt.Geo.Point where = null;
    int seen = 0;
    in.beginMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      switch (key) {
        case "label" -> {
          seen = SeenKeys.add(seen, 1, "label");
          label = in.text();
        }
        case "children" -> {
          seen = SeenKeys.add(seen, 1 << 1, "children");
          children = CborValues.readList(in, AllTypesMgmtCodec::readTree);
        }
        case "at" -> {
          seen = SeenKeys.add(seen, 1 << 2, "at");
          at = AllTypesMgmtCodec.readPoint(in);
        }
        case "where" -> {
          seen = SeenKeys.add(seen, 1 << 3, "where");
          where = AllTypesMgmtCodec.readGeo_Point(in);
        }
        default -> in.skipValue();
      }
    }
    return new AllTypesMgmt.Tree(label, children, at, where);
  }

  static AllTypesMgmt.Geo.Point readGeo_Point(CborReader in) {
    double lat = 0d;
    double lon = 0d;
    int seen = 0;
    in.beginMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      switch (key) {
        case "lat" -> {
          seen = SeenKeys.add(seen, 1, "lat");
          lat = in.float64();
        }
        case "lon" -> {
          seen = SeenKeys.add(seen, 1 << 1, "lon");
          lon = in.float64();
        }
        default -> in.skipValue();
      }
    }
    return new AllTypesMgmt.Geo.Point(lat, lon);
  }

  /**
   * Decodes the request of {@link AllTypesMgmt#scalars}.
   */
  static ScalarsRequest decodeScalars(CborReader in) {
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
          seen = SeenKeys.add(seen, 1, "b");
          b = in.bool();
        }
        case "i" -> {
          seen = SeenKeys.add(seen, 1 << 1, "i");
          i = in.int32();
        }
        case "l" -> {
          seen = SeenKeys.add(seen, 1 << 2, "l");
          l = in.int64();
        }
        case "f" -> {
          seen = SeenKeys.add(seen, 1 << 3, "f");
          f = in.float32();
        }
        case "d" -> {
          seen = SeenKeys.add(seen, 1 << 4, "d");
          d = in.float64();
        }
        case "bb" -> {
          seen = SeenKeys.add(seen, 1 << 5, "bb");
          boxedBool = in.bool();
        }
        case "bi" -> {
          seen = SeenKeys.add(seen, 1 << 6, "bi");
          boxedInt = in.int32();
        }
        case "bl" -> {
          seen = SeenKeys.add(seen, 1 << 7, "bl");
          boxedLong = in.int64();
        }
        case "bf" -> {
          seen = SeenKeys.add(seen, 1 << 8, "bf");
          boxedFloat = in.float32();
        }
        case "bd" -> {
          seen = SeenKeys.add(seen, 1 << 9, "bd");
          boxedDouble = in.float64();
        }
        default -> in.skipValue();
      }
    }
    SeenKeys.require(seen, 1, "b");
    SeenKeys.require(seen, 1 << 1, "i");
    SeenKeys.require(seen, 1 << 2, "l");
    SeenKeys.require(seen, 1 << 3, "f");
    SeenKeys.require(seen, 1 << 4, "d");
    SeenKeys.require(seen, 1 << 5, "bb");
    SeenKeys.require(seen, 1 << 6, "bi");
    SeenKeys.require(seen, 1 << 7, "bl");
    SeenKeys.require(seen, 1 << 8, "bf");
    SeenKeys.require(seen, 1 << 9, "bd");
    return new ScalarsRequest(b, i, l, f, d, boxedBool, boxedInt, boxedLong, boxedFloat, boxedDouble);
  }

  /**
   * Decodes the request of {@link AllTypesMgmt#unsigned}.
   */
  static UnsignedRequest decodeUnsigned(CborReader in) {
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
          seen = SeenKeys.add(seen, 1, "u8");
          u8 = in.uint8();
        }
        case "u16" -> {
          seen = SeenKeys.add(seen, 1 << 1, "u16");
          u16 = in.uint16();
        }
        case "u32" -> {
          seen = SeenKeys.add(seen, 1 << 2, "u32");
          u32 = in.uint32();
        }
        case "u64" -> {
          seen = SeenKeys.add(seen, 1 << 3, "u64");
          u64 = in.uint64();
        }
        case "u8s" -> {
          seen = SeenKeys.add(seen, 1 << 4, "u8s");
          u8s = CborValues.readList(in, CborReader::uint8);
        }
        case "u64o" -> {
          seen = SeenKeys.add(seen, 1 << 5, "u64o");
          u64o = OptionalLong.of(in.uint64());
        }
        default -> in.skipValue();
      }
    }
    SeenKeys.require(seen, 1, "u8");
    SeenKeys.require(seen, 1 << 1, "u16");
    SeenKeys.require(seen, 1 << 2, "u32");
    SeenKeys.require(seen, 1 << 3, "u64");
    SeenKeys.require(seen, 1 << 4, "u8s");
    return new UnsignedRequest(u8, u16, u32, u64, u8s, u64o);
  }

  /**
   * Decodes the request of {@link AllTypesMgmt#blob}.
   */
  static BlobRequest decodeBlob(CborReader in) {
    String name = null;
    byte[] data = null;
    RawCbor raw = null;
    int seen = 0;
    in.beginMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      switch (key) {
        case "name" -> {
          seen = SeenKeys.add(seen, 1, "name");
          name = in.text();
        }
        case "data" -> {
          seen = SeenKeys.add(seen, 1 << 1, "data");
          data = in.bytes();
        }
        case "raw" -> {
          seen = SeenKeys.add(seen, 1 << 2, "raw");
          raw = RawCbor.readFrom(in);
        }
        default -> in.skipValue();
      }
    }
    SeenKeys.require(seen, 1, "name");
    SeenKeys.require(seen, 1 << 1, "data");
    return new BlobRequest(name, data, raw);
  }

  /**
   * Decodes the request of {@link AllTypesMgmt#store}.
   */
  static StoreRequest decodeStore(CborReader in) {
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
          seen = SeenKeys.add(seen, 1, "tags");
          tags = CborValues.readList(in, CborReader::text);
        }
        case "points" -> {
          seen = SeenKeys.add(seen, 1 << 1, "points");
          points = CborValues.readList(in, AllTypesMgmtCodec::readPoint);
        }
        case "limits" -> {
          seen = SeenKeys.add(seen, 1 << 2, "limits");
          limits = CborValues.readMap(in, CborReader::int64);
        }
        case "shapes" -> {
          seen = SeenKeys.add(seen, 1 << 3, "shapes");
          shapes = CborValues.readMap(in, AllTypesMgmtCodec::readShape);
        }
        case "matrix" -> {
          seen = SeenKeys.add(seen, 1 << 4, "matrix");
          matrix = CborValues.readList(in, r1 -> CborValues.readList(r1, CborReader::float64));
        }
        case "blobs" -> {
          seen = SeenKeys.add(seen, 1 << 5, "blobs");
          blobs = CborValues.readList(in, CborReader::bytes);
        }
        default -> in.skipValue();
      }
    }
    SeenKeys.require(seen, 1, "tags");
    SeenKeys.require(seen, 1 << 1, "points");
    SeenKeys.require(seen, 1 << 2, "limits");
    SeenKeys.require(seen, 1 << 3, "shapes");
    SeenKeys.require(seen, 1 << 4, "matrix");
    SeenKeys.require(seen, 1 << 5, "blobs");
    return new StoreRequest(tags, points, limits, shapes, matrix, blobs);
  }

  /**
   * Decodes the request of {@link AllTypesMgmt#optionals}.
   */
  static OptionalsRequest decodeOptionals(CborReader in) {
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
          seen = SeenKeys.add(seen, 1, "name");
          name = Optional.of(in.text());
        }
        case "count" -> {
          seen = SeenKeys.add(seen, 1 << 1, "count");
          count = OptionalInt.of(in.int32());
        }
        case "total" -> {
          seen = SeenKeys.add(seen, 1 << 2, "total");
          total = OptionalLong.of(in.int64());
        }
        case "ratio" -> {
          seen = SeenKeys.add(seen, 1 << 3, "ratio");
          ratio = OptionalDouble.of(in.float64());
        }
        case "where" -> {
          seen = SeenKeys.add(seen, 1 << 4, "where");
          where = Optional.of(AllTypesMgmtCodec.readPoint(in));
        }
        case "note" -> {
          seen = SeenKeys.add(seen, 1 << 5, "note");
          note = in.text();
        }
        case "level" -> {
          seen = SeenKeys.add(seen, 1 << 6, "level");
          level = in.int32();
        }
        case "more" -> {
          seen = SeenKeys.add(seen, 1 << 7, "more");
          more = OptionalInt.of(in.int32());
        }
        default -> in.skipValue();
      }
    }
    return new OptionalsRequest(name, count, total, ratio, where, note, level, more);
  }

  /**
   * Decodes the request of {@link AllTypesMgmt#readSetting}.
   */
  static ReadSettingRequest decodeReadSetting(CborReader in) {
    String name = null;
    int seen = 0;
    in.beginMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      switch (key) {
        case "name" -> {
          seen = SeenKeys.add(seen, 1, "name");
          name = in.text();
        }
        default -> in.skipValue();
      }
    }
    SeenKeys.require(seen, 1, "name");
    return new ReadSettingRequest(name);
  }

  /**
   * Decodes the request of {@link AllTypesMgmt#writeSetting}.
   */
  static WriteSettingRequest decodeWriteSetting(CborReader in) {
    String name = null;
    byte[] value = null;
    int seen = 0;
    in.beginMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      switch (key) {
        case "name" -> {
          seen = SeenKeys.add(seen, 1, "name");
          name = in.text();
        }
        case "val" -> {
          seen = SeenKeys.add(seen, 1 << 1, "val");
          value = in.bytes();
        }
        default -> in.skipValue();
      }
    }
    SeenKeys.require(seen, 1, "name");
    SeenKeys.require(seen, 1 << 1, "val");
    return new WriteSettingRequest(name, value);
  }

  /**
   * Decodes the request of {@link AllTypesMgmt#mode}.
   */
  static ModeRequest decodeMode(CborReader in) {
    AllTypesMgmt.Mode mode = null;
    List<AllTypesMgmt.Mode> history = null;
    Optional<AllTypesMgmt.Mode> fallback = Optional.empty();
    int seen = 0;
    in.beginMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      switch (key) {
        case "mode" -> {
          seen = SeenKeys.add(seen, 1, "mode");
          mode = AllTypesMgmtCodec.readMode(in);
        }
        case "history" -> {
          seen = SeenKeys.add(seen, 1 << 1, "history");
          history = CborValues.readList(in, AllTypesMgmtCodec::readMode);
        }
        case "fallback" -> {
          seen = SeenKeys.add(seen, 1 << 2, "fallback");
          fallback = Optional.of(AllTypesMgmtCodec.readMode(in));
        }
        default -> in.skipValue();
      }
    }
    SeenKeys.require(seen, 1, "mode");
    SeenKeys.require(seen, 1 << 1, "history");
    return new ModeRequest(mode, history, fallback);
  }

  /**
   * Decodes the request of {@link AllTypesMgmt#tree}.
   */
  static TreeRequest decodeTree(CborReader in) {
    AllTypesMgmt.Tree root = null;
    AllTypesMgmt.Geo.Point origin = null;
    int seen = 0;
    in.beginMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      switch (key) {
        case "root" -> {
          seen = SeenKeys.add(seen, 1, "root");
          root = AllTypesMgmtCodec.readTree(in);
        }
        case "origin" -> {
          seen = SeenKeys.add(seen, 1 << 1, "origin");
          origin = AllTypesMgmtCodec.readGeo_Point(in);
        }
        default -> in.skipValue();
      }
    }
    SeenKeys.require(seen, 1, "root");
    SeenKeys.require(seen, 1 << 1, "origin");
    return new TreeRequest(root, origin);
  }

  static void writePoint(CborWriter out, AllTypesMgmt.Point value) {
    out.beginMap(2);
    writePointFields(out, value);
    out.endMap();
  }

  static void writeShape(CborWriter out, AllTypesMgmt.Shape value) {
    out.beginMap((value.name() != null ? 1 : 0) + (value.corners() != null ? 1 : 0) +
        (value.center() != null ? 1 : 0));
    writeShapeFields(out, value);
    out.endMap();
  }

  static void writeTree(CborWriter out, AllTypesMgmt.Tree value) {
    out.beginMap((value.label() != null ? 1 : 0) + (value.children() != null ? 1 : 0) +
        (value.at() != null ? 1 : 0) + (value.where() != null ? 1 : 0));
    writeTreeFields(out, value);
    out.endMap();
  }

  static void writeGeo_Point(CborWriter out, AllTypesMgmt.Geo.Point value) {
    out.beginMap(2);
    writeGeo_PointFields(out, value);
    out.endMap();
  }

  static void writeScalarsFields(CborWriter out, AllTypesMgmt.Scalars value) {
    out.key("b");
    out.bool(value.b());
    out.key("i");
    out.integer(value.i());
    out.key("l");
    out.integer(value.l());
    out.key("f");
    out.float32(value.f());
    out.key("d");
    out.float64(value.d());
    if (value.bb() != null) {
      out.key("bb");
      out.bool(value.bb());
    }
    if (value.bi() != null) {
      out.key("bi");
      out.integer(value.bi());
    }
    if (value.bl() != null) {
      out.key("bl");
      out.integer(value.bl());
    }
    if (value.bf() != null) {
      out.key("bf");
      out.float32(value.bf());
    }
    if (value.bd() != null) {
      out.key("bd");
      out.float64(value.bd());
    }
  }

  static void writeUnsignedFields(CborWriter out, AllTypesMgmt.Unsigned value) {
    out.key("u8");
    out.uint8(value.u8());
    if (value.u16() != null) {
      out.key("u16");
      out.uint16(value.u16());
    }
    out.key("u_32");
    out.uint32(value.u32());
    out.key("u64");
    out.uint(value.u64());
    if (value.ports() != null) {
      out.key("ports");
      CborValues.writeMap(out, value.ports(), CborWriter::uint16);
    }
    if (value.maybe().isPresent()) {
      out.key("maybe");
      out.uint32(value.maybe().getAsLong());
    }
  }

  static void writeBlobFields(CborWriter out, AllTypesMgmt.Blob value) {
    if (value.name() != null) {
      out.key("name");
      out.text(value.name());
    }
    if (value.data() != null) {
      out.key("data");
      out.bytes(value.data());
    }
    if (value.raw() != null) {
      out.key("raw");
      value.raw().writeTo(out);
    }
    if (value.extras() != null) {
      out.key("extras");
      CborValues.writeMap(out, value.extras(), (w1, v1) -> v1.writeTo(w1));
    }
  }

  static void writeOptionalsFields(CborWriter out, AllTypesMgmt.Optionals value) {
    if (value.name().isPresent()) {
      out.key("name");
      out.text(value.name().get());
    }
    if (value.count().isPresent()) {
      out.key("count");
      out.integer(value.count().getAsInt());
    }
    if (value.total().isPresent()) {
      out.key("total");
      out.integer(value.total().getAsLong());
    }
    if (value.ratio().isPresent()) {
      out.key("ratio");
      out.float64(value.ratio().getAsDouble());
    }
    if (value.shape().isPresent()) {
      out.key("shape");
      AllTypesMgmtCodec.writeShape(out, value.shape().get());
    }
  }

  static void writeSettingFields(CborWriter out, AllTypesMgmt.Setting value) {
    if (value.value() != null) {
      out.key("val");
      out.bytes(value.value());
    }
    if (value.size().isPresent()) {
      out.key("size");
      out.integer(value.size().getAsInt());
    }
  }

  static void writeStatusFields(CborWriter out, AllTypesMgmt.Status value) {
    if (value.mode() != null) {
      out.key("mode");
      out.integer(value.mode().code());
    }
    if (value.byName() != null) {
      out.key("byName");
      CborValues.writeMap(out, value.byName(), (w1, v1) -> w1.integer(v1.code()));
    }
    if (value.shapes() != null) {
      out.key("shapes");
      CborValues.writeList(out, value.shapes(), AllTypesMgmtCodec::writeShape);
    }
    if (value.next().isPresent()) {
      out.key("next");
      out.integer(value.next().get().code());
    }
  }

  static void writeTreeFields(CborWriter out, AllTypesMgmt.Tree value) {
    if (value.label() != null) {
      out.key("label");
      out.text(value.label());
    }
    if (value.children() != null) {
      out.key("children");
      CborValues.writeList(out, value.children(), AllTypesMgmtCodec::writeTree);
    }
    if (value.at() != null) {
      out.key("at");
      AllTypesMgmtCodec.writePoint(out, value.at());
    }
    if (value.where() != null) {
      out.key("where");
      AllTypesMgmtCodec.writeGeo_Point(out, value.where());
    }
  }

  static void writePointFields(CborWriter out, AllTypesMgmt.Point value) {
    out.key("x");
    out.integer(value.x());
    out.key("y");
    out.integer(value.y());
  }

  static void writeShapeFields(CborWriter out, AllTypesMgmt.Shape value) {
    if (value.name() != null) {
      out.key("n");
      out.text(value.name());
    }
    if (value.corners() != null) {
      out.key("corners");
      CborValues.writeList(out, value.corners(), AllTypesMgmtCodec::writePoint);
    }
    if (value.center() != null) {
      out.key("center");
      AllTypesMgmtCodec.writePoint(out, value.center());
    }
  }

  static void writeGeo_PointFields(CborWriter out, AllTypesMgmt.Geo.Point value) {
    out.key("lat");
    out.float64(value.lat());
    out.key("lon");
    out.float64(value.lon());
  }

  /**
   * The decoded request of {@link AllTypesMgmt#scalars}.
   */
  record ScalarsRequest(boolean b, int i, long l, float f, double d, Boolean boxedBool,
      Integer boxedInt, Long boxedLong, Float boxedFloat, Double boxedDouble) {
  }

  /**
   * The decoded request of {@link AllTypesMgmt#unsigned}.
   */
  record UnsignedRequest(int u8, Integer u16, long u32, Long u64, List<Integer> u8s,
      OptionalLong u64o) {
  }

  /**
   * The decoded request of {@link AllTypesMgmt#blob}.
   */
  record BlobRequest(String name, byte[] data, RawCbor raw) {
  }

  /**
   * The decoded request of {@link AllTypesMgmt#store}.
   */
  record StoreRequest(List<String> tags, List<AllTypesMgmt.Point> points, Map<String, Long> limits,
      Map<String, AllTypesMgmt.Shape> shapes, List<List<Double>> matrix, List<byte[]> blobs) {
  }

  /**
   * The decoded request of {@link AllTypesMgmt#optionals}.
   */
  record OptionalsRequest(Optional<String> name, OptionalInt count, OptionalLong total,
      OptionalDouble ratio, Optional<AllTypesMgmt.Point> where, String note, Integer level,
      OptionalInt more) {
  }

  /**
   * The decoded request of {@link AllTypesMgmt#readSetting}.
   */
  record ReadSettingRequest(String name) {
  }

  /**
   * The decoded request of {@link AllTypesMgmt#writeSetting}.
   */
  record WriteSettingRequest(String name, byte[] value) {
  }

  /**
   * The decoded request of {@link AllTypesMgmt#mode}.
   */
  record ModeRequest(AllTypesMgmt.Mode mode, List<AllTypesMgmt.Mode> history,
      Optional<AllTypesMgmt.Mode> fallback) {
  }

  /**
   * The decoded request of {@link AllTypesMgmt#tree}.
   */
  record TreeRequest(AllTypesMgmt.Tree root, AllTypesMgmt.Geo.Point origin) {
  }
}
