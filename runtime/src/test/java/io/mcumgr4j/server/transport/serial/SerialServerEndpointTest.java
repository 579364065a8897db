package io.mcumgr4j.server.transport.serial;

import static io.mcumgr4j.serial.SerialFrameEncoderTest.counting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.client.ClientConfig;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.frame.SmpFrame;
import io.mcumgr4j.frame.SmpHeader;
import io.mcumgr4j.serial.SerialFrameDecoder;
import io.mcumgr4j.serial.SerialFrameEncoder;
import io.mcumgr4j.server.ServerConfig;
import io.mcumgr4j.server.SmpServer;
import io.mcumgr4j.server.TransportInfo;
import io.mcumgr4j.testing.EchoGroup;
import io.mcumgr4j.testing.PipeLink;
import io.mcumgr4j.transport.serial.SerialTransport;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SerialServerEndpointTest {

  private static final int BUF_SIZE = 384;

  private final PipeLink link = new PipeLink();
  private final ByteArrayOutputStream serverWire = new ByteArrayOutputStream();
  private final EchoGroup echo = new EchoGroup();
  private SmpServer server;
  private SerialServerEndpoint endpoint;

  @BeforeEach
  void setUp() {
    server = new SmpServer(ServerConfig.DEFAULT.withBufSize(BUF_SIZE).withBufCount(4));
    server.register(echo);
    endpoint = new SerialServerEndpoint(server, link.bIn, new Tee(link.bOut, serverWire), "pipe").start();
  }

  @AfterEach
  void tearDown() {
    endpoint.close();
    server.close();
  }

  @Test
  void clientAndServerTalkThroughConsoleFrames() throws Exception {
    try (SmpClient client = client()) {
      for (int size : new int[] {0, 50, 200}) {
        SmpFrame reply = client.send(Op.WRITE, EchoGroup.GROUP, 0, EchoGroup.request(counting(size)));
        assertThat(EchoGroup.responseData(reply)).isEqualTo(counting(size));
      }
    }
    assertThat(echo.lastTransport).isEqualTo(new TransportInfo("serial", "pipe", BUF_SIZE));
  }

  @Test
  void requestFillingTheBufferIsServedInZephyrFraming() throws Exception {
    byte[] data = counting(BUF_SIZE - 4 - EchoGroup.REQUEST_OVERHEAD); // request body == buf_size
    try (SmpClient client = client()) {
      SmpFrame reply = client.send(Op.WRITE, EchoGroup.GROUP, 0, EchoGroup.request(data));
      assertThat(EchoGroup.responseData(reply)).isEqualTo(data);
      synchronized (serverWire) {
        assertThat(serverWire.toByteArray()).isEqualTo(SerialFrameEncoder.zephyr().encode(reply.encode()));
      }
    }
  }

  @Test
  void requestOverTheBufferIsDroppedSilently() throws Exception {
    BlockingQueue<byte[]> replies = new LinkedBlockingQueue<>();
    try (SerialTransport transport = new SerialTransport(link.aIn, link.aOut)) {
      transport.start(replies::add);
      byte[] tooLong = counting(BUF_SIZE - 3 - EchoGroup.REQUEST_OVERHEAD);
      transport.send(SmpFrame.of(Op.WRITE.code(), 1, EchoGroup.GROUP, 1, 0, EchoGroup.request(tooLong)).encode());
      transport.send(SmpFrame.of(Op.WRITE.code(), 1, EchoGroup.GROUP, 2, 0, EchoGroup.request(counting(5))).encode());

      byte[] reply = replies.poll(10, TimeUnit.SECONDS);
      assertThat(reply).isNotNull();
      assertThat(SmpHeader.decode(reply).sequence()).isEqualTo(2);
      assertThat(endpoint.dropCounts().get(SerialFrameDecoder.Drop.BODY_TOO_LONG)).isEqualTo(1);
      assertThat(replies).isEmpty();
    }
  }

  @Test
  void startsOnceAndClosesIdempotently() {
    assertThatThrownBy(endpoint::start).isInstanceOf(IllegalStateException.class);
    endpoint.close();
    endpoint.close();
  }

  private SmpClient client() throws IOException {
    return new SmpClient(
        new SerialTransport(link.aIn, link.aOut), ClientConfig.DEFAULT.withTimeout(Duration.ofSeconds(10)));
  }

  /** Copies what the server writes, so the test can check the framing on the wire. */
  private static final class Tee extends FilterOutputStream {
    private final ByteArrayOutputStream copy;

    Tee(OutputStream out, ByteArrayOutputStream copy) {
      super(out);
      this.copy = copy;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      synchronized (copy) {
        copy.write(b, off, len);
      }
      out.write(b, off, len);
    }
  }
}
