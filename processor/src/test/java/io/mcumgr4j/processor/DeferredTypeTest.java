package io.mcumgr4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.mcumgr4j.processor.Compilations.assertError;
import static io.mcumgr4j.processor.Compilations.compile;
import static io.mcumgr4j.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import io.mcumgr4j.processor.diagnostic.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A group that uses a type another processor generates: it waits for the round that has the type
 * instead of refusing it, as Auto's deferred elements do.
 */
class DeferredTypeTest {

  /**
   * Writes {@code test.Later}, a record, and {@code test.LaterBase}, an interface with a command,
   * in its first round, as another annotation processor would.
   */
  static final class LaterProcessor extends AbstractProcessor {
    private boolean written;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!written) {
        written = true;
        write("test.Later", "package test;\n\npublic record Later(int x, String name) {}\n");
        write("test.LaterBase", """
            package test;

            import io.mcumgr4j.annotation.*;

            public interface LaterBase {
              @Command(id = 1, ops = Op.READ)
              Later b();
            }
            """);
      }
      return false;
    }

    private void write(String name, String source) {
      try (Writer w = processingEnv.getFiler().createSourceFile(name).openWriter()) {
        w.write(source);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final JavaFileObject GROUP = source("G", """
      @MgmtGroup(id = 64, name = "g")
      public interface G {
        @Command(id = 0, ops = Op.WRITE)
        Later a(@Param("later") Later later, @Param("all") List<Later> all);
      }
      """);

  private static final JavaFileObject EXTENSION = source("G", """
      @MgmtGroup(id = 64, name = "g")
      public interface G extends LaterBase {
        @Command(id = 0, ops = Op.WRITE)
        void a();
      }
      """);

  @Test
  void aTypeGeneratedInALaterRoundIsWaitedFor() {
    Compilation compilation = compile(List.of(new MgmtProcessor(), new LaterProcessor()), GROUP);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.GDispatcher");
    assertThat(compilation).generatedSourceFile("test.GCodec").contentsAsUtf8String().contains("readLater");
  }

  @Test
  @Expects(Message.MISSING_TYPE)
  void aTypeThatNeverComesIsReportedInTheLastRound() {
    assertError(compile(GROUP), Message.MISSING_TYPE, GROUP, "Later a(", "Later");
  }

  @Test
  void aSuperInterfaceGeneratedInALaterRoundIsWaitedFor() {
    Compilation compilation = compile(List.of(new MgmtProcessor(), new LaterProcessor()), EXTENSION);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.GDispatcher").contentsAsUtf8String()
        .contains("impl.b()");
  }

  @Test
  @Expects(Message.MISSING_TYPE)
  void aSuperInterfaceThatNeverComesIsReportedInTheLastRound() {
    assertError(compile(EXTENSION), Message.MISSING_TYPE, EXTENSION, "interface G extends LaterBase", "LaterBase");
  }
}
