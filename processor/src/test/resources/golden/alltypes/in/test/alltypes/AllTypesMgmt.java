package test.alltypes;

import io.mcumgr4j.annotation.Command;
import io.mcumgr4j.annotation.ErrorCode;
import io.mcumgr4j.annotation.Field;
import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.annotation.MgmtGroup;
import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.annotation.Param;
import io.mcumgr4j.annotation.Uint;
import io.mcumgr4j.cbor.RawCbor;
import io.mcumgr4j.server.RequestContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** A group that carries every supported type, in parameters and in responses. */
@MgmtGroup(id = 100, name = "all_types",
    errors = {
        @ErrorCode(value = 2, name = "OUT_OF_STOCK", legacy = MgmtErr.ENOENT, doc = "Nothing left"),
        @ErrorCode(value = 300, name = "TOO_HOT", legacy = MgmtErr.EBADSTATE),
        @ErrorCode(value = 65535, name = "LAST_CODE")
    })
public interface AllTypesMgmt {

  /**
   * Echoes primitive and boxed scalars.
   *
   * @param b a boolean
   * @param i an int
   * @return the values received
   */
  @Command(id = 0, ops = Op.WRITE)
  Scalars scalars(
      @Param("b") boolean b,
      @Param("i") int i,
      @Param("l") long l,
      @Param("f") float f,
      @Param("d") double d,
      @Param("bb") Boolean boxedBool,
      @Param("bi") Integer boxedInt,
      @Param("bl") Long boxedLong,
      @Param("bf") Float boxedFloat,
      @Param("bd") Double boxedDouble);

  /** Unsigned integers of every width, alone and in containers. */
  @Command(id = 1, ops = Op.READ)
  Unsigned unsigned(
      @Param("u8") @Uint(bits = 8) int u8,
      @Param("u16") @Uint(bits = 16) Integer u16,
      @Param("u32") @Uint long u32,
      @Param("u64") @Uint(bits = 64) Long u64,
      @Param("u8s") @Uint(bits = 8) List<Integer> u8s,
      @Param("u64o") @Uint(bits = 64) OptionalLong u64o);

  /** Text, bytes and raw CBOR; answers reads and writes alike. */
  @Command(id = 2, ops = {Op.READ, Op.WRITE})
  Blob blob(
      @Param("name") String name,
      @Param("data") byte[] data,
      @Param(value = "raw", required = false) RawCbor raw);

  /** Lists and maps of scalars and records; returns nothing. */
  @Command(id = 3, ops = Op.WRITE, hook = true)
  void store(
      @Param("tags") List<String> tags,
      @Param("points") List<Point> points,
      @Param("limits") Map<String, Long> limits,
      @Param("shapes") Map<String, Shape> shapes,
      @Param("matrix") List<List<Double>> matrix,
      @Param("blobs") List<byte[]> blobs);

  /** Optional parameters: every Optional type, and optional references. */
  @Command(id = 4, ops = Op.READ)
  Optionals optionals(
      @Param("name") Optional<String> name,
      @Param("count") OptionalInt count,
      @Param("total") OptionalLong total,
      @Param("ratio") OptionalDouble ratio,
      @Param("where") Optional<Point> where,
      @Param(value = "note", required = false) String note,
      @Param(value = "level", required = false) Integer level,
      @Param(value = "more", required = false) OptionalInt more);

  /** Reads a setting: shares id 5 with {@link #writeSetting}. */
  @Command(id = 5, ops = Op.READ)
  Setting readSetting(@Param("name") String name);

  /**
   * Writes a setting: shares id 5 with {@link #readSetting}.
   *
   * @param name the setting
   * @param value the new value
   */
  @Command(id = 5, ops = Op.WRITE, hook = true)
  void writeSetting(@Param("name") String name, RequestContext ctx, @Param("val") byte[] value);

  /** Enums travel by code, alone and in containers. */
  @Command(id = 6, ops = Op.WRITE)
  Status mode(
      @Param("mode") Mode mode,
      @Param("history") List<Mode> history,
      @Param("fallback") Optional<Mode> fallback);

  /** No parameters, no response; leaves id 7 free. */
  @Command(id = 8, ops = Op.WRITE, hook = true)
  void reset();

  /** A record that nests itself, and a record that shares the simple name of another. */
  @Command(id = 9, ops = Op.READ)
  Tree tree(@Param("root") Tree root, @Param("origin") Geo.Point origin);

  /** A point. */
  record Point(int x, int y) {}

  /** Another namespace, with its own {@code Point}. */
  interface Geo {
    /** A point on a map. */
    record Point(double lat, double lon) {}
  }

  /** A record that nests itself. */
  record Tree(String label, List<Tree> children, Point at, Geo.Point where) {}

  /** A record nesting records. */
  record Shape(@Field("n") String name, List<Point> corners, Point center) {}

  /** An enum with codes. */
  enum Mode {
    OFF(0), ON(1), AUTO(7);

    private final int code;

    Mode(int code) {
      this.code = code;
    }

    public int code() {
      return code;
    }
  }

  /** The scalars received. */
  record Scalars(
      boolean b, int i, long l, float f, double d,
      Boolean bb, Integer bi, Long bl, Float bf, Double bd) {}

  /** Unsigned results. */
  record Unsigned(
      @Uint(bits = 8) int u8,
      @Uint(bits = 16) Integer u16,
      @Field("u_32") @Uint long u32,
      @Uint(bits = 64) long u64,
      @Uint(bits = 16) Map<String, Integer> ports,
      @Uint OptionalLong maybe) {}

  /** Text, bytes and raw values. */
  record Blob(String name, byte[] data, RawCbor raw, Map<String, RawCbor> extras) {}

  /** Optional results. */
  record Optionals(
      Optional<String> name, OptionalInt count, OptionalLong total, OptionalDouble ratio,
      Optional<Shape> shape) {}

  /** A setting's value. */
  record Setting(@Field("val") byte[] value, OptionalInt size) {}

  /** A mode, with records nesting records. */
  record Status(Mode mode, Map<String, Mode> byName, List<Shape> shapes, Optional<Mode> next) {}
}
