package io.mcumgr4j.transfer;

import java.time.Duration;
import java.util.Objects;

/**
 * Options of image and file transfers.
 *
 * @param image the image number an image upload targets (first chunk's {@code image}); image
 *     uploads only
 * @param upgrade whether the device must refuse an image not newer than the running one (first
 *     chunk's {@code upgrade}); image uploads only
 * @param firstChunkTimeout the longest wait for an answer to the chunk at offset 0, which may erase
 *     a whole slot first; the chunk is resent after 1 s, then after twice as long each time up to
 *     this, and the transfer fails once it has waited this long once per try ({@code retries} + 1)
 * @param chunkTimeout the timeout of every other request
 * @param retries how often a request is resent (same sequence number) after a timeout
 * @param listener told of progress
 * @param verify whether file transfers check the device's hash of the file afterwards
 * @param window how many requests an image upload keeps in flight; 0 takes one fewer than the
 *     device's {@code buf_count} (at least 1), which its buffers hold without dropping any
 * @param progressDeadline how long an image upload goes on without the device taking a byte before
 *     it fails; lost requests are resent meanwhile, on a timeout that follows the measured round trip
 * @param force whether an image upload sends an image whose header, TLVs or SHA-256 do not check
 *     out (testing a device with bad images); by default such an image is refused before sending
 */
public record TransferOptions(
    int image,
    boolean upgrade,
    Duration firstChunkTimeout,
    Duration chunkTimeout,
    int retries,
    TransferListener listener,
    boolean verify,
    int window,
    Duration progressDeadline,
    boolean force) {

  /**
   * Image 0, no upgrade check, 30 s for the first chunk, 3 s and 2 retries for the others (the
   * ceiling of an image upload's adaptive timeout), the device's window, 30 s without progress.
   */
  public static final TransferOptions DEFAULT = builder().build();

  public TransferOptions {
    if (image < 0) {
      throw new IllegalArgumentException("image must not be negative: " + image);
    }
    if (retries < 0) {
      throw new IllegalArgumentException("retries must not be negative: " + retries);
    }
    Objects.requireNonNull(firstChunkTimeout, "firstChunkTimeout");
    Objects.requireNonNull(chunkTimeout, "chunkTimeout");
    Objects.requireNonNull(listener, "listener");
    if (window < 0) {
      throw new IllegalArgumentException("window must not be negative: " + window);
    }
    if (progressDeadline.isNegative() || progressDeadline.isZero()) {
      throw new IllegalArgumentException("progressDeadline must be positive: " + progressDeadline);
    }
  }

  /** A copy with another window ({@link #window()}). */
  public TransferOptions withWindow(int value) {
    return new TransferOptions(image, upgrade, firstChunkTimeout, chunkTimeout, retries, listener, verify, value,
        progressDeadline, force);
  }

  /** A builder holding {@link #DEFAULT}'s values. */
  public static Builder builder() {
    return new Builder();
  }

  /** The timeout of a request at {@code off}. */
  Duration timeoutAt(long off) {
    return off == 0 ? firstChunkTimeout : chunkTimeout;
  }

  /** Builds {@link TransferOptions}. */
  public static final class Builder {
    private int image;
    private boolean upgrade;
    private Duration firstChunkTimeout = Duration.ofSeconds(30);
    private Duration chunkTimeout = Duration.ofSeconds(3);
    private int retries = 2;
    private TransferListener listener = TransferListener.NONE;
    private boolean verify;
    private int window;
    private Duration progressDeadline = Duration.ofSeconds(30);
    private boolean force;

    private Builder() {}

    public Builder image(int value) {
      image = value;
      return this;
    }

    public Builder upgrade(boolean value) {
      upgrade = value;
      return this;
    }

    public Builder firstChunkTimeout(Duration value) {
      firstChunkTimeout = value;
      return this;
    }

    public Builder chunkTimeout(Duration value) {
      chunkTimeout = value;
      return this;
    }

    public Builder retries(int value) {
      retries = value;
      return this;
    }

    public Builder listener(TransferListener value) {
      listener = value;
      return this;
    }

    public Builder verify(boolean value) {
      verify = value;
      return this;
    }

    /** Requests in flight; 0 (the default) for one fewer than the device's {@code buf_count}. */
    public Builder window(int value) {
      window = value;
      return this;
    }

    /** How long without progress fails an image upload; 30 s by default. */
    public Builder progressDeadline(Duration value) {
      progressDeadline = value;
      return this;
    }

    /** Sends an image that does not check out (for testing a device with bad images). */
    public Builder force(boolean value) {
      force = value;
      return this;
    }

    public TransferOptions build() {
      return new TransferOptions(image, upgrade, firstChunkTimeout, chunkTimeout, retries, listener, verify, window,
          progressDeadline, force);
    }
  }
}
