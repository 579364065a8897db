package io.mcumgr4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.mcumgr4j.processor.Compilations.compile;
import static io.mcumgr4j.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Diagnostics on the components of records that commands carry, at any depth.
 *
 * <p>The processor reports them on the {@code RecordComponentElement}, which javac 17 prints without a
 * source position; so these tests check the message and the error count, and {@link
 * #componentDiagnosticsPointAtTheComponent} (disabled, a bug) the position.
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

  private static void assertSingleError(Compilation compilation, String message) {
    assertThat(compilation).hadErrorContaining(message);
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void aFieldKeyIsNotEmpty() {
    assertSingleError(compile(result("""
              @Field("") int x""")),
        "@Field key of x is empty: give the CBOR key, or drop @Field to use the name");
  }

  @Test
  void eachComponentHasItsOwnKey() {
    assertSingleError(compile(result("""
              @Field("k") int a,
              int k""")),
        "key 'k' is already used by component a: each component needs its own key");
  }

  @Test
  void anUnsupportedComponentTypeIsRefused() {
    assertSingleError(compile(result("""
              char s""")),
        "char is not supported: use String for text, or int for a number");
  }

  @Test
  void aMisplacedUintOnAComponentIsRefused() {
    assertSingleError(compile(result("""
              @Uint(bits = 8) long s""")),
        "@Uint(bits = 8) on a long: use int for 8 and 16 bits");
  }

  @Test
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
    assertSingleError(compile(g), "char is not supported: use String for text");
  }

  @Test
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
    assertSingleError(compile(g), "@Field key of x is empty");
  }

  @Test
  void componentDiagnosticsPointAtTheComponent() {
    JavaFileObject g = result("""
              @Field("k") int a,
              int k""");
    assertThat(compile(g)).hadErrorContaining("key 'k' is already used by component a")
        .inFile(g).onLineContaining("int k");
  }
}
