package io.mcumgr4j.simulator.image;

import io.mcumgr4j.callback.CallbackResult;
import io.mcumgr4j.callback.CommandStatusEvent;
import io.mcumgr4j.callback.MgmtCallbacks;
import io.mcumgr4j.callback.MgmtEventIds;
import io.mcumgr4j.error.GroupError;
import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.groups.image.ImgMgmt;
import io.mcumgr4j.groups.image.ImgMgmtDispatcher;
import io.mcumgr4j.groups.image.ImgMgmtError;
import io.mcumgr4j.mcuboot.ImageFormatException;
import io.mcumgr4j.mcuboot.ImageVersion;
import io.mcumgr4j.mcuboot.McubootImage;
import io.mcumgr4j.simulator.image.ImageEvents.DfuEvent;
import io.mcumgr4j.simulator.image.ImageEvents.UploadAction;
import io.mcumgr4j.simulator.image.ImageEvents.UploadCheck;
import io.mcumgr4j.simulator.image.ImageEvents.UploadRequest;
import io.mcumgr4j.simulator.image.ImageStore.SwapType;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Zephyr's image group ({@code img_mgmt.c}, {@code img_mgmt_state.c}, {@code zephyr_img_mgmt.c})
 * over an {@link ImageStore}, as a device running MCUboot in swap mode answers; the running image
 * is always the primary slot (0) of image 0. Thread-safe: commands run one at a time, as with
 * Zephyr's image group mutex.
 *
 * <p>Upload keeps Zephyr's state ({@code g_img_mgmt_state}: image, length, {@code sha}; the offset
 * is what the store holds) and its rules, in Zephyr's order: no {@code off} is {@code
 * INVALID_OFFSET}; a first chunk ({@code off} 0) shorter than a header is {@code
 * INVALID_IMAGE_HEADER}, without {@code len} {@code INVALID_LENGTH}, without the magic {@code
 * INVALID_IMAGE_HEADER_MAGIC}, with a {@code sha} over 32 bytes {@code INVALID_HASH}; the same
 * non-empty {@code sha} as the upload in progress resumes it (nothing written, the reply says where
 * to go on); an image number without a free secondary slot is {@code NO_FREE_SLOT}, a {@code len}
 * over the slot {@code INVALID_IMAGE_TOO_LARGE}, {@code upgrade} with a version not newer than the
 * running one ({@code img_mgmt_my_version}: image 0's primary slot, major.minor.revision) {@code
 * CURRENT_VERSION_IS_NEWER}. A later chunk at another offset than expected is dropped and answered
 * with success and the expected offset; one that runs past {@code len} is {@code
 * INVALID_IMAGE_DATA_OVERRUN}. Any of these errors ends the upload in progress; the upload check
 * hook ({@code DFU_CHUNK}) ends it only with an {@code rc}, while its group error is answered beside
 * the expected {@code off} and keeps the upload, as in Zephyr. Replies carry {@code off} only, as
 * Zephyr 4.4.0's sample does, unless {@code checkImage} (Zephyr's {@code
 * CONFIG_IMG_ENABLE_IMAGE_CHECK}) adds {@code match} to the last one.
 *
 * <p>Kconfig defaults of Zephyr's image group hold: the secondary slot of an image that is not
 * running (image 1 and up) may be confirmed, its primary may not ({@code
 * ALLOW_CONFIRM_NON_ACTIVE_IMAGE_SECONDARY=y}, {@code ..._ANY=n}); a secondary slot marked for test
 * or permanent may be erased or uploaded over, which drops the mark ({@code ALLOW_ERASE_PENDING=y},
 * unless the constructor says otherwise).
 */
public final class SimulatedImgMgmt implements ImgMgmt {

  private static final int ACTIVE_SLOT = 0;
  private static final int UPLOAD_SLOT = 1;
  /** The image the device runs ({@code img_mgmt_active_image}); the others are only stored. */
  private static final int ACTIVE_IMAGE = 0;

