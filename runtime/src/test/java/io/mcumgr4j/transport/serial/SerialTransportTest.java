package io.mcumgr4j.transport.serial;

import static io.mcumgr4j.serial.SerialFrameEncoderTest.counting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.serial.SerialFrameDecoder;
import io.mcumgr4j.serial.SerialFrameEncoder;
import io.mcumgr4j.testing.PipeLink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SerialTransportTest {

  private final PipeLink link = new PipeLink();
  private final BlockingQueue<byte[]> atA = new LinkedBlockingQueue<>();
  private final BlockingQueue<byte[]> atB = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> consoleAtA = new LinkedBlockingQueue<>();
  private final SerialTransport a = new SerialTransport(link.aIn, link.aOut, 4096, consoleAtA::add);
  private final SerialTransport b = new SerialTransport(link.bIn, link.bOut);

  @AfterEach
  void tearDown() {
    a.close();
    b.close();
  }

  @Test
  void packetsFlowBothWays() throws Exception {
    a.start(atA::add);
    b.start(atB::add);
    for (int size : new int[] {8, 93, 100, 1000, 4096}) {
      a.send(counting(size));
      assertThat(next(atB)).isEqualTo(counting(size));
    }
    for (int size : new int[] {8, 2048}) {
      b.send(counting(size));
      assertThat(next(atA)).isEqualTo(counting(size));
    }
  }

  @Test
  void requestsAreFramedLikeSmpclient() throws Exception {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    try (SerialTransport t = new SerialTransport(InputStream.nullInputStream(), wire)) {
      t.send(counting(300));
      assertThat(wire.toByteArray()).isEqualTo(SerialFrameEncoder.client().encode(counting(300)));
    }
  }

  @Test
  void consoleTextReachesTheConsumer() throws Exception {
    a.start(atA::add);
    link.bOut.write("shell says hi\r\n".getBytes(StandardCharsets.US_ASCII));
    link.bOut.write(SerialFrameEncoder.zephyr().encode(counting(20)));
    link.bOut.flush();
    assertThat(consoleAtA.poll(10, TimeUnit.SECONDS)).isEqualTo("shell says hi");
    assertThat(next(atA)).isEqualTo(counting(20));
  }

  @Test
  void aFailingReceiverDoesNotStopReceiving() throws Exception {
    a.start(
        packet -> {
          atA.add(packet);
          throw new IllegalStateException("receiver bug");
        });
    b.send(counting(10));
    b.send(counting(11));
    assertThat(next(atA)).isEqualTo(counting(10));
    assertThat(next(atA)).isEqualTo(counting(11));
  }

  @Test
  void badFramesAreCountedAndSkipped() throws Exception {
    a.start(atA::add);
    link.bOut.write("\u0006\u0009AAAA\n".getBytes(StandardCharsets.US_ASCII)); // len 0
    b.send(counting(12));
    assertThat(next(atA)).isEqualTo(counting(12));
    assertThat(a.dropCounts().get(SerialFrameDecoder.Drop.BAD_LENGTH)).isEqualTo(1);
  }

  @Test
  void describesItself() {
    assertThat(a.name()).isEqualTo("serial");
    assertThat(a.mtu()).isEqualTo(4096);
    assertThat(b.mtu()).isEqualTo(SerialTransport.DEFAULT_MTU);
    assertThatThrownBy(() -> b.send(new byte[SerialTransport.DEFAULT_MTU + 1]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SerialTransport(link.aIn, link.aOut, 0, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void closeIsIdempotentAndLaterSendsFail() throws Exception {
    a.start(atA::add);
    a.close();
    a.close();
    assertThatThrownBy(() -> a.send(counting(8))).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> a.start(atA::add)).isInstanceOf(IOException.class);
  }

  @Test
  void startTwiceIsRejected() throws Exception {
    a.start(atA::add);
    assertThatThrownBy(() -> a.start(atA::add)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void endOfStreamEndsReceivingQuietly() throws Exception {
    a.start(atA::add);
    b.send(counting(9));
    link.bOut.close();
    assertThat(next(atA)).isEqualTo(counting(9));
    a.close();
  }

  private static byte[] next(BlockingQueue<byte[]> queue) throws InterruptedException {
    byte[] packet = queue.poll(10, TimeUnit.SECONDS);
    assertThat(packet).as("a packet arrived").isNotNull();
    return packet;
  }
}
