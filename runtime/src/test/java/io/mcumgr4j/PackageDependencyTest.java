package io.mcumgr4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Holds the runtime's package layout (docs/runtime.md, "Packages and who may import whom") by
 * reading the import lines of every main source file: each package imports only what its row
 * allows, and no packages import each other, directly or through others.
 */
class PackageDependencyTest {

  private static final Path SOURCES = Path.of("src/main/java");
  private static final Pattern IMPORT = Pattern.compile("^import (?:static )?io\\.mcumgr4j\\.([a-z.]+)\\.[A-Z]", Pattern.MULTILINE);

  /** Package (below io.mcumgr4j) to the packages it may import, besides java.* and annotation. */
  private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
      Map.entry("frame", Set.of()),
      Map.entry("error", Set.of("frame")),
      Map.entry("cbor", Set.of("error")),
      Map.entry("callback", Set.of("error")),
      Map.entry("serial", Set.of("frame")),
      Map.entry("gatt", Set.of("frame")),
      Map.entry("transport", Set.of("frame")),
      Map.entry("transport.udp", Set.of("transport", "frame")),
      Map.entry("transport.serial", Set.of("transport", "frame", "serial")),
      Map.entry("transport.tcp", Set.of("transport", "transport.serial")),
      Map.entry("transport.ble", Set.of("transport", "frame", "gatt")),
      Map.entry("client", Set.of("frame", "cbor", "error", "transport")),
      Map.entry("server", Set.of("frame", "cbor", "error", "callback")),
      Map.entry("server.transport.udp", Set.of("server", "frame")),
      Map.entry("server.transport.serial", Set.of("server", "frame", "serial")),
      Map.entry("server.transport.tcp", Set.of("server", "server.transport.serial")),
      Map.entry("server.transport.memory", Set.of("server", "frame", "transport")),
      Map.entry("server.transport.ble", Set.of("server", "gatt", "transport.ble")));

  @Test
  void everyPackageImportsOnlyWhatItsRowAllows() throws IOException {
    Map<String, Set<String>> imports = imports();
    assertThat(ALLOWED.keySet()).as("packages the table knows").containsAll(imports.keySet());
    List<String> violations = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : imports.entrySet()) {
      for (String imported : e.getValue()) {
        if (!imported.equals(e.getKey()) && !imported.equals("annotation")
            && !ALLOWED.get(e.getKey()).contains(imported)) {
          violations.add(e.getKey() + " imports " + imported + " (" + where(e.getKey(), imported) + ")");
        }
      }
    }
    assertThat(violations).as("imports outside the table").isEmpty();
  }

  @Test
  void noPackagesImportEachOther() throws IOException {
    Map<String, Set<String>> graph = imports();
    for (String start : graph.keySet()) {
      // every package reachable from start must not reach start again
      Set<String> seen = new HashSet<>();
      List<String> todo = new ArrayList<>(graph.get(start));
      while (!todo.isEmpty()) {
        String p = todo.remove(todo.size() - 1);
        if (p.equals(start) || !seen.add(p)) {
          continue;
        }
        assertThat(graph.getOrDefault(p, Set.of())).as("%s reaches %s, which imports it back", start, p)
            .doesNotContain(start);
        todo.addAll(graph.getOrDefault(p, Set.of()));
      }
    }
  }

  @Test
  void theClientSideNeverImportsTheServerSide() throws IOException {
    imports().forEach((pkg, imported) -> {
      if (pkg.startsWith("transport") || pkg.startsWith("client")) {
        assertThat(imported).as(pkg).noneMatch(p -> p.startsWith("server") || p.equals("callback"));
      }
    });
  }

  /** Package to the io.mcumgr4j packages its files import (itself left out). */
  private static Map<String, Set<String>> imports() throws IOException {
    Map<String, Set<String>> out = new TreeMap<>();
    for (Path file : javaFiles()) {
      String pkg = packageOf(file);
      Set<String> set = out.computeIfAbsent(pkg, k -> new TreeSet<>());
      Matcher m = IMPORT.matcher(Files.readString(file));
      while (m.find()) {
        if (!m.group(1).equals(pkg)) {
          set.add(m.group(1));
        }
      }
    }
    return out;
  }

  private static String where(String pkg, String imported) throws IOException {
    List<String> files = new ArrayList<>();
    for (Path file : javaFiles()) {
      if (packageOf(file).equals(pkg)
          && Files.readString(file).contains("import io.mcumgr4j." + imported + ".")) {
        files.add(SOURCES.relativize(file).toString());
      }
    }
    return String.join(", ", files);
  }

  private static List<Path> javaFiles() throws IOException {
    try (Stream<Path> walk = Files.walk(SOURCES.resolve("io/mcumgr4j"))) {
      return walk.filter(p -> p.toString().endsWith(".java") && !p.endsWith("package-info.java")).toList();
    }
  }

  private static String packageOf(Path file) {
    return SOURCES.resolve("io/mcumgr4j").relativize(file.getParent()).toString().replace('/', '.');
  }
}
