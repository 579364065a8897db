package io.mcumgr4j.transfer;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.cbor.CborReader;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.error.MgmtException;
import io.mcumgr4j.groups.fs.FsMgmt;
import io.mcumgr4j.groups.fs.FsMgmtClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.zip.CRC32;

/**
 * Compares a file on the device with local bytes through the FS hash command (8/2): SHA-256 when
 * the device supports it, else IEEE CRC-32 (Zephyr's two types). Its requests are sent again as
 * copies ({@link Copies}) rather than after the client's whole timeout: the types after a quarter
 * second, the hash after a second and a second per MiB hashed (a device hashes flash at about 1 MB/s).
 */
public final class FileHash {

  static final String SHA256 = "sha256";
  static final String CRC32 = "crc32";
  private static final Duration HASH_FIRST_WAIT = Duration.ofSeconds(1);
  private static final long HASH_BYTES_PER_SECOND = 1 << 20;

  private final SmpClient client;
  private final FsMgmtClient fs;
  private final String type;

  /** Asks the device which types it supports (a device without that command gets its default). */
  public FileHash(SmpClient client) {
    this.client = client;
    this.fs = new FsMgmtClient(client);
    this.type = chooseType();
  }

  /** The type used: {@code sha256}, {@code crc32}, or {@code null} for the device's default. */
  public String type() {
    return type;
  }

  /** Whether the file {@code name} holds exactly {@code data}. */
  public boolean matches(String name, byte[] data) {
    if (data.length == 0) {
      // Zephyr answers FILE_EMPTY to a hash of an empty file; its size says enough.
      return fs.status(name).len() == 0;
    }
    return compare(hash(name, OptionalLong.empty(), data.length), data, data.length);
  }

  /** Whether the first {@code length} bytes of the file {@code name} equal those of {@code data}. */
  public boolean prefixMatches(String name, byte[] data, long length) {
    if (length <= 0 || length > data.length) {
      throw new IllegalArgumentException("prefix of " + length + " bytes of " + data.length);
    }
    return compare(hash(name, OptionalLong.of(length), length), data, length);
  }

  private static boolean compare(FsMgmt.Hash hash, byte[] data, long length) {
    if (hash.len() != length) {
      return false;
    }
    CborReader output = CborReader.of(hash.output().encoded());
    return switch (hash.type()) {
      case SHA256 -> Arrays.equals(output.bytes(), ImageUploader.sha256(data, (int) length));
      case CRC32 -> {
        CRC32 crc = new CRC32();
        crc.update(data, 0, (int) length);
        yield output.uint32() == crc.getValue();
      }
      default -> throw new TransferException("the device hashed with '" + hash.type() + "', which this client cannot check");
    };
  }

  private FsMgmt.Hash hash(String name, OptionalLong len, long bytes) {
    Duration firstWait = HASH_FIRST_WAIT.plusMillis(bytes * 1000 / HASH_BYTES_PER_SECOND);
    return Copies.firstAnswer(client, () -> fs.hashAsync(name, type, OptionalLong.empty(), len), firstWait,
        client.config().timeout(), Copies.clientPatience(client), "hash of " + name).value();
  }

  private String chooseType() {
    try {
      var types = Copies.quick(client, fs::supportedTypesAsync, "file hash types").types();
      if (types.containsKey(SHA256)) {
        return SHA256;
      }
      if (types.containsKey(CRC32)) {
        return CRC32;
      }
      throw new TransferException("the device supports neither sha256 nor crc32 but " + types.keySet());
    } catch (MgmtException e) {
      if (e.err() != MgmtErr.ENOTSUP) {
        throw e;
      }
      return null;
    }
  }
}
