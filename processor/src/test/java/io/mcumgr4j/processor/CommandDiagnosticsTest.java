package io.mcumgr4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.mcumgr4j.processor.Compilations.assertSingleError;
import static io.mcumgr4j.processor.Compilations.compile;
import static io.mcumgr4j.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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
  void everyAbstractMethodIsACommand() {
    JavaFileObject g = group("""
          @Command(id = 0, ops = Op.READ)
          void a();

          void helper();
        """);
    assertSingleError(compile(g), "every abstract method of a group interface is a command: annotate helper() "
        + "with @Command(id = ..., ops = ...), or make it a default method", g, "void helper()");
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 256})
  void theCommandIdFitsEightBits(int id) {
    JavaFileObject g = group("""
          @Command(id = %d, ops = Op.READ)
          void a();
        """.formatted(id));
    assertSingleError(compile(g), "command id " + id + " is outside 0..255", g, "void a()");
  }

  @Test
  void aCommandAnswersSomeOp() {
    JavaFileObject g = group("""
          @Command(id = 0, ops = {})
          void a();
        """);
    assertSingleError(compile(g), "command a() has no ops: say which requests it answers", g, "void a()");
  }

  @ParameterizedTest
  @ValueSource(strings = {"READ_RSP", "WRITE_RSP"})
  void aCommandAnswersRequestOpsOnly(String op) {
    JavaFileObject g = group("""
          @Command(id = 0, ops = {Op.READ, Op.%s})
          void a();
        """.formatted(op));
    assertSingleError(compile(g), "Op." + op + " is a response op: a command answers Op.READ and/or Op.WRITE "
        + "requests", g, "void a()");
  }

  @Test
  void anOpIsListedOnce() {
    JavaFileObject g = group("""
          @Command(id = 0, ops = {Op.WRITE, Op.WRITE})
          void a();
        """);
    assertSingleError(compile(g), "Op.WRITE is listed twice in ops", g, "void a()");
  }

  @Test
  void oneCommandAnswersAnIdAndOp() {
    JavaFileObject g = group("""
          @Command(id = 0, ops = Op.READ)
          void a();

          @Command(id = 0, ops = {Op.READ, Op.WRITE})
          void b();
        """);
    assertSingleError(compile(g), "command id 0 already answers READ requests in a(): give b() another id, "
        + "or another op", g, "void b()");
  }

  @Test
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
    assertSingleError(compile(base, ext), "command id 3 already answers WRITE requests in a(): give b() another id",
        ext, "void b()");
  }

  @Test
  void commandsHaveDistinctMethodNames() {
    JavaFileObject g = group("""
          @Command(id = 0, ops = Op.READ)
          void a();

          @Command(id = 1, ops = Op.READ)
          void a(@Param("x") int x);
        """);
    assertSingleError(compile(g), "two commands are named a(): command methods need distinct names", g,
        "void a(@Param");
  }

  @Test
  void aCommandIsNotGeneric() {
    JavaFileObject g = group("""
          @Command(id = 0, ops = Op.READ)
          <T> void a();
        """);
    assertSingleError(compile(g), "command a() cannot be generic: remove its type parameters", g, "<T> void a()");
  }

  @Test
  void aCommandDeclaresNoCheckedException() {
    JavaFileObject g = group("""
          @Command(id = 0, ops = Op.READ)
          void a() throws java.io.IOException, IllegalStateException;
        """);
    assertSingleError(compile(g), "command a() declares checked exceptions [java.io.IOException]: fail with "
        + "MgmtException or GroupErrorException, which are unchecked", g, "void a()");
  }

  @Test
  void aGroupHasAtMostSixteenHooks() {
    String methods = IntStream.rangeClosed(0, 16)
        .mapToObj(i -> "  @Command(id = %d, ops = Op.WRITE, hook = true) void c%d();".formatted(i, i))
        .collect(Collectors.joining("\n"));
    JavaFileObject g = group(methods);
    assertSingleError(compile(g), "a group has at most 16 hooked commands (one event bit each): drop hook = true "
        + "from c16()", g, "void c16()");
  }

  @Test
  void aHookBelowGroup64NeedsAnEventGroup() {
    JavaFileObject g = source("G", """
        @MgmtGroup(id = 3, name = "g")
        public interface G {
          @Command(id = 0, ops = Op.WRITE, hook = true)
          void a();
        }
        """);
    assertSingleError(compile(g), "command a() has a hook but group 3 is below 64: name its callback event group "
        + "with @MgmtGroup(eventGroup = ...)", g, "void a()");
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
  void aCommandIsNotNamedLikeAnotherCommandsAsyncClientMethod() {
    JavaFileObject g = group("""
          @Command(id = 0, ops = Op.READ)
          void bAsync();

          @Command(id = 1, ops = Op.READ)
          void b();
        """);
    assertSingleError(compile(g), "commands b() and bAsync() clash in the client, whose non-blocking method for "
        + "b() is bAsync(): rename one of the two", g, "void b()");
  }

  @Test
  void aHookedCommandIsNotNamedLikeTheEventGroupConstant() {
    JavaFileObject g = group("""
          @Command(id = 0, ops = Op.WRITE, hook = true)
          void eventGroup();
        """);
    assertSingleError(compile(g), "hooked command eventGroup() would get the event id constant EVENT_GROUP, which "
        + "the events class uses for its event group: rename the command", g, "void eventGroup()");
  }

  @Test
  void hookedCommandsHaveDistinctEventConstants() {
    JavaFileObject g = group("""
          @Command(id = 0, ops = Op.WRITE, hook = true)
          void fooBar();

          @Command(id = 1, ops = Op.WRITE, hook = true)
          void foo_bar();
        """);
    assertSingleError(compile(g), "hooked commands fooBar() and foo_bar() would share the event id constant "
        + "FOO_BAR: rename one of the two", g, "void foo_bar()");
  }

  @ParameterizedTest
  @ValueSource(strings = {"String", "int", "List<R>", "RawCbor"})
  void aCommandReturnsVoidOrARecordOrAMap(String type) {
    JavaFileObject g = group("""
          @Command(id = 0, ops = Op.READ)
          %s a();
        """.formatted(type));
    assertSingleError(compile(g), "a command returns void, a record whose components are the response keys, or a "
        + "Map<String, T> whose entries are, not ",
        g, " a();");
  }

  @Test
  void anOptionalResultIsRefusedAsAReturnType() {
    JavaFileObject g = group("""
          @Command(id = 0, ops = Op.READ)
          Optional<R> a();
        """);
    assertSingleError(compile(g), "a command returns void, a record whose components are the response keys, or a "
        + "Map<String, T> whose entries are, not ",
        g, "Optional<R> a();");
  }
}
