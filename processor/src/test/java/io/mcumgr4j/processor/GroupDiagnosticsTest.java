package io.mcumgr4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.mcumgr4j.processor.Compilations.assertError;
import static io.mcumgr4j.processor.Compilations.assertSingleError;
import static io.mcumgr4j.processor.Compilations.compile;
import static io.mcumgr4j.processor.Compilations.source;

import io.mcumgr4j.processor.diagnostic.Message;
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
  @Expects(Message.NOT_AN_INTERFACE)
  void theAnnotationGoesOnAnInterface() {
    JavaFileObject g = source("G", """
        @MgmtGroup(id = 64, name = "g")
        public class G {}
        """);
    assertSingleError(compile(g), Message.NOT_AN_INTERFACE, g, "public class G", "G");
  }

  @Test
  @Expects(Message.GENERIC_GROUP)
  void aGroupInterfaceIsNotGeneric() {
    JavaFileObject g = source("G", """
        @MgmtGroup(id = 64, name = "g")
        public interface G<T> {}
        """);
    assertSingleError(compile(g), Message.GENERIC_GROUP, g, "public interface G<T>", "G");
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 65536})
  @Expects(Message.GROUP_ID_RANGE)
  void theGroupIdFitsSixteenBits(int id) {
    JavaFileObject g = group("@MgmtGroup(id = %d, name = \"g\")".formatted(id));
    assertSingleError(compile(g), Message.GROUP_ID_RANGE, g, "public interface G", id);
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 5, 7, 12, 40, 62})
  @Expects(Message.GROUP_ID_RESERVED)
  void zephyrsReservedGroupIdsAreRefused(int id) {
    JavaFileObject g = group("@MgmtGroup(id = %d, name = \"g\")".formatted(id));
    assertSingleError(compile(g), Message.GROUP_ID_RESERVED, g, "public interface G", id);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 3, 8, 11, 63, 64, 65535})
  void zephyrAndApplicationGroupIdsAreAccepted(int id) {
    assertThat(compile(group("@MgmtGroup(id = %d, name = \"g\")".formatted(id)))).succeededWithoutWarnings();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  @Expects(Message.EMPTY_GROUP_NAME)
  void theNameIsNotEmpty(String name) {
    JavaFileObject g = group("@MgmtGroup(id = 64, name = \"%s\")".formatted(name));
    assertSingleError(compile(g), Message.EMPTY_GROUP_NAME, g, "public interface G");
  }

  @ParameterizedTest
  @ValueSource(ints = {-2, 65536})
  @Expects(Message.EVENT_GROUP_RANGE)
  void theEventGroupFitsSixteenBits(int eventGroup) {
    JavaFileObject g = group("@MgmtGroup(id = 64, name = \"g\", eventGroup = %d)".formatted(eventGroup));
    assertSingleError(compile(g), Message.EVENT_GROUP_RANGE, g, "public interface G", eventGroup);
  }

  @Test
  @Expects(Message.EXTENSION_ID)
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
    assertSingleError(compile(base, ext), Message.EXTENSION_ID, ext, "public interface Ext", "Ext", 64, 64);
  }

  @Test
  @Expects(Message.DUPLICATE_GROUP_ID)
  void twoRootGroupsCannotShareAnId() {
    JavaFileObject a = source("A", """
        @MgmtGroup(id = 64, name = "a")
        public interface A {}

        @MgmtGroup(id = 64, name = "b")
        interface B {}
        """);
    assertSingleError(compile(a), Message.DUPLICATE_GROUP_ID, a, "interface B", 64, "test.A", "A");
  }

  @Test
  @Expects(Message.GENERATED_NAME_CLASH)
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
    assertError(compile(outer, flat), Message.GENERATED_NAME_CLASH, flat, "public interface A_B", "test.A_B",
        "test.A.B", "A_B");
  }

  @Test
  @Expects(Message.SOURCES_NOT_WRITTEN)
  void aTypeTakingAGeneratedNameStopsTheGroupsSources() {
    JavaFileObject g = source("G", """
        @MgmtGroup(id = 64, name = "g")
        public interface G {}

        final class GDispatcher {}
        """);
    assertSingleError(compile(g), Message.SOURCES_NOT_WRITTEN, g, "public interface G", "G",
        "Attempt to recreate a file for type test.GDispatcher");
  }
}
