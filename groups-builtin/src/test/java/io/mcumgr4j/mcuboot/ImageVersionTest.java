package io.mcumgr4j.mcuboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImageVersionTest {

  @Test
  void printsAsZephyrsStateVersion() {
    assertThat(ImageVersion.ZERO).hasToString("0.0.0");
    assertThat(new ImageVersion(1, 2, 3, 4)).hasToString("1.2.3.4");
    assertThat(new ImageVersion(255, 255, 65535, 4294967295L)).hasToString("255.255.65535.4294967295");
  }

  @Test
  void ordersByEveryFieldOrWithoutTheBuild() {
    assertThat(ImageVersion.of(1, 2, 3)).isLessThan(ImageVersion.of(1, 2, 4)).isLessThan(ImageVersion.of(1, 3, 0))
        .isLessThan(ImageVersion.of(2, 0, 0)).isLessThan(new ImageVersion(1, 2, 3, 1));
    assertThat(ImageVersion.of(1, 2, 3).compareIgnoringBuild(new ImageVersion(1, 2, 3, 9))).isZero();
  }

  @Test
  void parsesDotsOrImgtoolsPlus() {
    assertThat(ImageVersion.parse("1.2.3")).isEqualTo(ImageVersion.of(1, 2, 3));
    assertThat(ImageVersion.parse("1.2.3.4")).isEqualTo(new ImageVersion(1, 2, 3, 4));
    assertThat(ImageVersion.parse("1.2.3+4")).isEqualTo(new ImageVersion(1, 2, 3, 4));
    assertThatThrownBy(() -> ImageVersion.parse("1.2")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ImageVersion.parse("1.x.3")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ImageVersion.of(256, 0, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
