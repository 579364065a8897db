package io.mcumgr4j.gatt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.frame.SmpHeader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Responses cut into GATT values and put back together, whatever the MTU and the cuts. */
class SmpReassemblerTest {

  private final List<byte[]> packets = new ArrayList<>();
  private final SmpReassembler responses = new SmpReassembler(SmpHeader.SIZE + SmpHeader.MAX_LENGTH, true, packets::add);

  /** A response of {@code length} bytes in all (header included) with random payload bytes. */
  private static byte[] response(int length, int sequence) {
    byte[] packet = new byte[length];
    new Random(length).nextBytes(packet);
    new SmpHeader(3, 1, 0, length - SmpHeader.SIZE, 0, sequence, 0).encode(packet, 0);
    return packet;
  }

  private void feed(byte[] packet, int valueSize) throws IOException {
    Fragments.split(packet, 0, packet.length, valueSize, responses::feed);
  }

  @Test
  void everyMtuAndSizeComesBackWhole() throws IOException {
    for (int attMtu : new int[] {23, 24, 27, 64, 185, 247, 251, 498, 517}) {
      for (int length : new int[] {8, 9, 19, 20, 21, 40, 300, 2048, 65543}) {
        byte[] packet = response(length, attMtu & 0xFF);
        packets.clear();
        feed(packet, Fragments.valueSize(attMtu));
        assertThat(packets).as("MTU %d, %d bytes", attMtu, length).hasSize(1);
        assertThat(packets.get(0)).isEqualTo(packet);
      }
    }
  }

  @Test
  void aResponseCutAtEveryOffsetComesBackWhole() {
    byte[] packet = response(100, 7);
    for (int cut = 1; cut < packet.length; cut++) {
      packets.clear();
      responses.feed(Arrays.copyOfRange(packet, 0, cut));
      assertThat(packets).as("cut at %d", cut).isEmpty();
      responses.feed(Arrays.copyOfRange(packet, cut, packet.length));
      assertThat(packets).as("cut at %d", cut).containsExactly(packet);
    }
  }

  @Test
  void bytesBeforeAHeaderAreSkipped() {
    byte[] packet = response(30, 1);
    byte[] noisy = new byte[packet.length + 3];
    noisy[0] = (byte) 0xFF;
    noisy[1] = (byte) 0x42;
    noisy[2] = (byte) 0x13;
    System.arraycopy(packet, 0, noisy, 3, packet.length);
    responses.feed(noisy);
    responses.feed(new byte[] {(byte) 0xEE, (byte) 0x80}); // starts nothing: dropped
    assertThat(packets).containsExactly(packet);
  }

  @Test
  void bytesPastTheAnnouncedLengthAreDroppedAndTheNextPacketIsWhole() {
    byte[] first = response(20, 1);
    byte[] longer = Arrays.copyOf(first, first.length + 5);
    responses.feed(longer);
    byte[] second = response(25, 2);
    responses.feed(second);
    assertThat(packets).containsExactly(first, second);
  }

  @Test
  void aPacketOverTheLimitIsDroppedAndRequestsAreNotResponses() {
    List<byte[]> requests = new ArrayList<>();
    SmpReassembler device = new SmpReassembler(64, false, requests::add);
    byte[] big = new byte[100];
    new SmpHeader(2, 1, 0, 92, 0, 1, 0).encode(big, 0);
    device.feed(Arrays.copyOf(big, 20));
    byte[] small = new byte[10];
    new SmpHeader(2, 1, 0, 2, 0, 2, 0).encode(small, 0);
    device.feed(small);
    device.feed(response(12, 3)); // a response op where requests are expected: no header starts
    assertThat(requests).containsExactly(small);
    assertThatThrownBy(() -> new SmpReassembler(7, true, p -> { })).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fragments.valueSize(22)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fragments.valueSize(518)).isInstanceOf(IllegalArgumentException.class);
  }
}
