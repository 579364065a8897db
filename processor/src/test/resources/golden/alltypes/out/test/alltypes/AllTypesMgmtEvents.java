package test.alltypes;

import io.mcumgr4j.callback.CallbackResult;
import io.mcumgr4j.callback.MgmtCallbacks;
import io.mcumgr4j.callback.MgmtEventIds;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * Callback hooks of the {@code all_types} group (id 100): each hooked command of {@link AllTypesMgmt} fires its event
 * after its request decoded and before it runs; a listener lets it go on ({@code CallbackResult.OK}) or
 * fails it with an {@code rc} or a group error.
 */
@Generated("io.mcumgr4j.processor.MgmtProcessor")
public final class AllTypesMgmtEvents {
  /**
   * The callback event group of these hooks.
   */
  public static final int EVENT_GROUP = 100;

  /**
   * Fired by {@link AllTypesMgmt#store} before it runs; data {@link StoreEvent}.
   */
  public static final int STORE = MgmtEventIds.id(EVENT_GROUP, 0);

  /**
   * Fired by {@link AllTypesMgmt#writeSetting} before it runs; data {@link WriteSettingEvent}.
   */
  public static final int WRITE_SETTING = MgmtEventIds.id(EVENT_GROUP, 1);

  /**
   * Fired by {@link AllTypesMgmt#reset} before it runs; data {@link ResetEvent}.
   */
  public static final int RESET = MgmtEventIds.id(EVENT_GROUP, 2);

  private AllTypesMgmtEvents() {
  }

  /**
   * Registers {@code listener} for {@link #STORE}; close the registration to remove it.
   */
  public static MgmtCallbacks.Registration onStore(MgmtCallbacks callbacks,
      StoreListener listener) {
    return callbacks.register(STORE,
        (event, data, previous) -> listener.onStore((StoreEvent) data, previous));
  }

  /**
   * Registers {@code listener} for {@link #WRITE_SETTING}; close the registration to remove it.
   */
  public static MgmtCallbacks.Registration onWriteSetting(MgmtCallbacks callbacks,
      WriteSettingListener listener) {
    return callbacks.register(WRITE_SETTING,
        (event, data, previous) -> listener.onWriteSetting((WriteSettingEvent) data, previous));
  }

  /**
   * Registers {@code listener} for {@link #RESET}; close the registration to remove it.
   */
  public static MgmtCallbacks.Registration onReset(MgmtCallbacks callbacks,
      ResetListener listener) {
    return callbacks.register(RESET,
        (event, data, previous) -> listener.onReset((ResetEvent) data, previous));
  }

  /**
   * The decoded request of {@link AllTypesMgmt#store}.
   */
  public record StoreEvent(List<String> tags, List<AllTypesMgmt.Point> points,
      Map<String, Long> limits, Map<String, AllTypesMgmt.Shape> shapes, List<List<Double>> matrix,
      List<byte[]> blobs) {
  }

  /**
   * Listens to {@link #STORE}.
   */
  @FunctionalInterface
  public interface StoreListener {
    /**
     * @param event the request
     * @param previous the first failure earlier listeners returned, or {@code CallbackResult.OK}
     * @return {@code CallbackResult.OK} to let the command run, or a failure
     */
    CallbackResult onStore(StoreEvent event, CallbackResult previous);
  }

  /**
   * The decoded request of {@link AllTypesMgmt#writeSetting}.
   */
  public record WriteSettingEvent(String name, byte[] value) {
  }

  /**
   * Listens to {@link #WRITE_SETTING}.
   */
  @FunctionalInterface
  public interface WriteSettingListener {
    /**
     * @param event the request
     * @param previous the first failure earlier listeners returned, or {@code CallbackResult.OK}
     * @return {@code CallbackResult.OK} to let the command run, or a failure
     */
    CallbackResult onWriteSetting(WriteSettingEvent event, CallbackResult previous);
  }

  /**
   * The decoded request of {@link AllTypesMgmt#reset}.
   */
  public record ResetEvent() {
  }

  /**
   * Listens to {@link #RESET}.
   */
  @FunctionalInterface
  public interface ResetListener {
    /**
     * @param event the request
     * @param previous the first failure earlier listeners returned, or {@code CallbackResult.OK}
     * @return {@code CallbackResult.OK} to let the command run, or a failure
     */
    CallbackResult onReset(ResetEvent event, CallbackResult previous);
  }
}
