package io.mcumgr4j.mcuboot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An MCUboot image read from a slot: header, body, optional protected TLV area, TLV area (mcuboot
 * {@code docs/design.md}, {@code bootutil/image.h}).
 *
 * <pre>
 * header (hdr_size bytes, the first 32 defined) | body (img_size) | [protected TLVs, 0x6908] | TLVs (0x6907)
 * </pre>
 *
 * <p>{@link #parse} reads an image the way Zephyr's image group does ({@code img_mgmt_read_info}):
 * the bytes are a flash slot, so reading past their end gives erased flash (0xFF); the header must
 * carry the magic, a protected area is skipped when present, the unprotected area must follow and
 * hold exactly one SHA256 TLV of 32 bytes. Each failure is an {@link ImageFormatException} with
 * the code Zephyr answers. Parsing does not check the hash: that is what MCUboot does at boot,
 * {@link #verify()}.
 */
public final class McubootImage {

  /** {@code IMAGE_MAGIC}. */
  public static final int MAGIC = 0x96F3B83D;
  /** {@code IMAGE_HEADER_SIZE}: the defined part of the header. */
  public static final int HEADER_SIZE = 32;
  /** {@code IMAGE_TLV_INFO_MAGIC}: the unprotected TLV area. */
  public static final int TLV_INFO_MAGIC = 0x6907;
  /** {@code IMAGE_TLV_PROT_INFO_MAGIC}: the protected TLV area. */
  public static final int TLV_PROT_INFO_MAGIC = 0x6908;
  /** {@code IMAGE_TLV_SHA256}. */
  public static final int TLV_SHA256 = 0x10;
  /** Length of a SHA-256 hash. */
  public static final int HASH_SIZE = 32;
  /** {@code IMAGE_F_NON_BOOTABLE}. */
  public static final int FLAG_NON_BOOTABLE = 0x10;
  /** Size of a TLV area's info header and of a TLV's type + length. */
  static final int INFO_SIZE = 4;

  private final byte[] bytes;
  private final long loadAddress;
  private final int headerSize;
  private final int protectedTlvSize;
  private final long imageSize;
  private final long flags;
  private final ImageVersion version;
  private final List<ImageTlv> protectedTlvs;
  private final List<ImageTlv> tlvs;
  private final byte[] hash;
  private final long end;

  private McubootImage(byte[] bytes, Flash flash, List<ImageTlv> protectedTlvs, List<ImageTlv> tlvs, byte[] hash,
      long end) {
    this.bytes = bytes;
    this.loadAddress = flash.u32(4);
    this.headerSize = flash.u16(8);
    this.protectedTlvSize = flash.u16(10);
    this.imageSize = flash.u32(12);
    this.flags = flash.u32(16);
    this.version = new ImageVersion(flash.u8(20), flash.u8(21), flash.u16(22), flash.u32(24));
    this.protectedTlvs = List.copyOf(protectedTlvs);
    this.tlvs = List.copyOf(tlvs);
    this.hash = hash;
    this.end = end;
  }

  /** Whether {@code data} starts with {@link #MAGIC} (little-endian), as the first chunk of an upload must. */
  public static boolean startsWithMagic(byte[] data) {
    return data.length >= 4 && new Flash(data).u32(0) == Integer.toUnsignedLong(MAGIC);
  }

  /**
   * The version in an image header ({@code ih_ver}, bytes 20..27), without reading further.
   *
   * @throws IllegalArgumentException if {@code header} is shorter than {@link #HEADER_SIZE}
   */
  public static ImageVersion headerVersion(byte[] header) {
    if (header.length < HEADER_SIZE) {
      throw new IllegalArgumentException("an image header has " + HEADER_SIZE + " bytes, not " + header.length);
    }
    Flash flash = new Flash(header);
    return new ImageVersion(flash.u8(20), flash.u8(21), flash.u16(22), flash.u32(24));
  }

  /** Reads an image from a file holding a slot's content (or an image file). */
  public static McubootImage read(Path file) throws IOException, ImageFormatException {
    return parse(Files.readAllBytes(file));
  }

  /**
   * Reads an image from a slot's content; bytes after the image are ignored.
   *
   * @param slot the slot's bytes (not copied: do not change them afterwards)
   * @throws ImageFormatException with Zephyr's code, as the class describes
   */
  public static McubootImage parse(byte[] slot) throws ImageFormatException {
    Flash flash = new Flash(slot);
    long magic = flash.u32(0);
    if (magic == 0xFFFF_FFFFL) {
      throw new ImageFormatException(ImageFormatException.Fault.NO_IMAGE, "the header is erased");
    }
    if (magic != Integer.toUnsignedLong(MAGIC)) {
      throw new ImageFormatException(ImageFormatException.Fault.BAD_HEADER, "magic 0x" + Long.toHexString(magic));
    }
    int hdrSize = flash.u16(8);
    if (hdrSize < HEADER_SIZE) {
      throw new ImageFormatException(ImageFormatException.Fault.BAD_HEADER, "hdr_size " + hdrSize);
    }
    long off = hdrSize + flash.u32(12);
    List<ImageTlv> protectedTlvs = new ArrayList<>();
    if (flash.u16(off) == TLV_PROT_INFO_MAGIC) {
      long protectedEnd = off + flash.u16(off + 2);
      readTlvs(flash, off + INFO_SIZE, protectedEnd, protectedTlvs);
      off = protectedEnd;
    }
    if (flash.u16(off) != TLV_INFO_MAGIC) {
      throw new ImageFormatException(ImageFormatException.Fault.NO_TLVS, "no TLV area at " + off);
    }
    long areaEnd = off + flash.u16(off + 2);
    List<ImageTlv> tlvs = new ArrayList<>();
    byte[] hash = findHash(flash, off + INFO_SIZE, areaEnd, tlvs);
    return new McubootImage(slot, flash, protectedTlvs, tlvs, hash, areaEnd);
  }

  /**
   * Walks the unprotected area as {@code img_mgmt_read_info} does: a SHA256 TLV whose length is not
   * 32 is skipped like any other type.
   */
  private static byte[] findHash(Flash flash, long off, long areaEnd, List<ImageTlv> tlvs)
      throws ImageFormatException {
    byte[] hash = null;
    while (off + INFO_SIZE <= areaEnd) {
      int type = flash.u16(off);
      int len = flash.u16(off + 2);
      if ((type == 0xFF || type == 0xFFFF) && len == 0xFFFF) {
        throw new ImageFormatException(ImageFormatException.Fault.INVALID_TLV, "erased TLV at " + off);
      }
      if (type == TLV_SHA256 && len == HASH_SIZE) {
        if (hash != null) {
          throw new ImageFormatException(ImageFormatException.Fault.MULTIPLE_HASHES, "second SHA256 TLV at " + off);
        }
        if (off + INFO_SIZE + HASH_SIZE > areaEnd) {
          throw new ImageFormatException(ImageFormatException.Fault.TLV_INVALID_SIZE, "SHA256 TLV past the area");
        }
        hash = flash.bytes(off + INFO_SIZE, HASH_SIZE);
      }
      if (off + INFO_SIZE + len <= areaEnd) {
        tlvs.add(new ImageTlv(type, flash.bytes(off + INFO_SIZE, len)));
      }
      off += INFO_SIZE + len;
    }
    if (hash == null) {
      throw new ImageFormatException(ImageFormatException.Fault.HASH_NOT_FOUND, "no SHA256 TLV of 32 bytes");
    }
    return hash;
  }

  /** Collects the protected TLVs that fit their area (Zephyr does not read them). */
  private static void readTlvs(Flash flash, long off, long areaEnd, List<ImageTlv> out) {
    while (off + INFO_SIZE <= areaEnd) {
      int len = flash.u16(off + 2);
      if (off + INFO_SIZE + len > areaEnd) {
        return;
      }
      out.add(new ImageTlv(flash.u16(off), flash.bytes(off + INFO_SIZE, len)));
      off += INFO_SIZE + len;
    }
  }

  /**
   * What MCUboot checks before it boots an image: the SHA-256 of header, body and protected TLV
   * area ({@code ih_protect_tlv_size} bytes, which must be the size of the protected area found, 0
   * when there is none) equals the SHA256 TLV, and every hashed byte is present.
   */
  public boolean verify() {
    int protectedFound = hasProtectedArea() ? protectedAreaSize() : 0;
    if (protectedTlvSize != protectedFound || end > bytes.length) {
      return false;
    }
    return MessageDigest.isEqual(hash, computeHash());
  }

  /**
   * The SHA-256 MCUboot computes: over {@code hdr_size + img_size + protect_tlv_size} bytes.
   *
   * @throws IllegalStateException if the slot content ends before those bytes
   */
  public byte[] computeHash() {
    long len = headerSize + imageSize + protectedTlvSize;
    if (len > bytes.length) {
      throw new IllegalStateException("the image is truncated: " + bytes.length + " of " + len + " hashed bytes");
    }
    return sha256(Arrays.copyOf(bytes, (int) len));
  }

  private boolean hasProtectedArea() {
    return new Flash(bytes).u16(headerSize + imageSize) == TLV_PROT_INFO_MAGIC;
  }

  private int protectedAreaSize() {
    return new Flash(bytes).u16(headerSize + imageSize + 2);
  }

  /**
   * SHA-256 of {@code data}: the one helper for images, slots and transfer checks, so that callers
   * need not handle {@link NoSuchAlgorithmException}, which no Java platform throws for SHA-256.
   */
  public static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** {@code ih_load_addr}. */
  public long loadAddress() {
    return loadAddress;
  }

  /** {@code ih_hdr_size}: where the body starts. */
  public int headerSize() {
    return headerSize;
  }

  /** {@code ih_protect_tlv_size}. */
  public int protectedTlvSize() {
    return protectedTlvSize;
  }

  /** {@code ih_img_size}: the body's length. */
  public long imageSize() {
    return imageSize;
  }

  /** {@code ih_flags}. */
  public long flags() {
    return flags;
  }

  /** Whether MCUmgr reports the image {@code bootable} (no {@link #FLAG_NON_BOOTABLE}). */
  public boolean bootable() {
    return (flags & FLAG_NON_BOOTABLE) == 0;
  }

  /** {@code ih_ver}. */
  public ImageVersion version() {
    return version;
  }

  /** The TLVs of the protected area (empty when there is none). */
  public List<ImageTlv> protectedTlvs() {
    return protectedTlvs;
  }

  /** The TLVs of the unprotected area, the SHA256 TLV among them. */
  public List<ImageTlv> tlvs() {
    return tlvs;
  }

  /** The SHA256 TLV's value: the image hash MCUmgr reports and test/confirm select by. */
  public byte[] hash() {
    return hash.clone();
  }

  /** The image's length: up to the end of its TLV area. */
  public long totalSize() {
    return end;
  }

  /** Little-endian reads of a slot; past its end, flash reads erased (0xFF). */
  private record Flash(byte[] data) {
    int u8(long off) {
      return off < data.length ? data[(int) off] & 0xFF : 0xFF;
    }

    int u16(long off) {
      return u8(off) | u8(off + 1) << 8;
    }

    long u32(long off) {
      return u16(off) | (long) u16(off + 2) << 16;
    }

    byte[] bytes(long off, int len) {
      byte[] out = new byte[len];
      Arrays.fill(out, (byte) 0xFF);
      if (off < data.length) {
        System.arraycopy(data, (int) off, out, 0, (int) Math.min(len, data.length - off));
      }
      return out;
    }
  }
}
