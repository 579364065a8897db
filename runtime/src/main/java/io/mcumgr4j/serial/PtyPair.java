package io.mcumgr4j.serial;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A pseudo-terminal pair made by Debian's {@code socat} ({@code socat -d -d pty,raw,echo=0,link=A
 * pty,raw,echo=0,link=B}): bytes written to one end come out of the other, as over a null-modem
 * cable. The links live in a temporary directory; {@link #close()} stops socat and removes it.
 * {@code mcumgr4j serve --pty} serves a device on one end, and the tests use pairs as real serial
 * ports (open either end with {@link SerialPorts#open}).
 */
public final class PtyPair implements AutoCloseable {

  /** How long socat may take to make both ptys (normally milliseconds). */
  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

  private final Process socat;
  private final Path dir;
  private final Path serverEnd;
  private final Path clientEnd;

  private PtyPair(Process socat, Path dir, Path serverEnd, Path clientEnd) {
    this.socat = socat;
    this.dir = dir;
    this.serverEnd = serverEnd;
    this.clientEnd = clientEnd;
  }

  /**
   * Starts socat and waits (boundedly) until both links exist.
   *
   * @throws SocatMissingException if {@code socat} is not on the {@code PATH}
   * @throws IOException if socat fails or is too slow; the message carries its log
   */
  public static PtyPair create() throws IOException, InterruptedException {
    Path executable = onPath("socat").orElseThrow(SocatMissingException::new);
    Path dir = Files.createTempDirectory("mcumgr4j-pty");
    Path serverEnd = dir.resolve("device");
    Path clientEnd = dir.resolve("client");
    Path log = dir.resolve("socat.log");
    Process socat = new ProcessBuilder(executable.toString(), "-d", "-d",
        "pty,raw,echo=0,link=" + serverEnd, "pty,raw,echo=0,link=" + clientEnd)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    PtyPair pair = new PtyPair(socat, dir, serverEnd, clientEnd);
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!(Files.exists(serverEnd) && Files.exists(clientEnd))) {
      if (!socat.isAlive() || System.nanoTime() > deadline) {
        String why = socat.isAlive() ? "did not make the ptys in " + START_TIMEOUT.toSeconds() + " s"
            : "exited with " + socat.exitValue();
        String output = Files.readString(log, StandardCharsets.UTF_8).strip();
        pair.close();
        throw new IOException("socat " + why + (output.isEmpty() ? "" : ": " + output));
      }
      Thread.sleep(20);
    }
    return pair;
  }

  /** The end a device (server) serves on. */
  public Path serverEnd() {
    return serverEnd;
  }

  /** The end a client opens. */
  public Path clientEnd() {
    return clientEnd;
  }

  /** Stops socat (which removes the links) and deletes the directory. Idempotent. */
  @Override
  public void close() {
    socat.destroy();
    try {
      if (!socat.waitFor(5, TimeUnit.SECONDS)) {
        socat.destroyForcibly();
      }
    } catch (InterruptedException e) {
      socat.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a temporary directory left behind is harmless; the device has stopped either way
    }
  }

  private static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    return List.of(path.split(File.pathSeparator)).stream()
        .map(d -> Path.of(d, name))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /** {@code socat} is not installed; the message says which package to install. */
  public static final class SocatMissingException extends IOException {
    private static final long serialVersionUID = 1L;

    SocatMissingException() {
      super("a pty pair needs socat, which is not on the PATH: install the Debian package 'socat' "
          + "(apt-get install socat)");
    }
  }
}
