package io.mcumgr4j.callback;

/** A callback on one or more MCUmgr events (Zephyr's {@code mgmt_cb}). */
@FunctionalInterface
public interface MgmtListener {

  /**
   * Called for each event the listener was registered for, on the thread that handles the
   * request.
   *
   * @param event the event id ({@link MgmtEventIds})
   * @param data the event's payload object (its type is documented with the event id)
   * @param previous the first failure earlier listeners returned, or {@link CallbackResult#OK}
   * @return {@link CallbackResult#OK} to let the command go on, or a failure; ignored for
   *     notification-only events
   */
  CallbackResult onEvent(int event, Object data, CallbackResult previous);
}
