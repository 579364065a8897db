package io.mcumgr4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the synthetic {@code @MgmtGroup} interfaces {@link ProcessorTime} compiles. Group {@code
 * g} is {@code bench.gen.g<g>.Group<g>Mgmt}, id {@code 64 + g}, with three error codes, the
 * records {@code Point} and {@code Shape} and the coded enum {@code Mode}. Command {@code c} takes
 * its shape from {@code c % 10}: an upload (uint, text, bytes, optional uint, bytes and Boolean), signed
 * scalars, every {@code Optional*} (void), a list and a map (read and write), records, enums,
 * unsigned widths, no parameters, a setting with raw CBOR (void), and nested records with a list
 * of lists. Every fifth command, up to sixteen, has a hook.
 */
final class GroupSources {

  /** The most groups written: ids 64..1063. */
  static final int MAX_GROUPS = 1000;

  private static final String HEADER = """
      package bench.gen.g%1$04d;

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

      /** Synthetic group %1$d of the processor time tool. */
      @MgmtGroup(id = %2$d, name = "group_%1$04d",
          errors = {
              @ErrorCode(value = 2, name = "BUSY", legacy = MgmtErr.EBUSY, doc = "Try again later"),
              @ErrorCode(value = 3, name = "NOT_FOUND", legacy = MgmtErr.ENOENT, doc = "No such item"),
              @ErrorCode(value = %3$d, name = "LIMIT_%3$d", legacy = MgmtErr.ENOMEM)
          })
      public interface Group%1$04dMgmt {

        /** A point. */
        record Point(int x, int y) {}

        /** A named shape. */
        record Shape(@Field("n") String name, List<Point> corners, Point center) {}

        /** A mode, sent by code. */
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
      """;

  private static final String[] COMMANDS = {
      """

        /** Stores a chunk of a file. */
        @Command(id = %1$d, ops = Op.WRITE%2$s)
        Upload%1$dResult upload%1$d(
            @Param("off") @Uint long off,
            @Param("name") String name,
            @Param("data") byte[] data,
            @Param(value = "len", required = false) @Uint OptionalLong len,
            @Param(value = "sha", required = false) byte[] sha,
            @Param(value = "upgrade", required = false) Boolean upgrade);

        /** The response of upload%1$d. */
        record Upload%1$dResult(@Uint long off, Boolean match) {}
      """,
      """

        /** Echoes signed scalars. */
        @Command(id = %1$d, ops = Op.READ%2$s)
        Scalars%1$dResult scalars%1$d(
            @Param("i") int i, @Param("l") long l, @Param("d") double d, @Param("b") boolean b, @Param("f") Float f);

        /** The response of scalars%1$d. */
        record Scalars%1$dResult(int i, long l, double d, boolean b, Float f) {}
      """,
      """

        /** Takes every optional type; answers nothing. */
        @Command(id = %1$d, ops = Op.WRITE%2$s)
        void optionals%1$d(
            @Param("count") OptionalInt count,
            @Param("total") OptionalLong total,
            @Param("label") Optional<String> label,
            @Param("ratio") OptionalDouble ratio);
      """,
      """

        /** Reads or replaces tags and limits. */
        @Command(id = %1$d, ops = {Op.READ, Op.WRITE}%2$s)
        Tags%1$dResult tags%1$d(@Param("tags") List<String> tags, @Param("limits") Map<String, Long> limits);

        /** The response of tags%1$d. */
        record Tags%1$dResult(List<String> tags, @Field("n") int size, Map<String, Long> limits) {}
      """,
      """

        /** Follows a path of points. */
        @Command(id = %1$d, ops = Op.WRITE%2$s)
        Path%1$dResult path%1$d(@Param("where") Point where, @Param("path") List<Point> path);

        /** The response of path%1$d. */
        record Path%1$dResult(Point center, Optional<Point> far) {}
      """,
      """

        /** Sets a mode. */
        @Command(id = %1$d, ops = Op.WRITE%2$s)
        Mode%1$dResult mode%1$d(@Param("mode") Mode mode, @Param("fallback") Optional<Mode> fallback);

        /** The response of mode%1$d. */
        record Mode%1$dResult(Mode mode, Map<String, Mode> byName) {}
      """,
      """

        /** Adds unsigned values of every width. */
        @Command(id = %1$d, ops = Op.READ%2$s)
        Sum%1$dResult sum%1$d(
            @Param("u8") @Uint(bits = 8) int u8,
            @Param("u16") @Uint(bits = 16) int u16,
            @Param("u64") @Uint(bits = 64) long u64);

        /** The response of sum%1$d. */
        record Sum%1$dResult(@Uint(bits = 64) long sum, @Uint(bits = 8) List<Integer> bytes) {}
      """,
      """

        /** Reports the version and uptime. */
        @Command(id = %1$d, ops = Op.READ%2$s)
        Info%1$dResult info%1$d();

        /** The response of info%1$d. */
        record Info%1$dResult(String version, @Field("up") @Uint OptionalLong uptime) {}
      """,
      """

        /** Writes a setting; answers nothing. */
        @Command(id = %1$d, ops = Op.WRITE%2$s)
        void setting%1$d(
            @Param("name") String name,
            @Param("val") byte[] value,
            @Param(value = "size", required = false) Integer size,
            @Param(value = "raw", required = false) RawCbor raw);
      """,
      """

        /** Stores a shape and a matrix. */
        @Command(id = %1$d, ops = Op.WRITE%2$s)
        Shape%1$dResult shape%1$d(@Param("shape") Shape shape, @Param("matrix") List<List<Double>> matrix);

        /** The response of shape%1$d. */
        record Shape%1$dResult(Shape shape, List<byte[]> blobs) {}
      """
  };

  private GroupSources() {}

  /**
   * Writes {@code groups} interfaces of {@code commands} commands each under {@code dir}.
   *
   * @return the files written
   */
  static List<Path> write(Path dir, int groups, int commands) throws IOException {
    List<Path> files = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      StringBuilder source = new StringBuilder(String.format(Locale.ROOT, HEADER, g, 64 + g, 4 + g % 100));
      for (int c = 0; c < commands; c++) {
        String hook = c % 5 == 0 && c / 5 < 16 ? ", hook = true" : "";
        source.append(String.format(Locale.ROOT, COMMANDS[c % COMMANDS.length], c, hook));
      }
      source.append("}\n");
      Path file = dir.resolve(String.format(Locale.ROOT, "bench/gen/g%1$04d/Group%1$04dMgmt.java", g));
      Files.createDirectories(file.getParent());
      files.add(Files.writeString(file, source));
    }
    return files;
  }
}
