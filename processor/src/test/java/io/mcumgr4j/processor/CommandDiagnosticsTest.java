package io.mcumgr4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.mcumgr4j.processor.Compilations.assertSingleError;
import static io.mcumgr4j.processor.Compilations.compile;
import static io.mcumgr4j.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import io.mcumgr4j.processor.diagnostic.Message;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Diagnostics on command methods: their annotation, signature and hooks. They are reported on the method. */
class CommandDiagnosticsTest {

  private static JavaFileObject group(String methods) {
    return source("G", """
        @MgmtGroup(id = 64, name = "g")
        public interface G {
        %s
          record R(int x) {}
        }
        """.formatted(methods));
  }

  @Test
  @Expects(Message.UNANNOTATED_METHOD)
  void everyAbstractMethodIsACommand() {
    JavaFileObject g = group("""
          @Command(id = 0, ops = Op.READ)
          void a();

          void helper();
        """);
    assertSingleError(compile(g), Message.UNANNOTATED_METHOD, g, "void helper()", "helper");
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 256})
  @Expects(Message.COMMAND_ID_RANGE)
  void theCommandIdFitsEightBits(int id) {
    JavaFileObject g = group("""
          @Command(id = %d, ops = Op.READ)
          void a();
        """.formatted(id));
    assertSingleError(compile(g), Message.COMMAND_ID_RANGE, g, "void a()", id);
  }

  @Test
  @Expects(Message.NO_OPS)
  void aCommandAnswersSomeOp() {
    JavaFileObject g = group("""
          @Command(id = 0, ops = {})
          void a();
        """);
    assertSingleError(compile(g), Message.NO_OPS, g, "void a()", "a");
  }

  @ParameterizedTest
  @ValueSource(strings = {"READ_RSP", "WRITE_RSP"})
  @Expects(Message.RESPONSE_OP)
  void aCommandAnswersRequestOpsOnly(String op) {
    JavaFileObject g = group("""
          @Command(id = 0, ops = {Op.READ, Op.%s})
          void a();
        """.formatted(op));
    assertSingleError(compile(g), Message.RESPONSE_OP, g, "void a()", op);
  }

  @Test
  @Expects(Message.OP_TWICE)
  void anOpIsListedOnce() {
    JavaFileObject g = group("""
          @Command(id = 0, ops = {Op.WRITE, Op.WRITE})
          void a();
        """);
    assertSingleError(compile(g), Message.OP_TWICE, g, "void a()", "WRITE");
  }

  @Test
  @Expects(Message.COMMAND_SLOT_TAKEN)
  void oneCommandAnswersAnIdAndOp() {
    JavaFileObject g = group("""
          @Command(id = 0, ops = Op.READ)
          void a();

          @Command(id = 0, ops = {Op.READ, Op.WRITE})
          void b();
        """);
    assertSingleError(compile(g), Message.COMMAND_SLOT_TAKEN, g, "void b()", 0, "READ", "a", "b");
  }

  @Test
  @Expects(Message.COMMAND_SLOT_TAKEN)
  void anExtensionCannotTakeTheIdAndOpOfAnInheritedCommand() {
    JavaFileObject base = source("Base", """
        @MgmtGroup(id = 64, name = "base")
        public interface Base {
          @Command(id = 3, ops = Op.WRITE)
          void a();
        }
        """);
    JavaFileObject ext = source("Ext", """
        @MgmtGroup(id = 64, name = "base")
        public interface Ext extends Base {
          @Command(id = 3, ops = Op.WRITE)
          void b();
        }
        """);
    assertSingleError(compile(base, ext), Message.COMMAND_SLOT_TAKEN, ext, "void b()", 3, "WRITE", "a", "b");
  }

  @Test
  @Expects(Message.COMMAND_NAME_TWICE)
  void commandsHaveDistinctMethodNames() {
    JavaFileObject g = group("""
          @Command(id = 0, ops = Op.READ)
          void a();

          @Command(id = 1, ops = Op.READ)
          void a(@Param("x") int x);
        """);
    assertSingleError(compile(g), Message.COMMAND_NAME_TWICE, g, "void a(@Param", "a");
  }

  @Test
  @Expects(Message.TOO_MANY_KEYS)
  void aCommandHasAtMost64RequestKeys() {
    String params = IntStream.range(0, 65)
        .mapToObj(i -> "@Param(\"k%d\") int k%d".formatted(i, i))
        .collect(Collectors.joining(", "));
    JavaFileObject g = group("""
          @Command(id = 0, ops = Op.WRITE)
          void many(%s);
        """.formatted(params));
    assertSingleError(compile(g), Message.TOO_MANY_KEYS, g, "void many(", "many", 64);
  }

  @Test
  @Expects(Message.GENERIC_COMMAND)
  void aCommandIsNotGeneric() {
    JavaFileObject g = group("""
          @Command(id = 0, ops = Op.READ)
          <T> void a();
        """);
    assertSingleError(compile(g), Message.GENERIC_COMMAND, g, "<T> void a()", "a");
  }

  @Test
  @Expects(Message.CHECKED_EXCEPTIONS)
  void aCommandDeclaresNoCheckedException() {
    JavaFileObject g = group("""
          @Command(id = 0, ops = Op.READ)
          void a() throws java.io.IOException, IllegalStateException;
        """);
    assertSingleError(compile(g), Message.CHECKED_EXCEPTIONS, g, "void a()", "a", "[java.io.IOException]");
  }

  @Test
  @Expects(Message.TOO_MANY_HOOKS)
  void aGroupHasAtMostSixteenHooks() {
    String methods = IntStream.rangeClosed(0, 16)
        .mapToObj(i -> "  @Command(id = %d, ops = Op.WRITE, hook = true) void c%d();".formatted(i, i))
        .collect(Collectors.joining("\n"));
    JavaFileObject g = group(methods);
    assertSingleError(compile(g), Message.TOO_MANY_HOOKS, g, "void c16()", 16, "c16");
  }

  @Test
  @Expects(Message.HOOK_WITHOUT_EVENT_GROUP)
  void aHookBelowGroup64NeedsAnEventGroup() {
    JavaFileObject g = source("G", """
        @MgmtGroup(id = 3, name = "g")
        public interface G {
          @Command(id = 0, ops = Op.WRITE, hook = true)
          void a();
        }
        """);
    assertSingleError(compile(g), Message.HOOK_WITHOUT_EVENT_GROUP, g, "void a()", "a", 3);
  }

  @Test
  void aHookBelowGroup64FiresInTheNamedEventGroup() {
    Compilation compilation = compile(source("G", """
        @MgmtGroup(id = 3, name = "g", eventGroup = 80)
        public interface G {
          @Command(id = 0, ops = Op.WRITE, hook = true)
          void a();
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.GEvents").contentsAsUtf8String()
        .contains("public static final int EVENT_GROUP = 80;");
  }

  @Test
  @Expects(Message.CLIENT_METHOD_CLASH)
  void aCommandIsNotNamedLikeAnotherCommandsAsyncClientMethod() {
    JavaFileObject g = group("""
          @Command(id = 0, ops = Op.READ)
          void bAsync();

          @Command(id = 1, ops = Op.READ)
          void b();
        """);
    assertSingleError(compile(g), Message.CLIENT_METHOD_CLASH, g, "void b()", "b", "b", "b", "b");
  }

  @Test
  @Expects(Message.EVENT_CONSTANT_RESERVED)
  void aHookedCommandIsNotNamedLikeTheEventGroupConstant() {
    JavaFileObject g = group("""
          @Command(id = 0, ops = Op.WRITE, hook = true)
          void eventGroup();
        """);
    assertSingleError(compile(g), Message.EVENT_CONSTANT_RESERVED, g, "void eventGroup()", "eventGroup");
  }

  @Test
  @Expects(Message.EVENT_CONSTANT_CLASH)
  void hookedCommandsHaveDistinctEventConstants() {
    JavaFileObject g = group("""
          @Command(id = 0, ops = Op.WRITE, hook = true)
          void fooBar();

          @Command(id = 1, ops = Op.WRITE, hook = true)
          void foo_bar();
        """);
    assertSingleError(compile(g), Message.EVENT_CONSTANT_CLASH, g, "void foo_bar()", "fooBar", "foo_bar",
        "FOO_BAR");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      String  | java.lang.String
      int     | int
      List<R> | java.util.List<test.G.R>
      RawCbor | io.mcumgr4j.cbor.RawCbor
      """)
  @Expects(Message.BAD_RESULT)
  void aCommandReturnsVoidOrARecordOrAMap(String type, String printed) {
    JavaFileObject g = group("""
          @Command(id = 0, ops = Op.READ)
          %s a();
        """.formatted(type));
    assertSingleError(compile(g), Message.BAD_RESULT, g, " a();", printed);
  }

  @Test
  @Expects(Message.BAD_RESULT)
  void anOptionalResultIsRefusedAsAReturnType() {
    JavaFileObject g = group("""
          @Command(id = 0, ops = Op.READ)
          Optional<R> a();
        """);
    assertSingleError(compile(g), Message.BAD_RESULT, g, "Optional<R> a();", "java.util.Optional<test.G.R>");
  }
}
