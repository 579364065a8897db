package io.mcumgr4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.mcumgr4j.processor.Compilations.compile;
import static io.mcumgr4j.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import io.mcumgr4j.processor.diagnostic.Message;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Valid declarations at the edges of the model: the generated code must still compile and be right. */
class EdgeCasesTest {

  @Test
  void parametersAndComponentsMayUseTheNamesOfTheDispatchersAndCodecsVariables() {
    Compilation compilation = compile(source("G", """
        @MgmtGroup(id = 64, name = "g")
        public interface G {
          @Command(id = 0, ops = Op.WRITE, hook = true)
          R a(@Param("a") String in, @Param("b") String ctx, @Param("c") String key, @Param("d") String seen,
              @Param("e") String result, @Param("f") String callbacks, @Param("g") String impl,
              @Param("h") List<String> r1, @Param("i") String listener, @Param("j") String event);

          record R(String in, String out, String value, String seen, String key, List<String> r1,
              List<String> w1, List<String> v1) {}
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void parametersMayUseTheNamesOfTheClientsVariables() {
    Compilation compilation = compile(source("G", """
        @MgmtGroup(id = 64, name = "g")
        public interface G {
          @Command(id = 0, ops = Op.WRITE)
          void a(@Param("a") String out, @Param("b") String client, @Param("c") String response,
              @Param("d") List<RawCbor> w1, @Param("e") Map<String, RawCbor> v1);
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void hookedParametersMayBeNamedLikeObjectsMethods() {
    Compilation compilation = compile(source("G", """
        @MgmtGroup(id = 64, name = "g")
        public interface G {
          @Command(id = 0, ops = Op.WRITE, hook = true)
          void a(@Param("a") String toString, @Param("b") String hashCode, @Param("c") String equals,
              @Param("d") String getClass, @Param("e") String wait, @Param("f") String notify,
              @Param("g") String notifyAll, @Param("h") String clone, @Param("i") String finalize);
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.GEvents").contentsAsUtf8String()
        .contains("public record AEvent(String toString_, String hashCode_, String equals, String getClass_,\n"
            + "      String wait_, String notify_, String notifyAll_, String clone_, String finalize_)");
  }

  @Test
  void aCommandMayBeNamedLikeTheDispatchersFields() {
    Compilation compilation = compile(source("G", """
        @MgmtGroup(id = 64, name = "g")
        public interface G {
          @Command(id = 0, ops = Op.READ)
          void impl();
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void aNestedGroupInterfaceNamesItsTypesAfterItsOuterTypes() {
    Compilation compilation = compile(source("Outer", """
        public interface Outer {
          @MgmtGroup(id = 64, name = "inner")
          interface Inner {
            @Command(id = 0, ops = Op.WRITE, hook = true)
            void a();
          }
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.Outer_InnerDispatcher").contentsAsUtf8String()
        .contains("public Outer_InnerDispatcher(Outer.Inner impl)");
    assertThat(compilation).generatedSourceFile("test.Outer_InnerEvents").contentsAsUtf8String()
        .contains("public static final int A = MgmtEventIds.id(EVENT_GROUP, 0);");
  }

  @Test
  void moreThan32KeysAreTrackedInALong() {
    Compilation compilation = compile(params(33));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.GCodec").contentsAsUtf8String()
        .contains("long seen = 0;");
    assertThat(compilation).generatedSourceFile("test.GCodec").contentsAsUtf8String()
        .contains("SeenKeys.require(seen, 1L << 32, \"k32\");");
  }

  @Test
  void sixtyFourKeysAreTrackedInALongAndMoreAreRefused() {
    Compilation atLimit = compile(params(64));
    assertThat(atLimit).succeeded();
    assertThat(atLimit).generatedSourceFile("test.GCodec").contentsAsUtf8String().contains("long seen = 0;");
    assertThat(atLimit).generatedSourceFile("test.GCodec").contentsAsUtf8String().contains("1L << 63");
    assertThat(atLimit).generatedSourceFile("test.GCodec").contentsAsUtf8String().doesNotContain("1L << 64");

    assertThat(compile(params(65))).hadErrorContaining(Message.TOO_MANY_KEYS.text("a", 64));
  }

  @Test
  void anErrorDocMayContainACommentEnd() {
    Compilation compilation = compile(source("G", """
        @MgmtGroup(id = 64, name = "g", errors = @ErrorCode(value = 2, name = "BAD", doc = "a/b */ c"))
        public interface G {}
        """));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void theClientsJavadocOmitsTheContextParameter() {
    Compilation compilation = compile(source("G", """
        @MgmtGroup(id = 64, name = "g")
        public interface G {
          /**
           * Writes.
           *
           * @param ctx the request's context
           * @param x the value
           */
          @Command(id = 0, ops = Op.WRITE)
          void a(RequestContext ctx, @Param("x") int x);
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.GClient").contentsAsUtf8String().doesNotContain("@param ctx");
  }

  /** A group whose command takes {@code count} int parameters. */
  private static JavaFileObject params(int count) {
    String params = IntStream.range(0, count)
        .mapToObj(i -> "@Param(\"k%d\") int p%d".formatted(i, i))
        .collect(Collectors.joining(", "));
    return source("G", """
        @MgmtGroup(id = 64, name = "g")
        public interface G {
          @Command(id = 0, ops = Op.WRITE)
          void a(%s);
        }
        """.formatted(params));
  }
}
