package io.mcumgr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code mcumgr4j serve} in a child JVM on this test's class path, its output read line by line
 * (standard error merged in) so a test can wait for what it prints.
 */
final class ServeProcess implements AutoCloseable {

  /** Bound on each wait: a cold JVM start on a loaded CI machine, not an expected duration. */
  static final long WAIT_SECONDS = 60;

  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> seen = new ArrayList<>();

  private ServeProcess(Process process) {
    this.process = process;
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          lines.add(line);
        }
      } catch (IOException e) {
        // the process is gone; waitFor reports how it ended
      }
    }, "serve-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code mcumgr4j serve ARGS...} with {@code env} added to the environment. */
  static ServeProcess start(Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    return new ServeProcess(builder.start());
  }

  static ServeProcess start(String... args) throws IOException {
    return start(Map.of(), args);
  }

  /** Waits (boundedly) for a line containing {@code marker}; returns it. */
  String awaitLine(String marker) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (System.nanoTime() < deadline) {
      String line = lines.poll(100, TimeUnit.MILLISECONDS);
      if (line != null) {
        seen.add(line);
        if (line.contains(marker)) {
          return line;
        }
      } else if (!process.isAlive() && lines.isEmpty()) {
        break;
      }
    }
    throw new AssertionError("no line containing '" + marker + "'; output so far: " + seen);
  }

  /** The lines {@link #awaitLine} has read so far. */
  List<String> seen() {
    return List.copyOf(seen);
  }

  /** Sends SIGTERM and returns the exit code once the process has ended (boundedly). */
  int terminate() throws InterruptedException {
    process.destroy();
    return exitCode();
  }

  /** The exit code, waiting (boundedly) for the process to end. */
  int exitCode() throws InterruptedException {
    assertThat(process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).as("serve ended; output: %s", seen).isTrue();
    return process.exitValue();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
