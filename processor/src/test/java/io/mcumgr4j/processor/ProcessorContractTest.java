package io.mcumgr4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.mcumgr4j.processor.Compilations.compile;
import static io.mcumgr4j.processor.Compilations.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Completion;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * What the processor promises its build tools: a valid group compiles silently, and the processor is
 * declared to Gradle as isolating, which holds only if every generated file names its group interface
 * as its one originating element.
 */
class ProcessorContractTest {

  private static final JavaFileObject BASE = source("Base", """
      /** A base group. */
      @MgmtGroup(id = 64, name = "base", errors = @ErrorCode(value = 2, name = "BUSY"))
      public interface Base {
        /** Reads. */
        @Command(id = 0, ops = Op.READ)
        Info info(@Param("v") @Uint(bits = 8) int verbosity) throws IllegalStateException;

        /** A default method is no command. */
        default Info quiet() {
          return info(0);
        }

        /** Nor is a static method. */
        static String describe() {
          return "base";
        }

        /** The response of {@link #info}. */
        record Info(@Field("ver") String version, Optional<Mode> mode) {}

        /** An enum with codes. */
        enum Mode {
          A;

          public int code() {
            return 1;
          }
        }
      }
      """);

  private static final JavaFileObject EXT = source("Ext", """
      /** Adds a hooked command to the base group. */
      @MgmtGroup(id = 64, name = "base")
      public interface Ext extends Base {
        /** Writes. */
        @Command(id = 1, ops = {Op.READ, Op.WRITE}, hook = true)
        void write(@Param("data") byte[] data);
      }
      """);

  @Test
  void aValidGroupCompilesWithoutAnyDiagnostic() {
    Compilation compilation = compile(BASE, EXT);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation.diagnostics()).isEmpty();
    assertThat(compilation.generatedSourceFiles()).hasSize(10);
  }

  @Test
  void theProcessorIsRegisteredAndDeclaredIsolatingToGradle() throws IOException {
    assertThat(ownResource("META-INF/gradle/incremental.annotation.processors"))
        .isEqualToIgnoringNewLines("io.mcumgr4j.processor.MgmtProcessor,isolating");
    assertThat(ownResource("META-INF/services/javax.annotation.processing.Processor"))
        .isEqualToIgnoringNewLines("io.mcumgr4j.processor.MgmtProcessor");
  }

  @Test
  void everyGeneratedFileOriginatesFromItsGroupInterfaceAlone() {
    OriginRecorder recorder = new OriginRecorder();
    assertThat(compile(List.of(recorder), BASE, EXT)).succeededWithoutWarnings();

    assertThat(recorder.origins).containsExactlyInAnyOrderEntriesOf(Map.of(
        "test.BaseError", List.of("test.Base"),
        "test.BaseDispatcher", List.of("test.Base"),
        "test.BaseClient", List.of("test.Base"),
        "test.ExtForwarding", List.of("test.Ext"),
        "test.BaseCodec", List.of("test.Base"),
        "test.ExtError", List.of("test.Ext"),
        "test.ExtDispatcher", List.of("test.Ext"),
        "test.ExtClient", List.of("test.Ext"),
        "test.ExtCodec", List.of("test.Ext"),
        "test.ExtEvents", List.of("test.Ext")));
  }

  /** The resource from the processor's own classes directory or jar, not another on the class path. */
  private static String ownResource(String name) throws IOException {
    String home = MgmtProcessor.class.getProtectionDomain().getCodeSource().getLocation().toString();
    for (URL url : Collections.list(MgmtProcessor.class.getClassLoader().getResources(name))) {
      if (url.toString().contains(home)) {
        try (InputStream in = url.openStream()) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    throw new AssertionError(name + " is not in " + home);
  }

  /** Runs the processor with a filer that records the originating elements of each file it creates. */
  private static final class OriginRecorder implements Processor {

    final Map<String, List<String>> origins = new LinkedHashMap<>();
    private final MgmtProcessor processor = new MgmtProcessor();

    @Override
    public void init(ProcessingEnvironment env) {
      processor.init(new RecordingEnvironment(env, new RecordingFiler(env.getFiler(), origins)));
    }

    @Override
    public Set<String> getSupportedOptions() {
      return processor.getSupportedOptions();
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return processor.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return processor.getSupportedSourceVersion();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      return processor.process(annotations, round);
    }

    @Override
    public Iterable<? extends Completion> getCompletions(Element element, AnnotationMirror annotation,
        ExecutableElement member, String userText) {
      return processor.getCompletions(element, annotation, member, userText);
    }
  }

  private record RecordingEnvironment(ProcessingEnvironment env, Filer filer) implements ProcessingEnvironment {

    @Override
    public Map<String, String> getOptions() {
      return env.getOptions();
    }

    @Override
    public Messager getMessager() {
      return env.getMessager();
    }

    @Override
    public Filer getFiler() {
      return filer;
    }

    @Override
    public Elements getElementUtils() {
      return env.getElementUtils();
    }

    @Override
    public Types getTypeUtils() {
      return env.getTypeUtils();
    }

    @Override
    public SourceVersion getSourceVersion() {
      return env.getSourceVersion();
    }

    @Override
    public Locale getLocale() {
      return env.getLocale();
    }
  }

  private record RecordingFiler(Filer filer, Map<String, List<String>> origins) implements Filer {

    @Override
    public JavaFileObject createSourceFile(CharSequence name, Element... originatingElements) throws IOException {
      note(name, originatingElements);
      return filer.createSourceFile(name, originatingElements);
    }

    @Override
    public JavaFileObject createClassFile(CharSequence name, Element... originatingElements) throws IOException {
      note(name, originatingElements);
      return filer.createClassFile(name, originatingElements);
    }

    @Override
    public FileObject createResource(JavaFileManager.Location location, CharSequence moduleAndPkg,
        CharSequence relativeName, Element... originatingElements) throws IOException {
      note(moduleAndPkg + "/" + relativeName, originatingElements);
      return filer.createResource(location, moduleAndPkg, relativeName, originatingElements);
    }

    @Override
    public FileObject getResource(JavaFileManager.Location location, CharSequence moduleAndPkg,
        CharSequence relativeName) throws IOException {
      return filer.getResource(location, moduleAndPkg, relativeName);
    }

    private void note(CharSequence name, Element... originatingElements) {
      origins.put(name.toString(), Arrays.stream(originatingElements)
          .map(e -> ((TypeElement) e).getQualifiedName().toString())
          .toList());
    }
  }
}
