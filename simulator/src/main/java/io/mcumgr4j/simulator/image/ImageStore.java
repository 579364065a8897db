package io.mcumgr4j.simulator.image;

import io.mcumgr4j.mcuboot.ImageFormatException;
import io.mcumgr4j.mcuboot.McubootImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;

/**
 * The flash of a simulated MCUboot device in swap mode: two slots per image (0 primary, the one
 * that runs; 1 secondary, where uploads go) and the bootloader's per-image swap state, kept in files
 * so they survive a restart of the process. Thread-safe.
 *
 * <h2>Files in {@link #dir()}</h2>
 *
 * <ul>
 *   <li>{@code image-N-slot-S.bin}: the content of slot S of image N; no file = erased slot.
 *   <li>{@code image-N-slot-1.upload}: an upload in progress into image N's secondary slot.
 *   <li>{@code image-N-slot-S.swap}: the new content of a slot while a swap is under way.
 *   <li>{@code boot-state}: per image its {@link SwapType} (what MCUboot's slot trailers say), and
 *       the image being swapped, if any.
 *   <li>{@code .lock}: locked while a store is open, so that two stores (in this process or
 *       another) never write the same files; {@link #close()} releases it.
 * </ul>
 *
 * <h2>Crash safety</h2>
 *
 * <p>Every file that is trusted is written whole to a temporary file, forced to the disk and moved
 * over its name in one atomic rename, so a process killed at any point leaves each slot and the
 * state either old or new. An upload never writes its slot: it appends to the {@code .upload} file
 * (the secondary slot is erased when it starts, as Zephyr erases it at the first chunk) and the
 * file is renamed into the slot once the last byte is in; an interrupted upload leaves an erased
 * slot, never one that looks valid but is not. A swap first writes both {@code .swap} files, then
 * records the image being swapped together with its new swap type in the state (the commit point),
 * then renames the two files into the slots and clears the record; opening the store finishes a
 * recorded swap and deletes {@code .swap} files of one that was never recorded. The upload file does
 * not survive a boot or a restart of the process, as Zephyr keeps the upload's progress in RAM. The
 * swap types held in memory change only after the state file holding them is written, so a failed
 * write leaves memory as the disk is.
 */
public final class ImageStore implements AutoCloseable {

  private static final String STATE_FILE = "boot-state";
  private static final String STATE_HEADER = "# mcumgr4j image store 1";
  private static final String LOCK_FILE = ".lock";
  /** Slots are read into byte arrays; Java's largest array is a few bytes short of {@code Integer.MAX_VALUE}. */
  private static final long MAX_SLOT_SIZE = Integer.MAX_VALUE - 8;

  /**
   * What MCUboot will do with an image at the next boot, as its slot trailers say
   * ({@code BOOT_SWAP_TYPE_*}).
   */
  public enum SwapType {
    /** Boot the primary slot as it is. */
    NONE,
    /** The secondary slot is marked for test: swap it in once; revert unless it is confirmed. */
    TEST,
    /** The secondary slot is marked permanent: swap it in for good. */
    PERM,
    /** The primary slot was swapped in for test and is not confirmed: swap back at the next boot. */
    REVERT
  }

  private final Path dir;
  private final int imageCount;
  private final long slotSize;
  private final SwapType[] swapTypes;
  private final FileChannel lockChannel;
  private final FileLock lock;
  /** Per image, the open {@code .upload} file of an upload in progress, else {@code null}. */
  private final FileChannel[] uploads;
  /** Per image, the bytes {@link #uploads} holds (kept here: a chunk must not cost an fstat). */
  private final long[] uploadedBytes;

