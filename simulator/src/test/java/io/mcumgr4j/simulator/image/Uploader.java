package io.mcumgr4j.simulator.image;

import io.mcumgr4j.groups.image.ImgMgmt.UploadResult;
import io.mcumgr4j.groups.image.ImgMgmtClient;
import io.mcumgr4j.mcuboot.McubootImage;
import java.util.Arrays;
import java.util.OptionalLong;

/** Uploads as clients do: chunk 0 with {@code len} and {@code sha}, then from each reply's {@code off}. */
final class Uploader {

  /** Data per chunk: with the keys and header, well under the 2048-byte buffer. */
  static final int CHUNK = 1024;

  private Uploader() {}

  static UploadResult first(ImgMgmtClient client, byte[] image, int chunk) {
    return client.upload(OptionalLong.of(0), OptionalLong.of(image.length), OptionalLong.of(0),
        Arrays.copyOf(image, Math.min(chunk, image.length)), McubootImage.sha256(image), false);
  }

  static UploadResult chunkAt(ImgMgmtClient client, byte[] image, long off, int chunk) {
    int end = (int) Math.min(image.length, off + chunk);
    return client.upload(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.of(off),
        Arrays.copyOfRange(image, (int) off, end), null, null);
  }

  /** Goes on from the reply's {@code off} until the device holds {@code image.length} bytes; returns the last reply. */
  static UploadResult rest(ImgMgmtClient client, byte[] image, UploadResult reply) {
    while (reply.off() < image.length) {
      reply = reply.off() == 0 ? first(client, image, CHUNK) : chunkAt(client, image, reply.off(), CHUNK);
    }
    return reply;
  }

  static UploadResult all(ImgMgmtClient client, byte[] image) {
    return rest(client, image, first(client, image, CHUNK));
  }
}
