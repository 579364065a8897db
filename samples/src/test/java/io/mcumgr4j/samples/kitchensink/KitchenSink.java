package io.mcumgr4j.samples.kitchensink;

import io.mcumgr4j.annotation.Command;
import io.mcumgr4j.annotation.ErrorCode;
import io.mcumgr4j.annotation.Field;
import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.annotation.MgmtGroup;
import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.annotation.Param;
import io.mcumgr4j.annotation.Uint;
import io.mcumgr4j.cbor.RawCbor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A group that carries every type the processor supports; {@link KitchenSinkEcho} answers each
 * command with what it got.
 */
@MgmtGroup(id = 100, name = "kitchen sink",
    errors = @ErrorCode(value = 2, name = "NO_SUCH_SETTING", legacy = MgmtErr.ENOENT, doc = "No setting has that name"))
public interface KitchenSink {

  @Command(id = 0, ops = Op.WRITE)
  Primitives primitives(@Param("z") boolean z, @Param("i") int i, @Param("j") long j, @Param("f") float f,
      @Param("d") double d);

  @Command(id = 1, ops = Op.WRITE)
  Boxed boxed(@Param("z") Boolean z, @Param("i") Integer i, @Param("j") Long j, @Param("f") Float f,
      @Param("d") Double d);

  /** As {@link #boxed} with every key optional: a null argument is left out. */
  @Command(id = 2, ops = Op.WRITE)
  Boxed maybeBoxed(@Param(value = "z", required = false) Boolean z, @Param(value = "i", required = false) Integer i,
      @Param(value = "j", required = false) Long j, @Param(value = "f", required = false) Float f,
      @Param(value = "d", required = false) Double d);

  @Command(id = 3, ops = Op.WRITE)
  Unsigned unsigned(@Param("u8") @Uint(bits = 8) int u8, @Param("u16") @Uint(bits = 16) int u16,
      @Param("u32") @Uint(bits = 32) long u32, @Param("u64") @Uint(bits = 64) long u64);

  @Command(id = 4, ops = Op.WRITE)
  Blobs blobs(@Param("text") String text, @Param("bytes") byte[] bytes, @Param("raw") RawCbor raw);

  /** Records nested in records, in lists, in maps and in an optional. */
  @Command(id = 5, ops = Op.WRITE)
  Shape shape(@Param("shape") Shape shape);

  @Command(id = 6, ops = Op.WRITE)
  Lists lists(@Param("longs") List<Long> longs, @Param("texts") List<String> texts,
      @Param("u16s") @Uint(bits = 16) List<Integer> u16s, @Param("weights") Map<String, Double> weights,
      @Param("groups") Map<String, List<Point>> groups, @Param("matrix") List<List<Integer>> matrix,
      @Param("raws") List<RawCbor> raws);

  /** A required key among optional ones. */
  @Command(id = 7, ops = Op.WRITE)
  Optionals optionals(@Param("id") int id, @Param("text") Optional<String> text, @Param("point") Optional<Point> point,
      @Param("small") OptionalInt small, @Param("big") @Uint(bits = 64) OptionalLong big,
      @Param("ratio") OptionalDouble ratio);

  @Command(id = 8, ops = Op.WRITE)
  Colors colors(@Param("color") Color color, @Param("palette") List<Color> palette,
      @Param("by_name") Map<String, Color> byName);

  /** Answers read and write requests alike. */
  @Command(id = 9, ops = {Op.READ, Op.WRITE})
  Echo echo(@Param("text") String text);

  /** Reads a setting: command 10 answers reads here and writes in {@link #writeSetting}. */
  @Command(id = 10, ops = Op.READ)
  Setting readSetting(@Param("name") String name);

  @Command(id = 10, ops = Op.WRITE)
  void writeSetting(@Param("name") String name, @Param("val") byte[] value);

  /** A record that nests itself. */
  @Command(id = 11, ops = Op.WRITE)
  Node tree(@Param("root") Node root);

  record Primitives(boolean z, int i, long j, float f, double d) {}

  record Boxed(Boolean z, Integer i, Long j, Float f, Double d) {}

  record Unsigned(@Uint(bits = 8) int u8, @Uint(bits = 16) int u16, @Uint(bits = 32) long u32,
      @Uint(bits = 64) long u64) {}

  record Blobs(String text, byte[] bytes, RawCbor raw) {}

  record Point(int x, int y) {}

  record Style(Color color, @Field("stroke_width") double strokeWidth) {}

  record Shape(String name, Point origin, List<Point> points, Map<String, Point> anchors, Optional<Style> style) {}

  record Lists(List<Long> longs, List<String> texts, @Uint(bits = 16) List<Integer> u16s, Map<String, Double> weights,
      Map<String, List<Point>> groups, List<List<Integer>> matrix, List<RawCbor> raws) {}

  record Optionals(int id, Optional<String> text, Optional<Point> point, OptionalInt small,
      @Uint(bits = 64) OptionalLong big, OptionalDouble ratio) {}

  record Colors(Color color, List<Color> palette, @Field("by_name") Map<String, Color> byName) {}

  record Node(String name, List<Node> children) {}

  record Echo(String text) {}

  record Setting(@Field("val") byte[] value) {}

  /** Travels as its code, negative and multi-byte ones included. */
  enum Color {
    RED(0), GREEN(7), BLUE(1000), INFRARED(-1);

    private final int code;

    Color(int code) {
      this.code = code;
    }

    public int code() {
      return code;
    }
  }
}
