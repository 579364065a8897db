package io.mcumgr4j.simulator.fs;

import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.cbor.RawCbor;
import io.mcumgr4j.groups.fs.FsMgmt;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hash and checksum types of Zephyr's FS group ({@code fs_mgmt_hash_checksum_*.c}), in the
 * order Zephyr registers them: {@code crc32} (IEEE CRC-32, {@code output} a uint) and {@code
 * sha256} ({@code output} a 32-byte bstr).
 */
enum FsHash {
  CRC32("crc32", 0, 4),
  SHA256("sha256", 1, 32);

  /** The type a request without {@code type} (or with an empty one) gets: Zephyr's default. */
  static final FsHash DEFAULT = CRC32;

  private final String typeName;
  private final int format;
  private final int size;

  FsHash(String typeName, int format, int size) {
    this.typeName = typeName;
    this.format = format;
    this.size = size;
  }

  /** The type called {@code name}, or {@code null}. */
  static FsHash named(String name) {
    for (FsHash h : values()) {
      if (h.typeName.equals(name)) {
        return h;
      }
    }
    return null;
  }

  /** The supported-types reply: every type in registration order. */
  static Map<String, FsMgmt.HashType> supported() {
    Map<String, FsMgmt.HashType> types = new LinkedHashMap<>();
    for (FsHash h : values()) {
      types.put(h.typeName, new FsMgmt.HashType(h.format, h.size));
    }
    return types;
  }

  String typeName() {
    return typeName;
  }

  /** The hash or checksum of at most {@code len} bytes from {@code off}, stopping at the end of the file. */
  Result compute(FileChannel file, long off, long len) throws IOException {
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    MessageDigest sha = this == SHA256 ? sha256() : null;
    ByteBuffer buf = ByteBuffer.allocate(8192);
    long done = 0;
    while (done < len) {
      buf.clear().limit((int) Math.min(buf.capacity(), len - done));
      int n = file.read(buf, off + done);
      if (n <= 0) {
        break;
      }
      buf.flip();
      if (sha != null) {
        sha.update(buf);
      } else {
        crc.update(buf);
      }
      done += n;
    }
    CborWriter out = new CborWriter(40, 40);
    if (sha != null) {
      out.bytes(sha.digest());
    } else {
      out.uint(crc.getValue());
    }
    return new Result(done, new RawCbor(out.toByteArray()));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * @param len the bytes hashed (Zephyr's reply {@code len})
   * @param output the encoded {@code output} value
   */
  record Result(long len, RawCbor output) {}
}