  private final ImageStore store;
  private final MgmtCallbacks callbacks;
  private final boolean checkImage;
  private final boolean allowErasePending;
  /** The upload in progress, or {@code null}; its offset is {@link ImageStore#uploaded}. */
  private Upload upload;

  private record Upload(int image, long size, byte[] sha) {}

  /** The next boot as {@code img_mgmt_get_next_boot_slot} reports it: a slot and a kind. */
  private enum NextBoot { NORMAL, TEST, REVERT }

  /**
   * As Zephyr 4.4.0's {@code smp_svr} sample is built: no image check, so upload replies never
   * carry {@code match}.
   */
  public SimulatedImgMgmt(ImageStore store, MgmtCallbacks callbacks) {
    this(store, callbacks, false);
  }

  /**
   * @param store the device's flash
   * @param callbacks where the DFU events ({@link ImageEvents}) and upload progress ({@code CMD_STATUS}) go
   * @param checkImage Zephyr's {@code CONFIG_IMG_ENABLE_IMAGE_CHECK}: the last upload reply carries
   *     {@code match} (whether the slot's content hashes to a full 32-byte {@code sha}), and a first
   *     chunk whose full {@code sha} the secondary slot already holds ends the upload at once
   */
  public SimulatedImgMgmt(ImageStore store, MgmtCallbacks callbacks, boolean checkImage) {
    this(store, callbacks, checkImage, true);
  }

  /**
   * As {@link #SimulatedImgMgmt(ImageStore, MgmtCallbacks, boolean)}, choosing Zephyr's {@code
   * CONFIG_MCUMGR_GRP_IMG_ALLOW_ERASE_PENDING} (default {@code y}).
   *
   * @param allowErasePending whether a secondary slot marked for test or permanent may be erased or
   *     uploaded over; without it such a slot is in use until the next boot
   */
  public SimulatedImgMgmt(ImageStore store, MgmtCallbacks callbacks, boolean checkImage, boolean allowErasePending) {
    this.store = Objects.requireNonNull(store, "store");
    this.callbacks = Objects.requireNonNull(callbacks, "callbacks");
    this.checkImage = checkImage;
    this.allowErasePending = allowErasePending;
  }

  @Override
  public synchronized State state() {
    List<Slot> slots = new ArrayList<>();
    for (int image = 0; image < store.imageCount(); image++) {
      SwapType swap = store.swapType(image);
      for (int slot = 0; slot < 2; slot++) {
        McubootImage content = read(image, slot);
        if (content == null) {
          continue;
        }
        boolean active = slot == ACTIVE_SLOT;
        boolean pending = !active && (swap == SwapType.TEST || swap == SwapType.PERM);
        boolean confirmed = active ? swap != SwapType.REVERT : swap == SwapType.REVERT;
        boolean permanent = !active && swap == SwapType.PERM;
        slots.add(new Slot(store.imageCount() > 1 ? Long.valueOf(image) : null, slot, content.version().toString(),
            content.hash(), content.bootable(), pending, confirmed, active, permanent));
      }
    }
    return new State(slots, 0);
  }

  @Override
  public synchronized State setState(byte[] hash, Boolean confirm) {
    boolean permanent = Boolean.TRUE.equals(confirm);
    int physical;
    if (hash == null || hash.length == 0) {
      if (!permanent) {
        throw new GroupErrorException(ImgMgmtError.INVALID_HASH, "test needs a hash");
      }
      physical = ACTIVE_SLOT;
    } else if (hash.length != McubootImage.HASH_SIZE) {
      throw new GroupErrorException(ImgMgmtError.INVALID_HASH, "hash of " + hash.length + " bytes");
    } else {
      physical = findByHash(hash);
    }
    setNextBoot(physical / 2, physical % 2, permanent);
    return state();
  }

