package io.mcumgr4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static io.mcumgr4j.processor.Compilations.assertError;
import static io.mcumgr4j.processor.Compilations.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.mcumgr4j.processor.diagnostic.Message;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interface extending a group that comes from a jar, as an application extends a built-in
 * group, or using a record from a jar: what it inherits (the event group) and where diagnostics
 * about elements of the jar go (they have no source, so the user's interface, with the element
 * named).
 */
class InheritedGroupTest {

  @TempDir Path dir;

  @Test
  void anExtensionInheritsTheEventGroupOfTheGroupItExtends() {
    Compilation compilation = compileAgainstJar("""
        package lib;

        import io.mcumgr4j.annotation.*;

        @MgmtGroup(id = 0, name = "os mgmt", eventGroup = 2)
        public interface Os {
          @Command(id = 5, ops = Op.WRITE, hook = true)
          void reset(@Param(value = "force", required = false) Boolean force);
        }
        """, source("MyOs", """
        @MgmtGroup(id = 0, name = "os mgmt")
        public interface MyOs extends lib.Os {
          @Command(id = 64, ops = Op.READ)
          Board board();

          record Board(String name) {}
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.MyOsEvents").contentsAsUtf8String()
        .contains("public static final int EVENT_GROUP = 2;");
    assertThat(compilation).generatedSourceFile("test.MyOsForwarding").contentsAsUtf8String()
        .contains("protected MyOsForwarding(Os os)");
    assertThat(compilation).generatedSourceFile("test.MyOsForwarding").contentsAsUtf8String()
        .contains("    os.reset(");
  }

  @Test
  @Expects(Message.HOOK_WITHOUT_EVENT_GROUP)
  void aProblemWithAnInheritedCommandIsReportedOnTheUsersInterface() {
    JavaFileObject mine = source("Mine", """
        @MgmtGroup(id = 3, name = "plain")
        public interface Mine extends lib.Plain {
          @Command(id = 1, ops = Op.READ)
          String nothing();
        }
        """);
    Compilation compilation = compileAgainstJar("""
        package lib;

        import io.mcumgr4j.annotation.*;

        @MgmtGroup(id = 3, name = "plain")
        public interface Plain {
          @Command(id = 0, ops = Op.WRITE, hook = true)
          void poke();
        }
        """, mine);
    assertError(compilation, Message.HOOK_WITHOUT_EVENT_GROUP, mine, "public interface Mine extends lib.Plain",
        "poke", 3);
    assertThat(compilation).hadErrorContaining("(command poke() of lib.Plain, which Mine inherits)")
        .inFile(mine).onLineContaining("public interface Mine extends lib.Plain");
  }

  @Test
  @Expects(Message.CHAR_TYPE)
  void aProblemWithARecordOfAJarIsReportedOnTheUsersInterface() {
    JavaFileObject mine = source("Mine", """
        @MgmtGroup(id = 64, name = "mine")
        public interface Mine {
          @Command(id = 0, ops = Op.WRITE)
          void a(@Param("p") lib.Point p);
        }
        """);
    Compilation compilation = compileAgainstJar("""
        package lib;

        public record Point(int x, char c) {}
        """, mine);
    assertError(compilation, Message.CHAR_TYPE, mine, "public interface Mine", "char");
    assertThat(compilation).hadErrorContaining("(component c of record lib.Point, which Mine uses)")
        .inFile(mine).onLineContaining("public interface Mine");
  }

  /** Compiles {@code library} without the processor into a class directory, then {@code sources} against it. */
  private Compilation compileAgainstJar(String library, JavaFileObject... sources) {
    try {
      Path src = dir.resolve("src/lib");
      Files.createDirectories(src);
      String name = library.replaceAll("(?s).*public (?:interface|record) (\\w+).*", "$1");
      Path file = src.resolve(name + ".java");
      Files.writeString(file, library, StandardCharsets.UTF_8);
      Path classes = Files.createDirectories(dir.resolve("classes"));
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      int rc = javac.run(null, null, null, "-proc:none", "-d", classes.toString(),
          "-cp", System.getProperty("java.class.path"), file.toString());
      assertThat(rc).as("the library compiles").isZero();
      List<File> classpath = new ArrayList<>();
      classpath.add(classes.toFile());
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        classpath.add(new File(entry));
      }
      return javac().withProcessors(new MgmtProcessor()).withClasspath(classpath)
          .withOptions("-Xlint:all,-processing,-serial").compile(sources);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
