package io.mcumgr4j.mcuboot;

/**
 * One TLV of an image's TLV area: a 16-bit type, then {@code value} (at most 65535 bytes).
 *
 * @param type e.g. {@link McubootImage#TLV_SHA256}
 * @param value the value bytes (not copied: treat as read-only)
 */
public record ImageTlv(int type, byte[] value) {

  /** Checks the widths the area gives type and length. */
  public ImageTlv {
    if (type < 0 || type > 0xFFFF || value.length > 0xFFFF) {
      throw new IllegalArgumentException("TLV type 0x" + Integer.toHexString(type) + " with " + value.length + " bytes");
    }
  }
}