  /** {@code img_mgmt_set_next_boot_slot} for swap mode. */
  private void setNextBoot(int image, int slot, boolean confirm) {
    if (confirm && image != ACTIVE_IMAGE && slot == ACTIVE_SLOT) {
      // ALLOW_CONFIRM_NON_ACTIVE_IMAGE_SECONDARY=y lets the secondary through; only _ANY would allow this one
      throw new GroupErrorException(ImgMgmtError.IMAGE_CONFIRMATION_DENIED, "image " + image + " is not running");
    }
    if (!confirm && slot == ACTIVE_SLOT) {
      throw new GroupErrorException(ImgMgmtError.IMAGE_SETTING_TEST_TO_ACTIVE_DENIED, "slot " + slot + " is running");
    }
    SwapType swap = store.swapType(image);
    int nextSlot = swap == SwapType.NONE ? ACTIVE_SLOT : UPLOAD_SLOT;
    switch (nextBoot(swap)) {
      case TEST -> {
        if (!confirm && slot == nextSlot) {
          return;
        }
        throw alreadyPending();
      }
      case NORMAL -> {
        if (confirm && slot == nextSlot) {
          return;
        }
        if ((slot == ACTIVE_SLOT && nextSlot != ACTIVE_SLOT) || (!confirm && slot == nextSlot)) {
          throw alreadyPending();
        }
      }
      case REVERT -> {
        if (confirm && slot == nextSlot) {
          return;
        }
        if (!confirm) {
          throw alreadyPending();
        }
      }
    }
    if (slot == ACTIVE_SLOT) {
      store.confirm(image);
      notifyStatus(ImageEvents.DFU_CONFIRMED, image);
    } else {
      store.setPending(image, confirm);
    }
  }

  private static GroupErrorException alreadyPending() {
    return new GroupErrorException(ImgMgmtError.IMAGE_ALREADY_PENDING, "another choice is pending for the next boot");
  }

  private static NextBoot nextBoot(SwapType swap) {
    return switch (swap) {
      case NONE, PERM -> NextBoot.NORMAL;
      case TEST -> NextBoot.TEST;
      case REVERT -> NextBoot.REVERT;
    };
  }

  /** {@code img_mgmt_slot_in_use}: whether a slot must not be erased or uploaded into. */
  private boolean slotInUse(int image, int slot) {
    SwapType swap = store.swapType(image);
    int nextSlot = swap == SwapType.NONE ? ACTIVE_SLOT : UPLOAD_SLOT;
    NextBoot next = nextBoot(swap);
    if (slot == nextSlot && next == NextBoot.REVERT) {
      return true;
    }
    boolean pending = (slot == nextSlot && next == NextBoot.TEST) || (nextSlot != ACTIVE_SLOT && next == NextBoot.NORMAL);
    if (pending && !allowErasePending) {
      return true;
    }
    return slot == ACTIVE_SLOT;
  }

  /** {@code img_mgmt_find_by_hash}: the first physical slot (image * 2 + slot) holding the hash. */
  private int findByHash(byte[] hash) {
    for (int physical = 0; physical < 2 * store.imageCount(); physical++) {
      McubootImage image = read(physical / 2, physical % 2);
      if (image != null && Arrays.equals(image.hash(), hash)) {
        return physical;
      }
    }
    throw new GroupErrorException(ImgMgmtError.HASH_NOT_FOUND, "no image with that hash");
  }

  /** The image in a slot, or {@code null} when the slot holds none that Zephyr can read. */
  private McubootImage read(int image, int slot) {
    byte[] content = store.slot(image, slot);
    if (content == null) {
      return null;
    }
    try {
      return McubootImage.parse(content);
    } catch (ImageFormatException e) {
      return null;
    }
  }

