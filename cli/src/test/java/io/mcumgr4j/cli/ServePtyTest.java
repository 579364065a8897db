package io.mcumgr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcumgr4j.client.ClientConfig;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.groups.os.OsMgmtClient;
import io.mcumgr4j.transport.serial.SerialTransport;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mcumgr4j serve --pty}: the device on one end of a socat pty pair, a client on the other. */
class ServePtyTest {

  private static final ClientConfig CONFIG = ClientConfig.DEFAULT.withTimeout(Duration.ofSeconds(5));

  @TempDir Path dir;

  @Test
  void servesOnAPtyAndRemovesItOnExit() throws Exception {
    Assumptions.assumeTrue(socatOnPath(),
        "socat is not on the PATH: install the Debian package 'socat' (apt-get install socat) to run this test");
    Path clientEnd;
    try (ServeProcess serve = ServeProcess.start("--pty", "--data-dir", dir.resolve("device").toString())) {
      String line = serve.awaitLine("client pty: ");
      clientEnd = Path.of(line.substring("client pty: ".length(), line.indexOf(" (--conn")));
      try (SmpClient smp = new SmpClient(SerialTransport.open(clientEnd.toString(), 115200), CONFIG)) {
        OsMgmtClient os = new OsMgmtClient(smp);
        assertThat(os.echo("over the pty").text()).isEqualTo("over the pty");
        assertThat(os.echo("x".repeat(1500)).text()).hasSize(1500); // several frame lines each way
        assertThat(os.params().bufSize()).isEqualTo(2048);
      }
      assertThat(serve.terminate()).isIn(0, 143);
    }
    // socat was stopped and its directory deleted by the shutdown hook
    assertThat(clientEnd.getParent()).doesNotExist();
  }

  @Test
  void missingSocatIsAOneLineErrorNamingThePackage() throws Exception {
    Path emptyBin = Files.createDirectories(dir.resolve("empty-bin"));
    try (ServeProcess serve = ServeProcess.start(Map.of("PATH", emptyBin.toString()), "--pty",
        "--data-dir", dir.resolve("device").toString())) {
      assertThat(serve.awaitLine("mcumgr4j:")).contains("socat").contains("apt-get install socat");
      assertThat(serve.exitCode()).isEqualTo(ExitCodes.FAILURE);
    }
  }

  private static boolean socatOnPath() {
    String path = System.getenv("PATH");
    return path != null && Stream.of(path.split(File.pathSeparator))
        .anyMatch(d -> Files.isExecutable(Path.of(d, "socat")));
  }
}
