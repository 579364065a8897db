package io.mcumgr4j.transfer;

import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.client.SmpTimeoutException;
import io.mcumgr4j.error.SmpException;
import io.mcumgr4j.frame.SmpFrame;
import io.mcumgr4j.groups.image.ImgMgmt;
import io.mcumgr4j.groups.image.ImgMgmtClient;
import io.mcumgr4j.mcuboot.ImageFormatException;
import io.mcumgr4j.mcuboot.McubootImage;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Uploads an image to a device's image group (1) as Zephyr's {@code img_mgmt} expects it.
 *
 * <ul>
 *   <li>Reads {@code mcumgr params} once per client and fills every request packet up to {@code
 *       buf_size} (less 4 over serial) and the link's MTU ({@link ChunkSizer}).
 *   <li>The chunk at offset 0 carries {@code len}, the whole image's SHA-256 as {@code sha},
 *       {@code image} and {@code upgrade}, goes alone and gets the long first-chunk timeout (the
 *       device may erase the slot first).
 *   <li>Then up to {@code window} chunks are in flight, sent in order ({@link
 *       TransferOptions#window()}: by default one fewer than the device's {@code buf_count}).
 *       The device answers each with the offset it expects next; when that is not the end of the
 *       chunk (a chunk before it was lost, or came late), the upload goes on from the device's
 *       offset, as Zephyr's handler answers any other offset with its own. Late and duplicate
 *       answers change nothing.
 *   <li>A lost request is resent after a timeout that follows the measured round trip ({@link
 *       RetransmitTimer}); the upload fails only when the device has taken nothing for {@link
 *       TransferOptions#progressDeadline()}.
 *   <li>Zephyr forgets an upload once its last chunk is written, so when that chunk's answer is
 *       lost its resend is answered offset 0, as after a reboot. The uploader then reads the image
 *       state: the upload is done when the secondary slot lists the image's hash and did not
 *       before the upload (a state read sent ahead of the first chunk and not waited for); else
 *       it starts again. {@link Result#match()} is then {@code null}.
 *   <li>Resuming needs nothing special: a new uploader sends offset 0 with the same {@code sha},
 *       and a device holding part of that upload answers how much it has.
 *   <li>An image whose header, TLVs or SHA-256 do not check out is refused before anything is sent,
 *       unless {@link TransferOptions#force()} says to send it anyway.
 *   <li>{@code match}, when the device sends it, must be true; it is never required (Zephyr
 *       sends it only when built with image checks).
 * </ul>
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
   *     the end) or takes nothing for the progress deadline; a new upload of the same image
   *     resumes where the device stopped
   * @throws io.mcumgr4j.error.GroupErrorException for an image group error (e.g. no free slot)
   * @throws io.mcumgr4j.client.SmpTimeoutException when the first chunk gets no reply after its
   *     retries
   * @throws IllegalArgumentException for an image that does not check out, unless forced
   */
  public Result upload(byte[] image) {
    if (image.length == 0) {
      throw new IllegalArgumentException("an image cannot be empty");
    }
    byte[] hash = imageHash(image, options.force());
    byte[] sha = sha256(image, image.length);
    // asked before the first chunk and not waited for: a slot that lists the image's hash already
    // (the same image uploaded before) proves nothing about this upload at its end
    CompletableFuture<Boolean> listedBefore = hash == null ? CompletableFuture.completedFuture(true)
        : new ImgMgmtClient(client).stateAsync().thenApply(state -> secondarySlotLists(state, hash))
            .exceptionally(e -> true);
    Boolean[] match = {null};
    int requests = new ChunkWindow(client, options, ImgMgmtClient.GROUP_ID, 1, "image upload").run(0, image.length,
        new ChunkWindow.Protocol() {
          @Override
          public ChunkSizer.ChunkEncoder chunk(long off) {
            return ImageChunks.at(image, off, sha, options);
          }

          @Override
          public long expected(SmpFrame response) {
            ImageChunks.Reply reply = ImageChunks.decode(response.payload());
            if (Boolean.FALSE.equals(reply.match())) {
              throw new TransferException("the device reports that the uploaded image does not match its SHA-256");
            }
            if (reply.off() == image.length || reply.match() != null) {
              match[0] = reply.match();
            }
            return reply.off();
          }

          @Override
          public boolean holdsAll(Duration resendAfter) {
            return !listedBefore.getNow(true) && secondarySlotHolds(hash, resendAfter);
          }
        });
    return new Result(image.length, sha, match[0], requests);
  }

  /**
   * The image's SHA256 TLV, refusing (before anything is sent) an image MCUboot would not boot: bad
   * header or TLVs, wrong SHA-256; a forced image that does not parse has none ({@code null}).
   */
  private static byte[] imageHash(byte[] image, boolean force) {
    String fault;
    try {
      McubootImage parsed = McubootImage.parse(image);
      if (force || parsed.verify()) {
        return parsed.hash();
      }
      fault = "its SHA-256 TLV does not match its contents";
    } catch (ImageFormatException | IllegalStateException e) {
      fault = e.getMessage();
    }
    if (force) {
      return null;
    }
    throw new IllegalArgumentException("not a valid MCUboot image (" + fault + "): nothing was sent; force the "
        + "upload (TransferOptions.force, --force) to send it anyway");
  }

  /**
   * Whether the slot this upload writes (the secondary of {@code options.image()}) holds the image
   * of {@code hash} now, asked again after {@code resendAfter} (a quarter second at least: the
   * device reads flash) while unanswered; no when the device cannot say (no answer, no state command).
   */
  private boolean secondarySlotHolds(byte[] hash, Duration resendAfter) {
    try {
      Duration firstWait = resendAfter.compareTo(Copies.QUICK_READ_WAIT) > 0 ? resendAfter : Copies.QUICK_READ_WAIT;
      ImgMgmt.State state = Copies.firstAnswer(client, new ImgMgmtClient(client)::stateAsync, firstWait,
          client.config().timeout(), Copies.clientPatience(client), "image state read").value();
      return secondarySlotLists(state, hash);
    } catch (SmpException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw e; // not an answer: starting again would erase what the device may hold
      }
      return false; // the upload is sent again from the start
    }
  }

  private boolean secondarySlotLists(ImgMgmt.State state, byte[] hash) {
    for (ImgMgmt.Slot slot : state.images()) {
      long number = slot.image() == null ? 0 : slot.image();
      if (slot.slot() == 1 && number == options.image() && Arrays.equals(slot.hash(), hash)) {
        return true;
      }
    }
    return false;
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
