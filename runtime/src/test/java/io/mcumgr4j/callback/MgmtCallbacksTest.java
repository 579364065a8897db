package io.mcumgr4j.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcumgr4j.annotation.MgmtErr;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MgmtCallbacksTest {

  private static final int OS_RESET = MgmtEventIds.id(MgmtEventIds.GROUP_OS, 0);
  private static final int IMG_CHUNK = MgmtEventIds.id(MgmtEventIds.GROUP_IMG, 0);
  private static final int USER_EVENT = MgmtEventIds.id(MgmtEventIds.GROUP_USER_CUSTOM_START, 15);

  private final MgmtCallbacks callbacks = new MgmtCallbacks();
  private final List<String> calls = new ArrayList<>();

  /** A listener that records {@code name} and answers {@code result}. */
  private MgmtListener recording(String name, CallbackResult result) {
    return (event, data, previous) -> {
      calls.add(name);
      return result;
    };
  }

  @Test
  void callsListenersInRegistrationOrder() {
    callbacks.register(MgmtEventIds.CMD_RECV, recording("first", CallbackResult.OK));
    callbacks.register(MgmtEventIds.CMD_RECV, recording("second", CallbackResult.OK));
    callbacks.register(MgmtEventIds.CMD_RECV, recording("third", CallbackResult.OK));

    CallbackResult result = callbacks.notify(MgmtEventIds.CMD_RECV, null);

    assertThat(calls).containsExactly("first", "second", "third");
    assertThat(result).isSameAs(CallbackResult.OK);
  }

  @Test
  void passesTheEventAndItsData() {
    CommandEvent data = new CommandEvent(0, 1, 2, 0);
    List<Object> seen = new ArrayList<>();
    callbacks.register(MgmtEventIds.CMD_RECV, (event, d, previous) -> {
      seen.add(event);
      seen.add(d);
      seen.add(previous);
      return CallbackResult.OK;
    });

    callbacks.notify(MgmtEventIds.CMD_RECV, data);

    assertThat(seen).containsExactly(MgmtEventIds.CMD_RECV, data, CallbackResult.OK);
    assertThat(seen.get(1)).isSameAs(data);
  }

  @Test
  void everyListenerIsCalledAfterAFailureAndSeesTheFirstFailureAsPrevious() {
    List<CallbackResult> previous = new ArrayList<>();
    callbacks.register(MgmtEventIds.CMD_RECV, (e, d, p) -> {
      previous.add(p);
      return CallbackResult.OK;
    });
    callbacks.register(MgmtEventIds.CMD_RECV, (e, d, p) -> {
      previous.add(p);
      return CallbackResult.rc(MgmtErr.EBUSY);
    });
    callbacks.register(MgmtEventIds.CMD_RECV, (e, d, p) -> {
      previous.add(p);
      return CallbackResult.groupError(64, 2);
    });
    callbacks.register(MgmtEventIds.CMD_RECV, (e, d, p) -> {
      previous.add(p);
      return CallbackResult.OK;
    });

    CallbackResult result = callbacks.notify(MgmtEventIds.CMD_RECV, null);

    assertThat(previous).hasSize(4);
    assertThat(previous.get(0)).isSameAs(CallbackResult.OK);
    assertThat(previous.get(1)).isSameAs(CallbackResult.OK);
    assertThat(previous.subList(2, 4)).allSatisfy(p -> {
      assertThat(p.status()).isEqualTo(CallbackResult.Status.ERROR_RC);
      assertThat(p.rc()).isEqualTo(10);
    });
    assertThat(result.status()).isEqualTo(CallbackResult.Status.ERROR_RC);
    assertThat(result.rc()).isEqualTo(10);
  }

  @Test
  void theFirstFailureWins() {
    callbacks.register(MgmtEventIds.CMD_RECV, recording("ok", CallbackResult.OK));
    callbacks.register(MgmtEventIds.CMD_RECV, recording("err", CallbackResult.groupError(3, 5)));
    callbacks.register(MgmtEventIds.CMD_RECV, recording("rc", CallbackResult.rc(MgmtErr.EACCESSDENIED)));

    CallbackResult result = callbacks.notify(MgmtEventIds.CMD_RECV, null);

    assertThat(calls).containsExactly("ok", "err", "rc");
    assertThat(result.status()).isEqualTo(CallbackResult.Status.ERROR_ERR);
    assertThat(result.group()).isEqualTo(3);
    assertThat(result.rc()).isEqualTo(5);
  }

  @Test
  void abortMoreStopsTheWalk() {
    callbacks.register(MgmtEventIds.CMD_RECV, recording("first", CallbackResult.OK));
    callbacks.register(MgmtEventIds.CMD_RECV, recording("aborts", CallbackResult.OK.abortMore()));
    callbacks.register(MgmtEventIds.CMD_RECV, recording("never", CallbackResult.rc(MgmtErr.EBUSY)));

    CallbackResult result = callbacks.notify(MgmtEventIds.CMD_RECV, null);

    assertThat(calls).containsExactly("first", "aborts");
    assertThat(result.isOk()).isTrue();
  }

  @Test
  void aFailureWithAbortMoreIsTheResultWithoutTheAbortFlag() {
    callbacks.register(
        MgmtEventIds.CMD_RECV, recording("aborts", CallbackResult.rc(MgmtErr.EBUSY).abortMore()));
    callbacks.register(MgmtEventIds.CMD_RECV, recording("never", CallbackResult.OK));

    CallbackResult result = callbacks.notify(MgmtEventIds.CMD_RECV, null);

    assertThat(calls).containsExactly("aborts");
    assertThat(result.status()).isEqualTo(CallbackResult.Status.ERROR_RC);
    assertThat(result.rc()).isEqualTo(10);
    assertThat(result.isAbortMore()).isFalse();
  }

  @Test
  void abortMoreAfterAFailureKeepsTheFirstFailure() {
    callbacks.register(MgmtEventIds.CMD_RECV, recording("fails", CallbackResult.rc(MgmtErr.ENOENT)));
    callbacks.register(
        MgmtEventIds.CMD_RECV, recording("aborts", CallbackResult.rc(MgmtErr.EBUSY).abortMore()));
    callbacks.register(MgmtEventIds.CMD_RECV, recording("never", CallbackResult.OK));

    CallbackResult result = callbacks.notify(MgmtEventIds.CMD_RECV, null);

    assertThat(calls).containsExactly("fails", "aborts");
    assertThat(result.rc()).isEqualTo(5);
  }

  @Test
  void aNullAnswerCountsAsOk() {
    callbacks.register(MgmtEventIds.CMD_DONE, (e, d, p) -> null);
    callbacks.register(MgmtEventIds.CMD_DONE, recording("after", CallbackResult.OK));

    CallbackResult result = callbacks.notify(MgmtEventIds.CMD_DONE, null);

    assertThat(result.isOk()).isTrue();
    assertThat(calls).containsExactly("after");
  }

  @Test
  void noListenersMeansOk() {
    assertThat(callbacks.notify(MgmtEventIds.CMD_RECV, null)).isSameAs(CallbackResult.OK);
  }

  @Test
  void aSingleEventMaskMatchesOnlyThatEvent() {
    callbacks.register(MgmtEventIds.CMD_DONE, recording("done", CallbackResult.OK));

    callbacks.notify(MgmtEventIds.CMD_RECV, null);
    callbacks.notify(MgmtEventIds.CMD_STATUS, null);
    callbacks.notify(MgmtEventIds.CMD_DONE, null);

    assertThat(calls).containsExactly("done");
  }

  @Test
  void anOrOfBitsInOneGroupMatchesEachOfThem() {
    callbacks.register(MgmtEventIds.CMD_RECV | MgmtEventIds.CMD_DONE, recording("both", CallbackResult.OK));

    callbacks.notify(MgmtEventIds.CMD_RECV, null);
    callbacks.notify(MgmtEventIds.CMD_STATUS, null);
    callbacks.notify(MgmtEventIds.CMD_DONE, null);

    assertThat(calls).containsExactly("both", "both");
  }

  @Test
  void allOfAGroupMatchesEveryEventOfThatGroupOnly() {
    callbacks.register(MgmtEventIds.allOf(MgmtEventIds.GROUP_SMP), recording("smp", CallbackResult.OK));

    callbacks.notify(MgmtEventIds.CMD_RECV, null);
    callbacks.notify(MgmtEventIds.CMD_STATUS, null);
    callbacks.notify(MgmtEventIds.CMD_DONE, null);
    callbacks.notify(MgmtEventIds.id(MgmtEventIds.GROUP_SMP, 15), null);
    callbacks.notify(OS_RESET, null);
    callbacks.notify(USER_EVENT, null);

    assertThat(calls).containsExactly("smp", "smp", "smp", "smp");
  }

  @Test
  void allMatchesEveryGroupsEvents() {
    callbacks.register(MgmtEventIds.ALL, recording("all", CallbackResult.OK));

    callbacks.notify(MgmtEventIds.CMD_RECV, null);
    callbacks.notify(OS_RESET, null);
    callbacks.notify(IMG_CHUNK, null);
    callbacks.notify(USER_EVENT, null);

    assertThat(calls).hasSize(4);
  }

  @Test
  void aListenerOfAnotherEventGroupIsNotCalled() {
    // OS bit 0 and SMP bit 0 share the bit, not the group
    callbacks.register(OS_RESET, recording("os", CallbackResult.OK));
    callbacks.register(MgmtEventIds.allOf(MgmtEventIds.GROUP_IMG), recording("img", CallbackResult.OK));

    CallbackResult result = callbacks.notify(MgmtEventIds.CMD_RECV, null);

    assertThat(calls).isEmpty();
    assertThat(result).isSameAs(CallbackResult.OK);
  }

  /**
   * Zephyr matches event group 0 only through {@code MGMT_EVT_OP_ALL} itself ({@code event_id ==
   * MGMT_EVT_OP_ALL}); a partial mask in group 0 is a group of its own that no event belongs to.
   */
  @Test
  void aPartialMaskInEventGroupZeroIsNotAll() {
    callbacks.register(0x0001, recording("partial", CallbackResult.OK));

    callbacks.notify(MgmtEventIds.CMD_RECV, null);
    callbacks.notify(OS_RESET, null);

    assertThat(calls).isEmpty();
  }

  @Test
  void closingARegistrationUnregisters() {
    MgmtCallbacks.Registration registration =
        callbacks.register(MgmtEventIds.CMD_RECV, recording("gone", CallbackResult.rc(MgmtErr.EBUSY)));
    callbacks.register(MgmtEventIds.CMD_RECV, recording("stays", CallbackResult.OK));

    registration.close();
    CallbackResult result = callbacks.notify(MgmtEventIds.CMD_RECV, null);

    assertThat(calls).containsExactly("stays");
    assertThat(result.isOk()).isTrue();
  }

  @Test
  void closingRemovesExactlyItsOwnRegistration() {
    MgmtListener listener = recording("twice", CallbackResult.OK);
    callbacks.register(MgmtEventIds.CMD_RECV, listener);
    callbacks.register(MgmtEventIds.CMD_RECV, recording("middle", CallbackResult.OK));
    MgmtCallbacks.Registration second = callbacks.register(MgmtEventIds.CMD_RECV, listener);

    second.close();
    callbacks.notify(MgmtEventIds.CMD_RECV, null);

    assertThat(calls).containsExactly("twice", "middle");
  }

  @Test
  void hasListenersFollowsRegistrations() {
    assertThat(callbacks.hasListeners(MgmtEventIds.CMD_RECV)).isFalse();

    MgmtCallbacks.Registration recv =
        callbacks.register(MgmtEventIds.CMD_RECV, recording("r", CallbackResult.OK));

    assertThat(callbacks.hasListeners(MgmtEventIds.CMD_RECV)).isTrue();
    assertThat(callbacks.hasListeners(MgmtEventIds.CMD_DONE)).isFalse();
    assertThat(callbacks.hasListeners(OS_RESET)).isFalse();

    recv.close();

    assertThat(callbacks.hasListeners(MgmtEventIds.CMD_RECV)).isFalse();
  }

  @Test
  void hasListenersSeesGroupAndAllMasks() {
    callbacks.register(MgmtEventIds.allOf(MgmtEventIds.GROUP_OS), recording("os", CallbackResult.OK));

    assertThat(callbacks.hasListeners(OS_RESET)).isTrue();
    assertThat(callbacks.hasListeners(IMG_CHUNK)).isFalse();

    callbacks.register(MgmtEventIds.ALL, recording("all", CallbackResult.OK));

    assertThat(callbacks.hasListeners(IMG_CHUNK)).isTrue();
    assertThat(callbacks.hasListeners(USER_EVENT)).isTrue();
  }

  @Test
  void aMaskWithoutEventBitsIsRejected() {
    MgmtListener listener = recording("x", CallbackResult.OK);

    assertThatThrownBy(() -> callbacks.register(0, listener)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> callbacks.register(MgmtEventIds.GROUP_SMP << 16, listener))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0x10000");
    assertThat(callbacks.hasListeners(MgmtEventIds.CMD_RECV)).isFalse();
  }
}
