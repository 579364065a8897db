package io.mcumgr4j.simulator.image;

import io.mcumgr4j.mcuboot.ImageVersion;
import io.mcumgr4j.mcuboot.McubootImageBuilder;

/** Test images: a payload of {@code size} bytes that depends on the version, so each version hashes differently. */
final class Images {

  private Images() {}

  static byte[] image(ImageVersion version, int size) {
    byte[] payload = new byte[size];
    for (int i = 0; i < size; i++) {
      payload[i] = (byte) (i * 31 + version.hashCode());
    }
    return new McubootImageBuilder().version(version).headerSize(512).payload(payload).build();
  }
}
