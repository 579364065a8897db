package io.mcumgr4j.bluez;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A D-Bus daemon of the test's own on a socket in a temporary folder, so that a fake org.bluez can
 * take the name without a system bus, root or a radio. Skips the test where Debian's {@code
 * dbus-daemon} package is not installed.
 */
final class PrivateBus implements AutoCloseable {

  private static final Path DAEMON = Path.of("/usr/bin/dbus-daemon");

  private final Process process;
  private final String address;

  private PrivateBus(Process process, String address) {
    this.process = process;
    this.address = address;
  }

  static PrivateBus start(Path dir) throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(DAEMON),
        "no " + DAEMON + ": install Debian's dbus-daemon package to run the BlueZ tests");
    Path config = dir.resolve("bus.conf");
    Files.writeString(config, """
        <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
         "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
        <busconfig>
          <type>session</type>
          <listen>unix:path=%s</listen>
          <auth>EXTERNAL</auth>
          <policy context="default">
            <allow send_destination="*" eavesdrop="true"/>
            <allow eavesdrop="true"/>
            <allow own="*"/>
          </policy>
        </busconfig>
        """.formatted(dir.resolve("bus")));
    Process process = new ProcessBuilder(DAEMON.toString(), "--config-file=" + config, "--nofork", "--print-address")
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    try {
      String address = CompletableFuture.supplyAsync(() -> {
        try {
          return out.readLine();
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }).get(5, TimeUnit.SECONDS);
      if (address == null) {
        throw new IOException("dbus-daemon exited without an address: " + process.waitFor());
      }
      return new PrivateBus(process, address.trim());
    } catch (ExecutionException | TimeoutException e) {
      process.destroyForcibly();
      throw new IOException("dbus-daemon did not print its address", e);
    }
  }

  String address() {
    return address;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
