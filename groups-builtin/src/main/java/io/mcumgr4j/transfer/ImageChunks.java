package io.mcumgr4j.transfer;

import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.client.Responses;
import io.mcumgr4j.groups.image.ImgMgmtError;

/**
 * Image upload requests (group 1, command 1) and replies. Keys go in smpclient's order, the
 * order Zephyr 4.4.0 was seen to take: {@code len, off, sha, data, image, upgrade} on the first
 * chunk, {@code off, data} on the others (Zephyr reads the rest only at offset 0).
 */
final class ImageChunks {

  private ImageChunks() {}

  /** The device's answer to a chunk: where the next one starts, and {@code match} when sent. */
  record Reply(long off, Boolean match) {}

  /** An encoder of the chunk at {@code off} of {@code image}. */
  static ChunkSizer.ChunkEncoder at(byte[] image, long off, byte[] sha, TransferOptions options) {
    return (out, n) -> encode(out, image, off, n, sha, options);
  }

  static void encode(CborWriter out, byte[] image, long off, int n, byte[] sha, TransferOptions options) {
    if (off == 0) {
      out.startMap(6);
      out.key("len").uint(image.length);
      out.key("off").uint(0);
      out.key("sha").bytes(sha);
      out.key("data").bytes(image, 0, n);
      out.key("image").uint(options.image());
      out.key("upgrade").bool(options.upgrade());
    } else {
      out.startMap(2);
      out.key("off").uint(off);
      out.key("data").bytes(image, (int) off, n);
    }
  }

  /** Decodes a reply, throwing its {@code rc} or image group error. */
  static Reply decode(byte[] payload) {
    return Responses.decode(payload, ImgMgmtError::forCode, in -> {
      long off = -1;
      Boolean match = null;
      in.beginMap();
      for (String key = in.nextKey(); key != null; key = in.nextKey()) {
        switch (key) {
          case "off" -> off = in.uint32();
          case "match" -> match = in.bool();
          default -> in.skipValue();
        }
      }
      if (off < 0) {
        throw new TransferException("image upload reply without off");
      }
      return new Reply(off, match);
    });
  }
}
