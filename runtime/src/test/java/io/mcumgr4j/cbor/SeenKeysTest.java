package io.mcumgr4j.cbor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.error.MgmtException;
import org.junit.jupiter.api.Test;

/** The generated decoders' key bookkeeping: each key once, each required key present. */
class SeenKeysTest {

  @Test
  void aKeyIsAddedOnce() {
    int seen = SeenKeys.add(0, 1, "a");
    seen = SeenKeys.add(seen, 1 << 31, "z");
    assertThat(seen).isEqualTo(1 | 1 << 31);
    int twice = seen;
    assertThatThrownBy(() -> SeenKeys.add(twice, 1 << 31, "z"))
        .isInstanceOfSatisfying(MgmtException.class, e -> assertThat(e.err()).isEqualTo(MgmtErr.EINVAL))
        .hasMessageContaining("'z' appears twice");
  }

  @Test
  void aLongHoldsSixtyFourKeys() {
    long seen = SeenKeys.add(0L, 1L << 32, "k32");
    seen = SeenKeys.add(seen, 1L << 63, "k63");
    assertThat(seen).isEqualTo(1L << 32 | 1L << 63);
    long twice = seen;
    assertThatThrownBy(() -> SeenKeys.add(twice, 1L << 63, "k63")).hasMessageContaining("'k63' appears twice");
  }

  @Test
  void aRequiredKeyMustHaveBeenSeen() {
    SeenKeys.require(1 << 3, 1 << 3, "d");
    SeenKeys.require(1L << 40, 1L << 40, "k40");
    assertThatThrownBy(() -> SeenKeys.require(1, 1 << 3, "d"))
        .isInstanceOfSatisfying(MgmtException.class, e -> assertThat(e.err()).isEqualTo(MgmtErr.EINVAL))
        .hasMessageContaining("'d' is required");
    assertThatThrownBy(() -> SeenKeys.require(1L << 39, 1L << 40, "k40")).hasMessageContaining("'k40' is required");
  }
}
