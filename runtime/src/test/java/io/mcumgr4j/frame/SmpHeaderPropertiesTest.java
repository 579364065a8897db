package io.mcumgr4j.frame;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class SmpHeaderPropertiesTest {

  @Property
  void encodeDecodeRoundTrips(
      @ForAll @IntRange(max = 7) int op,
      @ForAll @IntRange(max = 3) int version,
      @ForAll @IntRange(max = 0xFF) int flags,
      @ForAll @IntRange(max = 0xFFFF) int length,
      @ForAll @IntRange(max = 0xFFFF) int group,
      @ForAll @IntRange(max = 0xFF) int sequence,
      @ForAll @IntRange(max = 0xFF) int command) {
    SmpHeader h = new SmpHeader(op, version, flags, length, group, sequence, command);
    byte[] bytes = h.encode();

    assertThat(bytes).hasSize(SmpHeader.SIZE);
    assertThat(bytes[0] & 0xFF).isEqualTo((version << 3) | op);
    assertThat(((bytes[2] & 0xFF) << 8) | (bytes[3] & 0xFF)).isEqualTo(length);
    assertThat(((bytes[4] & 0xFF) << 8) | (bytes[5] & 0xFF)).isEqualTo(group);
    assertThat(SmpHeader.decode(bytes)).isEqualTo(h);
  }
}
