package io.mcumgr4j.transfer;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.error.MgmtException;
import io.mcumgr4j.groups.image.ImgMgmt;
import io.mcumgr4j.groups.image.ImgMgmtError;
import io.mcumgr4j.mcuboot.ImageFormatException;
import io.mcumgr4j.mcuboot.McubootImage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scripted image group following Zephyr's upload rules (spec 4.1): offset 0 starts an upload
 * (or resumes one with the same {@code sha}), a chunk at another offset than expected is dropped
 * and answered with the expected one, {@code match} only when asked. Scripts act before the
 * numbered upload request (from 1): a reboot (state lost), a rewind of the expected offset.
 */
final class FakeImage implements ImgMgmt {

  /** One upload request as received. */
  record Chunk(long off, int length, boolean firstChunkFields) {}

  final List<Chunk> chunks = new CopyOnWriteArrayList<>();
  final Set<Integer> rebootBefore = ConcurrentHashMap.newKeySet();
  final Map<Integer, Long> rewindBefore = new ConcurrentHashMap<>();
  volatile boolean sendMatch;
  volatile boolean corruptWrites;
  volatile byte[] completed;
  volatile int stateReads;
  /** How long the first upload request takes, as a slot erase would. */
  volatile long firstRequestMillis;
  /** How long every other upload request takes, as a flash write would. */
  volatile long requestMillis;

  private boolean active;
  private byte[] slot;
  private byte[] sha;
  private long expected;

  /** MCUboot's image header magic 0x96F3B83D, little-endian. */
  private static final byte[] MAGIC = {0x3D, (byte) 0xB8, (byte) 0xF3, (byte) 0x96};

  /** An image of {@code size} pseudo-random bytes starting with MCUboot's magic. */
  static byte[] image(int size, long seed) {
    byte[] image = new byte[size];
    new Random(seed).nextBytes(image);
    System.arraycopy(MAGIC, 0, image, 0, MAGIC.length);
    return image;
  }

  @Override
  public synchronized UploadResult upload(
      OptionalLong image, OptionalLong len, OptionalLong off, byte[] data, byte[] sha, Boolean upgrade) {
    int request = chunks.size() + 1;
    long millis = request == 1 ? firstRequestMillis : requestMillis;
    if (millis > 0) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (rebootBefore.contains(request)) {
      active = false;
      expected = 0;
    }
    Long rewind = rewindBefore.get(request);
    if (rewind != null) {
      expected = rewind;
    }
    byte[] bytes = data == null ? new byte[0] : data;
    chunks.add(new Chunk(off.orElse(-1), bytes.length,
        image.isPresent() && len.isPresent() && sha != null && upgrade != null));
    if (off.isEmpty()) {
      throw new GroupErrorException(ImgMgmtError.INVALID_OFFSET);
    }
    long at = off.getAsLong();
    if (at == 0) {
      if (len.isEmpty()) {
        throw new GroupErrorException(ImgMgmtError.INVALID_LENGTH);
      }
      if (active && sha != null && Arrays.equals(sha, this.sha)) {
        return new UploadResult(expected, null);
      }
      if (bytes.length < 32) {
        throw new GroupErrorException(ImgMgmtError.INVALID_IMAGE_HEADER);
      }
      if (!Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
        throw new GroupErrorException(ImgMgmtError.INVALID_IMAGE_HEADER_MAGIC);
      }
      active = true;
      slot = new byte[(int) len.getAsLong()];
      this.sha = sha;
      expected = 0;
    } else if (!active || at != expected) {
      return new UploadResult(active ? expected : 0, null);
    }
    if (at + bytes.length > slot.length) {
      active = false;
      throw new GroupErrorException(ImgMgmtError.INVALID_IMAGE_DATA_OVERRUN);
    }
    System.arraycopy(bytes, 0, slot, (int) at, bytes.length);
    if (corruptWrites && bytes.length > 0) {
      slot[(int) at] ^= 1;
    }
    expected = at + bytes.length;
    if (expected < slot.length) {
      return new UploadResult(expected, null);
    }
    active = false;
    completed = slot.clone();
    return new UploadResult(expected, sendMatch ? Arrays.equals(ImageUploader.sha256(slot, slot.length), this.sha) : null);
  }

  /** The secondary slot once an upload completed, as Zephyr lists it; nothing for an image that does not parse. */
  @Override
  public synchronized State state() {
    stateReads++;
    if (completed == null) {
      return new State(List.of(), null);
    }
    try {
      McubootImage parsed = McubootImage.parse(completed);
      return new State(List.of(new Slot(null, 1, parsed.version().toString(), parsed.hash(), parsed.bootable(),
          false, false, false, false)), null);
    } catch (ImageFormatException e) {
      return new State(List.of(), null);
    }
  }

  @Override
  public State setState(byte[] hash, Boolean confirm) {
    throw new MgmtException(MgmtErr.ENOTSUP);
  }

  @Override
  public void erase(OptionalLong slot) {
    throw new MgmtException(MgmtErr.ENOTSUP);
  }

  @Override
  public SlotInfo slotInfo() {
    throw new MgmtException(MgmtErr.ENOTSUP);
  }
}
