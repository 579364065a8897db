package io.mcumgr4j.groups.image;

import io.mcumgr4j.annotation.Command;
import io.mcumgr4j.annotation.ErrorCode;
import io.mcumgr4j.annotation.Field;
import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.annotation.MgmtGroup;
import io.mcumgr4j.annotation.Op;
import io.mcumgr4j.annotation.Param;
import io.mcumgr4j.annotation.Uint;
import java.util.List;
import java.util.OptionalLong;

/**
 * Zephyr's image management group (1): {@code smp_group_1.rst}, {@code img_mgmt.c}. Commands 2, 3
 * and 4 are reserved and absent, as in Zephyr. Upload's {@code off} and first-chunk fields are
 * optional here because Zephyr answers their absence with group errors (20, 21), not EINVAL.
 */
@MgmtGroup(id = 1, name = "img mgmt", eventGroup = 3,
    errors = {
        @ErrorCode(value = 2, name = "FLASH_CONFIG_QUERY_FAIL"),
        @ErrorCode(value = 3, name = "NO_IMAGE", legacy = MgmtErr.ENOENT),
        @ErrorCode(value = 4, name = "NO_TLVS", legacy = MgmtErr.ENOENT),
        @ErrorCode(value = 5, name = "INVALID_TLV"),
        @ErrorCode(value = 6, name = "TLV_MULTIPLE_HASHES_FOUND"),
        @ErrorCode(value = 7, name = "TLV_INVALID_SIZE"),
        @ErrorCode(value = 8, name = "HASH_NOT_FOUND"),
        @ErrorCode(value = 9, name = "NO_FREE_SLOT", legacy = MgmtErr.EBADSTATE),
        @ErrorCode(value = 10, name = "FLASH_OPEN_FAILED"),
        @ErrorCode(value = 11, name = "FLASH_READ_FAILED"),
        @ErrorCode(value = 12, name = "FLASH_WRITE_FAILED"),
        @ErrorCode(value = 13, name = "FLASH_ERASE_FAILED"),
        @ErrorCode(value = 14, name = "INVALID_SLOT", legacy = MgmtErr.EINVAL),
        @ErrorCode(value = 15, name = "NO_FREE_MEMORY", legacy = MgmtErr.ENOMEM),
        @ErrorCode(value = 16, name = "FLASH_CONTEXT_ALREADY_SET"),
        @ErrorCode(value = 17, name = "FLASH_CONTEXT_NOT_SET"),
        @ErrorCode(value = 18, name = "FLASH_AREA_DEVICE_NULL"),
        @ErrorCode(value = 19, name = "INVALID_PAGE_OFFSET", legacy = MgmtErr.EINVAL),
        @ErrorCode(value = 20, name = "INVALID_OFFSET", legacy = MgmtErr.EINVAL, doc = "The upload has no off"),
        @ErrorCode(value = 21, name = "INVALID_LENGTH", legacy = MgmtErr.EINVAL, doc = "The first chunk has no len"),
        @ErrorCode(value = 22, name = "INVALID_IMAGE_HEADER", legacy = MgmtErr.EINVAL,
            doc = "The first chunk is shorter than an image header"),
        @ErrorCode(value = 23, name = "INVALID_IMAGE_HEADER_MAGIC", doc = "The image does not start with MCUboot's magic"),
        @ErrorCode(value = 24, name = "INVALID_HASH", legacy = MgmtErr.EINVAL),
        @ErrorCode(value = 25, name = "INVALID_FLASH_ADDRESS", legacy = MgmtErr.EINVAL),
        @ErrorCode(value = 26, name = "VERSION_GET_FAILED"),
        @ErrorCode(value = 27, name = "CURRENT_VERSION_IS_NEWER", legacy = MgmtErr.EBADSTATE),
        @ErrorCode(value = 28, name = "IMAGE_ALREADY_PENDING", legacy = MgmtErr.EBADSTATE),
        @ErrorCode(value = 29, name = "INVALID_IMAGE_VECTOR_TABLE"),
        @ErrorCode(value = 30, name = "INVALID_IMAGE_TOO_LARGE", doc = "len is larger than the slot"),
        @ErrorCode(value = 31, name = "INVALID_IMAGE_DATA_OVERRUN", doc = "off + data is past len"),
        @ErrorCode(value = 32, name = "IMAGE_CONFIRMATION_DENIED"),
        @ErrorCode(value = 33, name = "IMAGE_SETTING_TEST_TO_ACTIVE_DENIED"),
        @ErrorCode(value = 34, name = "ACTIVE_SLOT_NOT_KNOWN")
    })
