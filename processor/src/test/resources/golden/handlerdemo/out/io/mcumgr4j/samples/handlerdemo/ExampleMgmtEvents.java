package io.mcumgr4j.samples.handlerdemo;

import io.mcumgr4j.callback.CallbackResult;
import io.mcumgr4j.callback.MgmtCallbacks;
import io.mcumgr4j.callback.MgmtEventIds;
import java.util.OptionalLong;
import javax.annotation.processing.Generated;

/**
 * Callback hooks of the {@code example} group (id 64): each hooked command of {@link ExampleMgmt} fires its event
 * after its request decoded and before it runs; a listener lets it go on ({@code CallbackResult.OK}) or
 * fails it with an {@code rc} or a group error.
 */
@Generated("io.mcumgr4j.processor.MgmtProcessor")
public final class ExampleMgmtEvents {
  /**
   * The callback event group of these hooks.
   */
  public static final int EVENT_GROUP = 64;

  /**
   * Fired by {@link ExampleMgmt#other} before it runs; data {@link OtherEvent}.
   */
  public static final int OTHER = MgmtEventIds.id(EVENT_GROUP, 0);

  private ExampleMgmtEvents() {
  }

  /**
   * Registers {@code listener} for {@link #OTHER}; close the registration to remove it.
   */
  public static MgmtCallbacks.Registration onOther(MgmtCallbacks callbacks,
      OtherListener listener) {
    return callbacks.register(OTHER,
        (event, data, previous) -> listener.onOther((OtherEvent) data, previous));
  }

  /**
   * The decoded request of {@link ExampleMgmt#other}.
   */
  public record OtherEvent(OptionalLong userValue) {
  }

  /**
   * Listens to {@link #OTHER}.
   */
  @FunctionalInterface
  public interface OtherListener {
    /**
     * @param event the request
     * @param previous the first failure earlier listeners returned, or {@code CallbackResult.OK}
     * @return {@code CallbackResult.OK} to let the command run, or a failure
     */
    CallbackResult onOther(OtherEvent event, CallbackResult previous);
  }
}
