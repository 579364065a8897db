package io.mcumgr4j.bench;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.error.MgmtException;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * The {@link UploadMgmt} implementation both paths of {@link GeneratedDispatchBenchmark} call:
 * copies each chunk into a fixed file buffer and compares a given sha with the expected one.
 */
final class FileUpload implements UploadMgmt {

  private final byte[] file;
  private final byte[] expectedSha;

  /**
   * @param capacity the largest file accepted
   * @param expectedSha the SHA-256 the uploaded file should have
   */
  FileUpload(int capacity, byte[] expectedSha) {
    this.file = new byte[capacity];
    this.expectedSha = expectedSha.clone();
  }

  @Override
  public UploadResult upload(
      long off, String name, byte[] data, OptionalLong len, byte[] sha, Boolean upgrade) {
    if (name.isEmpty()) {
      throw new MgmtException(MgmtErr.EINVAL, "'name' is empty");
    }
    if (off == 0 && len.isEmpty()) {
      throw new MgmtException(MgmtErr.EINVAL, "the first chunk must carry 'len'");
    }
    if (off + data.length > file.length || len.orElse(0) > file.length) {
      throw new GroupErrorException(UploadMgmtError.TOO_LARGE);
    }
    System.arraycopy(data, 0, file, (int) off, data.length);
    Boolean match = sha == null ? null : Arrays.equals(sha, expectedSha);
    return new UploadResult(off + data.length, match);
  }
}
