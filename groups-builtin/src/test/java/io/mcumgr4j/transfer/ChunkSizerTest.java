package io.mcumgr4j.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.frame.SmpHeader;
import io.mcumgr4j.server.SmpServer;
import io.mcumgr4j.server.transport.memory.InMemoryTransport;
import io.mcumgr4j.transport.serial.SerialTransport;
import io.mcumgr4j.transport.udp.UdpTransport;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chunk sizes against hand-computed ones and those Zephyr 4.4.0 took from smpclient. */
class ChunkSizerTest {

  private static final byte[] SHA = new byte[32];

  @Test
  void packetLimitLeavesRoomForSerialLengthAndCrcAndRespectsTheMtu() throws Exception {
    try (SerialTransport serial = new SerialTransport(InputStream.nullInputStream(), OutputStream.nullOutputStream());
        UdpTransport udp = new UdpTransport(new InetSocketAddress("127.0.0.1", 1337));
        SmpServer server = new SmpServer()) {
      assertThat(ChunkSizer.packetLimit(2048, serial)).isEqualTo(2044);
      assertThat(ChunkSizer.packetLimit(384, serial)).isEqualTo(380);
      assertThat(ChunkSizer.packetLimit(2048, udp)).isEqualTo(1500);
      assertThat(ChunkSizer.packetLimit(1024, udp)).isEqualTo(1024);
      assertThat(ChunkSizer.packetLimit(2048, new InMemoryTransport(server, 512))).isEqualTo(512);
      assertThat(ChunkSizer.packetLimit(1L << 20, new InMemoryTransport(server, 65_543))).isEqualTo(8 + 65_535);
    }
  }

  @Test
  void firstImageChunkOverSerialWithBuf2048MatchesZephyr440Traffic() {
    // 2044 - 8 header = 2036 payload. Fields besides data: map head 1, "len" 4 + 2600 as 19 0A 28
    // 3, "off" 4 + 0 1, "sha" 4 + 58 20 + 32 bytes 34, "data" 5, "image" 6 + 1, "upgrade" 8 + 1 =
    // 72; data head 59 xx xx 3: 2036 - 75 = 1961. With len 132472 (1A + 4 bytes) two more: 1959.
    assertThat(firstChunk(2600)).isEqualTo(1961);
    assertThat(firstChunk(132_472)).isEqualTo(1959);
  }

  @Test
  void laterImageChunksOverSerialWithBuf2048MatchZephyr440Traffic() {
    // map head 1, "off" 4 + 19 xx xx 3, "data" 5, data head 3: 2036 - 16 = 2020; an off past
    // 65535 is 1A + 4 bytes, two more: 2018.
    byte[] image = new byte[132_472];
    assertThat(imageChunk(2044, image, 1959)).isEqualTo(2020);
    assertThat(imageChunk(2044, image, 65_535)).isEqualTo(2020);
    assertThat(imageChunk(2044, image, 65_536)).isEqualTo(2018);
  }

  @Test
  void wholeImageOverSerialTakes66PacketsOf2044BytesButTheLast() {
    byte[] image = new byte[132_472];
    TransferOptions options = TransferOptions.DEFAULT;
    List<Integer> packets = new ArrayList<>();
    List<Integer> data = new ArrayList<>();
    CborWriter out = CborWriter.forRequest();
    long off = 0;
    while (off < image.length) {
      ChunkSizer.ChunkEncoder encoder = ImageChunks.at(image, off, SHA, options);
      int n = (int) Math.min(ChunkSizer.maxData(2044, encoder), image.length - off);
      encoder.encode(out.reset(), n);
      packets.add(SmpHeader.SIZE + out.size());
      data.add(n);
      off += n;
    }
    assertThat(packets).hasSize(66);
    assertThat(packets.subList(0, 65)).containsOnly(2044);
    assertThat(data.get(0)).isEqualTo(1959);
    assertThat(data.subList(1, 33)).containsOnly(2020);
    assertThat(data.subList(33, 65)).containsOnly(2018);
    assertThat(data.get(65)).isEqualTo(132_472 - 1959 - 32 * 2020 - 32 * 2018);
  }

  @Test
  void smallSerialBufferOf384() {
    // 380 - 8 = 372; later chunk at off 1000: 1 + 4 + 3 + 5 = 13 beside data; 359 left; a
    // 356-byte string takes 59 01 64 (3): 359.
    assertThat(imageChunk(380, new byte[10_000], 1000)).isEqualTo(356);
  }

  @Test
  void aShorterDataHeadIsUsedWhenItFitsOneMoreByte() {
    // Beside data: A2, "off" 4, off 1 as one byte, "data" 5 = 11; limit 276 leaves 257 for the
    // string: 255 bytes with a 2-byte head (58 FF) fit, 256 would need 59 01 00.
    ChunkSizer.ChunkEncoder encoder = ImageChunks.at(new byte[1000], 1, SHA, TransferOptions.DEFAULT);
    assertThat(ChunkSizer.maxData(276, encoder)).isEqualTo(255);
    assertThat(ChunkSizer.maxData(277, encoder)).isEqualTo(255);
    assertThat(ChunkSizer.maxData(278, encoder)).isEqualTo(256);
    // 19 + 4 = 23 bytes with a 1-byte head fit into 24; 24 bytes need 58 18.
    assertThat(ChunkSizer.maxData(8 + 11 + 24, encoder)).isEqualTo(23);
    assertThat(ChunkSizer.maxData(8 + 11 + 26, encoder)).isEqualTo(24);
  }

  @Test
  void fileChunksCountNameAndLenAtOffsetZeroOnly() {
    byte[] file = new byte[1 << 20];
    // A4, "off" 4 + 0 1, "name" 5 + 6A + 10 chars 11, "data" 5, "len" 4 + 1A 00 10 00 00 5 = 36;
    // limit 1500 (UDP MTU) leaves 1456 for data and its 3-byte head: 1453.
    assertThat(ChunkSizer.maxData(1500, FileChunks.upload("/lfs/a.bin", file, 0))).isEqualTo(1453);
    // A3, "off" 4 + 1A xx xx xx xx 5, "name" 16, "data" 5 = 31: 1458.
    assertThat(ChunkSizer.maxData(1500, FileChunks.upload("/lfs/a.bin", file, 70_000))).isEqualTo(1458);
  }

  @Test
  void aBufferWithNoRoomForDataIsRefused() {
    assertThatThrownBy(() -> ChunkSizer.maxData(80, ImageChunks.at(new byte[200_000], 0, SHA, TransferOptions.DEFAULT)))
        .isInstanceOf(TransferException.class)
        .hasMessageContaining("no room for data");
  }

  private static int firstChunk(int len) {
    return ChunkSizer.maxData(2044, ImageChunks.at(new byte[len], 0, SHA, TransferOptions.DEFAULT));
  }

  private static int imageChunk(int packetLimit, byte[] image, long off) {
    ChunkSizer.ChunkEncoder encoder = ImageChunks.at(image, off, SHA, TransferOptions.DEFAULT);
    int n = ChunkSizer.maxData(packetLimit, encoder);
    CborWriter out = CborWriter.forRequest();
    encoder.encode(out, Math.min(n, (int) (image.length - off)));
    if (n < image.length - off) {
      // A full chunk fills the packet to the byte.
      assertThat(SmpHeader.SIZE + out.size()).isEqualTo(packetLimit);
    }
    return n;
  }
}
