package io.mcumgr4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.mcumgr4j.processor.Compilations.assertSingleError;
import static io.mcumgr4j.processor.Compilations.compile;
import static io.mcumgr4j.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import io.mcumgr4j.processor.diagnostic.Message;
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
  @Expects(Message.MISSING_PARAM)
  void everyParameterNamesItsKey() {
    JavaFileObject g = command("""
              @Param("x") int x,
              int y""");
    assertSingleError(compile(g), Message.MISSING_PARAM, g, "int y", "y");
  }

  @Test
  @Expects(Message.PARAM_ON_CONTEXT)
  void theContextHasNoKey() {
    JavaFileObject g = command("""
              @Param("ctx") RequestContext context""");
    assertSingleError(compile(g), Message.PARAM_ON_CONTEXT, g, "RequestContext context", "context");
  }

  @Test
  @Expects(Message.CONTEXT_TWICE)
  void aCommandTakesTheContextOnce() {
    JavaFileObject g = command("""
              RequestContext first,
              @Param("x") int x,
              RequestContext second""");
    assertSingleError(compile(g), Message.CONTEXT_TWICE, g, "RequestContext second", "a");
  }

  @Test
  @Expects(Message.UINT_ON_CONTEXT)
  void theContextIsNoInteger() {
    JavaFileObject g = command("""
              @Uint RequestContext context""");
    assertSingleError(compile(g), Message.UINT_ON_CONTEXT, g, "RequestContext context", "context");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "@Param(value = \"x\", lenient = true) Boolean x",
      "@Param(value = \"x\", required = false, lenient = true) java.util.List<String> x"})
  @Expects(Message.LENIENT_NOT_OPTIONAL_VALUE)
  void aLenientParameterIsAnOptionalSingleValue(String param) {
    JavaFileObject g = command("          " + param);
    assertSingleError(compile(g), Message.LENIENT_NOT_OPTIONAL_VALUE, g, param, "x");
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
  @Expects(Message.EMPTY_PARAM_KEY)
  void aKeyIsNotEmpty() {
    JavaFileObject g = command("""
              @Param("") int x""");
    assertSingleError(compile(g), Message.EMPTY_PARAM_KEY, g, "int x", "x");
  }

  @Test
  @Expects(Message.PARAM_KEY_TWICE)
  void eachParameterHasItsOwnKey() {
    JavaFileObject g = command("""
              @Param("k") int x,
              @Param("k") String y""");
    assertSingleError(compile(g), Message.PARAM_KEY_TWICE, g, "String y", "k", "x");
  }

  @ParameterizedTest
  @ValueSource(strings = {"boolean", "int", "long", "float", "double"})
  @Expects(Message.OPTIONAL_PRIMITIVE)
  void anOptionalParameterIsNotPrimitive(String type) {
    JavaFileObject g = command("""
              @Param(value = "x", required = false) %s x""".formatted(type));
    assertSingleError(compile(g), Message.OPTIONAL_PRIMITIVE, g, " x", "x", type);
  }
}
