package io.mcumgr4j.processor;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;

/** Loads the classes a compile-testing compilation wrote, over the test's own class path. */
final class GeneratedClasses extends ClassLoader {

  private final Map<String, JavaFileObject> classes = new HashMap<>();

  GeneratedClasses(Compilation compilation) {
    super(GeneratedClasses.class.getClassLoader());
    for (JavaFileObject f : compilation.generatedFiles()) {
      if (f.getKind() == JavaFileObject.Kind.CLASS) {
        // names look like /CLASS_OUTPUT/test/GCodec.class
        String path = f.getName().substring(f.getName().indexOf('/', 1) + 1);
        classes.put(path.substring(0, path.length() - ".class".length()).replace('/', '.'), f);
      }
    }
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    JavaFileObject f = classes.get(name);
    if (f == null) {
      throw new ClassNotFoundException(name);
    }
    try (InputStream in = f.openInputStream()) {
      byte[] bytes = in.readAllBytes();
      return defineClass(name, bytes, 0, bytes.length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
