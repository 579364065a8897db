package io.mcumgr4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.mcumgr4j.processor.Compilations.assertSingleError;
import static io.mcumgr4j.processor.Compilations.compile;
import static io.mcumgr4j.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Diagnostics on command parameters: their {@code @Param}, and the {@code RequestContext} parameter. They
 * are reported on the parameter.
 */
class ParamDiagnosticsTest {

  private static JavaFileObject command(String params) {
    return source("G", """
        @MgmtGroup(id = 64, name = "g")
        public interface G {
          @Command(id = 0, ops = Op.WRITE)
          void a(
        %s);
        }
        """.formatted(params));
  }

  @Test
  void everyParameterNamesItsKey() {
    JavaFileObject g = command("""
              @Param("x") int x,
              int y""");
    assertSingleError(compile(g), "parameter y needs its request key: annotate it with @Param(\"key\") "
        + "(or make it the RequestContext)", g, "int y");
  }

  @Test
  void theContextHasNoKey() {
    JavaFileObject g = command("""
              @Param("ctx") RequestContext context""");
    assertSingleError(compile(g), "parameter context is the request's context, which the server passes: "
        + "remove its @Param", g, "RequestContext context");
  }

  @Test
  void aCommandTakesTheContextOnce() {
    JavaFileObject g = command("""
              RequestContext first,
              @Param("x") int x,
              RequestContext second""");
    assertSingleError(compile(g), "command a() takes the RequestContext twice: keep one parameter", g,
        "RequestContext second");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "@Param(value = \"x\", lenient = true) Boolean x",
      "@Param(value = \"x\", required = false, lenient = true) java.util.List<String> x"})
  void aLenientParameterIsAnOptionalSingleValue(String param) {
    JavaFileObject g = command("          " + param);
    assertSingleError(compile(g), "lenient parameter x must be an optional single value (a boxed type, String, "
        + "byte[] or an Optional*): a value of another type is dropped as if absent", g, param);
  }

  @Test
  void aLenientParameterIgnoresAValueOfAnotherType() {
    Compilation compilation = compile(command("""
              @Param(value = "force", required = false, lenient = true) Boolean force"""));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.GCodec").contentsAsUtf8String()
        .contains("if (in.nextIsBoolean()) {");
  }

  @Test
  void aKeyIsNotEmpty() {
    JavaFileObject g = command("""
              @Param("") int x""");
    assertSingleError(compile(g), "@Param key of x is empty: give the CBOR key of the request map", g, "int x");
  }

  @Test
  void eachParameterHasItsOwnKey() {
    JavaFileObject g = command("""
              @Param("k") int x,
              @Param("k") String y""");
    assertSingleError(compile(g), "key 'k' is already used by parameter x: each parameter needs its own key",
        g, "String y");
  }

  @ParameterizedTest
  @ValueSource(strings = {"boolean", "int", "long", "float", "double"})
  void anOptionalParameterIsNotPrimitive(String type) {
    JavaFileObject g = command("""
              @Param(value = "x", required = false) %s x""".formatted(type));
    assertSingleError(compile(g), "optional parameter x has primitive type " + type + ", which cannot be absent: "
        + "use OptionalInt, OptionalLong, OptionalDouble or a boxed type", g, " x");
  }
}
