package io.mcumgr4j.simulator.fs;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.callback.MgmtCallbacks;
import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.error.MgmtException;
import io.mcumgr4j.groups.fs.FsMgmt;
import io.mcumgr4j.groups.fs.FsMgmtError;
import io.mcumgr4j.server.RequestContext;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The file system group (8) of a simulated device, serving the files under a root directory as
 * Zephyr's {@code fs_mgmt.c} serves its mounted file systems. Device paths are absolute: {@code
 * /lfs1/x.bin} is {@code root/lfs1/x.bin}, and the directories directly under the root are the mount
 * points; nothing outside the root is reachable (see {@link FsPaths}: a bad name is {@code
 * FILE_INVALID_NAME}, one that leads outside is treated as absent).
 *
 * <p>Each command checks in Zephyr's order: the request decodes (the dispatcher; a missing {@code
 * off} or {@code name} is {@code EINVAL}); the name is not empty and at most {@link
 * Limits#maxPathLength()} UTF-8 bytes ({@code EINVAL}); then:
 *
 * <ul>
 *   <li>upload, download: {@code len} is required at {@code off} 0 ({@code EINVAL}); the transfer
 *       lock is free (else {@code EBUSY}); a request that does not continue the open transfer (same
 *       direction, path and link) fires the {@link FsEvents#FILE_ACCESS access hook}, whose
 *       failure is the answer and leaves the open transfer alone, then closes that transfer and
 *       opens the file. The file stays open until the transfer completes, command 4, another
 *       transfer, or {@link Limits#idleTimeout()} without a request.
 *   <li>upload: {@code off} 0 creates the file, and its first non-empty chunk truncates it;
 *       a later {@code off} must be the bytes stored so far (a new transfer may resume at the
 *       file's size), else {@code FILE_OFFSET_NOT_VALID} with {@code len} = the expected offset
 *       beside {@code err} and the transfer closed. The reply {@code off} is the bytes stored.
 *   <li>download: {@code data} from {@code off}, as much as fits the response in the server buffer
 *       and the link's MTU; {@code len} (the size at open) only when {@code off} is 0. An {@code
 *       off} at or past the end gives empty {@code data}, as Zephyr's littlefs read does.
 *   <li>status: the hook, then {@code len}.
 *   <li>hash: {@code type} of at most 8 bytes and {@code len} not 0 ({@code EINVAL}); an unknown
 *       type is {@code CHECKSUM_HASH_NOT_FOUND}; the hook; {@code off} at or past the end is {@code
 *       FILE_OFFSET_LARGER_THAN_FILE} ({@code FILE_EMPTY} for an empty file); the reply {@code len}
 *       is the bytes hashed (to the end of the file at most).
 * </ul>
 *
 * <p>A missing file or directory is {@code FILE_NOT_FOUND} for reads and {@code
 * MOUNT_POINT_NOT_FOUND} for an upload, as Zephyr maps {@code -ENOENT}; a directory is {@code
 * FILE_IS_DIRECTORY}. Where this differs from Zephyr: sizes are bounded ({@link
 * Limits#maxFileSize()} per file, {@link Limits#maxTotalBytes()} for all files under the root: an
 * upload announcing more, or a chunk going past either, is {@code FILE_WRITE_FAILED} before
 * anything is written, what Zephyr answers when its file system is full); a transfer belongs to one
 * link and peer (Zephyr tells transports apart, not peers on one); a restart at {@code off} 0 inside
 * an open upload counts from 0 (Zephyr keeps counting from the old offset); an upload that starts at
 * an {@code off} above 0 for a missing file does not create it (Zephyr creates it empty); uploading
 * onto a directory is {@code FILE_IS_DIRECTORY} (Zephyr: {@code UNKNOWN}); a failed write cuts the
 * file back to the last good chunk.
 */
public final class SimulatedFsMgmt implements FsMgmt {

  /**
   * The device's limits.
   *
   * @param maxPathLength the longest name in UTF-8 bytes (Zephyr's {@code
   *     CONFIG_MCUMGR_GRP_FS_PATH_LEN}, default 64)
   * @param maxFileSize the largest file an upload may make: the simulated partition's size
   * @param idleTimeout how long an open transfer waits for its next request before its file is
   *     closed (Zephyr's {@code CONFIG_MCUMGR_GRP_FS_FILE_AUTOMATIC_IDLE_CLOSE_TIME}, default 4 s)
   * @param maxTotalBytes the bytes all regular files under the root may hold together: the
   *     simulated file systems' capacity, so uploads cannot fill the host's disk
   */
  public record Limits(int maxPathLength, long maxFileSize, Duration idleTimeout, long maxTotalBytes) {

    /** The capacity {@link #DEFAULT} and the three-argument constructor give: 64 MiB. */
    public static final long DEFAULT_MAX_TOTAL_BYTES = 64L << 20;

    /** Zephyr's defaults, 16 MiB files and 64 MiB in all. */
    public static final Limits DEFAULT = new Limits(64, 16L << 20, Duration.ofSeconds(4));

    public Limits {
      if (maxPathLength < 2 || maxFileSize < 0 || maxFileSize > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException("maxPathLength " + maxPathLength + ", maxFileSize " + maxFileSize);
      }
      if (idleTimeout.isNegative() || idleTimeout.isZero()) {
        throw new IllegalArgumentException("idleTimeout " + idleTimeout + " must be positive");
      }
      if (maxTotalBytes < 0) {
        throw new IllegalArgumentException("maxTotalBytes " + maxTotalBytes + " is negative");
      }
    }

    /** Limits with a capacity of {@link #DEFAULT_MAX_TOTAL_BYTES}. */
    public Limits(int maxPathLength, long maxFileSize, Duration idleTimeout) {
      this(maxPathLength, maxFileSize, idleTimeout, DEFAULT_MAX_TOTAL_BYTES);
    }
  }

  private final FsPaths paths;
  private final MgmtCallbacks callbacks;
  private final Limits limits;
  private final FsSession session;

  /**
   * @param root the device's files, an existing directory; its subdirectories are the mount points
   * @param callbacks the event bus the access hook fires on (the server's)
   */
  public SimulatedFsMgmt(Path root, MgmtCallbacks callbacks) {
    this(root, callbacks, Limits.DEFAULT);
  }

  /** As {@link #SimulatedFsMgmt(Path, MgmtCallbacks)} with other limits. */
  public SimulatedFsMgmt(Path root, MgmtCallbacks callbacks, Limits limits) {
    this.paths = new FsPaths(root);
    this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.session = new FsSession(paths, limits);
  }

  @Override
  public Download download(RequestContext ctx, long off, String name) {
    checkName(name);
    return session.download(ctx, off, name, () -> access(FsEvents.Access.READ, name));
  }

  @Override
  public Upload upload(RequestContext ctx, long off, String name, byte[] data, OptionalLong len) {
    checkName(name);
    if (off == 0 && len.isEmpty()) {
      throw new MgmtException(MgmtErr.EINVAL, "len is required at off 0");
    }
    if (off == 0 && len.getAsLong() > limits.maxFileSize()) {
      throw new GroupErrorException(FsMgmtError.FILE_WRITE_FAILED, "larger than " + limits.maxFileSize() + " bytes");
    }
    return session.upload(ctx, off, name, data, len, () -> access(FsEvents.Access.WRITE, name));
  }

  @Override
  public Status status(RequestContext ctx, String name) {
    checkName(name);
    access(FsEvents.Access.STATUS, name);
    return new Status(sizeOf(paths.regularFile(name)));
  }

  @Override
  public Hash hash(RequestContext ctx, String name, String type, OptionalLong off, OptionalLong len) {
    checkName(name);
    if (type != null && type.getBytes(StandardCharsets.UTF_8).length > 8) {
      throw new MgmtException(MgmtErr.EINVAL, "type longer than 8 bytes");
    }
    if (len.isPresent() && len.getAsLong() == 0) {
      throw new MgmtException(MgmtErr.EINVAL, "len 0");
    }
    FsHash hash = type == null || type.isEmpty() ? FsHash.DEFAULT : FsHash.named(type);
    if (hash == null) {
      throw new GroupErrorException(FsMgmtError.CHECKSUM_HASH_NOT_FOUND, type);
    }
    access(FsEvents.Access.HASH, name);
    Path file = paths.regularFile(name);
    long size = sizeOf(file);
    long from = off.orElse(0);
    if (from >= size) {
      throw new GroupErrorException(
          size == 0 ? FsMgmtError.FILE_EMPTY : FsMgmtError.FILE_OFFSET_LARGER_THAN_FILE);
    }
    FsHash.Result result;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      result = hash.compute(channel, from, len.orElse(Long.MAX_VALUE));
    } catch (NoSuchFileException e) {
      throw new GroupErrorException(FsMgmtError.FILE_NOT_FOUND);
    } catch (IOException e) {
      throw new GroupErrorException(FsMgmtError.UNKNOWN, e.toString());
    }
    return new Hash(hash.typeName(), from == 0 ? null : from, result.len(), result.output());
  }

  @Override
  public SupportedTypes supportedTypes() {
    return new SupportedTypes(FsHash.supported());
  }

  @Override
  public void close() {
    session.close();
  }

  /**
   * Closes the file an open transfer holds, as a reboot or power-off does; waits for a request in
   * progress rather than answering {@code EBUSY} as {@link #close()} does. The device calls it when
   * it restarts or closes, so no file stays open on its data directory.
   */
  public void closeFiles() {
    session.closeFiles();
  }

  /** Whether an upload or download holds a file open (for tests of the idle close). */
  boolean transferOpen() {
    return session.isOpen();
  }

  private void checkName(String name) {
    int bytes = name.getBytes(StandardCharsets.UTF_8).length;
    if (bytes == 0 || bytes > limits.maxPathLength()) {
      throw new MgmtException(MgmtErr.EINVAL, "name of " + bytes + " bytes");
    }
  }

  private void access(FsEvents.Access access, String name) {
    if (callbacks.hasListeners(FsEvents.FILE_ACCESS)) {
      callbacks.notify(FsEvents.FILE_ACCESS, new FsEvents.FileAccessEvent(access, name)).throwIfFailed();
    }
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (NoSuchFileException e) {
      throw new GroupErrorException(FsMgmtError.FILE_NOT_FOUND);
    } catch (IOException e) {
      throw new GroupErrorException(FsMgmtError.UNKNOWN, e.toString());
    }
  }
}