public interface ImgMgmt {

  /** Every slot of every image that holds a valid image. */
  @Command(id = 0, ops = Op.READ)
  State state();

  /**
   * Marks an image for test ({@code confirm} false, {@code hash} required) or confirms one
   * ({@code confirm} true; without {@code hash}, the running image); answers the new state.
   */
  @Command(id = 0, ops = Op.WRITE)
  State setState(
      @Param(value = "hash", required = false) byte[] hash,
      @Param(value = "confirm", required = false) Boolean confirm);

  /**
   * One chunk of an image upload; the answer's {@code off} is where the next chunk starts.
   *
   * @param image image number (first chunk only; default 0)
   * @param len the whole image's length (first chunk only)
   * @param off where this chunk goes
   * @param data the chunk
   * @param sha SHA-256 of the whole image, or a prefix of it (first chunk only)
   * @param upgrade refuse an image not newer than the running one (first chunk only)
   */
  @Command(id = 1, ops = Op.WRITE)
  UploadResult upload(
      @Param(value = "image", required = false) @Uint OptionalLong image,
      @Param(value = "len", required = false) @Uint OptionalLong len,
      @Param(value = "off", required = false) @Uint OptionalLong off,
      @Param(value = "data", required = false) byte[] data,
      @Param(value = "sha", required = false) byte[] sha,
      @Param(value = "upgrade", required = false) Boolean upgrade);

  /** Erases a slot (default: the running image's other slot). */
  @Command(id = 5, ops = Op.WRITE)
  void erase(@Param(value = "slot", required = false) @Uint OptionalLong slot);

  /** The slots of every image and their sizes. */
  @Command(id = 6, ops = Op.READ)
  SlotInfo slotInfo();

  /**
   * Response of {@link #state} and {@link #setState}.
   *
   * @param images the slots holding a valid image
   * @param splitStatus always 0 (Zephyr 4.4.0 sends it)
   */
  record State(List<Slot> images, Integer splitStatus) {}

  /**
   * One slot of a state response, keys in Zephyr's order.
   *
   * @param image the image number, sent only when the device has more than one image
   * @param slot 0 primary, 1 secondary
   * @param version {@code major.minor.revision}, plus {@code .build} when build is not 0
   * @param hash the image's SHA256 TLV (32 bytes)
   */
  record Slot(
      @Uint Long image,
      @Uint long slot,
      String version,
      byte[] hash,
      boolean bootable,
      boolean pending,
      boolean confirmed,
      boolean active,
      boolean permanent) {}

  /**
   * Response of {@link #upload}.
   *
   * @param off bytes the device holds of the upload
   * @param match on the last chunk, whether the image matched the full {@code sha} (when checked)
   */
  record UploadResult(@Uint long off, Boolean match) {}

  /** Response of {@link #slotInfo}. */
  record SlotInfo(List<ImageSlots> images) {}

  /**
   * The slots of one image.
   *
   * @param maxImageSize the largest image the slots hold
   */
  record ImageSlots(@Uint long image, List<SlotSize> slots, @Field("max_image_size") @Uint Long maxImageSize) {}

  /**
   * One slot's size.
   *
   * @param uploadImageId the image number an upload to this slot uses
   */
  record SlotSize(@Uint long slot, @Uint long size, @Field("upload_image_id") @Uint Long uploadImageId) {}
}
