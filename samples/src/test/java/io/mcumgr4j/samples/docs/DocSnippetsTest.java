package io.mcumgr4j.samples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles every {@code ```java} block of the user guide ({@code docs/*.md} and the README), so the
 * docs and the code cannot drift apart. The rules a snippet follows:
 *
 * <ul>
 *   <li>it starts with its imports, static ones first, each block sorted, and compiles with them
 *       alone: nothing is imported for it, since readers copy the imports with the code;
 *   <li>top-level types (class, interface, record, enum) are compiled as declared, in a package of
 *       the snippet's own; the statements around them go into a method body, so they must declare
 *       every variable they use ({@code // ...} where code is left out, never a bare {@code ...});
 *   <li>it compiles with the processor (named with {@code -processor}: from JDK 23 on, javac runs
 *       none it only finds on the class path) and without a warning under the build's lint set,
 *       {@code -Xlint:all,-processing,-serial} ({@code processing}: the processor claims no
 *       annotation), less {@code try}: a snippet's try block often holds only {@code // ...};
 *   <li>a block fenced {@code ```java run} is also run (its statements), and what it prints with
 *       {@code System.out.println(...); // text} must be that text, line by line;
 *   <li>a block fenced {@code ```java generated:Name} is an excerpt of the generated source {@code
 *       Name.java} in a module's {@code target/generated-sources/annotations}, named in the test's
 *       name: its lines must appear there in order (a line of comment alone, such as {@code //
 *       ...}, marks a gap; a comment after code is a note and not compared) instead of being
 *       compiled.
 * </ul>
 */
class DocSnippetsTest {

  private static final Pattern FENCE = Pattern.compile("^```java( run| generated:(\\w+))?\\s*$");
  private static final Pattern PRINTED = Pattern.compile("System\\.out\\.println\\(.*\\);\\s*// (.*)$");
  /** The line that declares a top-level type (its annotations stand on the lines before it). */
  private static final Pattern TOP_LEVEL_TYPE = Pattern.compile(
      "^((?:public |final |abstract |sealed |non-sealed )*)(class|interface|record|enum|@interface) (\\w+)");

  @TempDir static Path out;

  /** One block of a Markdown file. */
  record Snippet(Path file, int line, String code, String generated, boolean run) {
    String name() {
      return root().relativize(file) + ":" + line;
    }

    String packageName() {
      return "snippets." + file.getFileName().toString().replaceAll("\\W", "_").toLowerCase(Locale.ROOT) + "_l" + line;
    }
  }

  @TestFactory
  Stream<DynamicTest> everyJavaSnippetCompiles() throws IOException {
    return snippets().stream().filter(s -> s.generated() == null).map(s -> DynamicTest.dynamicTest(s.name(), () -> {
      assertThat(importProblems(s)).as("%s: its imports", s.name()).isEmpty();
      assertThat(compile(s)).as("%s:%n%s", s.name(), s.code()).isEmpty();
      if (s.run()) {
        List<String> expected = s.code().lines().map(PRINTED::matcher).filter(Matcher::find).map(m -> m.group(1).strip())
            .toList();
        assertThat(run(s)).as("what %s prints", s.name()).isEqualTo(expected);
      }
    }));
  }

  /** What breaks the rule on imports: they open the snippet, static ones first, each block sorted. */
  private static List<String> importProblems(Snippet s) {
    List<String> lines = s.code().lines().toList();
    int at = 0;
    while (at < lines.size() && (lines.get(at).isBlank() || lines.get(at).startsWith("import "))) {
      at++;
    }
    List<String> problems = new ArrayList<>();
    for (int i = at; i < lines.size(); i++) {
      if (lines.get(i).startsWith("import ")) {
        problems.add("line " + (s.line() + i) + ": an import after code: " + lines.get(i));
      }
    }
    List<String> imports = lines.subList(0, at).stream().filter(l -> !l.isBlank())
        .map(l -> l.substring("import ".length()).replace(";", "").strip()).toList();
    List<String> sorted = imports.stream()
        .sorted(Comparator.comparing((String name) -> !name.startsWith("static ")).thenComparing(Comparator.naturalOrder()))
        .toList();
    if (!imports.equals(sorted)) {
      problems.add("imports not in order (static first, each block sorted): " + sorted);
    }
    return problems;
  }

  /** Runs the snippet's statements and returns the lines it printed. */
  private static List<String> run(Snippet s) throws Exception {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {out.resolve(s.packageName()).toUri().toURL()},
        DocSnippetsTest.class.getClassLoader())) {
      Class<?> type = loader.loadClass(s.packageName() + ".Snippet");
      Constructor<?> ctor = type.getDeclaredConstructor();
      ctor.setAccessible(true);
      Method run = type.getDeclaredMethod("run");
      run.setAccessible(true);
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      PrintStream stdout = System.out;
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      try {
        run.invoke(ctor.newInstance());
      } finally {
        System.setOut(stdout);
      }
      return printed.toString(StandardCharsets.UTF_8).lines().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyGeneratedExcerptMatchesTheGeneratedSource() throws IOException {
    return snippets().stream().filter(s -> s.generated() != null)
        .map(s -> DynamicTest.dynamicTest(s.name() + " in " + s.generated() + ".java", () -> assertExcerpt(s)));
  }

  /** Finds the excerpt's lines, in order, in the generated source it names. */
  private static void assertExcerpt(Snippet s) throws IOException {
    Path source = generatedSource(s.generated());
    List<String> have = Files.readAllLines(source).stream().map(String::strip).toList();
    int at = 0;
    // a comment after code is a note for the reader; a line of comment alone marks a gap
    for (String line : s.code().lines().map(l -> l.replaceFirst("\\s+// .*$", "").strip()).toList()) {
      if (line.isEmpty() || line.startsWith("//")) {
        continue;
      }
      int found = have.subList(at, have.size()).indexOf(line);
      assertThat(found).as("%s: '%s' in %s, after line %d", s.name(), line, source, at).isNotNegative();
      at += found + 1;
    }
  }

  /** The ```java blocks of docs/*.md and README.md, in file order. */
  private static List<Snippet> snippets() throws IOException {
    List<Path> files = new ArrayList<>();
    files.add(root().resolve("README.md"));
    try (Stream<Path> docs = Files.list(root().resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    List<Snippet> out = new ArrayList<>();
    for (Path file : files) {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = FENCE.matcher(lines.get(i));
        if (!m.matches()) {
          continue;
        }
        int start = i + 1;
        int end = start;
        while (!lines.get(end).startsWith("```")) {
          end++;
        }
        out.add(new Snippet(file, start, String.join("\n", lines.subList(start, end)) + "\n", m.group(2),
            " run".equals(m.group(1))));
        i = end;
      }
    }
    return out;
  }

  /**
   * Compiles one snippet with the processor, alone (javac stops before type checking when any file
   * of a run does not parse, so a shared run could hide errors); its errors and warnings.
   */
  private static List<String> compile(Snippet s) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    String classpath = System.getProperty("java.class.path");
    Path classes = Files.createDirectories(out.resolve(s.packageName()));
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options = List.of("-d", classes.toString(), "-s", classes.toString(),
          "-classpath", classpath, "-processorpath", classpath, "-processor", "io.mcumgr4j.processor.MgmtProcessor",
          "-Xlint:all,-processing,-serial,-try", "-implicit:class");
      javac.getTask(null, files, diagnostics, options, null, List.of(source(s))).call();
    }
    List<String> problems = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() != Diagnostic.Kind.NOTE) {
        problems.add(d.getKind() + " line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT)
            + (d.getSource() == null ? "" : " (" + d.getSource().getName() + ")"));
      }
    }
    return problems;
  }

  /**
   * The snippet as a compilation unit: its package, its imports, its top-level types, and the
   * statements around them in a method of a class of their own. A file holds one public type, so a
   * second one loses {@code public}.
   */
  private static JavaFileObject source(Snippet s) {
    List<String> imports = new ArrayList<>();
    List<String> types = new ArrayList<>();
    List<String> statements = new ArrayList<>();
    List<String> lines = s.code().lines().toList();
    String publicType = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("import ")) {
        imports.add(line);
        continue;
      }
      int end = typeEnd(lines, i);
      if (end < 0) {
        statements.add(line);
        continue;
      }
      List<String> type = new ArrayList<>(lines.subList(i, end + 1));
      for (int k = 0; k < type.size(); k++) {
        Matcher m = TOP_LEVEL_TYPE.matcher(type.get(k));
        if (m.find()) {
          if (m.group(1).contains("public")) {
            if (publicType == null) {
              publicType = m.group(3);
            } else {
              type.set(k, type.get(k).replaceFirst("public ", ""));
            }
          }
          break;
        }
      }
      types.addAll(type);
      i = end;
    }
    String unit = "package " + s.packageName() + ";\n\n" + String.join("\n", imports) + "\n\n" + String.join("\n", types)
        + "\n\nfinal class Snippet {\n  void run() throws Exception {\n" + String.join("\n", statements) + "\n  }\n}\n";
    String fileName = (publicType != null ? publicType : "Snippet") + ".java";
    URI uri = URI.create("string:///" + s.packageName().replace('.', '/') + "/" + fileName);
    return new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return unit;
      }
    };
  }

  /**
   * The last line of the top-level type declaration starting at line {@code i} (annotations first,
   * at column 0), or -1 when none starts there.
   */
  private static int typeEnd(List<String> lines, int i) {
    int j = i;
    int parens = 0;
    // annotations, which may run over several lines until their parentheses close
    while (j < lines.size() && (parens > 0 || lines.get(j).startsWith("@"))) {
      for (char c : lines.get(j).toCharArray()) {
        parens += c == '(' ? 1 : c == ')' ? -1 : 0;
      }
      j++;
    }
    if (j >= lines.size() || !TOP_LEVEL_TYPE.matcher(lines.get(j)).find()) {
      return -1;
    }
    int depth = 0;
    boolean opened = false;
    for (int k = i; k < lines.size(); k++) {
      String code = lines.get(k).replaceAll("\"(?:\\\\.|[^\"\\\\])*\"|//.*", "");
      for (char c : code.toCharArray()) {
        if (c == '{') {
          depth++;
          opened = true;
        } else if (c == '}') {
          depth--;
        }
      }
      if (opened && depth == 0) {
        return k;
      }
    }
    return lines.size() - 1;
  }

  /** The generated source {@code name}.java under a module's target/generated-sources/annotations. */
  private static Path generatedSource(String name) throws IOException {
    try (Stream<Path> all = Files.walk(root(), 12)) {
      // the modules' own packages: consumer/ and other projects beside them may generate the same names
      List<Path> found = all.filter(p -> p.getFileName().toString().equals(name + ".java")
          && p.toString().contains("/target/generated-sources/annotations/io/mcumgr4j/"))
          .collect(Collectors.toList());
      assertThat(found).as("generated %s.java (build the modules first)", name).hasSize(1);
      return found.get(0);
    }
  }

  /** The repository's root: the nearest folder up from here that holds docs/. */
  private static Path root() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("docs")) && Files.exists(p.resolve("README.md"))) {
        return p;
      }
    }
    throw new UncheckedIOException(new IOException("no docs/ above " + Path.of("").toAbsolutePath()));
  }
}
