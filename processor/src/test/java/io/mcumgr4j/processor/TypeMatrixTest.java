package io.mcumgr4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.cbor.CborReader;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.server.GroupHandler;
import io.mcumgr4j.server.SmpServer;
import io.mcumgr4j.server.transport.memory.InMemoryTransport;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every type of the docs' type table (docs/defining-groups.md) in every position a value can take
 * (the cross product of {@link #rows} and {@link #POSITIONS}, written out by the test): a
 * parameter, an optional parameter ({@code required = false} and {@code Optional<T>}), a record
 * component, a list item, a map value, lists and maps nested in each other, a command's record
 * result and a {@code Map<String, T>} result. Each row becomes one group with an implementation
 * that echoes what it gets and a check that calls each command through the generated client with
 * the row's sample values (edge values first, then empty lists, maps and optionals) and compares
 * what comes back. All of it is compiled in one compilation with the processor and the build's
 * {@code -Xlint:all} plus {@code -Werror}, then run over the in-memory transport.
 */
class TypeMatrixTest {

  /**
   * One row of the type table.
   *
   * @param name the row's name, also its group's
   * @param annotation what goes before a declaration of the type ({@code @Uint(...)}), or ""
   * @param own the type as a parameter's or component's own type (primitive where there is one)
   * @param boxed the type as a type argument; {@code null} for the {@code Optional*} types, which
   *     are only a value's own type
   * @param samples Java expressions of values to send, edge values first
   * @param refused CBOR values (hex) just outside the type, which a request must not get through
   */
  record Row(String name, String annotation, String own, String boxed, List<String> samples, List<String> refused) {

    boolean ownOnly() {
      return boxed == null;
    }
  }

  /**
   * A place a value takes, as Java patterns over the row's boxed type ({@code %1$s}) and one of its
   * sample values ({@code %2$s}).
   *
   * @param name the parameter and component name
   * @param type the declared type
   * @param value a value holding the sample
   * @param empty a value holding no sample (null, empty)
   */
  record Position(String name, String type, String value, String empty) {}

  private static final List<Position> POSITIONS = List.of(
      new Position("nullable", "%1$s", "%2$s", "null"),
      new Position("opt", "Optional<%1$s>", "Optional.of(%2$s)", "Optional.empty()"),
      new Position("list", "List<%1$s>", "List.of(%2$s, %2$s)", "List.of()"),
      new Position("map", "Map<String, %1$s>", "Map.of(\"k\", %2$s)", "Map.of()"),
      new Position("lists", "List<List<%1$s>>", "List.of(List.of(%2$s), List.of())", "List.of()"),
      new Position("maps", "Map<String, Map<String, %1$s>>", "Map.of(\"a\", Map.of(\"b\", %2$s), \"e\", Map.of())",
          "Map.of()"),
      new Position("listMapList", "List<Map<String, List<%1$s>>>", "List.of(Map.of(\"a\", List.of(%2$s)), Map.of())",
          "List.of()"),
      new Position("mapListMap", "Map<String, List<Map<String, %1$s>>>",
          "Map.of(\"l\", List.of(Map.of(\"m\", %2$s), Map.of()))", "Map.of(\"e\", List.of())"));

  static Stream<Row> rows() {
    return Stream.of(
        new Row("Bool", "", "boolean", "Boolean", List.of("true", "false"), List.of()),
        new Row("Byte", "", "byte", "Byte", List.of("Byte.MIN_VALUE", "Byte.MAX_VALUE", "(byte) 0"),
            List.of("3880", "1880")),
        new Row("Short", "", "short", "Short", List.of("Short.MIN_VALUE", "Short.MAX_VALUE", "(short) 0"),
            List.of("398000", "198000")),
        new Row("Int", "", "int", "Integer", List.of("Integer.MIN_VALUE", "Integer.MAX_VALUE", "0", "-1"),
            List.of("3a80000000", "1a80000000")),
        new Row("Long", "", "long", "Long", List.of("Long.MIN_VALUE", "Long.MAX_VALUE", "0L"),
            List.of("3b8000000000000000", "1b8000000000000000")),
        new Row("Uint8", "@Uint(bits = 8) ", "int", "Integer", List.of("0", "255"), List.of("20", "190100")),
        new Row("Uint16", "@Uint(bits = 16) ", "int", "Integer", List.of("0", "65535"), List.of("20", "1a00010000")),
        new Row("Uint32", "@Uint(bits = 32) ", "long", "Long", List.of("0L", "4294967295L"),
            List.of("20", "1b0000000100000000")),
        new Row("Uint64", "@Uint(bits = 64) ", "long", "Long", List.of("0L", "Long.MAX_VALUE", "Long.MIN_VALUE", "-1L"),
            List.of("20")),
        new Row("Float", "", "float", "Float", List.of("Float.MAX_VALUE", "-Float.MAX_VALUE", "Float.MIN_VALUE",
            "-0f", "Float.NaN", "Float.POSITIVE_INFINITY", "Float.NEGATIVE_INFINITY", "-1.5f"),
            List.of("fb7e37e43c8800759c", "fbc7f074f8c4d3cd7b")),
        new Row("Double", "", "double", "Double", List.of("Double.MAX_VALUE", "-Double.MAX_VALUE", "Double.MIN_VALUE",
            "-0d", "Double.NaN", "Double.NEGATIVE_INFINITY", "-1e300"), List.of()),
        new Row("Text", "", "String", "String",
            List.of("\"\"", "\"a\"", "\"\\u00fcber \\u2603 \\ud83d\\ude00\"", "\"x\".repeat(30)"), List.of()),
        new Row("Bytes", "", "byte[]", "byte[]", List.of("new byte[0]", "new byte[] {1, -1, 0}", "new byte[30]"),
            List.of()),
        new Row("Record", "", "Inner", "Inner",
            List.of("new Inner(Integer.MIN_VALUE, \"\")", "new Inner(-7, \"x\")", "new Inner(0, null)"), List.of()),
        new Row("Enum", "", "Color", "Color", List.of("Color.RED", "Color.BLUE"), List.of("02")),
        new Row("Raw", "", "RawCbor", "RawCbor", List.of("new RawCbor(new byte[] {0x01})",
            "new RawCbor(new byte[] {(byte) 0xA1, 0x61, 0x6B, (byte) 0xF5})", "new RawCbor(new byte[] {(byte) 0x80})"),
            List.of()),
        new Row("OptInt", "", "OptionalInt", null,
            List.of("OptionalInt.of(Integer.MIN_VALUE)", "OptionalInt.of(Integer.MAX_VALUE)", "OptionalInt.empty()"),
            List.of("1a80000000")),
        new Row("OptUint8", "@Uint(bits = 8) ", "OptionalInt", null, List.of("OptionalInt.of(255)"), List.of("190100")),
        new Row("OptUint16", "@Uint(bits = 16) ", "OptionalInt", null, List.of("OptionalInt.of(65535)"),
            List.of("20")),
        new Row("OptLong", "", "OptionalLong", null,
            List.of("OptionalLong.of(Long.MIN_VALUE)", "OptionalLong.of(Long.MAX_VALUE)", "OptionalLong.empty()"),
            List.of("3b8000000000000000")),
        new Row("OptUint32", "@Uint(bits = 32) ", "OptionalLong", null, List.of("OptionalLong.of(4294967295L)"),
            List.of("1b0000000100000000")),
        new Row("OptUint64", "@Uint(bits = 64) ", "OptionalLong", null, List.of("OptionalLong.of(-1L)"),
            List.of("20")),
        new Row("OptDouble", "", "OptionalDouble", null,
            List.of("OptionalDouble.of(Double.MAX_VALUE)", "OptionalDouble.of(-0d)", "OptionalDouble.empty()"),
            List.of()));
  }

  static Stream<Row> rowsWithRefusedValues() {
    return rows().filter(r -> !r.refused().isEmpty());
  }

  private static Compilation compilation;

  @BeforeAll
  static void compileEveryRow() {
    List<JavaFileObject> sources = new ArrayList<>();
    sources.add(JavaFileObjects.forSourceString("test.Deep", DEEP));
    rows().forEach(row -> {
      sources.add(JavaFileObjects.forSourceString("test." + row.name() + "Mgmt", group(row)));
      sources.add(JavaFileObjects.forSourceString("test." + row.name() + "Check", check(row)));
    });
    compilation = Compilations.compileWarningsAsErrors(sources.toArray(JavaFileObject[]::new));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @ParameterizedTest
  @MethodSource("rows")
  void everyPositionRoundTrips(Row row) throws Exception {
    GeneratedClasses classes = new GeneratedClasses(compilation);
    Method check = classes.loadClass("test." + row.name() + "Check").getMethod("check", SmpClient.class);
    try (SmpServer server = serve(classes, row); SmpClient smp = new SmpClient(new InMemoryTransport(server))) {
      @SuppressWarnings("unchecked")
      List<String> mismatches = (List<String>) check.invoke(null, smp);
      assertThat(mismatches).as(row.name()).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("rowsWithRefusedValues")
  void aValueOutsideTheTypeAnswersEinval(Row row) throws Exception {
    GeneratedClasses classes = new GeneratedClasses(compilation);
    int group = groupId(row);
    try (SmpServer server = serve(classes, row); SmpClient smp = new SmpClient(new InMemoryTransport(server))) {
      for (String value : row.refused()) {
        // {"v": value}, then {"l": [value]} where the type can be a list item
        assertThat(rc(smp.send(Op.WRITE, group, 4, HexFormat.of().parseHex("a16176" + value)).payload()))
            .as("%s: %s", row.name(), value).isEqualTo(3);
        if (!row.ownOnly()) {
          assertThat(rc(smp.send(Op.WRITE, group, 4, HexFormat.of().parseHex("a1616c81" + value)).payload()))
              .as("%s: [%s]", row.name(), value).isEqualTo(3);
        }
      }
    }
  }

  private static SmpServer serve(GeneratedClasses classes, Row row) throws ReflectiveOperationException {
    Class<?> mgmt = classes.loadClass("test." + row.name() + "Mgmt");
    Object impl = classes.loadClass("test." + row.name() + "Check$Echo").getDeclaredConstructor().newInstance();
    GroupHandler dispatcher = (GroupHandler) classes.loadClass("test." + row.name() + "MgmtDispatcher")
        .getConstructor(mgmt).newInstance(impl);
    SmpServer server = new SmpServer();
    server.register(dispatcher);
    return server;
  }

  private static int groupId(Row row) {
    return 64 + rows().map(Row::name).toList().indexOf(row.name());
  }

  /** The {@code rc} of a response payload, 0 when absent. */
  private static int rc(byte[] payload) {
    CborReader in = CborReader.of(payload);
    in.beginMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      if (key.equals("rc")) {
        return in.int32();
      }
      in.skipValue();
    }
    return 0;
  }

  /** The positions of {@code row}'s type: its own, then (unless it is an {@code Optional*}) every other. */
  private static List<Position> positions(Row row) {
    List<Position> all = new ArrayList<>();
    all.add(new Position("own", row.own(), "%2$s", "%2$s"));
    if (!row.ownOnly()) {
      all.addAll(POSITIONS);
    }
    return all;
  }

  private static String joined(Row row, Function<Position, String> each) {
    return positions(row).stream().map(each).collect(Collectors.joining(", "));
  }

  /** The group of one row: a record with a component per position, and commands taking and returning them. */
  private static String group(Row r) {
    String a = r.annotation();
    String b = r.boxed();
    String components = joined(r, p -> a + p.type().formatted(b) + " " + p.name());
    String params = joined(r, p -> "@Param(value = \"" + p.name() + "\", required = " + !p.name().equals("nullable")
        + ") " + a + p.type().formatted(b) + " " + p.name());
    String scalarCommands = r.ownOnly() ? "" : """

          @Command(id = 2, ops = Op.WRITE)
          Map<String, %2$s> entries(@Param("map") %1$sMap<String, %2$s> map);

          @Command(id = 4, ops = Op.WRITE)
          void one(@Param(value = "v", required = false) %1$s%2$s v, @Param(value = "l", required = false) %1$sList<%2$s> l);
        """.formatted(a, b);
    String ownOnlyCommand = !r.ownOnly() ? "" : """

          @Command(id = 4, ops = Op.WRITE)
          void one(@Param("v") %1$s%2$s v);
        """.formatted(a, r.own());
    return """
        package test;

        import io.mcumgr4j.annotation.*;
        import io.mcumgr4j.cbor.RawCbor;
        import java.util.*;

        @MgmtGroup(id = %d, name = "%s")
        public interface %2$sMgmt {

          record Inner(int x, String s) {}

          enum Color {
            RED(1), BLUE(7);
            private final int code;
            Color(int code) { this.code = code; }
            public int code() { return code; }
          }

          record Shapes(%s) {}

          @Command(id = 0, ops = Op.WRITE)
          Shapes params(%s);

          @Command(id = 1, ops = Op.WRITE)
          Shapes record(@Param("shapes") Shapes shapes);

          @Command(id = 3, ops = Op.WRITE)
          Map<String, Shapes> records(@Param("list") List<Shapes> list);
        %s%s}
        """.formatted(groupId(r), r.name(), components, params, scalarCommands, ownOnlyCommand);
  }

  /** An implementation echoing every value, and the check that sends the samples through the client. */
  private static String check(Row r) {
    String b = r.boxed();
    StringBuilder calls = new StringBuilder();
    for (int i = 0; i < r.samples().size(); i++) {
      String s = r.samples().get(i);
      String values = joined(r, p -> p.value().formatted(b, s));
      String empties = joined(r, p -> p.empty().formatted(b, s));
      calls.append("""
              {
                // sample %1$d
                Shapes full = new Shapes(%3$s);
                Shapes empty = new Shapes(%4$s);
                expect(out, "params %1$d", client.params(%3$s), full);
                expect(out, "params %1$d, empty", client.params(%4$s), empty);
                expect(out, "record %1$d", client.record(full), full);
                expect(out, "records %1$d", client.records(List.of(full, empty)), Map.of("0", full, "1", empty));
          %5$s    }
          """.formatted(i, s, values, empties, r.ownOnly() ? "" : """
                  expect(out, "entries %1$d", client.entries(Map.of("x", %2$s, "y", %2$s)), Map.of("x", %2$s, "y", %2$s));
                  expect(out, "entries %1$d, empty", client.entries(Map.of()), Map.of());
                  client.one(%2$s, List.of(%2$s));
            """.formatted(i, s)));
    }
    String echoes = r.ownOnly() ? """
            @Override
            public void one(%s v) {}
        """.formatted(r.own()) : """
            @Override
            public Map<String, %1$s> entries(Map<String, %1$s> map) {
              return map;
            }

            @Override
            public void one(%1$s v, List<%1$s> l) {}
        """.formatted(b);
    return """
        package test;

        import io.mcumgr4j.cbor.RawCbor;
        import io.mcumgr4j.client.SmpClient;
        import java.util.*;
        import test.%1$sMgmt.Color;
        import test.%1$sMgmt.Inner;
        import test.%1$sMgmt.Shapes;

        public final class %1$sCheck {

          public static final class Echo implements %1$sMgmt {
            @Override
            public Shapes params(%2$s) {
              return new Shapes(%3$s);
            }

            @Override
            public Shapes record(Shapes shapes) {
              return shapes;
            }

            @Override
            public Map<String, Shapes> records(List<Shapes> list) {
              Map<String, Shapes> out = new LinkedHashMap<>();
              for (Shapes s : list) {
                out.put(String.valueOf(out.size()), s);
              }
              return out;
            }

        %4$s  }

          public static List<String> check(SmpClient smp) {
            %1$sMgmtClient client = new %1$sMgmtClient(smp);
            List<String> out = new ArrayList<>();
        %5$s
            return out;
          }

          private static void expect(List<String> out, String what, Object got, Object want) {
            if (!Deep.equals(got, want)) {
              out.add(what + ": sent " + Deep.show(want) + ", got back " + Deep.show(got));
            }
          }
        }
        """.formatted(r.name(), joined(r, p -> p.type().formatted(b) + " " + p.name()),
        joined(r, Position::name), echoes, calls);
  }

  /** Equality through arrays, lists, maps, optionals and records (floats by their bits), and a matching printer. */
  private static final String DEEP = """
      package test;

      import java.lang.reflect.RecordComponent;
      import java.util.Arrays;
      import java.util.Iterator;
      import java.util.List;
      import java.util.Map;
      import java.util.Optional;

      final class Deep {
        private Deep() {}

        static boolean equals(Object a, Object b) {
          if (a == null || b == null) {
            return a == b;
          }
          if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
          }
          if (a instanceof Optional<?> x && b instanceof Optional<?> y) {
            return x.isPresent() == y.isPresent() && (x.isEmpty() || equals(x.get(), y.get()));
          }
          if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
              return false;
            }
            for (int i = 0; i < x.size(); i++) {
              if (!equals(x.get(i), y.get(i))) {
                return false;
              }
            }
            return true;
          }
          if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (!x.keySet().equals(y.keySet())) {
              return false;
            }
            for (Object k : x.keySet()) {
              if (!equals(x.get(k), y.get(k))) {
                return false;
              }
            }
            return true;
          }
          if (a.getClass().isRecord() && a.getClass() == b.getClass()) {
            try {
              for (RecordComponent c : a.getClass().getRecordComponents()) {
                if (!equals(c.getAccessor().invoke(a), c.getAccessor().invoke(b))) {
                  return false;
                }
              }
              return true;
            } catch (ReflectiveOperationException e) {
              throw new IllegalStateException(e);
            }
          }
          if (a instanceof Float x && b instanceof Float y) {
            return Float.floatToIntBits(x) == Float.floatToIntBits(y);
          }
          if (a instanceof Double x && b instanceof Double y) {
            return Double.doubleToLongBits(x) == Double.doubleToLongBits(y);
          }
          return a.equals(b);
        }

        static String show(Object o) {
          if (o instanceof byte[] x) {
            return Arrays.toString(x);
          }
          if (o instanceof Iterable<?> i) {
            StringBuilder s = new StringBuilder("[");
            for (Iterator<?> it = i.iterator(); it.hasNext(); ) {
              s.append(show(it.next())).append(it.hasNext() ? ", " : "");
            }
            return s.append(']').toString();
          }
          return String.valueOf(o);
        }
      }
      """;
}
