package io.mcumgr4j.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcumgr4j.annotation.MgmtErr;
import org.junit.jupiter.api.Test;

class MgmtExceptionTest {

  @Test
  void namedCodeWithReason() {
    MgmtException e = new MgmtException(MgmtErr.EINVAL, "'off' must be an unsigned integer");

    assertThat(e.rc()).isEqualTo(3);
    assertThat(e.err()).isEqualTo(MgmtErr.EINVAL);
    assertThat(e.reason()).isEqualTo("'off' must be an unsigned integer");
    assertThat(e).hasMessage("MGMT_ERR_EINVAL (3): 'off' must be an unsigned integer");
  }

  @Test
  void namedCodeWithoutReason() {
    MgmtException e = new MgmtException(MgmtErr.ENOTSUP);

    assertThat(e.rc()).isEqualTo(8);
    assertThat(e.err()).isEqualTo(MgmtErr.ENOTSUP);
    assertThat(e.reason()).isNull();
    assertThat(e).hasMessage("MGMT_ERR_ENOTSUP (8)");
  }

  @Test
  void emptyReasonIsLeftOutOfTheMessage() {
    MgmtException e = new MgmtException(MgmtErr.EMSGSIZE, "");

    assertThat(e.reason()).isEmpty();
    assertThat(e).hasMessage("MGMT_ERR_EMSGSIZE (7)");
  }

  @Test
  void userCodeWithoutAName() {
    MgmtException e = new MgmtException(300, "hook refused");

    assertThat(e.rc()).isEqualTo(300);
    assertThat(e.err()).isNull();
    assertThat(e).hasMessage("rc 300: hook refused");
    assertThat(new MgmtException(-1, null)).hasMessage("rc -1");
    assertThat(new MgmtException(14, null).err()).isNull();
  }

  @Test
  void numericCodeWithANameIsNamed() {
    MgmtException e = new MgmtException(256, null);

    assertThat(e.err()).isEqualTo(MgmtErr.EPERUSER);
    assertThat(e).hasMessage("MGMT_ERR_EPERUSER (256)");
    assertThat(new MgmtException(13, "v3")).hasMessage("MGMT_ERR_UNSUPPORTED_TOO_NEW (13): v3");
  }

  @Test
  void isAnUncheckedSmpException() {
    assertThat(new MgmtException(MgmtErr.EBUSY))
        .isInstanceOf(SmpException.class)
        .isInstanceOf(RuntimeException.class);
  }
}