  @Override
  public synchronized UploadResult upload(OptionalLong image, OptionalLong len, OptionalLong off, byte[] data,
      byte[] sha, Boolean upgrade) {
    UploadRequest request = new UploadRequest(image.orElse(0), len, off.orElse(-1),
        data == null ? new byte[0] : data.clone(), sha == null ? new byte[0] : sha.clone(), Boolean.TRUE.equals(upgrade));
    long expected = upload == null ? 0 : store.uploaded(upload.image());
    if (expected < 0) {
      // the store lost the upload at a boot: the device's RAM state is gone with it
      upload = null;
      expected = 0;
    }
    UploadAction action;
    try {
      action = inspect(request, expected);
    } catch (GroupErrorException e) {
      stop((int) Math.min(request.image(), Integer.MAX_VALUE));
      throw e;
    }
    if (action == null) {
      return new UploadResult(expected, null);
    }
    if (callbacks.hasListeners(ImageEvents.DFU_CHUNK)) {
      CallbackResult check = callbacks.notify(ImageEvents.DFU_CHUNK, new UploadCheck(request, action));
      if (check.status() == CallbackResult.Status.ERROR_ERR) {
        // Zephyr writes err, keeps rc 0 and then answers off as for success: the upload goes on
        long at = expected;
        throw new GroupErrorException(GroupError.of(check.group(), check.rc()), "refused by a callback")
            .withEntries(out -> out.uint("off", at));
      }
      if (!check.isOk()) {
        stop(action.image());
        check.throwIfFailed();
      }
    }
    return request.off() == 0 ? start(request, action) : write(request, action, expected);
  }

  /** {@code img_mgmt_upload_inspect}: the action, {@code null} to answer the expected offset, or a group error. */
  private UploadAction inspect(UploadRequest request, long expected) {
    if (request.off() < 0) {
      throw new GroupErrorException(ImgMgmtError.INVALID_OFFSET, "no off");
    }
    byte[] data = request.data();
    if (request.off() != 0) {
      if (upload == null || request.off() != expected) {
        return null;
      }
      if (request.off() + data.length > upload.size()) {
        throw new GroupErrorException(ImgMgmtError.INVALID_IMAGE_DATA_OVERRUN, "data overrun");
      }
      return new UploadAction(upload.image(), UPLOAD_SLOT, upload.size(), data.length, false);
    }
    if (data.length < McubootImage.HEADER_SIZE) {
      throw new GroupErrorException(ImgMgmtError.INVALID_IMAGE_HEADER, "header malformed");
    }
    if (request.len().isEmpty()) {
      throw new GroupErrorException(ImgMgmtError.INVALID_LENGTH, "header malformed");
    }
    if (!McubootImage.startsWithMagic(data)) {
      throw new GroupErrorException(ImgMgmtError.INVALID_IMAGE_HEADER_MAGIC, "magic mismatch");
    }
    if (request.sha().length > McubootImage.HASH_SIZE) {
      throw new GroupErrorException(ImgMgmtError.INVALID_HASH, "sha of " + request.sha().length + " bytes");
    }
    if (request.sha().length > 0 && upload != null && Arrays.equals(upload.sha(), request.sha())) {
      return null;
    }
    if (request.image() >= store.imageCount() || slotInUse((int) request.image(), UPLOAD_SLOT)) {
      throw new GroupErrorException(ImgMgmtError.NO_FREE_SLOT, "no slot");
    }
    int target = (int) request.image();
    long size = request.len().getAsLong();
    if (size > store.slotSize()) {
      throw new GroupErrorException(ImgMgmtError.INVALID_IMAGE_TOO_LARGE, "img too large");
    }
    if (data.length > size) {
      // Zephyr checks this for later chunks only; a first chunk past len could never complete
      throw new GroupErrorException(ImgMgmtError.INVALID_IMAGE_DATA_OVERRUN, "data overrun");
    }
    if (request.upgrade()) {
      McubootImage running = read(ACTIVE_IMAGE, ACTIVE_SLOT);
      if (running == null) {
        throw new GroupErrorException(ImgMgmtError.VERSION_GET_FAILED, "no running version");
      }
      ImageVersion offered = McubootImage.headerVersion(data);
      if (running.version().compareIgnoringBuild(offered) >= 0) {
        throw new GroupErrorException(ImgMgmtError.CURRENT_VERSION_IS_NEWER, "downgrade");
      }
    }
    return new UploadAction(target, UPLOAD_SLOT, size, data.length, true);
  }

