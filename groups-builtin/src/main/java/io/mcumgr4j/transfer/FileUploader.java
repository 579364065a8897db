package io.mcumgr4j.transfer;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.cbor.CborReader;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.error.MgmtException;
import io.mcumgr4j.frame.SmpFrame;
import io.mcumgr4j.groups.fs.FsMgmtClient;
import io.mcumgr4j.groups.fs.FsMgmtError;
import java.util.Objects;

/**
 * Uploads a file through the FS group (8) as Zephyr's {@code fs_mgmt} expects it: chunks sized
 * like image chunks ({@link ChunkSizer}), {@code len} at offset 0 (sent alone: it truncates the
 * file), then a window of chunks in flight ({@link ChunkWindow}, as image uploads), each answer's
 * {@code off} telling where the device stands. A FILE_OFFSET_NOT_VALID reply carries the size the device
 * holds as {@code len}; the upload continues from there (Zephyr then reopens the file and takes a
 * chunk at its current size). A reply counting more bytes than were sent is not trusted: the file's
 * real size is read instead (see {@link #storedSize}).
 */
public final class FileUploader {

  private final SmpClient client;
  private final TransferOptions options;

  public FileUploader(SmpClient client, TransferOptions options) {
    this.client = Objects.requireNonNull(client, "client");
    this.options = Objects.requireNonNull(options, "options");
  }

  public FileUploader(SmpClient client) {
    this(client, TransferOptions.DEFAULT);
  }

  /**
   * Uploads {@code data} to the file {@code name} from the start (the device truncates an
   * existing file). With {@link TransferOptions#verify()}, checks the device's hash afterwards.
   *
   * @return the upload requests answered
   * @throws TransferException if the device ends it wrongly or the hash differs
   */
  public int upload(String name, byte[] data) {
    return uploadFrom(name, data, 0);
  }

  /**
   * Continues an interrupted upload: when the file on the device is a prefix of {@code data}
   * (checked with the FS hash command), sends only the rest; otherwise uploads from the start.
   *
   * @return the upload requests answered (0 when the device already had the whole file)
   */
  public int resume(String name, byte[] data) {
    FsMgmtClient fs = new FsMgmtClient(client);
    long size;
    try {
      size = fs.status(name).len();
    } catch (GroupErrorException e) {
      if (e.error() != FsMgmtError.FILE_NOT_FOUND) {
        throw e;
      }
      size = 0;
    }
    boolean prefix = size > 0 && size <= data.length && new FileHash(client).prefixMatches(name, data, size);
    return uploadFrom(name, data, prefix ? size : 0);
  }

  private int uploadFrom(String name, byte[] data, long start) {
    long len = data.length;
    int requests = 0;
    if (start < len || len == 0) {
      requests = send(name, data, start);
    }
    if (options.verify() && !new FileHash(client).matches(name, data)) {
      throw new TransferException("the device's hash of " + name + " differs from the uploaded data");
    }
    return requests;
  }

  private int send(String name, byte[] data, long start) {
    return new ChunkWindow(client, options, FsMgmtClient.GROUP_ID, 0, "file upload of " + name).run(start, data.length,
        new ChunkWindow.Protocol() {
          @Override
          public ChunkSizer.ChunkEncoder chunk(long off) {
            return FileChunks.upload(name, data, off);
          }

          @Override
          public long expected(SmpFrame response) {
            return FileUploader.expected(response.payload());
          }

          @Override
          public long ahead(long claimed) {
            return storedSize(name);
          }
        });
  }

  /**
   * The file's real size, when the device claims more than it was sent. Zephyr does so after a
   * resent first chunk (a lost reply): offset 0 truncates the file but adds the length to its
   * count again, and a next chunk at that count would be appended at the wrong place. Ending its
   * transfer (command 4) makes the next chunk start a new one at the file's size; without the
   * close or the status command the upload starts over.
   */
  private long storedSize(String name) {
    FsMgmtClient fs = new FsMgmtClient(client);
    try {
      // asked again as copies, as the transfer's other requests it cannot go on without
      Copies.quick(client, fs::closeAsync, "file transfer close");
    } catch (MgmtException e) {
      // older Zephyr builds lack command 4; the status below still tells where to go on
      rethrowUnlessNotSupported(e);
    }
    try {
      return Copies.quick(client, () -> fs.statusAsync(name), "status of " + name).len();
    } catch (MgmtException e) {
      rethrowUnlessNotSupported(e);
      return 0;
    }
  }

  private static void rethrowUnlessNotSupported(MgmtException e) {
    if (e.err() != MgmtErr.ENOTSUP) {
      throw e;
    }
  }

  /**
   * The offset the device expects next: its reply's {@code off}, or the {@code len} Zephyr sends
   * beside {@code FILE_OFFSET_NOT_VALID} for a chunk at another offset.
   */
  private static long expected(byte[] payload) {
    try {
      return FileChunks.decodeUpload(payload);
    } catch (GroupErrorException e) {
      if (e.error() != FsMgmtError.FILE_OFFSET_NOT_VALID || e.response() == null) {
        throw e;
      }
      Long expected = FileChunks.readUint(CborReader.of(e.response()), "len");
      if (expected == null) {
        throw e;
      }
      return expected;
    }
  }
}
