package io.mcumgr4j.transfer;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.cbor.RawCbor;
import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.error.MgmtException;
import io.mcumgr4j.groups.fs.FsMgmt;
import io.mcumgr4j.groups.fs.FsMgmtError;
import io.mcumgr4j.server.RequestContext;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.CRC32;

/**
 * A scripted FS group following Zephyr's {@code fs_mgmt.c}: offset 0 starts a file, a new
 * transfer context takes a chunk at the file's current size, any other offset answers
 * FILE_OFFSET_NOT_VALID with the expected {@code len} and drops the context; like Zephyr, a
 * resent offset-0 chunk truncates the file but counts its length again. A script can cut
 * the uploading file short before a numbered upload request (from 1), as a device losing data.
 */
final class FakeFiles implements FsMgmt {

  /** One upload request as received. */
  record Chunk(long off, int length, boolean hasLen) {}

  final Map<String, byte[]> files = new ConcurrentHashMap<>();
  final List<Chunk> uploads = new CopyOnWriteArrayList<>();
  final Map<Integer, Integer> truncateBefore = new ConcurrentHashMap<>();
  volatile int downloadChunk = 256;
  volatile Set<String> hashTypes = Set.of("crc32", "sha256");
  volatile boolean supportedTypesCommand = true;
  /** The {@code len} a download's first reply announces instead of the file's size, when set. */
  volatile Long claimedLen;

  private String uploading;
  private long off;

  @Override
  public synchronized Upload upload(RequestContext ctx, long at, String name, byte[] data, OptionalLong len) {
    uploads.add(new Chunk(at, data.length, len.isPresent()));
    Integer cut = truncateBefore.get(uploads.size());
    if (cut != null) {
      files.computeIfPresent(name, (k, v) -> Arrays.copyOf(v, Math.min(cut, v.length)));
      uploading = null;
    }
    if (at == 0 && len.isEmpty()) {
      throw new MgmtException(MgmtErr.EINVAL);
    }
    if (!name.equals(uploading)) {
      uploading = name;
      off = 0;
    }
    if (at == 0) {
      files.put(name, new byte[0]);
    } else if (off == 0) {
      off = files.getOrDefault(name, new byte[0]).length;
    }
    if (at > 0 && at != off) {
      long expected = off;
      uploading = null;
      throw new GroupErrorException(FsMgmtError.FILE_OFFSET_NOT_VALID).withEntries(out -> out.uint("len", expected));
    }
    byte[] old = files.getOrDefault(name, new byte[0]);
    byte[] grown = Arrays.copyOf(old, old.length + data.length);
    System.arraycopy(data, 0, grown, old.length, data.length);
    files.put(name, grown);
    off += data.length;
    return new Upload(off);
  }

  @Override
  public Download download(RequestContext ctx, long at, String name) {
    byte[] file = file(name);
    int from = (int) Math.min(at, file.length);
    byte[] chunk = Arrays.copyOfRange(file, from, Math.min(file.length, from + downloadChunk));
    Long len = claimedLen != null ? claimedLen : Long.valueOf(file.length);
    return new Download(at, chunk, at == 0 ? len : null);
  }

  @Override
  public Status status(RequestContext ctx, String name) {
    return new Status(file(name).length);
  }

  @Override
  public Hash hash(RequestContext ctx, String name, String type, OptionalLong at, OptionalLong len) {
    String t = type == null ? "crc32" : type;
    if (!hashTypes.contains(t)) {
      throw new GroupErrorException(FsMgmtError.CHECKSUM_HASH_NOT_FOUND);
    }
    byte[] file = file(name);
    if (file.length == 0) {
      throw new GroupErrorException(FsMgmtError.FILE_EMPTY);
    }
    int from = (int) at.orElse(0);
    int to = (int) Math.min(file.length, from + len.orElse(Long.MAX_VALUE - from));
    CborWriter out = new CborWriter();
    if (t.equals("crc32")) {
      CRC32 crc = new CRC32();
      crc.update(file, from, to - from);
      out.uint(crc.getValue());
    } else {
      out.bytes(ImageUploader.sha256(Arrays.copyOfRange(file, from, to), to - from));
    }
    return new Hash(t, from == 0 ? null : (long) from, to - from, new RawCbor(out.toByteArray()));
  }

  @Override
  public SupportedTypes supportedTypes() {
    if (!supportedTypesCommand) {
      throw new MgmtException(MgmtErr.ENOTSUP);
    }
    Map<String, HashType> types = new LinkedHashMap<>();
    hashTypes.forEach(t -> types.put(t, t.equals("crc32") ? new HashType(0, 4) : new HashType(1, 32)));
    return new SupportedTypes(types);
  }

  @Override
  public synchronized void close() {
    uploading = null;
    off = 0;
  }

  private byte[] file(String name) {
    byte[] file = files.get(name);
    if (file == null) {
      throw new GroupErrorException(FsMgmtError.FILE_NOT_FOUND);
    }
    return file;
  }
}
