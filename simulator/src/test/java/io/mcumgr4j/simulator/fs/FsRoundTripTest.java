package io.mcumgr4j.simulator.fs;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcumgr4j.cbor.CborReader;
import io.mcumgr4j.groups.fs.FsMgmt;
import io.mcumgr4j.groups.fs.FsMgmtClient;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 1 MiB file up and down over UDP, and its hashes against the JDK's own CRC-32 and SHA-256. */
class FsRoundTripTest {

  private static final String NAME = "/lfs1/big.bin";

  @TempDir Path root;
  private byte[] content;

  @BeforeEach
  void setUp() throws Exception {
    Files.createDirectory(root.resolve("lfs1"));
    content = new byte[1 << 20];
    new Random(42).nextBytes(content);
  }

  @Test
  void uploadsDownloadsAndHashesAMebibyte() throws Exception {
    try (FsUdp udp = new FsUdp(root)) {
      upload(udp.client, NAME, content);
      assertThat(Files.readAllBytes(root.resolve("lfs1/big.bin"))).isEqualTo(content);
      assertThat(udp.fs.transferOpen()).as("closed once off reached len").isFalse();
      assertThat(udp.client.status(NAME).len()).isEqualTo(content.length);

      ByteArrayOutputStream down = new ByteArrayOutputStream();
      FsMgmt.Download first = udp.client.download(0, NAME);
      assertThat(first.len()).isEqualTo(content.length);
      // 8 header + 21 (BF, off 0, "data", len 1 MiB, FF) + 3 bstr head + 1468 = the 1,500-byte MTU
      assertThat(first.data()).hasSize(1468);
      down.writeBytes(first.data());
      while (down.size() < content.length) {
        FsMgmt.Download chunk = udp.client.download(down.size(), NAME);
        assertThat(chunk.off()).isEqualTo(down.size());
        assertThat(chunk.len()).as("len only at off 0").isNull();
        assertThat(chunk.data()).isNotEmpty();
        down.writeBytes(chunk.data());
      }
      assertThat(down.toByteArray()).isEqualTo(content);
      assertThat(udp.fs.transferOpen()).isFalse();

      for (long[] range : List.of(new long[] {0, content.length}, new long[] {1, 1000}, new long[] {4096, 65536},
          new long[] {content.length - 10, 10})) {
        int off = (int) range[0];
        int len = (int) range[1];
        FsMgmt.Hash crc = udp.client.hash(NAME, "crc32", OptionalLong.of(off), OptionalLong.of(len));
        assertThat(crc.type()).isEqualTo("crc32");
        assertThat(crc.off()).isEqualTo(off == 0 ? null : (long) off);
        assertThat(crc.len()).isEqualTo(len);
        assertThat(new CborReader().reset(crc.output().encoded(), 0, crc.output().encoded().length).uint32())
            .isEqualTo(crc32(off, len));
        FsMgmt.Hash sha = udp.client.hash(NAME, "sha256", OptionalLong.of(off), OptionalLong.of(len));
        assertThat(new CborReader().reset(sha.output().encoded(), 0, sha.output().encoded().length).bytes())
            .isEqualTo(sha256(off, len));
      }
    }
  }

  @Test
  void hashDefaultsToCrc32OfTheWholeFileAndStopsAtItsEnd() throws Exception {
    Files.write(root.resolve("lfs1/small.bin"), Arrays.copyOf(content, 1000));
    try (FsUdp udp = new FsUdp(root)) {
      FsMgmt.Hash all = udp.client.hash("/lfs1/small.bin", null, OptionalLong.empty(), OptionalLong.empty());
      assertThat(all.type()).isEqualTo("crc32");
      assertThat(all.len()).isEqualTo(1000);
      assertThat(all.off()).isNull();
      content = Arrays.copyOf(content, 1000);
      assertThat(new CborReader().reset(all.output().encoded(), 0, all.output().encoded().length).uint32())
          .isEqualTo(crc32(0, 1000));
      FsMgmt.Hash tail = udp.client.hash("/lfs1/small.bin", "sha256", OptionalLong.of(900), OptionalLong.of(5000));
      assertThat(tail.len()).as("bytes actually hashed").isEqualTo(100);
      assertThat(tail.off()).isEqualTo(900L);
      assertThat(new CborReader().reset(tail.output().encoded(), 0, tail.output().encoded().length).bytes())
          .isEqualTo(sha256(900, 100));
    }
  }

  @Test
  void supportedTypesAreCrc32ThenSha256() throws Exception {
    try (FsUdp udp = new FsUdp(root)) {
      Map<String, FsMgmt.HashType> expected = new LinkedHashMap<>();
      expected.put("crc32", new FsMgmt.HashType(0, 4));
      expected.put("sha256", new FsMgmt.HashType(1, 32));
      assertThat(udp.client.supportedTypes().types()).containsExactlyEntriesOf(expected);
    }
  }

  /** Uploads in chunks that fit a 1,500-byte datagram, always continuing at the reply's off. */
  static void upload(FsMgmtClient client, String name, byte[] data) {
    long off = 0;
    do {
      int n = (int) Math.min(1024, data.length - off);
      byte[] chunk = Arrays.copyOfRange(data, (int) off, (int) off + n);
      off = client.upload(off, name, chunk, off == 0 ? OptionalLong.of(data.length) : OptionalLong.empty()).off();
    } while (off < data.length);
  }

  private long crc32(int off, int len) {
    CRC32 crc = new CRC32();
    crc.update(content, off, len);
    return crc.getValue();
  }

  private byte[] sha256(int off, int len) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    md.update(content, off, len);
    return md.digest();
  }
}
