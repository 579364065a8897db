package io.mcumgr4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.mcumgr4j.processor.Compilations.compile;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.server.GroupHandler;
import io.mcumgr4j.server.SmpServer;
import io.mcumgr4j.server.transport.memory.InMemoryTransport;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every type of the docs' type table (docs/defining-groups.md) in every position a value can take:
 * a parameter, an optional parameter ({@code Optional<T>} and {@code required = false}), a record
 * component, a list item, a map value, lists and maps nested in each other, a command's record
 * result and a {@code Map<String, T>} result. The test writes one group per type, an
 * implementation that echoes what it gets and a check that calls each command through the
 * generated client with sample values (edge values, empty lists and maps) and compares what comes
 * back; all of it is compiled with the processor and {@code -Xlint:all} (no warning allowed), then
 * run over the in-memory transport.
 */
class TypeMatrixTest {

  /**
   * One row of the type table.
   *
   * @param name the row's name, also the group's
   * @param annotation what goes before a declaration of the type ({@code @Uint(...)}), or ""
   * @param own the type as a parameter's or component's own type (primitive where there is one)
   * @param boxed the type as a type argument
   * @param samples Java expressions of values to send, edge values first
   */
  record Row(String name, String annotation, String own, String boxed, List<String> samples) {}

  static Stream<Row> rows() {
    return Stream.of(
        new Row("Bool", "", "boolean", "Boolean", List.of("true", "false")),
        new Row("Int", "", "int", "Integer", List.of("0", "-1", "Integer.MIN_VALUE", "Integer.MAX_VALUE")),
        new Row("Long", "", "long", "Long", List.of("0L", "Long.MIN_VALUE", "Long.MAX_VALUE")),
        new Row("Short", "", "short", "Short", List.of("(short) 0", "Short.MIN_VALUE", "Short.MAX_VALUE")),
        new Row("Byte", "", "byte", "Byte", List.of("(byte) 0", "Byte.MIN_VALUE", "Byte.MAX_VALUE")),
        new Row("Uint8", "@Uint(bits = 8) ", "int", "Integer", List.of("0", "255")),
        new Row("Uint16", "@Uint(bits = 16) ", "int", "Integer", List.of("0", "65535")),
        new Row("Uint32", "@Uint(bits = 32) ", "long", "Long", List.of("0L", "4294967295L")),
        new Row("Uint64", "@Uint(bits = 64) ", "long", "Long", List.of("0L", "Long.MAX_VALUE", "-1L")),
        new Row("Float", "", "float", "Float", List.of("0f", "-1.5f", "Float.MAX_VALUE", "Float.MIN_VALUE")),
        new Row("Double", "", "double", "Double", List.of("0d", "-1e300", "Double.MIN_VALUE")),
        new Row("Text", "", "String", "String", List.of("\"\"", "\"a\"", "\"\\u00fcber \\u2603\"")),
        new Row("Bytes", "", "byte[]", "byte[]", List.of("new byte[0]", "new byte[] {1, -1, 0}")),
        new Row("Record", "", "Inner", "Inner", List.of("new Inner(0, \"\")", "new Inner(-7, \"x\")")),
        new Row("Enum", "", "Color", "Color", List.of("Color.RED", "Color.BLUE")),
        new Row("Raw", "", "RawCbor", "RawCbor",
            List.of("new RawCbor(new byte[] {0x01})", "new RawCbor(new byte[] {(byte) 0xA1, 0x61, 0x6B, (byte) 0xF5})")));
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
    compilation = compile(sources.toArray(JavaFileObject[]::new));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @ParameterizedTest
  @MethodSource("rows")
  void everyPositionRoundTrips(Row row) throws Exception {
    GeneratedClasses classes = new GeneratedClasses(compilation);
    Class<?> mgmt = classes.loadClass("test." + row.name() + "Mgmt");
    Object impl = classes.loadClass("test." + row.name() + "Check$Echo").getDeclaredConstructor().newInstance();
    GroupHandler dispatcher = (GroupHandler) classes.loadClass("test." + row.name() + "MgmtDispatcher")
        .getConstructor(mgmt).newInstance(impl);
    Method check = classes.loadClass("test." + row.name() + "Check").getMethod("check", SmpClient.class);
    try (SmpServer server = new SmpServer()) {
      server.register(dispatcher);
      try (SmpClient smp = new SmpClient(new InMemoryTransport(server))) {
        @SuppressWarnings("unchecked")
        List<String> mismatches = (List<String>) check.invoke(null, smp);
        assertThat(mismatches).as(row.name()).isEmpty();
      }
    }
  }

  /** The group of one row: a record of every shape, and one command per position. */
  private static String group(Row r) {
    String a = r.annotation();
    String t = r.own();
    String b = r.boxed();
    return """
        package test;

        import io.mcumgr4j.annotation.*;
        import io.mcumgr4j.cbor.RawCbor;
        import java.util.List;
        import java.util.Map;
        import java.util.Optional;

        @MgmtGroup(id = %5$d, name = "%1$s")
        public interface %1$sMgmt {

          record Inner(int x, String s) {}

          enum Color {
            RED(1), BLUE(7);
            private final int code;
            Color(int code) { this.code = code; }
            public int code() { return code; }
          }

          record Shapes(%2$s%3$s own, %2$sOptional<%4$s> opt, %2$s%4$s nullable, %2$sList<%4$s> list,
              %2$sMap<String, %4$s> map, %2$sList<Map<String, List<%4$s>>> deep, %2$sMap<String, List<%4$s>> lists) {}

          @Command(id = 0, ops = Op.WRITE)
          Shapes params(@Param("own") %2$s%3$s own, @Param("opt") %2$sOptional<%4$s> opt,
              @Param(value = "nullable", required = false) %2$s%4$s nullable, @Param("list") %2$sList<%4$s> list,
              @Param("map") %2$sMap<String, %4$s> map, @Param("deep") %2$sList<Map<String, List<%4$s>>> deep,
              @Param("lists") %2$sMap<String, List<%4$s>> lists);

          @Command(id = 1, ops = Op.WRITE)
          Shapes record(@Param("shapes") Shapes shapes);

          @Command(id = 2, ops = Op.WRITE)
          Map<String, %4$s> entries(@Param("map") %2$sMap<String, %4$s> map);

          @Command(id = 3, ops = Op.WRITE)
          Map<String, Shapes> records(@Param("list") List<Shapes> list);
        }
        """.formatted(r.name(), a, t, b, 64 + rows().map(Row::name).toList().indexOf(r.name()));
  }

  /** An implementation echoing every value, and the check that sends the samples through the client. */
  private static String check(Row r) {
    String b = r.boxed();
    StringBuilder calls = new StringBuilder();
    for (int i = 0; i < r.samples().size(); i++) {
      calls.append("""
              {
                // sample %2$d
                expect(out, "params %2$d", client.params(%1$s, Optional.of(%1$s), %1$s, List.of(%1$s, %1$s),
                    Map.of("k", %1$s), List.of(Map.of("a", List.of(%1$s)), Map.of()), Map.of("l", List.of(%1$s))),
                    new Shapes(%1$s, Optional.of(%1$s), %1$s, List.of(%1$s, %1$s), Map.of("k", %1$s),
                        List.of(Map.of("a", List.of(%1$s)), Map.of()), Map.of("l", List.of(%1$s))));
                Shapes s = new Shapes(%1$s, Optional.empty(), null, List.of(), Map.of(), List.of(), Map.of("e", List.of()));
                expect(out, "record %2$d", client.record(s), s);
                expect(out, "entries %2$d", client.entries(Map.of("x", %1$s)), Map.of("x", %1$s));
                expect(out, "records %2$d", client.records(List.of(s, s)), Map.of("0", s, "1", s));
              }
          """.formatted(r.samples().get(i), i));
    }
    return """
        package test;

        import io.mcumgr4j.cbor.RawCbor;
        import io.mcumgr4j.client.SmpClient;
        import java.util.ArrayList;
        import java.util.LinkedHashMap;
        import java.util.List;
        import java.util.Map;
        import java.util.Optional;
        import test.%1$sMgmt.Color;
        import test.%1$sMgmt.Inner;
        import test.%1$sMgmt.Shapes;

        public final class %1$sCheck {

          public static final class Echo implements %1$sMgmt {
            @Override
            public Shapes params(%2$s own, Optional<%3$s> opt, %3$s nullable, List<%3$s> list, Map<String, %3$s> map,
                List<Map<String, List<%3$s>>> deep, Map<String, List<%3$s>> lists) {
              return new Shapes(own, opt, nullable, list, map, deep, lists);
            }

            @Override
            public Shapes record(Shapes shapes) {
              return shapes;
            }

            @Override
            public Map<String, %3$s> entries(Map<String, %3$s> map) {
              return map;
            }

            @Override
            public Map<String, Shapes> records(List<Shapes> list) {
              Map<String, Shapes> out = new LinkedHashMap<>();
              for (Shapes s : list) {
                out.put(String.valueOf(out.size()), s);
              }
              return out;
            }
          }

          public static List<String> check(SmpClient smp) {
            %1$sMgmtClient client = new %1$sMgmtClient(smp);
            List<String> out = new ArrayList<>();
        %4$s
            // the enum and raw rows also need these types used so the imports stay needed
            Object unused = new Object[] {Color.class, Inner.class, RawCbor.class};
            return unused == null ? null : out;
          }

          private static void expect(List<String> out, String what, Object got, Object want) {
            if (!Deep.equals(got, want)) {
              out.add(what + ": sent " + Deep.show(want) + ", got back " + Deep.show(got));
            }
          }
        }
        """.formatted(r.name(), r.own(), b, calls);
  }

  /** Equality through arrays, lists, maps, optionals and records, and a matching printer. */
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
