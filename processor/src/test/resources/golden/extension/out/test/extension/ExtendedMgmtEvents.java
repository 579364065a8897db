package test.extension;

import io.mcumgr4j.callback.CallbackResult;
import io.mcumgr4j.callback.MgmtCallbacks;
import io.mcumgr4j.callback.MgmtEventIds;
import javax.annotation.processing.Generated;

/**
 * Callback hooks of the {@code base} group (id 70): each hooked command of {@link ExtendedMgmt} fires its event
 * after its request decoded and before it runs; a listener lets it go on ({@code CallbackResult.OK}) or
 * fails it with an {@code rc} or a group error.
 */
@Generated("io.mcumgr4j.processor.MgmtProcessor")
public final class ExtendedMgmtEvents {
  /**
   * The callback event group of these hooks.
   */
  public static final int EVENT_GROUP = 70;

  /**
   * Fired by {@link ExtendedMgmt#extra} before it runs; data {@link ExtraEvent}.
   */
  public static final int EXTRA = MgmtEventIds.id(EVENT_GROUP, 0);

  private ExtendedMgmtEvents() {
  }

  /**
   * Registers {@code listener} for {@link #EXTRA}; close the registration to remove it.
   */
  public static MgmtCallbacks.Registration onExtra(MgmtCallbacks callbacks,
      ExtraListener listener) {
    return callbacks.register(EXTRA,
        (event, data, previous) -> listener.onExtra((ExtraEvent) data, previous));
  }

  /**
   * The decoded request of {@link ExtendedMgmt#extra}.
   */
  public record ExtraEvent(int amount) {
  }

  /**
   * Listens to {@link #EXTRA}.
   */
  @FunctionalInterface
  public interface ExtraListener {
    /**
     * @param event the request
     * @param previous the first failure earlier listeners returned, or {@code CallbackResult.OK}
     * @return {@code CallbackResult.OK} to let the command run, or a failure
     */
    CallbackResult onExtra(ExtraEvent event, CallbackResult previous);
  }
}
