package io.mcumgr4j.callback;

import io.mcumgr4j.annotation.MgmtErr;
import io.mcumgr4j.error.GroupError;
import io.mcumgr4j.error.GroupErrorException;
import io.mcumgr4j.error.MgmtException;

/**
 * What a listener answers (Zephyr's {@code enum mgmt_cb_return} with its {@code rc}, {@code group}
 * and {@code abort_more} outputs): let the command go on, fail it with an SMP {@code rc}, or fail
 * it with a group error; optionally stop the listeners after this one from being called.
 */
public final class CallbackResult {

  /** The kinds of answer. */
  public enum Status {
    /** Allow; go on ({@code MGMT_CB_OK}). */
    OK,
    /** Fail with {@code {rc}} ({@code MGMT_CB_ERROR_RC}). */
    ERROR_RC,
    /** Fail with {@code err: {group, rc}} ({@code MGMT_CB_ERROR_ERR}). */
    ERROR_ERR
  }

  /** Allow, and let later listeners be told too. */
  public static final CallbackResult OK = new CallbackResult(Status.OK, 0, 0, false);

  private final Status status;
  private final int rc;
  private final int group;
  private final boolean abortMore;

  private CallbackResult(Status status, int rc, int group, boolean abortMore) {
    this.status = status;
    this.rc = rc;
    this.group = group;
    this.abortMore = abortMore;
  }

  /** Fail the command with an SMP result code. */
  public static CallbackResult rc(MgmtErr err) {
    return rc(err.code());
  }

  /** Fail the command with any 32-bit result code (Zephyr lets hooks return their own). */
  public static CallbackResult rc(int rc) {
    if (rc == 0) {
      throw new IllegalArgumentException("rc 0 is success: use CallbackResult.OK");
    }
    return new CallbackResult(Status.ERROR_RC, rc, 0, false);
  }

  /** Fail the command with a group error. */
  public static CallbackResult groupError(GroupError error) {
    return groupError(error.group(), error.rc());
  }

  /** Fail the command with the group error {@code (group, rc)}. */
  public static CallbackResult groupError(int group, int rc) {
    if (rc <= 0 || rc > 0xFFFF || group < 0 || group > 0xFFFF) {
      throw new IllegalArgumentException("group error (" + group + ", " + rc + ") out of range");
    }
    return new CallbackResult(Status.ERROR_ERR, rc, group, false);
  }

  /** The same answer, and no further listener is called for this event. */
  public CallbackResult abortMore() {
    return new CallbackResult(status, rc, group, true);
  }

  public Status status() {
    return status;
  }

  /** Whether the command may go on. */
  public boolean isOk() {
    return status == Status.OK;
  }

  /** The SMP {@code rc} ({@link Status#ERROR_RC}) or the group's code ({@link Status#ERROR_ERR}). */
  public int rc() {
    return rc;
  }

  /** The group of a {@link Status#ERROR_ERR} answer. */
  public int group() {
    return group;
  }

  /** Whether later listeners are skipped. */
  public boolean isAbortMore() {
    return abortMore;
  }

  /**
   * Throws the failure this answer stands for, so a command stops where its hook said no.
   *
   * @throws MgmtException for {@link Status#ERROR_RC}
   * @throws GroupErrorException for {@link Status#ERROR_ERR}
   */
  public void throwIfFailed() {
    switch (status) {
      case ERROR_RC -> throw new MgmtException(rc, "refused by a callback");
      case ERROR_ERR -> throw new GroupErrorException(GroupError.of(group, rc), "refused by a callback");
      case OK -> { }
    }
  }

  /** This answer without the abort flag, as it is handed to the command. */
  CallbackResult withoutAbort() {
    return abortMore ? new CallbackResult(status, rc, group, false) : this;
  }

  @Override
  public String toString() {
    return switch (status) {
      case OK -> "OK";
      case ERROR_RC -> "ERROR_RC(" + rc + ")";
      case ERROR_ERR -> "ERROR_ERR(group " + group + ", rc " + rc + ")";
    } + (abortMore ? " abortMore" : "");
  }
}
