package io.mcumgr4j.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.error.GroupError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallbackResultTest {

  @Test
  void okAllowsAndCarriesNoCode() {
    CallbackResult ok = CallbackResult.OK;

    assertThat(ok.status()).isEqualTo(CallbackResult.Status.OK);
    assertThat(ok.isOk()).isTrue();
    assertThat(ok.rc()).isZero();
    assertThat(ok.group()).isZero();
    assertThat(ok.isAbortMore()).isFalse();
    assertThat(ok).hasToString("OK");
  }

  @Test
  void rcFromAnMgmtErr() {
    CallbackResult r = CallbackResult.rc(MgmtErr.EBUSY);

    assertThat(r.status()).isEqualTo(CallbackResult.Status.ERROR_RC);
    assertThat(r.isOk()).isFalse();
    assertThat(r.rc()).isEqualTo(10);
    assertThat(r.group()).isZero();
    assertThat(r).hasToString("ERROR_RC(10)");
  }

  @ParameterizedTest(name = "rc {0}")
  @CsvSource({"-1", "1", "256", "2147483647", "-2147483648"})
  void rcAcceptsAnyNonZero32BitCode(int rc) {
    assertThat(CallbackResult.rc(rc).rc()).isEqualTo(rc);
  }

  @Test
  void rcZeroIsRejected() {
    assertThatThrownBy(() -> CallbackResult.rc(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CallbackResult.rc(MgmtErr.EOK)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void groupErrorFromAGroupError() {
    CallbackResult r = CallbackResult.groupError(GroupError.of(8, 3));

    assertThat(r.status()).isEqualTo(CallbackResult.Status.ERROR_ERR);
    assertThat(r.isOk()).isFalse();
    assertThat(r.group()).isEqualTo(8);
    assertThat(r.rc()).isEqualTo(3);
    assertThat(r).hasToString("ERROR_ERR(group 8, rc 3)");
  }

  @ParameterizedTest(name = "group {0}, rc {1}")
  @CsvSource({"0, 1", "65535, 65535", "64, 2"})
  void groupErrorAcceptsSixteenBitValues(int group, int rc) {
    CallbackResult r = CallbackResult.groupError(group, rc);

    assertThat(r.group()).isEqualTo(group);
    assertThat(r.rc()).isEqualTo(rc);
  }

  @ParameterizedTest(name = "group {0}, rc {1}")
  @CsvSource({"3, 0", "3, -1", "3, 65536", "-1, 1", "65536, 1"})
  void groupErrorRejectsOutOfRangeValues(int group, int rc) {
    assertThatThrownBy(() -> CallbackResult.groupError(group, rc))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void abortMoreKeepsTheAnswerAndLeavesTheOriginalUnchanged() {
    CallbackResult failure = CallbackResult.groupError(64, 2);

    CallbackResult aborting = failure.abortMore();

    assertThat(aborting.isAbortMore()).isTrue();
    assertThat(aborting.status()).isEqualTo(CallbackResult.Status.ERROR_ERR);
    assertThat(aborting.group()).isEqualTo(64);
    assertThat(aborting.rc()).isEqualTo(2);
    assertThat(aborting).hasToString("ERROR_ERR(group 64, rc 2) abortMore");
    assertThat(failure.isAbortMore()).isFalse();
    assertThat(CallbackResult.OK.abortMore().isOk()).isTrue();
    assertThat(CallbackResult.OK.isAbortMore()).isFalse();
  }
}
