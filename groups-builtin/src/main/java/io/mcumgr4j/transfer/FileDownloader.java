package io.mcumgr4j.transfer;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.groups.fs.FsMgmtClient;
import java.io.ByteArrayOutputStream;
import java.util.Objects;

/**
 * Downloads a file through the FS group (8): the reply at offset 0 gives the file's {@code len},
 * then requests follow at each next offset until {@code off + data} reaches it. The device
 * chooses each chunk's size; the client keeps the offsets (Zephyr's download is stateless).
 */
public final class FileDownloader {

  private final SmpClient client;
  private final TransferOptions options;

  public FileDownloader(SmpClient client, TransferOptions options) {
    this.client = Objects.requireNonNull(client, "client");
    this.options = Objects.requireNonNull(options, "options");
  }

  public FileDownloader(SmpClient client) {
    this(client, TransferOptions.DEFAULT);
  }

  /** The largest file a download takes: the bytes are collected in one array, whose size the JVM bounds. */
  public static final int MAX_LENGTH = Integer.MAX_VALUE - 8;

  /**
   * Downloads the file {@code name}. With {@link TransferOptions#verify()}, checks the device's
   * hash of the file against the bytes received.
   *
   * @throws TransferException if the device announces more than {@link #MAX_LENGTH} bytes (the
   *     file is collected in memory), answers another offset, sends past {@code len}, stops
   *     sending data early, or the hash differs
   */
  public byte[] download(String name) {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    long len = -1;
    long off = 0;
    do {
      FileChunks.Download reply = FileChunks.decodeDownload(client.send(
          Op.READ, FsMgmtClient.GROUP_ID, 0, FileChunks.download(name, off),
          options.chunkTimeout(), options.retries()).payload());
      if (off == 0) {
        if (reply.len() == null) {
          throw new TransferException("the first download reply of " + name + " has no len");
        }
        len = reply.len();
        if (len < 0 || len > MAX_LENGTH) {
          throw new TransferException(name + " is " + Long.toUnsignedString(len)
              + " bytes, more than a byte array holds (" + MAX_LENGTH + ")");
        }
      }
      if (reply.off() != off) {
        throw new TransferException("asked for offset " + off + " of " + name + ", got " + reply.off());
      }
      if (off + reply.data().length > len) {
        throw new TransferException(name + ": data up to " + (off + reply.data().length) + " is past len " + len);
      }
      if (reply.data().length == 0 && off < len) {
        throw new TransferException(name + ": no data at offset " + off + " of " + len + " (file shrunk?)");
      }
      received.writeBytes(reply.data());
      off += reply.data().length;
      options.listener().progress(off, len);
    } while (off < len);
    byte[] data = received.toByteArray();
    if (options.verify() && !new FileHash(new FsMgmtClient(client)).matches(name, data)) {
      throw new TransferException("the device's hash of " + name + " differs from the downloaded data");
    }
    return data;
  }
}
