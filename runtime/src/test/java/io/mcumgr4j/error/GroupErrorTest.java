package io.mcumgr4j.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.annotation.MgmtErr;
import org.junit.jupiter.api.Test;

class GroupErrorTest {

  /** Shaped like a generated {@code XError} enum. */
  private enum FsError implements GroupError {
    OK(0, MgmtErr.EOK),
    FILE_NOT_FOUND(3, MgmtErr.ENOENT);

    private final int rc;
    private final MgmtErr legacy;

    FsError(int rc, MgmtErr legacy) {
      this.rc = rc;
      this.legacy = legacy;
    }

    @Override
    public int group() {
      return 8;
    }

    @Override
    public int rc() {
      return rc;
    }

    @Override
    public MgmtErr legacy() {
      return legacy;
    }
  }

  @Test
  void ofKeepsTheNumbersAndTranslatesToEunknown() {
    GroupError e = GroupError.of(3, 5);

    assertThat(e.group()).isEqualTo(3);
    assertThat(e.rc()).isEqualTo(5);
    assertThat(e.legacy()).isEqualTo(MgmtErr.EUNKNOWN);
    assertThat(e.name()).isEqualTo("group 3 error 5");
  }

  @Test
  void ofIsAValue() {
    assertThat(GroupError.of(8, 3)).isEqualTo(GroupError.of(8, 3)).hasSameHashCodeAs(GroupError.of(8, 3));
    assertThat(GroupError.of(8, 3)).isNotEqualTo(GroupError.of(8, 4)).isNotEqualTo(GroupError.of(2, 3));
  }

  @Test
  void exceptionMessageNamesTheErrorAndItsNumbers() {
    GroupErrorException e = new GroupErrorException(FsError.FILE_NOT_FOUND);

    assertThat(e).hasMessage("FILE_NOT_FOUND (group 8, rc 3)");
    assertThat(e.error()).isSameAs(FsError.FILE_NOT_FOUND);
    assertThat(e).isInstanceOf(SmpException.class);
  }

  @Test
  void exceptionMessageAppendsTheDetail() {
    GroupErrorException e = new GroupErrorException(GroupError.of(2, 2), "no such stat group");

    assertThat(e).hasMessage("group 2 error 2: no such stat group");
    assertThat(e.error()).isEqualTo(GroupError.of(2, 2));
  }

  @Test
  void exceptionRejectsRcZero() {
    assertThatThrownBy(() -> new GroupErrorException(FsError.OK))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new GroupErrorException(GroupError.of(8, 0), "detail"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
