package io.mcumgr4j.mcuboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.mcuboot.ImageFormatException.Fault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class McubootImageTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] PAYLOAD = {(byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF};

  private static byte[] small() {
    return new McubootImageBuilder().version(new ImageVersion(1, 2, 3, 4)).loadAddress(0x1000).payload(PAYLOAD).build();
  }

  @Test
  void headerBytesAreLittleEndianAsImageHDescribes() {
    byte[] image = small();
    assertThat(HEX.formatHex(Arrays.copyOf(image, 32))).isEqualTo(
        "3db8f396" // ih_magic 0x96F3B83D
            + "00100000" // ih_load_addr 0x1000
            + "2000" // ih_hdr_size 32
            + "0000" // ih_protect_tlv_size
            + "04000000" // ih_img_size
            + "00000000" // ih_flags
            + "01" + "02" + "0300" + "04000000" // 1.2.3 build 4
            + "00000000"); // pad
    assertThat(Arrays.copyOfRange(image, 32, 36)).isEqualTo(PAYLOAD);
  }

  @Test
  void tlvAreaHoldsTheSha256OfHeaderAndBody() {
    byte[] image = small();
    assertThat(image).hasSize(32 + 4 + 4 + 4 + 32);
    byte[] area = Arrays.copyOfRange(image, 36, image.length);
    // it_magic 0x6907, it_tlv_tot 40; TLV type 0x10, len 32
    assertThat(HEX.formatHex(Arrays.copyOf(area, 8))).isEqualTo("07692800" + "10002000");
    assertThat(Arrays.copyOfRange(area, 8, 40)).isEqualTo(McubootImage.sha256(Arrays.copyOf(image, 36)));
  }

  @Test
  void parsesWhatTheBuilderMakes() throws Exception {
    byte[] image = new McubootImageBuilder().version(ImageVersion.of(2, 0, 7)).headerSize(512).flags(0x10)
        .payload(new byte[1000]).tlv(0xA0, new byte[] {1, 2, 3}).build();
    McubootImage parsed = McubootImage.parse(image);
    assertThat(parsed.headerSize()).isEqualTo(512);
    assertThat(parsed.imageSize()).isEqualTo(1000);
    assertThat(parsed.version()).isEqualTo(ImageVersion.of(2, 0, 7));
    assertThat(parsed.flags()).isEqualTo(0x10);
    assertThat(parsed.bootable()).isFalse();
    assertThat(parsed.protectedTlvs()).isEmpty();
    assertThat(parsed.tlvs()).extracting(ImageTlv::type).containsExactly(0x10, 0xA0);
    assertThat(parsed.hash()).isEqualTo(McubootImage.sha256(Arrays.copyOf(image, 1512)));
    assertThat(parsed.totalSize()).isEqualTo(image.length);
    assertThat(parsed.verify()).isTrue();
    // header padding is zero, as imgtool writes it
    assertThat(Arrays.copyOfRange(image, 32, 512)).containsOnly(0);
  }

  @Test
  void readsFromAFileAndIgnoresWhatFollowsTheImage(@TempDir Path dir) throws Exception {
    byte[] image = small();
    byte[] slot = Arrays.copyOf(image, image.length + 100);
    Arrays.fill(slot, image.length, slot.length, (byte) 0xFF);
    Files.write(dir.resolve("slot.bin"), slot);
    McubootImage parsed = McubootImage.read(dir.resolve("slot.bin"));
    assertThat(parsed.verify()).isTrue();
    assertThat(parsed.totalSize()).isEqualTo(image.length);
  }

  @Test
  void aProtectedTlvAreaIsHashed() throws Exception {
    byte[] image = new McubootImageBuilder().payload(PAYLOAD).protectedTlv(0x50, new byte[] {1, 0, 0, 0}).build();
    // protected area: info 4 + TLV 4 + 4 = 12 bytes, recorded in ih_protect_tlv_size
    assertThat(HEX.formatHex(Arrays.copyOfRange(image, 10, 12))).isEqualTo("0c00");
    assertThat(HEX.formatHex(Arrays.copyOfRange(image, 36, 48))).isEqualTo("08690c00" + "50000400" + "01000000");
    McubootImage parsed = McubootImage.parse(image);
    assertThat(parsed.protectedTlvs()).hasSize(1);
    assertThat(parsed.hash()).isEqualTo(McubootImage.sha256(Arrays.copyOf(image, 48)));
    assertThat(parsed.verify()).isTrue();

    byte[] altered = image.clone();
    altered[44] = 2; // the protected TLV's value
    assertThat(McubootImage.parse(altered).verify()).isFalse();
  }

  @Test
  void aChangedBodyOrATruncatedImageDoesNotVerify() throws Exception {
    byte[] image = small();
    byte[] changed = image.clone();
    changed[33] ^= 1;
    assertThat(McubootImage.parse(changed).verify()).isFalse();

    byte[] truncated = Arrays.copyOf(image, image.length - 10);
    assertThat(McubootImage.parse(truncated).verify()).isFalse();
  }

  @Test
  void eachDefectMapsToZephyrsCode() {
    byte[] image = small();
    assertFault(new byte[0], Fault.NO_IMAGE, 3);
    byte[] erased = new byte[64];
    Arrays.fill(erased, (byte) 0xFF);
    assertFault(erased, Fault.NO_IMAGE, 3);

    byte[] magic = image.clone();
    magic[0] = 0x3C; // MCUboot's old v1 magic is not taken either
    assertFault(magic, Fault.BAD_HEADER, 23);

    byte[] hdr = image.clone();
    hdr[8] = 16;
    assertFault(hdr, Fault.BAD_HEADER, 23);

    assertFault(Arrays.copyOf(image, 36), Fault.NO_TLVS, 4);
    byte[] tlvMagic = image.clone();
    tlvMagic[36] = 0x06;
    assertFault(tlvMagic, Fault.NO_TLVS, 4);

    byte[] erasedTlv = image.clone();
    Arrays.fill(erasedTlv, 40, 44, (byte) 0xFF);
    assertFault(erasedTlv, Fault.INVALID_TLV, 5);

    byte[] twoHashes = new McubootImageBuilder().payload(PAYLOAD).tlv(0x10, new byte[32]).build();
    assertFault(twoHashes, Fault.MULTIPLE_HASHES, 6);

    byte[] shortArea = image.clone();
    shortArea[38] = 30; // it_tlv_tot 30: the 32-byte hash runs past it
    assertFault(shortArea, Fault.TLV_INVALID_SIZE, 7);

    byte[] noHash = image.clone();
    noHash[40] = 0x11; // the only TLV becomes SHA384 with 32 bytes
    assertFault(noHash, Fault.HASH_NOT_FOUND, 8);
    byte[] wrongLength = new McubootImageBuilder().payload(PAYLOAD).build();
    wrongLength[42] = 31; // SHA256 of 31 bytes is skipped, as Zephyr does
    assertFault(wrongLength, Fault.HASH_NOT_FOUND, 8);
  }

  private static void assertFault(byte[] bytes, Fault fault, int code) {
    assertThatThrownBy(() -> McubootImage.parse(bytes))
        .isInstanceOfSatisfying(ImageFormatException.class, e -> {
          assertThat(e.fault()).isEqualTo(fault);
          assertThat(e.fault().code()).isEqualTo(code);
        });
  }

  @Test
  void headerHelpersReadTheFirstChunkOfAnUpload() {
    byte[] image = small();
    assertThat(McubootImage.startsWithMagic(image)).isTrue();
    assertThat(McubootImage.startsWithMagic(new byte[] {0x3D, (byte) 0xB8})).isFalse();
    assertThat(McubootImage.headerVersion(Arrays.copyOf(image, 32))).isEqualTo(new ImageVersion(1, 2, 3, 4));
  }
}
