package io.mcumgr4j.transport.serial;

import static io.mcumgr4j.transport.serial.SerialFrameEncoderTest.counting;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.client.ClientConfig;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.frame.SmpFrame;
import io.mcumgr4j.server.ServerConfig;
import io.mcumgr4j.server.SmpServer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real serial ports: a pty pair made by socat, opened through jSerialComm. Skipped (not passed)
 * when socat is not installed.
 */
class SerialPtyTest {

  private static final int BAUD = 115200;
  private static final long WAIT_SECONDS = 10;

  @TempDir Path dir;
  private Process socat;
  private SerialPorts.Port a;
  private SerialPorts.Port b;

  @BeforeEach
  void openPtyPair() throws Exception {
    Optional<Path> executable = onPath("socat");
    Assumptions.assumeTrue(
        executable.isPresent(),
        "socat is not on the PATH: install the Debian package 'socat' (apt-get install socat) to run the pty tests");
    Path pathA = dir.resolve("a");
    Path pathB = dir.resolve("b");
    Path log = dir.resolve("socat.log");
    socat =
        new ProcessBuilder(
                executable.get().toString(),
                "-d",
                "-d",
                "pty,raw,echo=0,link=" + pathA,
                "pty,raw,echo=0,link=" + pathB)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (!(Files.exists(pathA) && Files.exists(pathB))) {
      assertThat(socat.isAlive()).as("socat running; its log: %s", readQuietly(log)).isTrue();
      assertThat(System.nanoTime()).as("socat made the ptys in time").isLessThan(deadline);
      Thread.sleep(20);
    }
    a = SerialPorts.open(pathA.toString(), BAUD);
    b = SerialPorts.open(pathB.toString(), BAUD);
  }

  @AfterEach
  void closePtyPair() throws InterruptedException {
    Closing.quietly(a, b);
    if (socat != null) {
      socat.destroy();
      socat.waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
    }
  }

  @Test
  void framesCrossThePtyBothWays() throws Exception {
    BlockingQueue<byte[]> atA = new LinkedBlockingQueue<>();
    BlockingQueue<byte[]> atB = new LinkedBlockingQueue<>();
    pump(a.input(), new SerialFrameDecoder(SerialFrameDecoder.MAX_BODY, atA::add));
    pump(b.input(), new SerialFrameDecoder(SerialFrameDecoder.MAX_BODY, atB::add));

    int[] sizes = {8, 300, 2044};
    for (int size : sizes) {
      a.output().write(SerialFrameEncoder.client().encode(counting(size)));
      b.output().write(SerialFrameEncoder.zephyr().encode(counting(size + 1)));
    }
    a.output().flush();
    b.output().flush();

    for (int size : sizes) {
      assertThat(atB.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(counting(size));
      assertThat(atA.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(counting(size + 1));
    }
  }

  @Test
  void clientAndServerTalkOverThePty() throws Exception {
    try (SmpServer server = new SmpServer(ServerConfig.DEFAULT.withBufSize(2048).withBufCount(4));
        SerialServerEndpoint endpoint = SerialServerEndpoint.over(server, b).start();
        SmpClient client =
            new SmpClient(
                SerialTransport.over(a, SerialTransport.DEFAULT_MTU, null),
                ClientConfig.DEFAULT.withTimeout(Duration.ofSeconds(WAIT_SECONDS)))) {
      server.register(new EchoGroup());
      for (int size : new int[] {1, 500, 2048 - 4 - EchoGroup.REQUEST_OVERHEAD}) {
        SmpFrame reply = client.send(Op.WRITE, EchoGroup.GROUP, 0, EchoGroup.request(counting(size)));
        assertThat(EchoGroup.responseData(reply)).isEqualTo(counting(size));
      }
      assertThat(endpoint.dropCounts().values()).allMatch(n -> n == 0);
    }
  }

  /** Feeds everything read from {@code in} to {@code decoder} on a daemon thread until EOF. */
  private static void pump(InputStream in, SerialFrameDecoder decoder) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[512];
              try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                  decoder.feed(buffer, 0, n);
                }
              } catch (IOException e) {
                // the port was closed under the read: the test is over
              }
            },
            "pty-test-reader");
    t.setDaemon(true);
    t.start();
  }

  private static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    return Stream.of(path.split(File.pathSeparator))
        .map(d -> Path.of(d, name))
        .filter(Files::isExecutable)
        .findFirst();
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }
}
