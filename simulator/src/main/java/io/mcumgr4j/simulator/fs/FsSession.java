package io.mcumgr4j.simulator.fs;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.error.MgmtException;
import io.mcumgr4j.frame.SmpHeader;
import io.mcumgr4j.groups.fs.FsMgmt.Download;
import io.mcumgr4j.groups.fs.FsMgmt.Upload;
import io.mcumgr4j.groups.fs.FsMgmtError;
import io.mcumgr4j.server.RequestContext;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The file system group's transfer session, as Zephyr's {@code fs_mgmt} keeps it: at most one
 * upload or download open ({@link FsTransfer}), guarded by one lock that a concurrent request finds
 * taken ({@code EBUSY}). A request that continues the open transfer (same direction, name and
 * link) goes on with it; any other closes it and opens its own. The file stays open until the
 * transfer completes, another one starts, {@link #close()}, or the idle timeout passes without a
 * request.
 */
final class FsSession {

  private final FsPaths paths;
  private final SimulatedFsMgmt.Limits limits;
  private final long idleNanos;
  /** Zephyr's {@code lock_sem}: guards {@link #transfer}. */
  private final ReentrantLock lock = new ReentrantLock();
  private FsTransfer transfer;

  FsSession(FsPaths paths, SimulatedFsMgmt.Limits limits) {
    this.paths = paths;
    this.limits = limits;
    this.idleNanos = limits.idleTimeout().toNanos();
  }

  /**
   * The chunk of {@code name} at {@code off}; opens the file first (after {@code onOpen}, the
   * access check) unless the open transfer is this download.
   */
  Download download(RequestContext ctx, long off, String name, Runnable onOpen) {
    return locked(() -> {
      if (transfer == null || !transfer.continuedBy(false, name, ctx.transport())) {
        onOpen.run();
        closeTransfer();
        openDownload(ctx, name);
      }
      return readChunk(ctx, off);
    });
  }

  /**
   * Stores a chunk of {@code name} at {@code off}; opens the file first (after {@code onOpen}, the
   * access check) unless the open transfer is this upload.
   */
  Upload upload(RequestContext ctx, long off, String name, byte[] data, OptionalLong len, Runnable onOpen) {
    return locked(() -> {
      if (transfer == null || !transfer.continuedBy(true, name, ctx.transport())) {
        onOpen.run();
        closeTransfer();
        openUpload(ctx, name, off);
      }
      return writeChunk(off, data, len);
    });
  }

  /** Closes the open transfer; {@code EBUSY} while a request holds the session. */
  void close() {
    locked(() -> {
      closeTransfer();
      return null;
    });
  }

  /** Closes the open transfer's file, waiting for a request in progress. */
  void closeFiles() {
    lock.lock();
    try {
      closeTransferQuietly();
    } finally {
      lock.unlock();
    }
  }

  /** Whether an upload or download holds a file open. */
  boolean isOpen() {
    lock.lock();
    try {
      return transfer != null;
    } finally {
      lock.unlock();
    }
  }

  private interface Locked<T> {
    T run() throws IOException;
  }

  /** Runs {@code body} holding the transfer lock; an I/O failure the body did not map is UNKNOWN. */
  private <T> T locked(Locked<T> body) {
    if (!lock.tryLock()) {
      throw new MgmtException(MgmtErr.EBUSY, "a file transfer request is in progress");
    }
    try {
      return body.run();
    } catch (IOException e) {
      closeTransferQuietly();
      throw new GroupErrorException(FsMgmtError.UNKNOWN, e.toString());
    } finally {
      lock.unlock();
    }
  }

  private void openDownload(RequestContext ctx, String name) throws IOException {
    Path file = paths.regularFile(name);
    FileChannel channel;
    try {
      // NOFOLLOW: a link put in place after FsPaths looked would otherwise lead the read out of the root
      channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      throw new GroupErrorException(FsMgmtError.FILE_NOT_FOUND);
    }
    transfer = new FsTransfer(false, name, ctx.transport(), channel);
    transfer.len = channel.size();
  }

  private Download readChunk(RequestContext ctx, long off) throws IOException {
    FsTransfer t = transfer;
    int max = chunkSize(ctx, off, t.len);
    ByteBuffer buf = ByteBuffer.allocate(max);
    try {
      while (buf.hasRemaining() && t.channel.read(buf, off + buf.position()) > 0) {
        // read until the chunk is full or the file ends
      }
    } catch (IOException e) {
      closeTransferQuietly();
      throw new GroupErrorException(FsMgmtError.FILE_READ_FAILED, e.toString());
    }
    t.off = off + buf.position();
    Download reply = new Download(off, Arrays.copyOf(buf.array(), buf.position()), off == 0 ? t.len : null);
    finishOrWait(t);
    return reply;
  }

  /**
   * The most file bytes a download reply at {@code off} carries: the response (8-byte header,
   * {@code BF}, {@code off}, {@code data} with its length, {@code len} at offset 0, {@code FF})
   * fills at most the server buffer and the link's MTU.
   */
  static int chunkSize(RequestContext ctx, long off, long len) {
    int budget = Math.min(ctx.config().bufSize(), ctx.mtu()) - SmpHeader.SIZE;
    int fixed = 1 + 4 + headSize(off) + 5 + (off == 0 ? 4 + headSize(len) : 0) + 1;
    int room = budget - fixed;
    int chunk = room - headSize(room);
    if (chunk < 1) {
      throw new MgmtException(MgmtErr.EMSGSIZE, "no room for file data in a " + budget + "-byte response");
    }
    return chunk;
  }

  /** Bytes of a CBOR head carrying {@code value}. */
  private static int headSize(long value) {
    return value < 24 ? 1 : value < 0x100 ? 2 : value < 0x1_0000 ? 3 : value < 0x1_0000_0000L ? 5 : 9;
  }

  private void openUpload(RequestContext ctx, String name, long off) throws IOException {
    Path file;
    try {
      file = paths.resolve(name);
    } catch (NoSuchFileException e) {
      throw new GroupErrorException(FsMgmtError.MOUNT_POINT_NOT_FOUND);
    }
    if (Files.isDirectory(file)) {
      throw new GroupErrorException(FsMgmtError.FILE_IS_DIRECTORY);
    }
    if (off > 0 && !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      throw offsetNotValid(0);
    }
    FileChannel channel;
    try {
      // NOFOLLOW: a link put in place after FsPaths looked would otherwise lead the write out of the root
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      throw new GroupErrorException(FsMgmtError.MOUNT_POINT_NOT_FOUND);
    } catch (AccessDeniedException e) {
      throw new GroupErrorException(FsMgmtError.UNKNOWN, "access denied");
    }
    transfer = new FsTransfer(true, name, ctx.transport(), channel);
    transfer.othersBytes = usedBytes() - channel.size();
  }

  /** Bytes of every regular file under the root, symbolic links not followed. */
  private long usedBytes() throws IOException {
    long[] total = {0};
    Files.walkFileTree(paths.root(), new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        if (attrs.isRegularFile()) {
          total[0] += attrs.size();
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        return FileVisitResult.CONTINUE; // gone since the listing, or unreadable: holds nothing we count
      }
    });
    return total[0];
  }

  /** Refuses, before writing, a file of {@code size} bytes that would pass the capacity. */
  private void checkCapacity(FsTransfer t, long size) throws IOException {
    if (t.othersBytes + size > limits.maxTotalBytes()) {
      closeTransfer();
      throw new GroupErrorException(FsMgmtError.FILE_WRITE_FAILED,
          "file system full: " + limits.maxTotalBytes() + " bytes in all");
    }
  }

  private Upload writeChunk(long off, byte[] data, OptionalLong len) throws IOException {
    FsTransfer t = transfer;
    if (off == 0) {
      t.len = len.getAsLong();
      t.off = 0;
      checkCapacity(t, t.len);
    } else if (t.off == 0) {
      // a transfer that did not start here (resumed, or its state lost) continues at the file's size
      t.off = t.channel.size();
    }
    if (off > 0 && off != t.off) {
      long expected = t.off;
      closeTransfer();
      throw offsetNotValid(expected);
    }
    if (data.length > 0) {
      if (off + data.length > limits.maxFileSize()) {
        closeTransfer();
        throw new GroupErrorException(FsMgmtError.FILE_WRITE_FAILED, "larger than " + limits.maxFileSize() + " bytes");
      }
      // the file ends at off + data: a first chunk truncates it, later ones append
      checkCapacity(t, off + data.length);
      if (off == 0 && t.channel.size() > 0) {
        try {
          t.channel.truncate(0);
        } catch (IOException e) {
          closeTransferQuietly();
          throw new GroupErrorException(FsMgmtError.FILE_TRUNCATE_FAILED, e.toString());
        }
      }
      write(t, off, data);
      t.off = off + data.length;
    }
    Upload reply = new Upload(t.off);
    finishOrWait(t);
    return reply;
  }

  /** Writes {@code data} at {@code off}; on failure cuts the file back to {@code off} (the last good chunk). */
  private void write(FsTransfer t, long off, byte[] data) {
    try {
      ByteBuffer buf = ByteBuffer.wrap(data);
      while (buf.hasRemaining()) {
        t.channel.write(buf, off + buf.position());
      }
    } catch (IOException e) {
      try {
        t.channel.truncate(off);
      } catch (IOException ignored) {
        // the write error is the answer; the file may keep part of the chunk
      }
      closeTransferQuietly();
      throw new GroupErrorException(FsMgmtError.FILE_WRITE_FAILED, e.toString());
    }
  }

  private static GroupErrorException offsetNotValid(long expected) {
    return new GroupErrorException(FsMgmtError.FILE_OFFSET_NOT_VALID)
        .withEntries(out -> out.uint("len", expected));
  }

  /** Zephyr's finish check: a complete transfer closes, any other waits for its next request. */
  private void finishOrWait(FsTransfer t) throws IOException {
    if (t.finished()) {
      closeTransfer();
    } else {
      t.touch(idleNanos, () -> closeIfIdle(t));
    }
  }

  private void closeIfIdle(FsTransfer t) {
    lock.lock();
    try {
      if (transfer == t && t.idleFor(idleNanos)) {
        closeTransferQuietly();
      }
    } finally {
      lock.unlock();
    }
  }

  private void closeTransfer() throws IOException {
    FsTransfer t = transfer;
    transfer = null;
    if (t != null) {
      t.close();
    }
  }

  private void closeTransferQuietly() {
    try {
      closeTransfer();
    } catch (IOException ignored) {
      // the file is released either way; nothing to report to a request that already failed
    }
  }
}