  /**
   * Opens the flash in {@code dir}, creating it on first use with {@code initialPrimaryImage} in
   * the primary slot of every image, and finishes a swap a killed process left under way. It does
   * not boot: call {@link #boot()} at every (re)start of the device, the first one included.
   *
   * @param dir the directory holding the files (created if absent)
   * @param imageCount updatable images (Zephyr's {@code CONFIG_MCUMGR_GRP_IMG_UPDATABLE_IMAGE_NUMBER}), 1..8
   * @param slotSize the size of each slot in bytes, {@link McubootImage#HEADER_SIZE} to {@code
   *     Integer.MAX_VALUE - 8}
   * @param initialPrimaryImage the image the device runs at first; must verify and fit a slot
   * @throws UncheckedIOException if the files cannot be read or written, the state file is corrupt,
   *     or another store (of this process or another) has {@code dir} open
   */
  public ImageStore(Path dir, int imageCount, long slotSize, byte[] initialPrimaryImage) {
    this.dir = Objects.requireNonNull(dir, "dir");
    if (imageCount < 1 || imageCount > 8 || slotSize < McubootImage.HEADER_SIZE || slotSize > MAX_SLOT_SIZE) {
      throw new IllegalArgumentException("images " + imageCount + ", slot size " + slotSize);
    }
    checkInitialImage(initialPrimaryImage, slotSize);
    this.imageCount = imageCount;
    this.slotSize = slotSize;
    this.uploads = new FileChannel[imageCount];
    this.uploadedBytes = new long[imageCount];
    try {
      Files.createDirectories(dir);
      this.lockChannel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      this.lock = lock(lockChannel, dir);
      if (Files.exists(stateFile())) {
        ReadState read = readState();
        this.swapTypes = read.swapTypes();
        recover(read.swapping());
      } else {
        this.swapTypes = new SwapType[imageCount];
        Arrays.fill(swapTypes, SwapType.NONE);
        for (int image = 0; image < imageCount; image++) {
          writeAtomically(slotFile(image, 0), initialPrimaryImage);
          Files.deleteIfExists(slotFile(image, 1));
        }
        writeState(swapTypes, -1);
      }
      for (int image = 0; image < imageCount; image++) {
        Files.deleteIfExists(uploadFile(image));
      }
    } catch (IOException | RuntimeException e) {
      // closing the channel releases the lock too, so a failed open leaves the directory free
      try {
        lockChannel.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
  }

  private static FileLock lock(FileChannel channel, Path dir) throws IOException {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      throw new IOException("image store " + dir + " is already open (" + dir.resolve(LOCK_FILE)
          + " is locked): close the other store or device using it first");
    }
    return lock;
  }

  /**
   * Releases {@code .lock}, so another store may open the directory. Idempotent; later changes
   * throw {@link IllegalStateException}.
   *
   * @throws UncheckedIOException if the lock file cannot be closed
   */
  @Override
  public synchronized void close() {
    if (!lockChannel.isOpen()) {
      return;
    }
    try {
      for (int image = 0; image < imageCount; image++) {
        dropUpload(image);
      }
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void checkOpen() {
    if (!lockChannel.isOpen()) {
      throw new IllegalStateException("image store " + dir + " is closed");
    }
  }

  private static void checkInitialImage(byte[] image, long slotSize) {
    if (image.length > slotSize) {
      throw new IllegalArgumentException("the initial image (" + image.length + " bytes) does not fit a slot of " + slotSize);
    }
    try {
      if (!McubootImage.parse(image).verify()) {
        throw new IllegalArgumentException("the initial image does not verify");
      }
    } catch (ImageFormatException e) {
      throw new IllegalArgumentException("the initial image is not an MCUboot image: " + e.getMessage(), e);
    }
  }

  /** The directory holding the files. */
  public Path dir() {
    return dir;
  }

  /** The number of updatable images. */
  public int imageCount() {
    return imageCount;
  }

  /** The size of each slot in bytes. */
  public long slotSize() {
    return slotSize;
  }

  /** The content of a slot, or {@code null} when it is erased. */
  public synchronized byte[] slot(int image, int slot) {
    checkSlot(image, slot);
    try {
      return Files.readAllBytes(slotFile(image, slot));
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What MCUboot will do with {@code image} at the next boot. */
  public synchronized SwapType swapType(int image) {
    checkSlot(image, 0);
    return swapTypes[image];
  }

  /**
   * Marks the secondary slot of {@code image} for the next boot ({@code boot_set_pending}): for one
   * test boot, or for good.
   */
  public synchronized void setPending(int image, boolean permanent) {
    checkOpen();
    checkSlot(image, 1);
    updateSwapType(image, permanent ? SwapType.PERM : SwapType.TEST);
  }

  /** Confirms the image running from the primary slot ({@code boot_set_confirmed}): no revert. */
  public synchronized void confirm(int image) {
    checkOpen();
    checkSlot(image, 0);
    if (swapTypes[image] == SwapType.REVERT) {
      updateSwapType(image, SwapType.NONE);
    }
  }

  /**
   * Erases a slot, its trailer too: erasing a secondary slot drops a pending test or permanent
   * mark, and an upload into it.
   */
  public synchronized void erase(int image, int slot) {
    checkOpen();
    checkSlot(image, slot);
    try {
      if (slot == 1) {
        dropUpload(image);
        if (swapTypes[image] == SwapType.TEST || swapTypes[image] == SwapType.PERM) {
          updateSwapType(image, SwapType.NONE);
        }
      }
      Files.deleteIfExists(slotFile(image, slot));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts an upload into the secondary slot of {@code image}: erases the slot, as Zephyr does. */
  public synchronized void startUpload(int image) {
    erase(image, 1);
    try {
      uploads[image] = FileChannel.open(uploadFile(image), StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
      uploadedBytes[image] = 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Bytes an upload into {@code image} holds so far, or -1 when there is none (never started, finished, or lost at a boot). */
  public synchronized long uploaded(int image) {
    checkSlot(image, 1);
    return uploads[image] == null ? -1 : uploadedBytes[image];
  }

  /**
   * Appends to the upload into {@code image}. A failed write ends the upload (its file is
   * deleted), so no later chunk lands after a hole.
   *
   * @throws IllegalStateException if no upload is in progress or the slot would overflow
   */
  public synchronized void appendUpload(int image, byte[] data) {
    checkOpen();
    long have = uploaded(image);
    if (have < 0 || have + data.length > slotSize) {
      throw new IllegalStateException("no upload into image " + image + " can take " + data.length + " bytes");
    }
    try {
      ByteBuffer buffer = ByteBuffer.wrap(data);
      while (buffer.hasRemaining()) {
        uploads[image].write(buffer);
      }
      uploadedBytes[image] = have + data.length;
    } catch (IOException e) {
      abortUpload(image);
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Ends the upload into {@code image}: its bytes become the secondary slot's content.
   *
   * @return the slot's new content
   */
  public synchronized byte[] finishUpload(int image) {
    checkOpen();
    FileChannel channel = uploads[image];
    if (uploaded(image) < 0) {
      throw new IllegalStateException("no upload into image " + image);
    }
    uploads[image] = null;
    try (channel) {
      channel.force(true);
    } catch (IOException e) {
      deleteQuietly(uploadFile(image), e);
      throw new UncheckedIOException(e);
    }
    try {
      Files.move(uploadFile(image), slotFile(image, 1), StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      return Files.readAllBytes(slotFile(image, 1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Drops an upload in progress into {@code image}; the secondary slot stays erased. */
  public synchronized void abortUpload(int image) {
    checkOpen();
    checkSlot(image, 1);
    try {
      dropUpload(image);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Closes and deletes the upload file of {@code image}, open or left by an earlier process. */
  private void dropUpload(int image) throws IOException {
    FileChannel channel = uploads[image];
    uploads[image] = null;
    try {
      if (channel != null) {
        channel.close();
      }
    } finally {
      Files.deleteIfExists(uploadFile(image));
    }
  }

  private static void deleteQuietly(Path file, IOException failure) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }

  /**
   * What MCUboot does at reset, for each image: a secondary slot marked for test or permanent is
   * swapped in when its hash verifies (a test swap is remembered as {@link SwapType#REVERT} until
   * confirmed) and erased when it does not, so it is never booted; a primary slot that was swapped
   * in for test and not confirmed is swapped back. Uploads in progress are lost, as the device's RAM
   * is.
   */
  public synchronized void boot() {
    checkOpen();
    try {
      for (int image = 0; image < imageCount; image++) {
        dropUpload(image);
        switch (swapTypes[image]) {
          case TEST, PERM -> {
            if (verifies(slot(image, 1))) {
              swap(image, swapTypes[image] == SwapType.TEST ? SwapType.REVERT : SwapType.NONE);
            } else {
              erase(image, 1);
            }
          }
          case REVERT -> swap(image, SwapType.NONE);
          case NONE -> { }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean verifies(byte[] content) {
    try {
      return content != null && McubootImage.parse(content).verify();
    } catch (ImageFormatException e) {
      return false;
    }
  }

  /** Exchanges the two slots of {@code image}, ending in {@code after}; see the class comment. */
  private void swap(int image, SwapType after) throws IOException {
    byte[] primary = slot(image, 0);
    byte[] secondary = slot(image, 1);
    if (primary == null || secondary == null) {
      // nothing to swap with (a slot erased behind the bootloader's back): boot what is there
      updateSwapType(image, SwapType.NONE);
      return;
    }
    writeDurably(swapFile(image, 0), secondary);
    writeDurably(swapFile(image, 1), primary);
    SwapType[] next = swapTypes.clone();
    next[image] = after;
    writeState(next, image);
    swapTypes[image] = after;
    finishSwap(image);
  }

  private void finishSwap(int image) throws IOException {
    for (int slot = 0; slot < 2; slot++) {
      if (Files.exists(swapFile(image, slot))) {
        Files.move(swapFile(image, slot), slotFile(image, slot), StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      }
    }
    writeState(swapTypes, -1);
  }

  /** Finishes the swap {@code swapping} names (or none: -1) and drops the files of unrecorded ones. */
  private void recover(int swapping) throws IOException {
    if (swapping >= 0) {
      finishSwap(swapping);
    }
    for (int image = 0; image < imageCount; image++) {
      Files.deleteIfExists(swapFile(image, 0));
      Files.deleteIfExists(swapFile(image, 1));
    }
  }

  private void updateSwapType(int image, SwapType type) {
    SwapType[] next = swapTypes.clone();
    next[image] = type;
    try {
      writeState(next, -1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    swapTypes[image] = type;
  }

  /** The state file's content: per image its swap type, and the image being swapped or -1. */
  private record ReadState(SwapType[] swapTypes, int swapping) {}

  private ReadState readState() throws IOException {
    SwapType[] types = new SwapType[imageCount];
    String[] lines = Files.readString(stateFile(), StandardCharsets.UTF_8).split("\n");
    if (!lines[0].equals(STATE_HEADER)) {
      throw corrupt("unknown header");
    }
    int swapping = -1;
    boolean[] seen = new boolean[imageCount];
    for (int i = 1; i < lines.length; i++) {
      String[] kv = lines[i].split("=", 2);
      try {
        if (kv.length == 2 && kv[0].startsWith("image.")) {
          int image = Integer.parseInt(kv[0].substring("image.".length()));
          types[image] = SwapType.valueOf(kv[1]);
          seen[image] = true;
        } else if (kv.length == 2 && kv[0].equals("swapping")) {
          swapping = Integer.parseInt(kv[1]);
          checkSlot(swapping, 0);
        } else {
          throw corrupt("line " + (i + 1));
        }
      } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
        throw corrupt("line " + (i + 1) + ": " + e.getMessage());
      }
    }
    for (boolean s : seen) {
      if (!s) {
        throw corrupt("an image is missing (the store has " + imageCount + ")");
      }
    }
    return new ReadState(types, swapping);
  }

  private IOException corrupt(String fault) {
    return new IOException("image state file " + stateFile() + " is corrupt: " + fault);
  }

  private void writeState(SwapType[] types, int swapping) throws IOException {
    StringBuilder text = new StringBuilder(STATE_HEADER).append('\n');
    for (int image = 0; image < imageCount; image++) {
      text.append("image.").append(image).append('=').append(types[image]).append('\n');
    }
    if (swapping >= 0) {
      text.append("swapping=").append(swapping).append('\n');
    }
    writeAtomically(stateFile(), text.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void writeAtomically(Path target, byte[] content) throws IOException {
    Path temp = target.resolveSibling(target.getFileName() + ".tmp");
    writeDurably(temp, content);
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static void writeDurably(Path file, byte[] content) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
  }

  private void checkSlot(int image, int slot) {
    if (image < 0 || image >= imageCount || slot < 0 || slot > 1) {
      throw new IndexOutOfBoundsException("image " + image + " slot " + slot + " (the store has " + imageCount + " images)");
    }
  }

  private Path stateFile() {
    return dir.resolve(STATE_FILE);
  }

  private Path slotFile(int image, int slot) {
    return dir.resolve("image-" + image + "-slot-" + slot + ".bin");
  }

  private Path uploadFile(int image) {
    return dir.resolve("image-" + image + "-slot-1.upload");
  }

  private Path swapFile(int image, int slot) {
    return dir.resolve("image-" + image + "-slot-" + slot + ".swap");
  }
}
