package io.mcumgr4j.transfer;

import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.cbor.CborWriter;
import io.mcumgr4j.client.SmpClient;
import io.mcumgr4j.client.SmpTimeoutException;
import io.mcumgr4j.frame.SmpFrame;
import io.mcumgr4j.groups.image.ImgMgmtClient;
import io.mcumgr4j.mcuboot.ImageFormatException;
import io.mcumgr4j.mcuboot.McubootImage;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

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

  /** One chunk on its way: where it starts, its length, when it went, and in which pass. */
  private record Sent(long off, int length, long sentNanos, boolean resent, int pass) {}

  /** A chunk's answer, or why it has none. */
  private record Answer(Sent sent, SmpFrame response, Throwable failure) {}

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
    if (!options.force()) {
      checkImage(image);
    }
    int packetLimit = ChunkSizer.packetLimit(client);
    int window = options.window() > 0 ? options.window()
        : (int) Math.max(1, ChunkSizer.params(client).bufCount() - 1);
    byte[] sha = sha256(image, image.length);
    long len = image.length;
    CborWriter out = CborWriter.forRequest();
    Progress progress = new Progress();

    RetransmitTimer timer = new RetransmitTimer(options.chunkTimeout());
    LinkedBlockingQueue<Answer> answers = new LinkedBlockingQueue<>();
    long deadlineNanos = options.progressDeadline().toNanos();
    long lastProgress = System.nanoTime();
    long acked = 0;
    long best = 0;
    long next = 0;
    long highestSent = 0;
    int requests = 0;
    int inFlight = 0;
    int pass = 0;
    Boolean match = null;
    while (acked < len) {
      if (next == 0) {
        // the first chunk goes alone, with its long timeout: it may erase a slot, and its answer
        // says where a resumed upload stands
        int n = chunkLength(image, 0, sha, packetLimit);
        ImageChunks.Reply reply = ImageChunks.decode(client.send(Op.WRITE, ImgMgmtClient.GROUP_ID, 1,
            encode(out, image, 0, n, sha), options.firstChunkTimeout(), options.retries()).payload());
        requests++;
        acked = check(reply, len);
        match = reply.match();
        pass++;
        next = acked;
        highestSent = Math.max(highestSent, n);
        if (acked > best) {
          best = acked;
          lastProgress = System.nanoTime();
        }
        options.listener().progress(acked, len);
        continue;
      }
      while (inFlight < window && next < len) {
        int n = chunkLength(image, next, sha, packetLimit);
        Sent sent = new Sent(next, n, System.nanoTime(), next < highestSent, pass);
        client.sendAsync(Op.WRITE, ImgMgmtClient.GROUP_ID, 1, encode(out, image, next, n, sha), timer.timeout(), 0)
            .whenComplete((response, failure) -> answers.add(new Answer(sent, response, failure)));
        inFlight++;
        next += n;
        highestSent = Math.max(highestSent, next);
      }
      Answer answer = take(answers, deadlineNanos - (System.nanoTime() - lastProgress), acked, len);
      inFlight--;
      Sent sent = answer.sent();
      long end = sent.off() + sent.length();
      if (answer.failure() != null) {
        if (!(unwrap(answer.failure()) instanceof SmpTimeoutException)) {
          throw (RuntimeException) unwrap(answer.failure());
        }
        if (sent.pass() == pass && acked < end) {
          // lost, or its answer was: wait longer, and go on from what the device has taken
          timer.backOff();
          pass++;
          next = acked;
        }
        continue;
      }
      requests++;
      ImageChunks.Reply reply = ImageChunks.decode(answer.response().payload());
      long off = check(reply, len);
      if (!sent.resent()) {
        timer.sample(System.nanoTime() - sent.sentNanos());
      }
      boolean current = sent.pass() == pass;
      if (off > acked) {
        progress.reply(acked, off, "image upload");
        acked = off;
        match = reply.match();
        options.listener().progress(acked, len);
      } else if (current && off < sent.off() && off < acked) {
        // behind what it had taken: the device went back (a reboot); its offset is where we stand
        progress.reply(acked, off, "image upload");
        acked = off;
      } else if (current && off == sent.off() && off == acked) {
        progress.reply(off, off, "image upload"); // answered without taking the data
      }
      if (acked > best) {
        best = acked;
        lastProgress = System.nanoTime();
      }
      if (current && off < end) {
        // this chunk was not taken where it was sent (one before it was lost): resend from the device's offset
        pass++;
        next = off;
      } else if (off > next) {
        next = off; // the device has more than was sent (a resumed upload): skip what it holds
      }
    }
    return new Result(len, sha, match, requests);
  }

  /** Refuses, before anything is sent, an image MCUboot would not boot: bad header or TLVs, wrong SHA-256. */
  private static void checkImage(byte[] image) {
    String fault;
    try {
      McubootImage parsed = McubootImage.parse(image);
      fault = parsed.verify() ? null : "its SHA-256 TLV does not match its contents";
    } catch (ImageFormatException | IllegalStateException e) {
      fault = e.getMessage();
    }
    if (fault != null) {
      throw new IllegalArgumentException("not a valid MCUboot image (" + fault + "): nothing was sent; force the "
          + "upload (TransferOptions.force, --force) to send it anyway");
    }
  }

  private int chunkLength(byte[] image, long off, byte[] sha, int packetLimit) {
    ChunkSizer.ChunkEncoder encoder = ImageChunks.at(image, off, sha, options);
    return (int) Math.min(ChunkSizer.maxData(packetLimit, encoder), image.length - off);
  }

  private byte[] encode(CborWriter out, byte[] image, long off, int n, byte[] sha) {
    ImageChunks.at(image, off, sha, options).encode(out.reset(), n);
    return out.toByteArray();
  }

  /** The reply's offset, checked: never past the image, and {@code match} never false. */
  private static long check(ImageChunks.Reply reply, long len) {
    if (reply.off() > len) {
      throw new TransferException("the device answered offset " + reply.off() + " past the image's " + len + " bytes");
    }
    if (Boolean.FALSE.equals(reply.match())) {
      throw new TransferException("the device reports that the uploaded image does not match its SHA-256");
    }
    return reply.off();
  }

  private static Answer take(LinkedBlockingQueue<Answer> answers, long waitNanos, long acked, long len) {
    try {
      Answer a = waitNanos > 0 ? answers.poll(waitNanos, TimeUnit.NANOSECONDS) : null;
      if (a == null) {
        throw new TransferException("image upload: the device took nothing for the progress deadline (it holds "
            + acked + " of " + len + " bytes; a new upload resumes there)");
      }
      return a;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransferException("image upload interrupted at " + acked + " of " + len + " bytes");
    }
  }

  private static Throwable unwrap(Throwable t) {
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
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
