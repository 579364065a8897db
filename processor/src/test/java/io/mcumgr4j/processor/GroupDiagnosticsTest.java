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

/** Diagnostics on the annotated type itself: its kind, id, name, event group and super-interfaces. */
class GroupDiagnosticsTest {

  private static JavaFileObject group(String annotation) {
    return source("G", """
        %s
        public interface G {
          @Command(id = 0, ops = Op.READ)
          void a();
        }
        """.formatted(annotation));
  }

  @Test
  void theAnnotationGoesOnAnInterface() {
    JavaFileObject g = source("G", """
        @MgmtGroup(id = 64, name = "g")
        public class G {}
        """);
    assertSingleError(compile(g), "@MgmtGroup goes on an interface whose methods are the group's commands: "
        + "make G an interface", g, "public class G");
  }

  @Test
  void aGroupInterfaceIsNotGeneric() {
    JavaFileObject g = source("G", """
        @MgmtGroup(id = 64, name = "g")
        public interface G<T> {}
        """);
    assertSingleError(compile(g), "a group interface cannot be generic: remove the type parameters of G",
        g, "public interface G<T>");
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 65536})
  void theGroupIdFitsSixteenBits(int id) {
    JavaFileObject g = group("@MgmtGroup(id = %d, name = \"g\")".formatted(id));
    assertSingleError(compile(g), "group id " + id + " is outside 0..65535", g, "public interface G");
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 5, 7, 12, 40, 62})
  void zephyrsReservedGroupIdsAreRefused(int id) {
    JavaFileObject g = group("@MgmtGroup(id = %d, name = \"g\")".formatted(id));
    assertSingleError(compile(g), "group id " + id + " is reserved: Zephyr's groups use 0-3, 8-11 and 63; "
        + "application groups start at 64", g, "public interface G");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 3, 8, 11, 63, 64, 65535})
  void zephyrAndApplicationGroupIdsAreAccepted(int id) {
    assertThat(compile(group("@MgmtGroup(id = %d, name = \"g\")".formatted(id)))).succeededWithoutWarnings();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void theNameIsNotEmpty(String name) {
    JavaFileObject g = group("@MgmtGroup(id = 64, name = \"%s\")".formatted(name));
    assertSingleError(compile(g), "@MgmtGroup name is empty", g, "public interface G");
  }

  @ParameterizedTest
  @ValueSource(ints = {-2, 65536})
  void theEventGroupFitsSixteenBits(int eventGroup) {
    JavaFileObject g = group("@MgmtGroup(id = 64, name = \"g\", eventGroup = %d)".formatted(eventGroup));
    assertSingleError(compile(g), "eventGroup " + eventGroup + " is outside 0..65535", g, "public interface G");
  }

  @Test
  void anExtensionKeepsTheIdOfTheGroupItExtends() {
    JavaFileObject base = source("Base", """
        @MgmtGroup(id = 64, name = "base")
        public interface Base {
          @Command(id = 0, ops = Op.READ)
          void a();
        }
        """);
    JavaFileObject ext = source("Ext", """
        @MgmtGroup(id = 65, name = "ext")
        public interface Ext extends Base {
          @Command(id = 1, ops = Op.READ)
          void b();
        }
        """);
    assertSingleError(compile(base, ext), "Ext extends the group with id 64 to add commands to it: "
        + "declare @MgmtGroup(id = 64, ...)", ext, "public interface Ext");
  }

  @Test
  void twoRootGroupsCannotShareAnId() {
    JavaFileObject a = source("A", """
        @MgmtGroup(id = 64, name = "a")
        public interface A {}

        @MgmtGroup(id = 64, name = "b")
        interface B {}
        """);
    assertSingleError(compile(a), "group id 64 is already declared by test.A: give this group another id, "
        + "or extend A to add commands to it", a, "interface B");
  }

  @Test
  void twoGroupsWhoseGeneratedTypesWouldCollideAreRefused() {
    JavaFileObject outer = source("A", """
        public interface A {
          @MgmtGroup(id = 64, name = "nested")
          interface B {}
        }
        """);
    JavaFileObject flat = source("A_B", """
        @MgmtGroup(id = 65, name = "flat")
        public interface A_B {}
        """);
    Compilation compilation = compile(outer, flat);
    assertThat(compilation).hadErrorContaining("the generated types of test.A_B would be named like those of "
        + "test.A.B (A_BDispatcher, ...): rename one of the interfaces").inFile(flat)
        .onLineContaining("public interface A_B");
  }
}
