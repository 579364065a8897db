package io.mcumgr4j.bench;

import io.mcumgr4j.annotation.Command;
import io.mcumgr4j.annotation.ErrorCode;
import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.annotation.MgmtGroup;
import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.annotation.Param;
import io.mcumgr4j.annotation.Uint;
import java.util.OptionalLong;

/**
 * The group {@link GeneratedDispatchBenchmark} serves through its generated dispatcher: one
 * file-upload write shaped like a chunk of Zephyr's fs_mgmt / img_mgmt upload.
 */
@MgmtGroup(id = 65, name = "bench upload",
    errors = @ErrorCode(value = 2, name = "TOO_LARGE", legacy = MgmtErr.ENOMEM,
        doc = "The chunk ends past the space for the file"))
public interface UploadMgmt {

  /**
   * Stores one chunk of a file.
   *
   * @param off where the chunk goes in the file
   * @param name the file's name
   * @param data the chunk
   * @param len the file's whole length, sent with the first chunk
   * @param sha the SHA-256 the file should have, sent with the first chunk
   * @param upgrade whether to upgrade from the file once complete
   * @return the offset the next chunk starts at, and whether {@code sha} is the expected one
   */
  @Command(id = 0, ops = Op.WRITE)
  UploadResult upload(
      @Param("off") @Uint long off,
      @Param("name") String name,
      @Param("data") byte[] data,
      @Param(value = "len", required = false) @Uint OptionalLong len,
      @Param(value = "sha", required = false) byte[] sha,
      @Param(value = "upgrade", required = false) Boolean upgrade);

  /** The response of {@link #upload}: {@code match} is left out when the request had no sha. */
  record UploadResult(@Uint long off, Boolean match) {}
}
