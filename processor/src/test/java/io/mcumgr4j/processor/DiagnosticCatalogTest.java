package io.mcumgr4j.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcumgr4j.processor.diagnostic.Message;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The catalog of diagnostics as a whole: every message has a test (a test method of this package
 * annotated {@link Expects} with its id, which triggers it on the element at fault), and every
 * text is plain and says the fix.
 */
class DiagnosticCatalogTest {

  @Test
  void everyMessageHasATest() throws Exception {
    Set<Message> tested = EnumSet.noneOf(Message.class);
    for (Class<?> test : testClasses()) {
      for (Method m : test.getDeclaredMethods()) {
        Expects expects = m.getAnnotation(Expects.class);
        if (expects != null) {
          tested.add(expects.value());
        }
      }
    }
    assertThat(EnumSet.complementOf(EnumSet.copyOf(tested))).as("messages without a test").isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Message.class)
  void everyTextIsPlainAndSaysTheFix(Message message) {
    String text = message.text(Collections.nCopies(8, "x").toArray());
    assertThat(text).as("%s without Markdown", message).doesNotContain("`", "**", "](");
    assertThat(text).as("%s: what is wrong, then the fix", message).containsPattern(": \\S");
  }

  /** The classes of this test package, read from its class directory. */
  private static List<Class<?>> testClasses() throws IOException, URISyntaxException {
    Path dir = Path.of(DiagnosticCatalogTest.class.getResource("").toURI());
    String pkg = DiagnosticCatalogTest.class.getPackageName();
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".class"))
          .map(n -> pkg + "." + n.substring(0, n.length() - ".class".length()))
          .<Class<?>>map(DiagnosticCatalogTest::load)
          .toList();
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, DiagnosticCatalogTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
