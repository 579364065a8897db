package io.mcumgr4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;

/** Compiles test sources with the processor and checks the diagnostics it reports. */
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
    return compile(new MgmtProcessor(), sources);
  }

  static Compilation compile(Processor processor, JavaFileObject... sources) {
    return javac().withProcessors(processor).withOptions(LINT).compile(sources);
  }

  /**
   * The source file of {@code test.<simpleName>}: {@code body} after a package declaration and
   * imports of the annotations, {@code RawCbor}, {@code RequestContext} and {@code java.util}.
   */
  static JavaFileObject source(String simpleName, String body) {
    return JavaFileObjects.forSourceString("test." + simpleName, HEADER + body);
  }

  /**
   * Asserts that the compilation failed with exactly one error, containing {@code message} and
   * reported in {@code file} on the single line that contains {@code line}.
   */
  static void assertSingleError(Compilation compilation, String message, JavaFileObject file, String line) {
    assertThat(compilation).hadErrorContaining(message).inFile(file).onLineContaining(line);
    assertThat(compilation).hadErrorCount(1);
  }
}
