package io.mcumgr4j.bench;

import io.mcumgr4j.processor.MgmtProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.annotation.processing.Completion;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Load tool: the build time {@link MgmtProcessor} adds to a project with many groups. It writes the
 * sources of {@code --groups} {@code @MgmtGroup} interfaces of {@code --commands} commands each
 * (see {@link GroupSources}) into a temporary directory and compiles them in-process with the
 * system {@link JavaCompiler}, the classpath being this JVM's {@code java.class.path}, twice per
 * round: with a new {@link MgmtProcessor}, and with {@code -proc:none}. After {@code --warmup}
 * rounds it measures {@code --runs} rounds and prints the medians of
 *
 * <ul>
 *   <li>the wall time of each compilation,
 *   <li>their difference per round (what the processor costs a build: its own work plus
 *       javac's parsing, attribution and code generation of the sources it writes),
 *   <li>the time spent inside the processor's {@code init} and {@code process} calls alone,
 * </ul>
 *
 * <p>and counts the generated sources by kind. Run it with {@code java -cp
 * benchmarks/target/benchmarks.jar io.mcumgr4j.bench.ProcessorTime [--groups 100] [--commands 20]
 * [--warmup 2] [--runs 5]}; it needs a JDK (a JRE has no compiler).
 */
public final class ProcessorTime {

  private ProcessorTime() {}

  /** The options, with their defaults. */
  private record Options(int groups, int commands, int warmup, int runs) {
    static Options parse(String[] args) {
      Map<String, Integer> values = new TreeMap<>(Map.of("--groups", 100, "--commands", 20, "--warmup", 2, "--runs", 5));
      for (int i = 0; i < args.length; i += 2) {
        if (!values.containsKey(args[i]) || i + 1 == args.length) {
          throw new IllegalArgumentException("usage: ProcessorTime [--groups N] [--commands N] [--warmup N] [--runs N]");
        }
        values.put(args[i], Integer.parseInt(args[i + 1]));
      }
      Options o = new Options(values.get("--groups"), values.get("--commands"), values.get("--warmup"), values.get("--runs"));
      if (o.groups < 1 || o.groups > GroupSources.MAX_GROUPS || o.commands < 1 || o.commands > 256
          || o.warmup < 0 || o.runs < 1) {
        throw new IllegalArgumentException("need 1.." + GroupSources.MAX_GROUPS + " groups, 1..256 commands, "
            + "warmup >= 0 and runs >= 1: " + o);
      }
      return o;
    }
  }

  /**
   * One compilation.
   *
   * @param wallNanos the whole {@code CompilationTask.call()}
   * @param processorNanos inside the processor's {@code init} and {@code process}; 0 without it
   * @param generated the generated source files
   * @param classFiles the class files written
   */
  private record Compilation(long wallNanos, long processorNanos, List<Path> generated, long classFiles) {}

  public static void main(String[] args) throws IOException {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      System.err.println("no system Java compiler: run ProcessorTime on a JDK, not a JRE");
      System.exit(2);
      return;
    }
    Path root = Files.createTempDirectory("mcumgr4j-processor-time");
    try {
      List<Path> sources = GroupSources.write(root.resolve("src"), options.groups(), options.commands());
      System.out.printf(Locale.ROOT, "%d groups x %d commands: %d interface sources, %,d lines, in %s%n",
          options.groups(), options.commands(), sources.size(), lines(sources), root);
      System.out.printf(Locale.ROOT, "javac in-process (Java %s), %d warm-up and %d measured rounds, "
          + "each compiling with MgmtProcessor, then with -proc:none%n",
          System.getProperty("java.version"), options.warmup(), options.runs());

      List<Compilation> with = new ArrayList<>();
      List<Compilation> without = new ArrayList<>();
      for (int round = 0; round < options.warmup() + options.runs(); round++) {
        boolean warmup = round < options.warmup();
        Compilation w = compile(javac, sources, root.resolve("with"), true);
        Compilation n = compile(javac, sources, root.resolve("without"), false);
        System.out.printf(Locale.ROOT, "  %s %d: with processor %,6d ms (inside it %,5d ms), -proc:none %,6d ms%n",
            warmup ? "warm-up" : "round  ", warmup ? round + 1 : round - options.warmup() + 1,
            millis(w.wallNanos()), millis(w.processorNanos()), millis(n.wallNanos()));
        if (!warmup) {
          with.add(w);
          without.add(n);
        }
      }

      long withMedian = median(with.stream().mapToLong(Compilation::wallNanos).toArray());
      long withoutMedian = median(without.stream().mapToLong(Compilation::wallNanos).toArray());
      long[] differences = new long[with.size()];
      for (int i = 0; i < differences.length; i++) {
        differences[i] = with.get(i).wallNanos() - without.get(i).wallNanos();
      }
      long inside = median(with.stream().mapToLong(Compilation::processorNanos).toArray());
      Compilation last = with.get(with.size() - 1);
      System.out.println();
      System.out.printf(Locale.ROOT, "Summary (medians of %d rounds)%n", options.runs());
      System.out.printf(Locale.ROOT, "  compile with MgmtProcessor    %,7d ms%n", millis(withMedian));
      System.out.printf(Locale.ROOT, "  compile with -proc:none       %,7d ms%n", millis(withoutMedian));
      System.out.printf(Locale.ROOT, "  processor's time (difference) %,7d ms  (%.2f ms per group, %.3f ms per command)%n",
          millis(median(differences)), median(differences) / 1e6 / options.groups(),
          median(differences) / 1e6 / (options.groups() * options.commands()));
      System.out.printf(Locale.ROOT, "  inside MgmtProcessor alone    %,7d ms%n", millis(inside));
      System.out.printf(Locale.ROOT, "  class files written           %,7d with, %,d without%n",
          last.classFiles(), without.get(without.size() - 1).classFiles());
      System.out.printf(Locale.ROOT, "  generated sources             %,7d files %,9d lines%s%n",
          last.generated().size(), lines(last.generated()), byKind(last.generated()));
    } finally {
      delete(root);
    }
  }

  private static Compilation compile(JavaCompiler javac, List<Path> sources, Path out, boolean process)
      throws IOException {
    delete(out);
    Path classes = Files.createDirectories(out.resolve("classes"));
    Path generated = Files.createDirectories(out.resolve("generated"));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    TimedProcessor processor = process ? new TimedProcessor(new MgmtProcessor()) : null;
    long start;
    boolean ok;
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> arguments = new ArrayList<>(List.of(
          "-classpath", System.getProperty("java.class.path"),
          "-d", classes.toString(),
          "-s", generated.toString(),
          "-encoding", "UTF-8"));
      if (!process) {
        arguments.add("-proc:none");
      }
      JavaCompiler.CompilationTask task = javac.getTask(
          null, files, diagnostics, arguments, null, files.getJavaFileObjectsFromPaths(sources));
      if (process) {
        task.setProcessors(List.of(processor));
      }
      start = System.nanoTime();
      ok = task.call();
    }
    long wall = System.nanoTime() - start;
    if (!ok) {
      diagnostics.getDiagnostics().stream()
          .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
          .limit(20)
          .forEach(System.err::println);
      throw new IllegalStateException("compilation " + (process ? "with the processor" : "with -proc:none") + " failed");
    }
    return new Compilation(wall, process ? processor.nanos : 0, javaFiles(generated), count(classes, ".class"));
  }

  /**
   * Files and lines of the generated sources by kind: what follows the group interface's name,
   * e.g. {@code Dispatcher}.
   */
  private static String byKind(List<Path> generated) {
    Map<String, List<Path>> kinds = new TreeMap<>();
    for (Path p : generated) {
      String name = p.getFileName().toString();
      String kind = name.substring(name.indexOf("Mgmt") + "Mgmt".length(), name.length() - ".java".length());
      kinds.computeIfAbsent(kind, k -> new ArrayList<>()).add(p);
    }
    StringBuilder s = new StringBuilder();
    kinds.forEach((kind, files) -> s.append(String.format(Locale.ROOT, "%n    %-10s %4d files %,9d lines",
        kind, files.size(), lines(files))));
    return s.toString();
  }

  private static List<Path> javaFiles(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  private static long count(Path dir, String suffix) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(suffix)).count();
    }
  }

  private static long lines(List<Path> files) {
    long n = 0;
    for (Path p : files) {
      try (Stream<String> lines = Files.lines(p)) {
        n += lines.count();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return n;
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  private static long millis(long nanos) {
    return Math.round(nanos / 1e6);
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Delegates to a processor and adds up the time spent in its {@code init} and {@code process}. */
  private static final class TimedProcessor implements Processor {
    private final Processor delegate;
    private long nanos;

    TimedProcessor(Processor delegate) {
      this.delegate = delegate;
    }

    @Override
    public Set<String> getSupportedOptions() {
      return delegate.getSupportedOptions();
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return delegate.getSupportedSourceVersion();
    }

    @Override
    public void init(ProcessingEnvironment env) {
      long start = System.nanoTime();
      delegate.init(env);
      nanos += System.nanoTime() - start;
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      long start = System.nanoTime();
      try {
        return delegate.process(annotations, round);
      } finally {
        nanos += System.nanoTime() - start;
      }
    }

    @Override
    public Iterable<? extends Completion> getCompletions(
        Element element, AnnotationMirror annotation, ExecutableElement member, String userText) {
      return delegate.getCompletions(element, annotation, member, userText);
    }
  }
}
