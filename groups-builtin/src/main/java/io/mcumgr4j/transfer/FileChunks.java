package io.mcumgr4j.transfer;

import io.mcumgr4j.cbor.CborReader;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.client.Responses;
import io.mcumgr4j.groups.fs.FsMgmtError;

/**
 * File upload and download requests (group 8, command 0) and replies, keys in the order of
 * {@code FsMgmtClient} (Zephyr's decoder takes any order): {@code off, name, data} and, at offset
 * 0 only, {@code len}.
 */
final class FileChunks {

  private FileChunks() {}

  /** A download reply: the chunk at {@code off}; {@code len} (the file's size) only at offset 0. */
  record Download(long off, byte[] data, Long len) {}

  /** An encoder of the upload chunk at {@code off} of {@code data}. */
  static ChunkSizer.ChunkEncoder upload(String name, byte[] data, long off) {
    return (out, n) -> {
      out.startMap(off == 0 ? 4 : 3);
      out.key("off").uint(off);
      out.key("name").text(name);
      out.key("data").bytes(data, (int) off, n);
      if (off == 0) {
        out.key("len").uint(data.length);
      }
    };
  }

  static byte[] download(String name, long off) {
    CborWriter out = CborWriter.forRequest();
    out.startMap(2);
    out.key("off").uint(off);
    out.key("name").text(name);
    return out.toByteArray();
  }

  /** The {@code off} of an upload reply, throwing its {@code rc} or FS group error. */
  static long decodeUpload(byte[] payload) {
    return Responses.decode(payload, FsMgmtError::forCode, in -> {
      Long off = readUint(in, "off");
      if (off == null) {
        throw new TransferException("file upload reply without off");
      }
      return off;
    });
  }

  static Download decodeDownload(byte[] payload) {
    return Responses.decode(payload, FsMgmtError::forCode, in -> {
      long off = -1;
      byte[] data = null;
      Long len = null;
      in.beginMap();
      for (String key = in.nextKey(); key != null; key = in.nextKey()) {
        switch (key) {
          case "off" -> off = in.uint(Long.MAX_VALUE);
          case "data" -> data = in.bytes();
          case "len" -> len = in.uint(Long.MAX_VALUE);
          default -> in.skipValue();
        }
      }
      if (off < 0 || data == null) {
        throw new TransferException("file download reply without off or data");
      }
      return new Download(off, data, len);
    });
  }

  /** The unsigned value of {@code key} in a response map, or {@code null} (e.g. the expected {@code len} beside an error). */
  static Long readUint(CborReader in, String wanted) {
    Long value = null;
    in.beginMap();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      if (key.equals(wanted)) {
        value = in.uint(Long.MAX_VALUE);
      } else {
        in.skipValue();
      }
    }
    return value;
  }
}
