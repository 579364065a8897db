package io.mcumgr4j.processor;

import static io.mcumgr4j.processor.Compilations.assertSingleError;
import static io.mcumgr4j.processor.Compilations.compile;
import static io.mcumgr4j.processor.Compilations.source;

import io.mcumgr4j.processor.diagnostic.Message;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Diagnostics on the components of records that commands carry, at any depth. They are reported
 * on the component (through its field: javac 17 gives the component element itself no position).
 */
class RecordDiagnosticsTest {

  private static JavaFileObject result(String components) {
    return source("G", """
        @MgmtGroup(id = 64, name = "g")
        public interface G {
          @Command(id = 0, ops = Op.READ)
          R a();

          record R(
        %s) {}
        }
        """.formatted(components));
  }

  @Test
  @Expects(Message.EMPTY_FIELD_KEY)
  void aFieldKeyIsNotEmpty() {
    JavaFileObject g = result("""
              @Field("") int x""");
    assertSingleError(compile(g), Message.EMPTY_FIELD_KEY, g, "@Field(\"\") int x", "x");
  }

  @Test
  @Expects(Message.FIELD_KEY_TWICE)
  void eachComponentHasItsOwnKeyAndTheErrorPointsAtTheComponent() {
    JavaFileObject g = result("""
              @Field("k") int a,
              int k""");
    assertSingleError(compile(g), Message.FIELD_KEY_TWICE, g, "int k", "k", "a");
  }

  @Test
  @Expects(Message.TOO_MANY_COMPONENTS)
  void aRecordHasAtMost64Components() {
    JavaFileObject g = result(IntStream.range(0, 65)
        .mapToObj(i -> "      int c" + i)
        .collect(Collectors.joining(",\n")));
    assertSingleError(compile(g), Message.TOO_MANY_COMPONENTS, g, "int c64", 64);
  }

  @Test
  @Expects(Message.CHAR_TYPE)
  void anUnsupportedComponentTypeIsRefused() {
    JavaFileObject g = result("""
              char s""");
    assertSingleError(compile(g), Message.CHAR_TYPE, g, "char s", "char");
  }

  @Test
  @Expects(Message.UINT_ON_LONG)
  void aMisplacedUintOnAComponentIsRefused() {
    JavaFileObject g = result("""
              @Uint(bits = 8) long s""");
    assertSingleError(compile(g), Message.UINT_ON_LONG, g, "long s", 8);
  }

  @Test
  @Expects(Message.CHAR_TYPE)
  void aRecordIsCheckedOnceWhereverItTravels() {
    JavaFileObject g = source("G", """
        @MgmtGroup(id = 64, name = "g")
        public interface G {
          @Command(id = 0, ops = Op.WRITE)
          Outer a(@Param("in") Inner in, @Param("all") List<Inner> all);

          record Outer(Map<String, Inner> byName, Optional<Inner> first) {}

          record Inner(char c) {}
        }
        """);
    assertSingleError(compile(g), Message.CHAR_TYPE, g, "record Inner(char c)", "char");
  }

  @Test
  @Expects(Message.CHAR_TYPE)
  void aRecordOfAnotherSourceFileIsReportedInThatFile() {
    JavaFileObject point = source("Point", """
        public record Point(int x,
            char c) {}
        """);
    JavaFileObject g = source("G", """
        @MgmtGroup(id = 64, name = "g")
        public interface G {
          @Command(id = 0, ops = Op.WRITE)
          void a(@Param("p") Point p);
        }
        """);
    assertSingleError(compile(g, point), Message.CHAR_TYPE, point, "char c", "char");
  }

  @Test
  @Expects(Message.EMPTY_FIELD_KEY)
  void aRecordNestedInAParameterIsChecked() {
    JavaFileObject g = source("G", """
        @MgmtGroup(id = 64, name = "g")
        public interface G {
          @Command(id = 0, ops = Op.WRITE)
          void a(@Param("shapes") Map<String, Shape> shapes);

          record Shape(List<Point> corners) {}

          record Point(@Field("") int x) {}
        }
        """);
    assertSingleError(compile(g), Message.EMPTY_FIELD_KEY, g, "record Point(", "x");
  }
}
