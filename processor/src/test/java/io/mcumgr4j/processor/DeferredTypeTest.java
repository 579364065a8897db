package io.mcumgr4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static io.mcumgr4j.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
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

  /** Writes {@code test.Later} in its first round, as another annotation processor would. */
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
        try (Writer w = processingEnv.getFiler().createSourceFile("test.Later").openWriter()) {
          w.write("package test;\n\npublic record Later(int x, String name) {}\n");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }

  private static final JavaFileObject GROUP = source("G", """
      @MgmtGroup(id = 64, name = "g")
      public interface G {
        @Command(id = 0, ops = Op.WRITE)
        Later a(@Param("later") Later later, @Param("all") List<Later> all);
      }
      """);

  @Test
  void aTypeGeneratedInALaterRoundIsWaitedFor() {
    Compilation compilation = javac().withProcessors(new MgmtProcessor(), new LaterProcessor())
        .withOptions("-Xlint:all,-processing,-serial").compile(GROUP);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.GDispatcher");
    assertThat(compilation).generatedSourceFile("test.GCodec").contentsAsUtf8String().contains("readLater");
  }

  @Test
  void aTypeThatNeverComesIsReportedInTheLastRound() {
    Compilation compilation = javac().withProcessors(new MgmtProcessor())
        .withOptions("-Xlint:all,-processing,-serial").compile(GROUP);

    assertThat(compilation).hadErrorContaining("Later cannot be found: check its import, or the annotation processor")
        .inFile(GROUP).onLineContaining("Later a(");
  }
}
