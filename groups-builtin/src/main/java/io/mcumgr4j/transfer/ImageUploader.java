package io.mcumgr4j.transfer;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.groups.image.ImgMgmtClient;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * Uploads an image to a device's image group (1) as Zephyr's {@code img_mgmt} expects it.
 *
 * <ul>
 *   <li>Reads {@code mcumgr params} first and fills every request packet up to {@code buf_size}
 *       (less 4 over serial) and the link's MTU ({@link ChunkSizer}).
 *   <li>The chunk at offset 0 carries {@code len}, the whole image's SHA-256 as {@code sha},
 *       {@code image} and {@code upgrade}, and gets the long first-chunk timeout (the device may
 *       erase the slot first).
 *   <li>Every next chunk starts at the {@code off} the device answered, never at the uploader's
 *       own count: a smaller one (0 after a reboot included) is resent from there, and offset 0
 *       repeats all first-chunk fields.
 *   <li>Resuming needs nothing special: a new uploader sends offset 0 with the same {@code sha},
 *       and a device holding part of that upload answers how much it has.
 *   <li>{@code match}, when the device sends it, must be true; it is never required (Zephyr
 *       sends it only when built with image checks).
 * </ul>
 *
 * <p>One chunk is in flight at a time, as with Zephyr's other clients: the device answers each
 * with the offset the next must use.
 */
public final class ImageUploader {

  private final SmpClient client;
  private final TransferOptions options;

  public ImageUploader(SmpClient client, TransferOptions options) {
    this.client = Objects.requireNonNull(client, "client");
    this.options = Objects.requireNonNull(options, "options");
  }

  public ImageUploader(SmpClient client) {
    this(client, TransferOptions.DEFAULT);
  }

  /**
   * The outcome of an upload.
   *
   * @param length the image's size
   * @param sha the SHA-256 of the whole image, as sent in {@code sha}
   * @param match the device's {@code match}, or {@code null} when it sent none
   * @param requests the upload requests answered
   */
  public record Result(long length, byte[] sha, Boolean match, int requests) {}

  /**
   * Uploads {@code image} (blocking).
   *
   * @throws TransferException if the device ends it wrongly ({@code match} false, an offset past
   *     the end, no progress)
   * @throws io.mcumgr4j.error.GroupErrorException for an image group error (e.g. no free slot)
   * @throws io.mcumgr4j.client.SmpTimeoutException when a chunk gets no reply after its retries;
   *     a new upload of the same image resumes where the device stopped
   */
  public Result upload(byte[] image) {
    if (image.length == 0) {
      throw new IllegalArgumentException("an image cannot be empty");
    }
    int packetLimit = ChunkSizer.packetLimit(client);
    byte[] sha = sha256(image, image.length);
    long len = image.length;
    Progress progress = new Progress();
    CborWriter out = CborWriter.forRequest();
    long off = 0;
    int requests = 0;
    while (true) {
      ChunkSizer.ChunkEncoder encoder = ImageChunks.at(image, off, sha, options);
      int n = (int) Math.min(ChunkSizer.maxData(packetLimit, encoder), len - off);
      encoder.encode(out.reset(), n);
      byte[] payload = out.toByteArray();
      ImageChunks.Reply reply = ImageChunks.decode(client.send(
          Op.WRITE, ImgMgmtClient.GROUP_ID, 1, payload, options.timeoutAt(off), options.retries()).payload());
      requests++;
      if (reply.off() > len) {
        throw new TransferException("the device answered offset " + reply.off() + " past the image's " + len + " bytes");
      }
      if (Boolean.FALSE.equals(reply.match())) {
        throw new TransferException("the device reports that the uploaded image does not match its SHA-256");
      }
      options.listener().progress(reply.off(), len);
      if (reply.off() == len) {
        return new Result(len, sha, reply.match(), requests);
      }
      progress.reply(off, reply.off(), "image upload");
      off = reply.off();
    }
  }

  /** The SHA-256 of the first {@code length} bytes of {@code data}. */
  static byte[] sha256(byte[] data, int length) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(data, 0, length);
      return digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
