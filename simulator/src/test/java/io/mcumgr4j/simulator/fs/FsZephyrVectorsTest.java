package io.mcumgr4j.simulator.fs;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcumgr4j.testing.Vectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zephyr 4.4.0's recorded FS exchanges replayed byte for byte, in the recorded order, against a
 * device whose {@code /lfs1} starts empty as the sample's did: the upload creates {@code
 * /lfs1/vec.txt}, and every later reply depends on what it stored.
 */
class FsZephyrVectorsTest {

  @TempDir Path root;

  @Test
  void repliesEqualZephyrs() throws Exception {
    Files.createDirectory(root.resolve("lfs1"));
    try (FsUdp udp = new FsUdp(root)) {
      for (String name : new String[] {
          "fs/upload(small)", "fs/download(small)", "fs/status", "fs/supported_hash_types",
          "fs/hash(sha256)", "fs/hash(crc32)", "fs/close", "fs/download(missing file)"}) {
        Vectors.Exchange e = Vectors.get("udp", name);
        assertThat(HexFormat.of().formatHex(udp.exchange(e.requestBytes())))
            .as(name)
            .isEqualTo(HexFormat.of().formatHex(e.responseBytes()));
      }
      assertThat(root.resolve("lfs1/vec.txt")).hasSize(0x130);
    }
  }
}
