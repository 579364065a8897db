package io.mcumgr4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.mcumgr4j.processor.diagnostic.Message;
import java.util.List;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;

/** Compiles test sources with the processor and checks the diagnostics it reports, by message id. */
final class Compilations {

  /** The build's own {@code -Xlint} options, so generated code is held to the same warnings. */
  private static final String LINT = "-Xlint:all,-processing,-serial";

  /** What {@link #source} puts before the body: a package and imports. */
  private static final String HEADER = """
      package test;

      import io.mcumgr4j.annotation.*;
      import io.mcumgr4j.cbor.RawCbor;
      import io.mcumgr4j.server.RequestContext;
      import java.util.*;

      """;

  private Compilations() {}

  static Compilation compile(JavaFileObject... sources) {
    return compile(List.of(new MgmtProcessor()), sources);
  }

  /** {@link #compile(JavaFileObject...)} where a warning is an error too ({@code -Werror}). */
  static Compilation compileWarningsAsErrors(JavaFileObject... sources) {
    return javac().withProcessors(new MgmtProcessor()).withOptions(LINT, "-Werror").compile(sources);
  }

  /** Compiles {@code sources} with {@code processors} (the processor under test among them). */
  static Compilation compile(List<Processor> processors, JavaFileObject... sources) {
    return javac().withProcessors(processors).withOptions(LINT).compile(sources);
  }

  /**
   * The source file of {@code test.<simpleName>}: {@code body} after a package declaration and
   * imports of the annotations, {@code RawCbor}, {@code RequestContext} and {@code java.util}.
   */
  static JavaFileObject source(String simpleName, String body) {
    return JavaFileObjects.forSourceString("test." + simpleName, HEADER + body);
  }

  /**
   * Asserts that the compilation reported {@code message} with {@code args} in {@code file}, on
   * the line that contains {@code line}.
   */
  static void assertError(Compilation compilation, Message message, JavaFileObject file, String line,
      Object... args) {
    assertThat(compilation).hadErrorContaining(message.text(args)).inFile(file).onLineContaining(line);
    ExpectsCheck.asserted(message);
  }

  /** {@link #assertError}, and that the error is the compilation's only one. */
  static void assertSingleError(Compilation compilation, Message message, JavaFileObject file, String line,
      Object... args) {
    assertError(compilation, message, file, line, args);
    assertThat(compilation).hadErrorCount(1);
  }
}
