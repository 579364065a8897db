package io.mcumgr4j.groups.fs;

import io.mcumgr4j.annotation.Command;
import io.mcumgr4j.annotation.ErrorCode;
import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.annotation.MgmtGroup;
import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.annotation.Param;
import io.mcumgr4j.annotation.Uint;
import io.mcumgr4j.cbor.RawCbor;
import io.mcumgr4j.server.RequestContext;
import java.util.Map;
import java.util.OptionalLong;

/** Zephyr's file system group (8): {@code smp_group_8.rst}, {@code fs_mgmt.c}. */
@MgmtGroup(id = 8, name = "fs mgmt", eventGroup = 4,
    errors = {
        @ErrorCode(value = 2, name = "FILE_INVALID_NAME", legacy = MgmtErr.EINVAL),
        @ErrorCode(value = 3, name = "FILE_NOT_FOUND", legacy = MgmtErr.ENOENT),
        @ErrorCode(value = 4, name = "FILE_IS_DIRECTORY"),
        @ErrorCode(value = 5, name = "FILE_OPEN_FAILED"),
        @ErrorCode(value = 6, name = "FILE_SEEK_FAILED"),
        @ErrorCode(value = 7, name = "FILE_READ_FAILED"),
        @ErrorCode(value = 8, name = "FILE_TRUNCATE_FAILED"),
        @ErrorCode(value = 9, name = "FILE_DELETE_FAILED"),
        @ErrorCode(value = 10, name = "FILE_WRITE_FAILED"),
        @ErrorCode(value = 11, name = "FILE_OFFSET_NOT_VALID", doc = "The chunk is not at the expected offset"),
        @ErrorCode(value = 12, name = "FILE_OFFSET_LARGER_THAN_FILE"),
        @ErrorCode(value = 13, name = "CHECKSUM_HASH_NOT_FOUND", legacy = MgmtErr.EINVAL),
        @ErrorCode(value = 14, name = "MOUNT_POINT_NOT_FOUND", legacy = MgmtErr.ENOENT),
        @ErrorCode(value = 15, name = "READ_ONLY_FILESYSTEM"),
        @ErrorCode(value = 16, name = "FILE_EMPTY"),
        @ErrorCode(value = 17, name = "FILE_CLOSE_FAILED")
    })
public interface FsMgmt {

  /** A chunk of a file from {@code off}; {@code len} (the file size) only when {@code off} is 0. */
  @Command(id = 0, ops = Op.READ)
  Download download(RequestContext ctx, @Param("off") @Uint long off, @Param("name") String name);

  /**
   * A chunk of a file to {@code off}; {@code len} (the whole file's size) is required at offset 0.
   * A chunk at another offset than expected answers FILE_OFFSET_NOT_VALID with the expected
   * {@code len} beside it.
   */
  @Command(id = 0, ops = Op.WRITE)
  Upload upload(
      RequestContext ctx,
      @Param("off") @Uint long off,
      @Param("name") String name,
      @Param("data") byte[] data,
      @Param(value = "len", required = false) @Uint OptionalLong len);

  /** A file's size. */
  @Command(id = 1, ops = Op.READ)
  Status status(RequestContext ctx, @Param("name") String name);

  /** A hash or checksum of a file, or of {@code len} bytes of it from {@code off}. */
  @Command(id = 2, ops = Op.READ)
  Hash hash(
      RequestContext ctx,
      @Param("name") String name,
      @Param(value = "type", required = false) String type,
      @Param(value = "off", required = false) @Uint OptionalLong off,
      @Param(value = "len", required = false) @Uint OptionalLong len);

  /** The hash and checksum types the device supports, by name. */
  @Command(id = 3, ops = Op.READ)
  SupportedTypes supportedTypes();

  /** Closes the file a transfer left open. */
  @Command(id = 4, ops = Op.WRITE)
  void close();

  /** Response of {@link #download}: keys in Zephyr's order. */
  record Download(@Uint long off, byte[] data, @Uint Long len) {}

  /** Response of {@link #upload}: the bytes stored so far. */
  record Upload(@Uint long off) {}

  /** Response of {@link #status}. */
  record Status(@Uint long len) {}

  /**
   * Response of {@link #hash}.
   *
   * @param off sent only when not 0
   * @param output a uint (crc32) or a byte string (sha256)
   */
  record Hash(String type, @Uint Long off, @Uint long len, RawCbor output) {}

  /** Response of {@link #supportedTypes}. */
  record SupportedTypes(Map<String, HashType> types) {}

  /**
   * One hash or checksum type.
   *
   * @param format 0 a number, 1 a byte string
   * @param size the output's size in bytes
   */
  record HashType(@Uint long format, @Uint long size) {}
}
