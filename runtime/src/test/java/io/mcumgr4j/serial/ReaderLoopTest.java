package io.mcumgr4j.serial;

import static io.mcumgr4j.serial.SerialFrameEncoderTest.counting;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcumgr4j.testing.PipeLink;
import io.mcumgr4j.transport.serial.SerialTransport;
import java.io.ByteArrayInputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A receiver that throws costs that packet, not the link; the owner hears when reading stops. */
class ReaderLoopTest {

  @Test
  void aThrowingReceiverDoesNotStopReading() throws Exception {
    PipeLink link = new PipeLink();
    BlockingQueue<byte[]> got = new LinkedBlockingQueue<>();
    AtomicInteger calls = new AtomicInteger();
    try (SerialTransport a = new SerialTransport(link.aIn, link.aOut);
        SerialTransport b = new SerialTransport(link.bIn, link.bOut)) {
      a.start(packet -> {
        if (calls.getAndIncrement() == 0) {
          throw new IllegalStateException("receiver bug");
        }
        got.add(packet);
      });
      b.send(counting(50));
      // the second packet is sent only once the first was delivered (and threw), so they do not
      // share a read and the throw cannot take the second one with it
      for (int i = 0; i < 1000 && calls.get() == 0; i++) {
        Thread.sleep(5);
      }
      assertThat(calls.get()).isEqualTo(1);
      b.send(counting(60));
      byte[] packet = got.poll(10, TimeUnit.SECONDS);
      assertThat(packet).as("a packet after the failing one").isEqualTo(counting(60));
    }
  }

  @Test
  void onEndRunsOnceTheStreamEndsAfterItsPackets() throws Exception {
    BlockingQueue<byte[]> got = new LinkedBlockingQueue<>();
    CountDownLatch ended = new CountDownLatch(1);
    byte[] wire = SerialFrameEncoder.client().encode(counting(50));
    SerialFrameDecoder decoder = new SerialFrameDecoder(SerialFrameDecoder.MAX_BODY, got::add);
    ReaderLoop loop = new ReaderLoop("test reader", "test", new ByteArrayInputStream(wire), decoder,
        ended::countDown);

    loop.start();

    assertThat(ended.await(10, TimeUnit.SECONDS)).as("onEnd ran").isTrue();
    assertThat(got).containsExactly(counting(50));
  }
}
