package io.mcumgr4j.mcuboot;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Makes valid, unsigned MCUboot images, as {@code imgtool sign} without a key does: the header,
 * zero padding up to {@code hdr_size}, the payload, an optional protected TLV area, and the TLV
 * area holding the SHA256 TLV (the hash of header, body and protected area) first, then any extra
 * TLVs. For tests, samples and the CLI.
 *
 * <pre>{@code
 * byte[] image = new McubootImageBuilder().version(ImageVersion.of(1, 2, 3)).headerSize(512).payload(code).build();
 * }</pre>
 */
public final class McubootImageBuilder {

  private ImageVersion version = ImageVersion.ZERO;
  private long loadAddress;
  private long flags;
  private int headerSize = McubootImage.HEADER_SIZE;
  private byte[] payload = new byte[0];
  private final List<ImageTlv> protectedTlvs = new ArrayList<>();
  private final List<ImageTlv> extraTlvs = new ArrayList<>();

  /** The image version (default 0.0.0). */
  public McubootImageBuilder version(ImageVersion value) {
    this.version = Objects.requireNonNull(value, "version");
    return this;
  }

  /** {@code ih_load_addr} (default 0). */
  public McubootImageBuilder loadAddress(long value) {
    checkU32(value, "load address");
    this.loadAddress = value;
    return this;
  }

  /** {@code ih_flags} (default 0), e.g. {@link McubootImage#FLAG_NON_BOOTABLE}. */
  public McubootImageBuilder flags(long value) {
    checkU32(value, "flags");
    this.flags = value;
    return this;
  }

  /** {@code ih_hdr_size}: 32 (the default) up to 65535; Zephyr builds use 512. */
  public McubootImageBuilder headerSize(int value) {
    if (value < McubootImage.HEADER_SIZE || value > 0xFFFF) {
      throw new IllegalArgumentException("header size " + value);
    }
    this.headerSize = value;
    return this;
  }

  /** The image body (copied). */
  public McubootImageBuilder payload(byte[] value) {
    this.payload = value.clone();
    return this;
  }

  /** Adds a TLV to the protected area (created by the first one), in order. */
  public McubootImageBuilder protectedTlv(int type, byte[] value) {
    protectedTlvs.add(new ImageTlv(type, value.clone()));
    return this;
  }

  /** Adds a TLV after the SHA256 TLV in the unprotected area, in order. */
  public McubootImageBuilder tlv(int type, byte[] value) {
    extraTlvs.add(new ImageTlv(type, value.clone()));
    return this;
  }

  /** The image bytes. */
  public byte[] build() {
    int protectedSize = protectedTlvs.isEmpty() ? 0 : areaSize(protectedTlvs);
    ByteBuffer header = ByteBuffer.allocate(headerSize).order(ByteOrder.LITTLE_ENDIAN);
    header.putInt(McubootImage.MAGIC)
        .putInt((int) loadAddress)
        .putShort((short) headerSize)
        .putShort((short) checkU16(protectedSize, "protected TLV area"))
        .putInt(payload.length)
        .putInt((int) flags)
        .put((byte) version.major())
        .put((byte) version.minor())
        .putShort((short) version.revision())
        .putInt((int) version.build());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(header.array());
    out.writeBytes(payload);
    if (protectedSize > 0) {
      writeArea(out, McubootImage.TLV_PROT_INFO_MAGIC, protectedTlvs);
    }
    List<ImageTlv> tlvs = new ArrayList<>();
    tlvs.add(new ImageTlv(McubootImage.TLV_SHA256, McubootImage.sha256(out.toByteArray())));
    tlvs.addAll(extraTlvs);
    writeArea(out, McubootImage.TLV_INFO_MAGIC, tlvs);
    return out.toByteArray();
  }

  private static int areaSize(List<ImageTlv> tlvs) {
    int size = McubootImage.INFO_SIZE;
    for (ImageTlv tlv : tlvs) {
      size += McubootImage.INFO_SIZE + tlv.value().length;
    }
    return size;
  }

  private static void writeArea(ByteArrayOutputStream out, int magic, List<ImageTlv> tlvs) {
    int size = checkU16(areaSize(tlvs), "TLV area");
    ByteBuffer area = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    area.putShort((short) magic).putShort((short) size);
    for (ImageTlv tlv : tlvs) {
      area.putShort((short) tlv.type()).putShort((short) tlv.value().length).put(tlv.value());
    }
    out.writeBytes(area.array());
  }

  private static int checkU16(int value, String what) {
    if (value > 0xFFFF) {
      throw new IllegalArgumentException(what + " of " + value + " bytes does not fit 16 bits");
    }
    return value;
  }

  private static void checkU32(long value, String what) {
    if (value < 0 || value > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException(what + " out of range: " + value);
    }
  }
}
