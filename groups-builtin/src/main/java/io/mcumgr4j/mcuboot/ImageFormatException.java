package io.mcumgr4j.mcuboot;

/**
 * An image that Zephyr's image group cannot read, with the {@code img_mgmt} error code its lookup
 * ({@code img_mgmt_read_info}) answers for the same bytes.
 */
public final class ImageFormatException extends Exception {

  private static final long serialVersionUID = 1L;

  /** What is wrong, with Zephyr's {@code IMG_MGMT_ERR_*} code for it. */
  public enum Fault {
    /** The header is erased (all 0xFF) or absent: {@code NO_IMAGE}. */
    NO_IMAGE(3),
    /** No unprotected TLV area (magic 0x6907) where the header says it starts: {@code NO_TLVS}. */
    NO_TLVS(4),
    /** A TLV of type 0xff / 0xffff and length 0xffff (erased flash inside the area): {@code INVALID_TLV}. */
    INVALID_TLV(5),
    /** More than one SHA256 TLV: {@code TLV_MULTIPLE_HASHES_FOUND}. */
    MULTIPLE_HASHES(6),
    /** The SHA256 TLV runs past the end of its area: {@code TLV_INVALID_SIZE}. */
    TLV_INVALID_SIZE(7),
    /** No SHA256 TLV of 32 bytes: {@code HASH_NOT_FOUND}. */
    HASH_NOT_FOUND(8),
    /** Not MCUboot's magic, or a header that cannot be one (hdr_size below 32): {@code INVALID_IMAGE_HEADER_MAGIC}. */
    BAD_HEADER(23);

    private final int code;

    Fault(int code) {
      this.code = code;
    }

    /** Zephyr's {@code img_mgmt_err_code_t} value. */
    public int code() {
      return code;
    }
  }

  private final Fault fault;

  ImageFormatException(Fault fault, String detail) {
    super(fault + ": " + detail);
    this.fault = fault;
  }

  /** What is wrong. */
  public Fault fault() {
    return fault;
  }
}
