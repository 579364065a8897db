package test.alltypes;

import io.mcumgr4j.cbor.CborReader;
import io.mcumgr4j.cbor.CborValues;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.cbor.DecodeErrors;
import io.mcumgr4j.cbor.RawCbor;
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
          bb = in.bool();
        }
        case "bi" -> {
          if ((seen & 1 << 6) != 0) {
            throw DecodeErrors.duplicate("bi");
          }
          seen |= 1 << 6;
          bi = in.int32();
        }
        case "bl" -> {
          if ((seen & 1 << 7) != 0) {
            throw DecodeErrors.duplicate("bl");
          }
          seen |= 1 << 7;
          bl = in.int64();
        }
        case "bf" -> {
          if ((seen & 1 << 8) != 0) {
            throw DecodeErrors.duplicate("bf");
          }
          seen |= 1 << 8;
          bf = in.float32();
        }
        case "bd" -> {
          if ((seen & 1 << 9) != 0) {
            throw DecodeErrors.duplicate("bd");
          }
          seen |= 1 << 9;
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
        case "u_32" -> {
          if ((seen & 1 << 2) != 0) {
            throw DecodeErrors.duplicate("u_32");
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
        case "ports" -> {
          if ((seen & 1 << 4) != 0) {
            throw DecodeErrors.duplicate("ports");
          }
          seen |= 1 << 4;
          ports = CborValues.readMap(in, CborReader::uint16);
        }
        case "maybe" -> {
          if ((seen & 1 << 5) != 0) {
            throw DecodeErrors.duplicate("maybe");
          }
          seen |= 1 << 5;
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
        case "extras" -> {
          if ((seen & 1 << 3) != 0) {
            throw DecodeErrors.duplicate("extras");
          }
          seen |= 1 << 3;
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
          if ((seen & 1) != 0) {
            throw DecodeErrors.duplicate("x");
          }
          seen |= 1;
          x = in.int32();
        }
        case "y" -> {
          if ((seen & 1 << 1) != 0) {
            throw DecodeErrors.duplicate("y");
          }
          seen |= 1 << 1;
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
          if ((seen & 1) != 0) {
            throw DecodeErrors.duplicate("n");
          }
          seen |= 1;
          name = in.text();
        }
        case "corners" -> {
          if ((seen & 1 << 1) != 0) {
            throw DecodeErrors.duplicate("corners");
          }
          seen |= 1 << 1;
          corners = CborValues.readList(in, AllTypesMgmtCodec::readPoint);
        }
        case "center" -> {
          if ((seen & 1 << 2) != 0) {
            throw DecodeErrors.duplicate("center");
          }
          seen |= 1 << 2;
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
        case "shape" -> {
          if ((seen & 1 << 4) != 0) {
            throw DecodeErrors.duplicate("shape");
          }
          seen |= 1 << 4;
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
          if ((seen & 1) != 0) {
            throw DecodeErrors.duplicate("val");
          }
          seen |= 1;
          value = in.bytes();
        }
        case "size" -> {
          if ((seen & 1 << 1) != 0) {
            throw DecodeErrors.duplicate("size");
          }
          seen |= 1 << 1;
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
          if ((seen & 1) != 0) {
            throw DecodeErrors.duplicate("mode");
          }
          seen |= 1;
          mode = AllTypesMgmtCodec.readMode(in);
        }
        case "byName" -> {
          if ((seen & 1 << 1) != 0) {
            throw DecodeErrors.duplicate("byName");
          }
          seen |= 1 << 1;
          byName = CborValues.readMap(in, AllTypesMgmtCodec::readMode);
        }
        case "shapes" -> {
          if ((seen & 1 << 2) != 0) {
            throw DecodeErrors.duplicate("shapes");
          }
          seen |= 1 << 2;
          shapes = CborValues.readList(in, AllTypesMgmtCodec::readShape);
        }
        case "next" -> {
          if ((seen & 1 << 3) != 0) {
            throw DecodeErrors.duplicate("next");
          }
          seen |= 1 << 3;
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
          if ((seen & 1) != 0) {
            throw DecodeErrors.duplicate("label");
          }
          seen |= 1;
          label = in.text();
        }
        case "children" -> {
          if ((seen & 1 << 1) != 0) {
            throw DecodeErrors.duplicate("children");
          }
          seen |= 1 << 1;
          children = CborValues.readList(in, AllTypesMgmtCodec::readTree);
        }
        case "at" -> {
          if ((seen & 1 << 2) != 0) {
            throw DecodeErrors.duplicate("at");
          }
          seen |= 1 << 2;
          at = AllTypesMgmtCodec.readPoint(in);
        }
        case "where" -> {
          if ((seen & 1 << 3) != 0) {
            throw DecodeErrors.duplicate("where");
          }
          seen |= 1 << 3;
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
          if ((seen & 1) != 0) {
            throw DecodeErrors.duplicate("lat");
          }
          seen |= 1;
          lat = in.float64();
        }
        case "lon" -> {
          if ((seen & 1 << 1) != 0) {
            throw DecodeErrors.duplicate("lon");
          }
          seen |= 1 << 1;
          lon = in.float64();
        }
        default -> in.skipValue();
      }
    }
    return new AllTypesMgmt.Geo.Point(lat, lon);
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
}