  /** A first chunk: a new upload, unless the slot already holds what the full {@code sha} names. */
  private UploadResult start(UploadRequest request, UploadAction action) {
    if (upload != null) {
      store.abortUpload(upload.image());
    }
    upload = new Upload(action.image(), action.size(), request.sha());
    notifyStatus(ImageEvents.DFU_STARTED, action.image());
    if (checkImage && matches(store.slot(action.image(), UPLOAD_SLOT), action.size(), request.sha())) {
      upload = null;
      notifyProgress(CommandStatusEvent.COMPLETE);
      return new UploadResult(action.size(), true);
    }
    store.startUpload(action.image());
    notifyProgress(CommandStatusEvent.STARTED);
    return write(request, action, 0);
  }

  /** Writes a chunk at the expected offset and, after the last one, puts the image into its slot. */
  private UploadResult write(UploadRequest request, UploadAction action, long at) {
    if (request.off() != 0) {
      notifyProgress(CommandStatusEvent.ONGOING);
    }
    if (request.data().length == 0) {
      return new UploadResult(at, null);
    }
    store.appendUpload(action.image(), request.data());
    long off = at + request.data().length;
    if (off < action.size()) {
      notifyStatus(ImageEvents.CHUNK_WRITE_COMPLETE, action.image());
      return new UploadResult(off, null);
    }
    byte[] content = store.finishUpload(action.image());
    Upload done = upload;
    upload = null;
    notifyStatus(ImageEvents.DFU_PENDING, action.image());
    return new UploadResult(off, checkImage ? matches(content, action.size(), done.sha()) : null);
  }

  /** {@code flash_img_check}: whether the first {@code size} bytes hash to a full 32-byte {@code sha}. */
  private static boolean matches(byte[] content, long size, byte[] sha) {
    if (content == null || sha.length != McubootImage.HASH_SIZE || content.length < size) {
      return false;
    }
    return MessageDigest.isEqual(McubootImage.sha256(Arrays.copyOf(content, (int) size)), sha);
  }

  /** Ends the upload in progress after an error, as {@code img_mgmt_reset_upload} with {@code DFU_STOPPED}. */
  private void stop(int image) {
    if (upload != null) {
      store.abortUpload(upload.image());
      image = upload.image();
      upload = null;
    }
    notifyStatus(ImageEvents.DFU_STOPPED, image);
  }

  @Override
  public synchronized void erase(OptionalLong slot) {
    long physical = slot.orElse(UPLOAD_SLOT);
    if (physical >= 2L * store.imageCount()) {
      stop(0);
      throw new GroupErrorException(ImgMgmtError.INVALID_SLOT, "no slot " + physical);
    }
    int image = (int) (physical / 2);
    int within = (int) (physical % 2);
    if (read(image, within) != null && slotInUse(image, within)) {
      throw new GroupErrorException(ImgMgmtError.NO_FREE_SLOT, "slot " + physical + " is in use");
    }
    store.erase(image, within);
    if (upload != null) {
      store.abortUpload(upload.image());
      upload = null;
    }
  }

  @Override
  public synchronized SlotInfo slotInfo() {
    List<ImageSlots> images = new ArrayList<>();
    for (int image = 0; image < store.imageCount(); image++) {
      images.add(new ImageSlots(image, List.of(
          new SlotSize(ACTIVE_SLOT, store.slotSize(), null),
          new SlotSize(UPLOAD_SLOT, store.slotSize(), (long) image)), store.slotSize()));
    }
    return new SlotInfo(images);
  }

  private void notifyStatus(int event, int image) {
    if (callbacks.hasListeners(event)) {
      callbacks.notify(event, new DfuEvent(image));
    }
  }

  private void notifyProgress(int status) {
    if (callbacks.hasListeners(MgmtEventIds.CMD_STATUS)) {
      callbacks.notify(MgmtEventIds.CMD_STATUS, new CommandStatusEvent(ImgMgmtDispatcher.GROUP_ID, 1, status));
    }
  }
}
