package io.mcumgr4j.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compares, character for character, the sources generated for each case under {@code
 * src/test/resources/golden/<case>/in} with the golden files under {@code golden/<case>/out}:
 * {@code handlerdemo} (the samples' {@code ExampleMgmt}), {@code alltypes} (every supported type
 * and command shape) and {@code extension} (an interface adding a command to another's group).
 *
 * <p>After an intended change to the generated code, rewrite the golden files with
 *
 * <pre>
 * mvn -o -pl processor -am test -Dtest=GoldenSourcesTest -Dsurefire.failIfNoSpecifiedTests=false -Dgolden.update=true
 * </pre>
 *
 * and review {@code git diff processor/src/test/resources/golden} line by line before keeping it.
 */
class GoldenSourcesTest {

  private static final Path GOLDEN = Path.of(System.getProperty("basedir", ""), "src/test/resources/golden");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  private static final String SOURCE_OUTPUT = "/SOURCE_OUTPUT/";

  @ParameterizedTest
  @ValueSource(strings = {"handlerdemo", "alltypes", "extension"})
  void generatedSourcesEqualTheGoldenFiles(String name) throws IOException {
    Path dir = GOLDEN.resolve(name);
    Compilation compilation = Compilations.compile(inputs(dir.resolve("in")));

    CompilationSubject.assertThat(compilation).succeededWithoutWarnings();
    Map<String, String> generated = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      String path = file.toUri().getPath();
      assertThat(path).startsWith(SOURCE_OUTPUT);
      generated.put(path.substring(SOURCE_OUTPUT.length()), file.getCharContent(true).toString());
    }
    Path out = dir.resolve("out");
    if (UPDATE) {
      rewrite(out, generated);
    }
    Map<String, String> golden = read(out);
    assertThat(generated.keySet()).as("generated files of %s", name).containsExactlyElementsOf(golden.keySet());
    for (Map.Entry<String, String> e : golden.entrySet()) {
      assertThat(generated.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
    }
  }

  private static JavaFileObject[] inputs(Path in) throws IOException {
    try (Stream<Path> files = Files.walk(in)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().map(p -> {
        try {
          return JavaFileObjects.forResource(p.toUri().toURL());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).toArray(JavaFileObject[]::new);
    }
  }

  private static Map<String, String> read(Path out) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(out)) {
      for (Path p : paths.filter(Files::isRegularFile).toList()) {
        files.put(out.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  private static void rewrite(Path out, Map<String, String> generated) throws IOException {
    if (Files.exists(out)) {
      try (Stream<Path> paths = Files.walk(out)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    for (Map.Entry<String, String> e : generated.entrySet()) {
      Path file = out.resolve(e.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
    }
  }
}
