package io.mcumgr4j.transport.serial;

import static io.mcumgr4j.serial.SerialFrameEncoderTest.counting;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.client.ClientConfig;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.frame.SmpFrame;
import io.mcumgr4j.serial.Closing;
import io.mcumgr4j.serial.PtyPair;
import io.mcumgr4j.serial.SerialFrameDecoder;
import io.mcumgr4j.serial.SerialFrameEncoder;
import io.mcumgr4j.serial.SerialPorts;
import io.mcumgr4j.server.ServerConfig;
import io.mcumgr4j.server.SmpServer;
import io.mcumgr4j.server.transport.serial.SerialServerEndpoint;
import io.mcumgr4j.testing.EchoGroup;
import io.mcumgr4j.testing.Ptys;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real serial ports: a pty pair made by socat, opened through jSerialComm. Skipped (not passed)
 * when socat is not installed.
 */
class SerialPtyTest {

  private static final long WAIT_SECONDS = 10;

  private PtyPair pty;
  private SerialPorts.Port a;
  private SerialPorts.Port b;

  @BeforeEach
  void openPtyPair() throws Exception {
    pty = Ptys.openOrSkip();
    a = SerialPorts.open(pty.clientEnd().toString(), Ptys.BAUD);
    b = SerialPorts.open(pty.serverEnd().toString(), Ptys.BAUD);
  }

  @AfterEach
  void closePtyPair() {
    Closing.quietly(a, b, pty);
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
  @Test
  void aPortOpenedAtABaudRateKnowsHowLongAPacketTakesAndStreamsDoNot() throws Exception {
    try (SerialTransport port = SerialTransport.over(a, SerialTransport.DEFAULT_MTU, null);
        SerialTransport streams = new SerialTransport(InputStream.nullInputStream(), OutputStream.nullOutputStream())) {
      // 2048 bytes with length and CRC are 2052, in 23 lines of base64 between a 2-byte marker and
      // a newline: 2736 + 23 * 3 characters, ten bits each at 115200 baud
      assertThat(SerialFrameEncoder.client().encodedLength(2048)).isEqualTo(2805);
      assertThat(port.transmitNanos(2048)).isEqualTo(2805L * 10 * 1_000_000_000L / Ptys.BAUD);
      assertThat(streams.transmitNanos(2048)).isZero();
    }
  }

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
}
