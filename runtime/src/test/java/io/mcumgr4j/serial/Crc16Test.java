package io.mcumgr4j.serial;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Crc16Test {

  private static final byte[] CHECK = "123456789".getBytes(StandardCharsets.US_ASCII);

  @Test
  void checkValueOfXmodem() {
    assertThat(Crc16.compute(CHECK, 0, CHECK.length)).isEqualTo(0x31C3);
  }

  @Test
  void emptyInputIsTheInitialValue() {
    assertThat(Crc16.compute(new byte[0], 0, 0)).isZero();
  }

  @Test
  void updatesCompose() {
    int split = Crc16.update(Crc16.compute(CHECK, 0, 4), CHECK, 4, CHECK.length - 4);
    int byByte = 0;
    for (byte b : CHECK) {
      byByte = Crc16.update(byByte, b);
    }
    assertThat(split).isEqualTo(0x31C3);
    assertThat(byByte).isEqualTo(0x31C3);
  }

  @Test
  void crcAppendedBigEndianChecksToZero() {
    byte[] withCrc = new byte[CHECK.length + 2];
    System.arraycopy(CHECK, 0, withCrc, 0, CHECK.length);
    withCrc[CHECK.length] = 0x31;
    withCrc[CHECK.length + 1] = (byte) 0xC3;
    assertThat(Crc16.compute(withCrc, 0, withCrc.length)).isZero();
  }

  @Test
  void respectsOffsetAndLength() {
    byte[] padded = new byte[CHECK.length + 6];
    System.arraycopy(CHECK, 0, padded, 3, CHECK.length);
    assertThat(Crc16.compute(padded, 3, CHECK.length)).isEqualTo(0x31C3);
  }
}
